/**
 * The national 实施清单 elements as guides and boards print them (views/national.ts builds them).
 * Kept apart from shapes.ts so that the item and material shapes there only spread these in.
 * Most values come composed into one line of text: a board of thousands of items prints faster,
 * and a template needs no chain of {{#if}}s per element. null: the item does not declare it.
 */
import { bool, int, list, nullable, obj, oneOf, str } from './shape.ts';

const UNITS = ['workingDays', 'calendarDays', 'hours', 'minutes', 'sameDay'] as const;
const duration = obj({ amount: int('数量'), unit: oneOf(UNITS, '单位') }, '时限，用 {{duration 字段}} 显示，例如 10个工作日');

/** A legal reference with every national element: 法律法规名称, 依据文号, 颁布机关, 实施日期, 条款号, 条款内容. */
export const fullRefShape = obj(
  {
    law: str('法律法规名称'),
    number: nullable(str('依据文号，例如 民发〔2021〕57号')),
    issuer: nullable(str('颁布机关')),
    effectiveDate: nullable(str('实施日期（YYYY-MM-DD，北京时间），用 {{date 字段}} 显示')),
    article: nullable(str('条款号')),
    text: nullable(str('条款内容')),
  },
  '依据（含文号、颁布机关、实施日期）',
);

const organ = obj({ route: str('救济途径：行政复议 或 行政诉讼'), organ: str('机关'), address: nullable(str('地址')), phone: nullable(str('电话')) });

/** Spread into the item shape. */
export const itemNationalProps = {
  codes: nullable(obj({ basic: nullable(str('基本编码')), implementation: nullable(str('实施编码')), handling: nullable(str('业务办理项编码')) }), '国家事项编码'),
  catalogueVersion: nullable(str('事项版本（实施清单版本号）')),
  status: nullable(str('事项状态，例如 在用、暂停（说明）、取消（计划取消日期）')),
  implementer: nullable(str('实施主体，含性质和统一社会信用代码')),
  authoritySource: nullable(str('权力来源')),
  levels: nullable(str('行使层级，例如 县级、镇（乡、街道）级')),
  entrustedBy: nullable(str('委托部门，含统一社会信用代码')),
  serviceObjects: nullable(str('服务对象，例如 自然人、法人')),
  limitsNote: nullable(str('办结时限说明')),
  limitsBasis: list(fullRefShape, '办结时限依据'),
  visits: nullable(str('到办事现场次数，不为0时含必须现场办理的原因')),
  channelForms: nullable(str('办理形式，例如 窗口办理、网上办理')),
  onlineDepth: nullable(str('网上办理深度，例如 三级（在线办理，到现场一次）')),
  onlineUrl: nullable(str('网上办理地址')),
  appointment: nullable(str('预约办理：是否支持、每日数量、规则')),
  delivery: nullable(str('物流快递：申请材料和办理结果能否寄递')),
  selfService: nullable(str('自助终端：支持 或 不支持')),
  onlinePayment: nullable(str('网上支付：支持 或 不支持')),
  crossRegion: nullable(
    obj({ scope: str('通办范围'), types: nullable(str('通办类型')), receiving: nullable(str('收件地职责')), handling: nullable(str('办理地职责')) }),
    '通办',
  ),
  intermediaries: list(obj({ name: str('中介服务名称'), text: nullable(str('服务机构和收费')), basis: list(fullRefShape) }), '中介服务'),
  quantityLimit: nullable(str('数量限制')),
  resultType: nullable(str('审批结果类型：证照、批文、其他')),
  resultSample: nullable(str('审批结果样本（规则包内文件名）')),
  officeHours: str('办公时间'),
  directions: nullable(str('交通指引')),
  specialSteps: list(
    obj({ name: str('特殊环节名称'), limit: nullable(duration), fee: nullable(str('收费')), counted: nullable(str('是否计入办理时限')), basis: list(fullRefShape) }),
    '特殊环节（特别程序）',
  ),
  feeReductions: list(obj({ fee: str('收费项目'), text: str('减免情形'), basis: list(fullRefShape) }), '收费减免'),
  references: obj({ setting: list(fullRefShape, '设定依据'), implementation: list(fullRefShape, '实施依据') }, '设定依据和实施依据'),
  faq: list(obj({ question: str('问题'), answer: str('解答') }), '常见问题'),
  supervision: obj({ complaint: str('投诉电话'), report: str('举报电话（24小时）') }, '监督投诉电话（中心公布的号码）'),
  remedies: list(organ, '行政复议、行政诉讼机关'),
  rights: list(str(), '依法享有的权利'),
  obligations: list(str(), '依法履行的义务'),
  situations: list(
    obj({
      name: str('情形名称'),
      description: nullable(str('情形说明')),
      adds: list(str(), '该情形增加的材料'),
      removes: list(str(), '该情形免交的材料'),
      conditionsAdded: list(str(), '该情形增加的条件'),
      conditionsRemoved: list(str(), '该情形不适用的条件'),
      limits: nullable(str('该情形的时限，例如 法定20个工作日，承诺10个工作日')),
      basis: list(fullRefShape),
    }),
    '情形（自上而下取第一个适用的）',
  ),
  commitment: nullable(
    obj({
      text: nullable(str('承诺内容')),
      scope: nullable(str('适用范围')),
      excluded: list(str(), '不适用告知承诺的情形'),
      materials: list(str(), '可以书面承诺代替的材料'),
      postCheck: nullable(str('事后核查，例如 受理后30个工作日内由民政部门核查')),
      falseConsequence: nullable(str('虚假承诺的后果')),
      basis: list(fullRefShape),
    }),
    '告知承诺制（事项或材料可以书面承诺代替证明）',
  ),
} as const;

/** Spread into the item's material shape. */
export const materialNationalProps = {
  source: nullable(str('来源渠道及说明，例如 政府部门核发（户籍所在地公安机关核发）')),
  criteria: nullable(str('受理标准')),
  paper: nullable(str('纸质材料规格')),
  license: nullable(str('电子证照（可免提交），含目录编码')),
  blankForm: nullable(str('空白表格（文件名）')),
  sampleForm: nullable(str('示例样表（文件名）')),
  commitment: bool('可以书面承诺代替（告知承诺制）'),
  details: list(str(), '国家要素的说明各行：来源渠道、纸质规格、受理标准、电子证照、空白表格和示例样表、告知承诺'),
} as const;
