/**
 * The data each document type receives: one declared shape per type. It is the single source for
 * the builders' TypeScript types, the render-time validation (a value missing from the data is an
 * error, never a silent blank) and the template checker (a template may only use fields its
 * document's shape has; a field that may be empty must be tested with {{#if}} before it is printed).
 */
import { bool, int, list, nullable, num, obj, oneOf, str, type Infer, type JsonSchema, type Shape } from './shape.ts';
import { itemNationalProps, materialNationalProps } from './national-shape.ts';

export const NOTICE_TYPES = ['consultation', 'supplement', 'correctable', 'accepted', 'immediate', 'returned', 'rejected'] as const;
export const DOCUMENT_TYPES = [...NOTICE_TYPES, 'guide', 'board', 'center-board', 'window-poster', 'announcement', 'complaint-result', 'bundle-notice', 'commitment'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const NECESSITY = ['core', 'required', 'deferrable', 'optional'] as const;
const FORMS = ['original', 'copy', 'both'] as const;
const MEDIA = ['paper', 'electronic', 'either'] as const;
const MODES = ['immediate', 'promised', 'reported', 'joint', 'petition'] as const;
const UNITS = ['workingDays', 'calendarDays', 'hours', 'minutes', 'sameDay'] as const;
const PROBLEMS = ['absent', 'wrong-form', 'too-few-copies'] as const;
export const CHANNELS = ['oral', 'phone', 'written'] as const;

const date = (what: string) => str(`${what}（YYYY-MM-DD，北京时间）`);
const dateTime = (what: string) => str(`${what}（ISO 8601，北京时间）`);

export const durationShape = obj({ amount: int('数量'), unit: oneOf(UNITS, '单位') }, '时限，用 {{duration 字段}} 显示，例如 10个工作日');
const dueShape = obj(
  { amount: int('数量'), unit: oneOf(UNITS, '单位'), due: dateTime('到期时间') },
  '期限及到期时间',
);
const legalRef = obj({ law: str('法律法规名称'), article: nullable(str('条款')), text: nullable(str('条文摘要')) }, '法律依据');
const person = obj({ name: str('姓名'), title: str('职务') });

const center = obj(
  {
    name: str('中心名称'),
    code: str('文书编号前缀'),
    address: str('地址'),
    officeHours: str('办公时间，例如 周一至周五 08:30—12:00、13:00—17:30'),
    phones: obj({ consult: str('咨询电话'), complaint: str('投诉电话'), report: str('举报电话（24小时）') }),
    commitments: list(str(), '服务承诺'),
    duties: nullable(str('机构设置与职责')),
  },
  '服务中心',
);

const windowRef = obj({ number: int('窗口号'), name: str('窗口名称'), location: nullable(str('位置')) }, '受理窗口');

const itemMaterial = obj({
  id: str('材料标识'),
  name: str('材料名称'),
  necessity: oneOf(NECESSITY, '必要性，用 {{necessity 字段}} 显示'),
  form: oneOf(FORMS, '形式，用 {{form 字段}} 显示'),
  copies: int('份数'),
  medium: oneOf(MEDIA, '载体，用 {{medium 字段}} 显示'),
  issuer: nullable(str('出具单位')),
  fetchable: bool('中心可自行调取，申请人无需提交'),
  condition: nullable(str('需要提供的条件，例如 代他人申请时提供')),
  alternatives: list(
    obj({ name: str('材料名称'), form: oneOf(FORMS), copies: int(), medium: oneOf(MEDIA), issuer: nullable(str()), notes: nullable(str()) }),
    '可任选其一的材料',
  ),
  due: nullable(durationShape),
  department: nullable(str('联办件中所属部门')),
  sample: nullable(str('样表名称')),
  notes: nullable(str('填报须知')),
  bring: str('形式和份数的写法，例如 原件1份、原件1份、复印件2份（纸质或电子）'),
  remarks: list(str(), '“说明”一栏的各行：调取、条件、出具单位、容缺期限、任选其一、样表（不含 notes）'),
  // 实施清单: the material's national elements (national-shape.ts).
  ...materialNationalProps,
});

// 预公开: what a dated change will alter, computed from the two versions (views/changes.ts).
const changeLine = obj(
  { label: str('变更的内容，例如 承诺期限、新增材料'), text: str('原值 → 新值，例如 10个工作日 → 7个工作日；或新增、取消的那一项') },
  '一项变更',
);
const pendingChange = obj(
  {
    effectiveFrom: date('施行日期'),
    reference: str('变更依据（文件名称和文号）'),
    note: nullable(str('工作人员填写的变更说明')),
    lines: list(changeLine, '逐项变更（比较施行前后的版本得出）'),
  },
  '已公布、尚未施行的变更',
);

export const itemShape = obj(
  {
    code: str('事项编码'),
    name: str('事项名称'),
    type: str('事项类型，例如 行政许可'),
    mode: oneOf(MODES, '办理方式，用 {{mode 字段}} 显示；按条件选择办理方式的事项为其余情况（最后一项）的办理方式'),
    modes: list(
      obj({ mode: oneOf(MODES, '办理方式'), text: nullable(str('适用情形，例如 救助金额1000元以下的')), promised: durationShape, statutory: durationShape }),
      '按条件选择的办理方式，自上而下取第一个适用的（办理方式只有一种的事项为空）',
    ),
    modesText: nullable(str('按条件选择的办理方式的一句话写法，例如 救助金额1000元以下的，即办件（30分钟内办结）；救助金额超过1000元的，承诺件，承诺10个工作日；办理方式只有一种的事项为 null')),
    department: str('主办部门'),
    window: windowRef,
    departments: list(str(), '联办件的协办部门'),
    reportTo: nullable(str('上报件的审批机关')),
    basis: list(legalRef, '设定依据'),
    conditions: list(obj({ text: str('条件') }), '受理条件'),
    materials: list(itemMaterial, '申报材料'),
    procedure: list(obj({ step: str('步骤'), description: nullable(str('说明')), limit: nullable(durationShape) }), '办事程序'),
    limits: obj(
      {
        statutory: durationShape,
        promised: durationShape,
        extension: nullable(obj({ max: durationShape, approver: str('批准人'), basis: nullable(legalRef) })),
      },
      '时限（按条件选择办理方式的，为其余情况一项的时限；即办件未写时为 policy.yaml 的即办时限）',
    ),
    fees: list(obj({ name: str('收费项目'), amount: num('金额（元），用 {{money 字段}} 显示'), per: nullable(str('计费单位')), basis: legalRef }), '收费标准（空表示不收费）'),
    result: nullable(obj({ name: str('办理结果'), description: nullable(str('说明')) })),
    announcement: obj({ required: bool('须办结公告'), basis: nullable(legalRef), period: nullable(durationShape) }),
    service: obj({ appointment: bool('可预约'), homeService: bool('可上门服务'), homeServiceFor: nullable(str('上门服务对象')), online: bool('可网上办理') }),
    place: str('办理地点'),
    phone: str('咨询电话'),
    forms: list(obj({ name: str('样表名称'), description: nullable(str('填写说明')) }), '样表'),
    notes: nullable(str('其他说明')),
    version: nullable(obj({ effectiveFrom: date('施行日期'), reference: str('变更依据') }), '适用的事项版本（null 为原始声明）'),
    pending: list(pendingChange, '已公布、尚未施行的变更（预公开），按施行日期先后'),
    // 实施清单: the item's national elements, in the guide's section order (national-shape.ts).
    ...itemNationalProps,
  },
  '服务事项（某日有效的版本）',
);

const noticeDoc = obj(
  { type: oneOf(DOCUMENT_TYPES, '文书类型'), title: str('文书标题'), number: str('文书编号，例如 青便〔2026〕0001号'), date: date('出具日期') },
  '文书',
);
const publicationDoc = obj(
  { type: oneOf(DOCUMENT_TYPES, '文书类型'), title: str('标题'), number: nullable(str('文书编号（办事指南、公开栏不编号，恒为 null）')), date: date('公布日期') },
  '公布信息',
);

const applicant = nullable(
  obj({ name: str('姓名或单位名称'), idNumber: nullable(str('证件号码')), phone: nullable(str('联系电话')) }),
  '申请人；未提供时文书留出填写横线',
);
const subject = obj({ code: str('事项编码'), name: str('事项名称') }, '所申请的事项');
const handler = obj({ name: str('姓名'), title: str('职务'), window: str('窗口，例如 2号窗口（民政窗口）') }, '经办人（首问责任人）');
const contact = obj({ phone: str('联系电话'), place: str('办理地点') }, '联系方式');
const noticeMaterial = obj({
  id: str('材料标识'),
  name: str('材料名称'),
  necessity: oneOf(NECESSITY),
  form: oneOf(FORMS),
  copies: int('份数'),
  medium: nullable(oneOf(MEDIA)),
  condition: nullable(str('条件说明')),
  alternatives: list(str(), '可任选其一的材料名称'),
  department: nullable(str('联办件中所属部门')),
  notes: nullable(str('填报须知')),
  due: nullable(durationShape, '容缺材料受理后补交的期限'),
  parties: list(str(), '每一方各需一份的材料的各方称谓，例如 男方、女方（显示为“男方、女方各1份”）；空表示只需一份'),
});
const problem = obj({
  id: str('材料标识'),
  name: str('材料名称'),
  necessity: oneOf(NECESSITY),
  party: nullable(str('每一方各需一份的材料：是哪一方的，例如 女方（显示在材料名称前：女方居民身份证）')),
  problem: oneOf(PROBLEMS, '问题，用 {{problem 字段}} 显示'),
  detail: str('问题说明'),
  bring: str('应补交的形式和份数，例如 原件1份'),
  department: nullable(str('联办件中所属部门')),
  notes: nullable(str('填报须知')),
  basis: list(legalRef, '要求该材料的依据（事项中该材料的 basis）'),
});
const reason = obj({ code: str('规则'), message: str('理由'), basis: list(legalRef, '该理由的依据（受理条件、材料或转办目录的 basis）') });
const question = obj({
  fact: str('事实标识'),
  label: str('需要说明的情况，例如 本镇户籍'),
  answer: str('怎样说明，例如 是 / 否、填写数值（元）'),
  description: nullable(str('说明')),
  purpose: oneOf(['eligibility', 'mode', 'material'] as const, 'eligibility 决定受理条件，mode 决定适用的办理方式和时限，material 只决定材料'),
  decides: str('用途：判断哪项受理条件、确定是否需要哪些材料'),
});
const fee = obj({ name: str('收费项目'), amount: num('金额（元）'), per: nullable(str('计费单位')), basis: str('收费依据') });
const deferred = obj({ name: str('材料名称'), due: nullable(dateTime('补交截止时间')) });
const result = nullable(obj({ name: str('办理结果'), description: nullable(str('说明')) }));
const warnings = list(str(), '提示（例如期限超出已公布的节假日安排）');

const noticeBase = {
  doc: noticeDoc,
  center,
  applicant,
  subject,
  receivedAt: dateTime('收件时间'),
  handler,
  contact,
  citations: list(legalRef, '本通知书的依据（policy.documents.citations；退回件另加事项的设定依据）'),
  situation: nullable(obj({ id: str('情形标识'), name: str('情形名称，例如 换领') }), '适用的情形（业务办理项）；事项没有情形或无法判断时为 null'),
};

const complaint = obj({
  date: date('收到投诉的日期'),
  channel: oneOf(CHANNELS, '投诉方式，用 {{channel 字段}} 显示'),
  complainant: str('投诉人（已脱敏）'),
  target: str('被投诉的窗口或工作人员'),
  summary: str('投诉事项'),
  verified: bool('是否查实'),
  outcome: str('处理结果'),
  action: nullable(str('对责任人的处理')),
  repliedOn: nullable(date('答复日期')),
});

const upcomingChange = obj({
  code: str('事项编码'),
  name: str('事项名称'),
  effectiveFrom: date('施行日期'),
  reference: str('变更依据'),
  note: nullable(str('变更说明')),
  fields: list(str(), '变更的内容，例如 申报材料'),
});

// The board's layouts (center board, window posters, binder): paper, posts, roster, 好差评, 办结公告.
export const PAPERS = ['A4', 'A3', 'A1', 'A0'] as const;
const paper = obj(
  {
    size: oneOf(PAPERS, '纸张'),
    width: int('纸宽（毫米）'),
    height: int('纸高（毫米）'),
    margin: num('页边距（毫米）'),
    font: num('基准字号（磅），随纸张放大：其余字号用 rem 表示'),
  },
  '张贴用纸：@page 尺寸和随之放大的字号',
);
const boardPost = obj({ name: str('岗位'), duties: nullable(str('职责')), a: person, b: person });
const rosterMonths = list(
  obj({
    month: str('月份（YYYY-MM）'),
    publishedOn: nullable(date('公布日期')),
    days: list(obj({ date: date('日期'), day: str('日和星期，例如 1日 周二'), leader: obj({ name: str('姓名'), role: str('职务') }), onDuty: nullable(person) })),
  }),
  '领导带班值班表（本月，及已公布的下月）',
);
const dutyToday = nullable(
  obj({ date: date('日期'), leader: obj({ name: str('姓名'), role: str('职务') }), onDuty: nullable(person) }),
  '当日带班领导和值班人员（当日不在值班表中为 null）',
);
const boardReviews = nullable(
  obj({
    month: str('月份（YYYY-MM）'),
    grades: list(str(), '评价等级，由好到差（policy.reviews.grades）'),
    windows: list(
      obj({
        window: str('窗口，例如 2号窗口（民政窗口）'),
        total: int('评价数'),
        bad: int('差评数'),
        counts: list(obj({ grade: str('等级'), count: int('评价数') }), '各等级的评价数，与 grades 同序'),
      }),
    ),
    total: int('全中心评价数'),
    bad: int('全中心差评数'),
  }),
  '本月“好差评”各窗口的评价数（不含评价人信息，已撤销的差评不计）',
);
const recentCompletions = list(
  obj({ code: str('事项编码'), name: str('事项名称'), applicant: str('申请人（已脱敏）'), completedAt: dateTime('办结时间'), result: str('办理结果') }),
  '近期办结公告，新的在前（申请人已脱敏）',
);
const posterItem = obj(
  {
    item: itemShape,
    guide: nullable(obj({ url: str('网上办事指南地址'), qr: str('二维码图片（data: URI）') }), '扫码看办事指南；未设置公网地址（--public-url）时为 null'),
  },
  '窗口海报上的一个事项',
);

// 高效办成一件事: one notice for a bundle (views/bundle.ts).
const KINDS = ['consultation', 'supplement', 'correctable', 'returned', 'rejected', 'accepted'] as const;
const bundleMaterial = obj({
  id: str('申请时写的材料标识（共享材料为共享材料目录的标识）'),
  name: str('材料名称'),
  shared: bool('共享材料：几个事项共用，只交一次'),
  necessity: oneOf(NECESSITY, '各事项中要求最高的必要性，用 {{necessity 字段}} 显示'),
  bring: str('形式和份数，例如 原件1份、男方、女方各原件1份'),
  uses: list(obj({ code: str('事项编码'), name: str('事项名称'), text: str('在该事项中的要求，例如 必要；代他人申请时提供') }), '用于哪些事项'),
  notes: nullable(str('填报须知')),
});
const bundleNotice = obj({
  // The notice frame, field by field: a bundle has no single item's situation.
  doc: noticeBase.doc,
  center: noticeBase.center,
  applicant: noticeBase.applicant,
  subject: noticeBase.subject,
  receivedAt: noticeBase.receivedAt,
  handler: noticeBase.handler,
  contact: noticeBase.contact,
  citations: noticeBase.citations,
  bundle: obj({
    code: str('“一件事”编码'),
    name: str('“一件事”名称'),
    description: nullable(str('说明')),
    lead: str('牵头部门'),
    window: nullable(windowRef),
    basis: list(legalRef, '依据'),
  }),
  kind: oneOf(KINDS, '总的分类，用 {{kind 字段}} 显示'),
  items: list(
    obj({
      code: str('事项编码'),
      name: str('事项名称'),
      kind: oneOf(KINDS, '该事项的分类，用 {{kind 字段}} 显示'),
      department: str('主办部门'),
      limits: str('办理方式和时限，例如 即办件，承诺30分钟，法定当日'),
      due: nullable(dateTime('该事项在本件中的办结期限（受理后）')),
      reasons: list(str(), '补正、退回、不予受理的理由'),
      routeTo: nullable(str('不予受理时应去的机关或窗口')),
      fees: list(fee),
    }),
    '包含的事项，按办理先后',
  ),
  materials: obj({
    needed: list(bundleMaterial, '需要提交的材料（一套材料，共享材料只列一次）'),
    conditional: list(bundleMaterial, '视情况需要的材料'),
    fetched: list(bundleMaterial, '由中心调取、无需提交的材料'),
  }),
  missing: list(obj({ name: str('材料名称'), party: nullable(str('哪一方的')), detail: str('问题说明'), items: str('缺这份材料的事项，例如 WJ-001、RS-002') }), '需补正的材料（一次列全，同一份材料只列一次）'),
  deadline: nullable(obj({ acceptedAt: dateTime('受理时间'), due: dateTime('统一办结期限'), basis: str('统一期限怎样定的') }), '统一办结期限（全部受理时）'),
  warnings,
});

export const SHAPES = {
  'bundle-notice': bundleNotice,
  consultation: obj({
    ...noticeBase,
    item: itemShape,
    materials: obj({
      needed: list(noticeMaterial, '需要提交的材料'),
      conditional: list(noticeMaterial, '视情况需要的材料（取决于尚未提供的情况）'),
      fetched: list(noticeMaterial, '由中心调取、无需提交的材料'),
    }),
    fees: list(fee),
    warnings,
  }),
  supplement: obj({
    ...noticeBase,
    item: itemShape,
    problems: list(problem, '需补正的全部材料，一项一行'),
    questions: list(question, '需要申请人补充说明的情况（决定的 questions），一项一行'),
    reasons: list(reason, '其他补正理由（材料表和情况表未包括的）'),
    period: obj(
      {
        limit: nullable(durationShape, '补正期限；null 为未规定（policy.clocks.supplementPeriod）'),
        due: nullable(dateTime('补正截止时间（自通知书出具之日起计算）')),
        basis: list(legalRef, '补正期限的依据'),
      },
      '补正期限',
    ),
    consequence: str('补正的后果'),
    warnings,
  }),
  correctable: obj({
    ...noticeBase,
    doc: obj(
      { type: oneOf(DOCUMENT_TYPES, '文书类型'), title: str('文书标题'), number: nullable(str('文书编号：当场更正告知单不编号，恒为 null')), date: date('出具日期') },
      '文书（不编号）',
    ),
    item: itemShape,
    corrections: list(
      obj({
        id: str('材料标识'),
        name: str('材料名称'),
        party: nullable(str('每一方各需一份的材料：是哪一方的，例如 女方')),
        problem: oneOf(PROBLEMS, '问题，用 {{problem 字段}} 显示'),
        detail: str('问题说明'),
        bring: str('应当场交齐的形式和份数，例如 原件1份'),
        notes: nullable(str('填报须知（如 窗口提供空白申请书，当场填写）')),
      }),
      '可以当场更正的问题，一项一行',
    ),
    deferred: list(deferred, '容缺材料：受理后补交，期限自受理时起算'),
    warnings,
  }),
  accepted: obj({
    ...noticeBase,
    item: itemShape,
    acceptedAt: dateTime('受理时间'),
    mode: oneOf(MODES, '办理方式'),
    promised: dueShape,
    statutory: dueShape,
    reply: nullable(dueShape, '信访件：当场解决不了的答复期限（policy.yaml 的 clocks.petitionReply）；其他办理方式为 null'),
    leaderReception: nullable(dueShape, '信访件：领导接待的答复期限（policy.yaml 的 clocks.leaderReception）；其他办理方式为 null'),
    reportTo: nullable(str('上报审批机关')),
    jointDepartments: list(str(), '联办部门'),
    committed: list(obj({ name: str('材料名称'), postCheck: nullable(str('核查，例如 受理后20个工作日内核查承诺内容')) }), '以告知承诺代替的材料（受理后核查）'),
    deferred: list(deferred, '容缺受理、尚待补交的材料'),
    fees: list(fee),
    result,
    warnings,
  }),
  immediate: obj({
    ...noticeBase,
    item: itemShape,
    acceptedAt: dateTime('受理时间'),
    due: dueShape,
    deferred: list(deferred),
    fees: list(fee),
    result,
    warnings,
  }),
  returned: obj({
    ...noticeBase,
    item: itemShape,
    reasons: list(reason, '退回理由，每条一项'),
    problems: list(problem, '缺少或不合要求的材料'),
    rights: str('申请人的权利（陈述、申辩，行政复议，行政诉讼）'),
  }),
  rejected: obj({
    ...noticeBase,
    reasons: list(reason, '不予受理的理由'),
    routeTo: nullable(obj({ organ: str('机关'), window: nullable(str('窗口')), address: nullable(str('地址')), phone: nullable(str('电话')) }), '应去的机关或窗口'),
    rights: str('申请人的权利（陈述、申辩，行政复议，行政诉讼）'),
  }),
  guide: obj({
    doc: publicationDoc,
    center,
    item: itemShape,
    upcoming: list(upcomingChange, '已公布、尚未施行的变更（预公开）'),
    online: nullable(obj({ url: str('网上办事指南地址'), qr: str('二维码图片（data: URI）') }), '扫码看网上办事指南；未设置公网地址（--public-url）时为 null'),
  }),
  board: obj({
    doc: publicationDoc,
    center,
    departments: list(obj({ name: str('部门'), duties: nullable(str('职责')) })),
    leaders: list(obj({ name: str('姓名'), title: str('职务'), role: str('领导职务') })),
    windows: list(
      obj({
        number: int('窗口号'),
        name: str('窗口名称'),
        location: nullable(str('位置')),
        department: str('所属部门'),
        posts: list(obj({ name: str('岗位'), duties: nullable(str('职责')), a: person, b: person }), 'AB岗'),
        items: list(itemShape, '本窗口办理的事项'),
        toc: list(obj({ code: str('事项编码'), name: str('事项名称'), page: nullable(int('在汇编中的页码（打印时得出；未知为 null）')) }), '目录：与 items 同序'),
      }),
    ),
    upcoming: list(upcomingChange, '预公开：已公布、尚未施行的变更'),
    roster: list(
      obj({
        month: str('月份（YYYY-MM）'),
        publishedOn: nullable(date('公布日期')),
        days: list(obj({ date: date('日期'), leader: obj({ name: str('姓名'), role: str('职务') }), onDuty: nullable(person) })),
      }),
      '领导带班值班表（本月，及已公布的下月）',
    ),
    complaints: list(complaint, '近期投诉处理结果（已脱敏）'),
    itemCount: int('事项总数'),
    duty: dutyToday,
    reviews: boardReviews,
  }),
  'center-board': obj({
    doc: publicationDoc,
    paper,
    center,
    departments: list(obj({ name: str('部门'), duties: nullable(str('职责')) }), '进驻部门及职责'),
    leaders: list(obj({ name: str('姓名'), title: str('职务'), role: str('领导职务') }), '中心领导'),
    windows: list(
      obj({ number: int('窗口号'), name: str('窗口名称'), location: nullable(str('位置')), department: str('所属部门'), itemCount: int('本窗口事项数'), posts: list(boardPost, 'AB岗') }),
      '窗口设置和工作人员',
    ),
    duty: dutyToday,
    roster: rosterMonths,
    completions: recentCompletions,
    reviews: boardReviews,
    itemCount: int('事项总数'),
  }),
  'window-poster': obj({
    doc: publicationDoc,
    paper,
    center,
    publicUrl: nullable(str('公网地址（扫码看办事指南用）；未设置为 null')),
    windows: list(windowRef, '大厅全部窗口（导引）'),
    posters: list(
      obj({
        number: int('窗口号'),
        name: str('窗口名称'),
        location: nullable(str('位置')),
        department: str('所属部门'),
        posts: list(boardPost, 'AB岗'),
        items: list(posterItem, '本窗口办理的事项'),
      }),
      '每个窗口一张海报',
    ),
  }),
  announcement: obj({
    doc: noticeDoc,
    center,
    groups: list(
      obj({
        code: str('事项编码'),
        name: str('事项名称'),
        basis: nullable(legalRef),
        period: nullable(durationShape),
        entries: list(
          obj({
            applicant: str('申请人（已脱敏）'),
            idNumber: nullable(str('证件号码（已脱敏）')),
            acceptedAt: nullable(dateTime('受理时间')),
            completedAt: dateTime('办结时间'),
            result: str('办理结果'),
          }),
        ),
      }),
      '按事项分组的办结事项',
    ),
  }),
  // 告知承诺书 (国办发〔2020〕42号): the applicant's own paper, signed at the window (views/commitment.ts).
  commitment: obj({
    doc: obj(
      { type: oneOf(DOCUMENT_TYPES, '文书类型'), title: str('文书标题：证明事项告知承诺书'), number: nullable(str('文书编号：承诺书由申请人签署，不编号，恒为 null')), date: date('出具日期') },
      '文书（不编号）',
    ),
    center,
    applicant,
    subject,
    receivedAt: dateTime('收件时间'),
    materials: list(
      obj({
        id: str('材料标识'),
        name: str('以承诺代替的材料名称'),
        text: str('承诺内容'),
        scope: nullable(str('适用范围')),
        excluded: list(str(), '不适用告知承诺的情形'),
        postCheck: nullable(obj({ period: durationShape, by: nullable(str('核查方式或核查单位')) }, '核查：受理后在期限内核查承诺内容')),
        falseConsequence: nullable(str('虚假承诺的后果')),
        basis: list(legalRef, '告知承诺的依据'),
      }),
      '以书面承诺代替的材料，一项一条',
    ),
    citations: list(legalRef, '本承诺书的依据（各项承诺的依据合并，不重复）'),
  }),
  'complaint-result': obj({
    doc: noticeDoc,
    center,
    period: nullable(obj({ from: date('起'), to: date('止') }), '通报期间'),
    complaints: list(complaint),
  }),
} as const satisfies Record<DocumentType, Shape<unknown>>;

export type DocumentData = { [T in DocumentType]: Infer<(typeof SHAPES)[T]> };
export type ItemView = Infer<typeof itemShape>;

/** The JSON Schema of a document type's data (what a template may use). */
export function documentSchema(type: DocumentType): JsonSchema {
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: `文书数据：${type}`, ...SHAPES[type].schema };
}
