/**
 * The national exchange format (全国一体化政务服务平台 实施清单 data-exchange model): one table,
 * NATIONAL_FIELDS, maps each exchange field (UPPER_SNAKE, as the provincial platform names it) to
 * its national element name and to where bianmin writes it in an item file. Export, import, the
 * input check and the README's field table all read this table, so they cannot drift apart.
 *
 * Export writes each item file's base declaration (dated `changes` are bianmin's own and are kept
 * on import). Import replaces only the national fields of an existing item (matched by local code,
 * else by 业务办理项编码 / 实施编码) and edits its YAML through the `yaml` Document API, splicing
 * only the top-level entries it changed into the original text, so comments and everything beyond
 * the national set stay byte-for-byte; a field whose value already agrees is never touched, which
 * makes a second import of the same file change nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { formatPath, suggest, type PathSegment } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { validatePack } from './load.ts';
import type { PackData } from './model.ts';
import type { ItemFile } from './schema-types.ts';

/** The kinds of value an exchange field holds (as it appears in the exchange JSON). */
export type NationalValue =
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'texts'
  /** bianmin's value → the national wording, e.g. workingDays → 工作日. */
  | { readonly enum: Readonly<Record<string, string>> }
  /** A list of objects; `key` (a field of `fields`) identifies an entry, `match` is tried when the key is absent. */
  | { readonly list: readonly NationalField[]; readonly key?: string; readonly match?: string; readonly defaults?: Readonly<Record<string, unknown>> }
  | { readonly object: readonly NationalField[] };

export interface NationalField {
  /** Exchange field name, e.g. TASK_NAME. */
  readonly key: string;
  /** 国家要素名称, e.g. 事项名称. */
  readonly name: string;
  /** Dot path inside the item (or inside the list entry / object of the enclosing field). */
  readonly path: string;
  readonly value: NationalValue;
  /**
   * `local`: a bianmin extension (the local key and what a new item needs), written on import only
   * when present; `derived`: exported for the platform from elsewhere in the pack, ignored on import.
   */
  readonly origin?: 'local' | 'derived';
  /** Must be present in every exchange object. */
  readonly required?: boolean;
}

const UNITS = { workingDays: '工作日', calendarDays: '自然日', hours: '小时', minutes: '分钟', sameDay: '当日' } as const;
const FORMS = { original: '原件', copy: '复印件', both: '原件和复印件' } as const;
const MEDIA = { paper: '纸质', electronic: '电子', either: '纸质或电子' } as const;

/** 法律依据 (legalRef): the same sub-fields wherever a basis is written. */
const LAW_FIELDS: readonly NationalField[] = [
  { key: 'LAW_NAME', name: '法律法规名称', path: 'law', value: 'text', required: true },
  { key: 'LAW_NUMBER', name: '依据文号', path: 'number', value: 'text' },
  { key: 'LAW_ARTICLE', name: '条款号', path: 'article', value: 'text' },
  { key: 'LAW_CONTENT', name: '条款内容', path: 'text', value: 'text' },
  { key: 'LAW_ISSUER', name: '颁布机关', path: 'issuer', value: 'text' },
  { key: 'LAW_DATE', name: '实施日期', path: 'effectiveDate', value: 'date' },
];
const LAWS: NationalValue = { list: LAW_FIELDS };

function limitFields(prefix: string, label: string, at: string): NationalField[] {
  return [
    { key: `${prefix}_DAY`, name: `${label}`, path: `${at}.amount`, value: 'integer' },
    { key: `${prefix}_TYPE`, name: `${label}单位`, path: `${at}.unit`, value: { enum: UNITS } },
  ];
}

export const NATIONAL_MATERIAL_FIELDS: readonly NationalField[] = [
  { key: 'MATERIAL_CODE', name: '材料标识', path: 'id', value: 'text', origin: 'local' },
  { key: 'MATERIAL_NAME', name: '材料名称', path: 'name', value: 'text', required: true },
  { key: 'MATERIAL_FORM', name: '材料形式', path: 'form', value: { enum: FORMS } },
  { key: 'MATERIAL_MEDIUM', name: '材料载体', path: 'medium', value: { enum: MEDIA } },
  { key: 'PAGE_NUM', name: '份数', path: 'copies', value: 'integer' },
  { key: 'PAGE_FORMAT', name: '纸质材料', path: 'paper', value: 'text' },
  { key: 'SOURCE_TYPE', name: '来源渠道', path: 'sourceChannel.channel', value: 'text' },
  { key: 'SOURCE_EXPLAIN', name: '来源渠道说明', path: 'sourceChannel.note', value: 'text' },
  { key: 'ISSUE_ORG', name: '出具单位', path: 'issuer', value: 'text' },
  { key: 'ACCEPT_STAND', name: '受理标准', path: 'acceptanceCriteria', value: 'text' },
  { key: 'MATERIAL_LAW', name: '要求提供材料的依据', path: 'basis', value: LAWS },
  { key: 'FILL_EXPLAIN', name: '填报须知', path: 'notes', value: 'text' },
  { key: 'BLANK_FORM', name: '空白表格', path: 'blankForm', value: 'text' },
  { key: 'SAMPLE_FORM', name: '示例样表', path: 'sampleForm', value: 'text' },
  { key: 'LICENSE_CODE', name: '电子证照目录编码', path: 'license.code', value: 'text' },
  { key: 'LICENSE_NAME', name: '电子证照名称', path: 'license.name', value: 'text' },
];

/** Every exchange field of an item, in the order the exchange object and a new item file list them. */
export const NATIONAL_FIELDS: readonly NationalField[] = [
  { key: 'LOCAL_CODE', name: '本地事项编码', path: 'code', value: 'text', origin: 'local' },
  { key: 'TASK_NAME', name: '事项名称', path: 'name', value: 'text', required: true },
  { key: 'TASK_TYPE', name: '事项类型', path: 'type', value: 'text', required: true },
  { key: 'LOCAL_DEPT', name: '主办部门标识', path: 'department', value: 'text', origin: 'local' },
  { key: 'LOCAL_WINDOW', name: '受理窗口标识', path: 'window', value: 'text', origin: 'local' },
  { key: 'LOCAL_MODE', name: '办理方式', path: 'mode', value: 'text', origin: 'local' },
  { key: 'LOCAL_REPORT_TO', name: '上报审批机关', path: 'reportTo', value: 'text', origin: 'local' },
  { key: 'CATALOG_CODE', name: '基本编码', path: 'codes.basic', value: 'text' },
  { key: 'TASK_CODE', name: '实施编码', path: 'codes.implementation', value: 'text' },
  { key: 'TASK_HANDLE_ITEM', name: '业务办理项编码', path: 'codes.handling', value: 'text' },
  { key: 'TASK_VERSION', name: '事项版本', path: 'version', value: 'text' },
  { key: 'TASK_STATE', name: '事项状态', path: 'status.state', value: 'text' },
  { key: 'CANCEL_DATE', name: '计划取消日期', path: 'status.plannedCancelDate', value: 'date' },
  { key: 'TASK_STATE_EXPLAIN', name: '事项状态说明', path: 'status.note', value: 'text' },
  { key: 'POWER_SOURCE', name: '权力来源', path: 'authority.source', value: 'text' },
  { key: 'USE_LEVEL', name: '行使层级', path: 'authority.levels', value: 'texts' },
  { key: 'DEPT_NAME', name: '实施主体', path: 'authority.implementer.name', value: 'text' },
  { key: 'DEPT_TYPE', name: '实施主体性质', path: 'authority.implementer.nature', value: 'text' },
  { key: 'DEPT_CODE', name: '实施主体编码', path: 'authority.implementer.creditCode', value: 'text' },
  { key: 'ENTRUST_NAME', name: '委托部门', path: 'authority.entrustedBy.name', value: 'text' },
  { key: 'ENTRUST_CODE', name: '委托部门编码', path: 'authority.entrustedBy.creditCode', value: 'text' },
  { key: 'SERVE_TYPE', name: '服务对象', path: 'serviceObjects', value: 'texts' },
  { key: 'BY_LAW', name: '设定依据', path: 'basis', value: LAWS },
  { key: 'IMPL_LAW', name: '实施依据', path: 'implementationBasis', value: LAWS },
  { key: 'ACCEPT_CONDITION', name: '受理条件', path: 'conditions[].text', value: 'texts', origin: 'derived' },
  { key: 'MATERIALS', name: '申请材料', path: 'materials', value: { list: NATIONAL_MATERIAL_FIELDS, key: 'MATERIAL_CODE', match: 'MATERIAL_NAME', defaults: { necessity: 'required' } } },
  ...limitFields('ANTICIPATE', '法定办结时限', 'limits.statutory'),
  ...limitFields('PROMISE', '承诺办结时限', 'limits.promised'),
  { key: 'LIMIT_EXPLAIN', name: '办结时限说明', path: 'limits.note', value: 'text' },
  { key: 'LIMIT_LAW', name: '办结时限依据', path: 'limits.basis', value: LAWS },
  {
    key: 'SPECIAL_PROCEDURE',
    name: '特别程序',
    path: 'specialSteps',
    value: {
      key: 'SPECIAL_CODE',
      match: 'SPECIAL_NAME',
      list: [
        { key: 'SPECIAL_CODE', name: '特别程序标识', path: 'id', value: 'text', origin: 'local' },
        { key: 'SPECIAL_NAME', name: '特别程序种类', path: 'name', value: 'text', required: true },
        ...limitFields('SPECIAL_LIMIT', '特别程序时限', 'limit'),
        { key: 'SPECIAL_LAW', name: '特别程序设定依据', path: 'basis', value: LAWS },
        { key: 'SPECIAL_CHARGE', name: '特别程序收费标准', path: 'fee', value: 'text' },
        { key: 'IS_COUNT_LIMIT', name: '是否计入办理时限', path: 'countedInLimit', value: 'boolean' },
      ],
    },
  },
  {
    key: 'PROCEDURE',
    name: '办理流程',
    path: 'procedure',
    value: {
      key: 'STEP_CODE',
      match: 'STEP_NAME',
      list: [
        { key: 'STEP_CODE', name: '环节标识', path: 'id', value: 'text', origin: 'local' },
        { key: 'STEP_NAME', name: '办理环节', path: 'step', value: 'text', required: true },
        { key: 'STEP_EXPLAIN', name: '环节说明', path: 'description', value: 'text' },
        ...limitFields('STEP_LIMIT', '环节时限', 'limit'),
      ],
    },
  },
  {
    key: 'CHARGE',
    name: '收费标准',
    path: 'fees',
    value: {
      key: 'CHARGE_CODE',
      match: 'CHARGE_NAME',
      list: [
        { key: 'CHARGE_CODE', name: '收费项目标识', path: 'id', value: 'text', origin: 'local' },
        { key: 'CHARGE_NAME', name: '收费项目名称', path: 'name', value: 'text', required: true },
        { key: 'CHARGE_AMOUNT', name: '收费金额', path: 'amount', value: 'number' },
        { key: 'CHARGE_UNIT', name: '计费单位', path: 'per', value: 'text' },
        { key: 'CHARGE_LAW', name: '收费依据', path: 'basis', value: { object: LAW_FIELDS } },
        { key: 'CHARGE_REDUCTION', name: '收费减免', path: 'reductions', value: { list: [
          { key: 'REDUCTION_TEXT', name: '减免情形', path: 'text', value: 'text', required: true },
          { key: 'REDUCTION_LAW', name: '减免依据', path: 'basis', value: LAWS },
        ] } },
      ],
    },
  },
  { key: 'TRANSACT_ADDR', name: '办理地点', path: 'place', value: 'text' },
  { key: 'TRANSACT_TIME', name: '办理时间', path: 'center.yaml 的 center.officeHours', value: 'text', origin: 'derived' },
  { key: 'LINK_WAY', name: '咨询方式', path: 'phone', value: 'text' },
  { key: 'SUPERVISE_WAY', name: '监督投诉方式', path: 'center.yaml 的 center.phones.complaint', value: 'text', origin: 'derived' },
  { key: 'SCENE_NUM', name: '到办事现场次数', path: 'visits.count', value: 'integer' },
  { key: 'SCENE_REASON', name: '必须现场办理原因说明', path: 'visits.reason', value: 'text' },
  { key: 'HANDLE_TYPE', name: '办理形式', path: 'channels.forms', value: 'texts' },
  { key: 'ONLINE_DEPTH', name: '网上办理深度', path: 'channels.onlineDepth', value: 'text' },
  { key: 'ONLINE_URL', name: '网上办理地址', path: 'channels.url', value: 'text' },
  { key: 'IS_APPOINT', name: '是否支持预约办理', path: 'appointment.available', value: 'boolean' },
  { key: 'APPOINT_LIMIT', name: '每日预约数量上限', path: 'appointment.dailyQuota', value: 'integer' },
  { key: 'APPOINT_RULE', name: '预约办理规则', path: 'appointment.rules', value: 'text' },
  { key: 'IS_EXPRESS_MATERIAL', name: '申请材料寄递', path: 'delivery.materials', value: 'boolean' },
  { key: 'IS_EXPRESS_RESULT', name: '办理结果寄递', path: 'delivery.results', value: 'boolean' },
  { key: 'EXPRESS_EXPLAIN', name: '物流快递说明', path: 'delivery.note', value: 'text' },
  { key: 'IS_SELF_SERVICE', name: '是否支持自助终端办理', path: 'selfService', value: 'boolean' },
  { key: 'IS_ONLINE_PAY', name: '是否支持网上支付', path: 'onlinePayment', value: 'boolean' },
  { key: 'TONGBAN_SCOPE', name: '通办范围', path: 'crossRegion.scope', value: 'text' },
  { key: 'TONGBAN_TYPE', name: '通办类型', path: 'crossRegion.types', value: 'texts' },
  { key: 'TONGBAN_RECEIVE_DUTY', name: '收件地职责', path: 'crossRegion.receivingDuties', value: 'text' },
  { key: 'TONGBAN_HANDLE_DUTY', name: '办理地职责', path: 'crossRegion.handlingDuties', value: 'text' },
  {
    key: 'INTERMEDIARY',
    name: '中介服务',
    path: 'intermediaries',
    value: { list: [
      { key: 'INTERMEDIARY_NAME', name: '中介服务事项名称', path: 'name', value: 'text', required: true },
      { key: 'INTERMEDIARY_LAW', name: '中介服务设定依据', path: 'basis', value: LAWS },
      { key: 'INTERMEDIARY_ORG', name: '中介服务机构', path: 'provider', value: 'text' },
      { key: 'INTERMEDIARY_CHARGE', name: '中介服务收费标准', path: 'fee', value: 'text' },
    ] },
  },
  { key: 'QUANTITY_LIMIT', name: '数量限制', path: 'quantityLimit', value: 'text' },
  { key: 'APPLICANT_RIGHTS', name: '申请人权利', path: 'rights', value: 'texts' },
  { key: 'APPLICANT_DUTIES', name: '申请人义务', path: 'obligations', value: 'texts' },
  { key: 'RECONSIDER_ORGAN', name: '行政复议机关', path: 'remedies.reconsideration.organ', value: 'text' },
  { key: 'RECONSIDER_ADDR', name: '行政复议机关地址', path: 'remedies.reconsideration.address', value: 'text' },
  { key: 'RECONSIDER_PHONE', name: '行政复议机关联系电话', path: 'remedies.reconsideration.phone', value: 'text' },
  { key: 'LITIGATION_ORGAN', name: '行政诉讼机关', path: 'remedies.litigation.organ', value: 'text' },
  { key: 'LITIGATION_ADDR', name: '行政诉讼机关地址', path: 'remedies.litigation.address', value: 'text' },
  { key: 'LITIGATION_PHONE', name: '行政诉讼机关联系电话', path: 'remedies.litigation.phone', value: 'text' },
  {
    key: 'QUESTION',
    name: '常见问题',
    path: 'faq',
    value: { list: [
      { key: 'QUESTION_TITLE', name: '常见问题', path: 'question', value: 'text', required: true },
      { key: 'QUESTION_ANSWER', name: '常见问题解答', path: 'answer', value: 'text', required: true },
    ] },
  },
  { key: 'TRAFFIC_GUIDE', name: '交通指引', path: 'directions', value: 'text' },
  { key: 'RESULT_NAME', name: '审批结果名称', path: 'result.name', value: 'text' },
  { key: 'RESULT_TYPE', name: '审批结果类型', path: 'result.type', value: 'text' },
  { key: 'RESULT_EXPLAIN', name: '审批结果说明', path: 'result.description', value: 'text' },
  { key: 'RESULT_SAMPLE', name: '审批结果样本', path: 'result.sample', value: 'text' },
];

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function split(p: string): string[] {
  return p.split('.');
}

function getAt(obj: unknown, p: string): unknown {
  let at = obj;
  for (const seg of split(p)) at = isPlain(at) ? at[seg] : undefined;
  return at;
}

function setAt(obj: Plain, p: string, value: unknown): void {
  const segs = split(p);
  let at = obj;
  for (const seg of segs.slice(0, -1)) {
    const next = at[seg];
    if (isPlain(next)) at = next;
    else {
      const fresh: Plain = {};
      at[seg] = fresh;
      at = fresh;
    }
  }
  at[segs[segs.length - 1]!] = value;
}

/** One bianmin value → its exchange form (undefined when absent). */
function exportValue(f: NationalField, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  const kind = f.value;
  if (typeof kind === 'string') return v;
  if ('enum' in kind) return typeof v === 'string' ? (kind.enum[v] ?? v) : v;
  if ('object' in kind) return isPlain(v) ? exportObject(kind.object, v) : undefined;
  if (!Array.isArray(v)) return undefined;
  return v.map((e) => exportObject(kind.list, isPlain(e) ? e : {}));
}

function exportObject(fields: readonly NationalField[], data: Plain): Plain {
  const out: Plain = {};
  for (const f of fields) {
    const v = exportValue(f, getAt(data, f.path));
    if (v !== undefined) out[f.key] = v;
  }
  return out;
}

/** The exchange object of one item file's base declaration (its materials resolved), with the center's derived fields. */
export function nationalTask(item: ItemFile, center: PackData['center'] | null): Plain {
  const data = item as unknown as Plain;
  const out: Plain = {};
  for (const f of NATIONAL_FIELDS) {
    let v: unknown;
    if (f.key === 'ACCEPT_CONDITION') v = (item.conditions ?? []).map((c) => c.text);
    else if (f.key === 'TRANSACT_TIME') v = center ? officeHoursText(center) : undefined;
    else if (f.key === 'SUPERVISE_WAY') v = center ? `投诉电话：${center.center.phones.complaint}` : undefined;
    else if (f.key === 'LOCAL_MODE') v = typeof item.mode === 'string' ? item.mode : undefined;
    else v = exportValue(f, getAt(data, f.path));
    if (v !== undefined && !(Array.isArray(v) && v.length === 0 && f.origin === 'derived')) out[f.key] = v;
  }
  return out;
}

function officeHoursText(center: PackData['center']): string | undefined {
  const hours = center.center.officeHours;
  const names: Record<string, string> = { mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五', sat: '星期六', sun: '星期日' };
  const parts: string[] = [];
  for (const [day, spans] of Object.entries(hours)) {
    const text = Array.isArray(spans) ? spans.join('、') : '';
    parts.push(`${day === 'default' ? '工作日' : (names[day] ?? day)} ${text || '不办公'}`);
  }
  return parts.length > 0 ? parts.join('；') : undefined;
}

/** Every item of the pack, in file order, as exchange objects. */
export function exportNational(pack: PackData): Plain[] {
  return [...pack.items.values()].map((it) => nationalTask(it.data, pack.center));
}

// ───────────────────────── input check ─────────────────────────

export interface NationalProblem {
  /** JSON path in the exchange file, e.g. `$[2].MATERIALS[0].MATERIAL_NAME`. */
  readonly path: string;
  readonly message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function describeKind(kind: NationalValue): string {
  if (kind === 'text' || kind === 'date') return kind === 'date' ? '日期文字（YYYY-MM-DD）' : '文字';
  if (kind === 'integer') return '整数';
  if (kind === 'number') return '数字';
  if (kind === 'boolean') return 'true 或 false';
  if (kind === 'texts') return '文字列表';
  if ('enum' in kind) return `其中之一：${Object.values(kind.enum).join('、')}`;
  return 'list' in kind ? '对象列表' : '对象';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'string') return `文字 ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return '对象';
}

function checkValue(kind: NationalValue, v: unknown, at: PathSegment[], out: NationalProblem[]): void {
  const bad = (): void => void out.push({ path: formatPath(at), message: `应为${describeKind(kind)}，实际是${typeName(v)}` });
  if (kind === 'text') return void (typeof v === 'string' && v.trim() !== '' ? null : bad());
  if (kind === 'date') return void (typeof v === 'string' && DATE.test(v) ? null : bad());
  if (kind === 'integer') return void (Number.isInteger(v) ? null : bad());
  if (kind === 'number') return void (typeof v === 'number' && Number.isFinite(v) ? null : bad());
  if (kind === 'boolean') return void (typeof v === 'boolean' ? null : bad());
  if (kind === 'texts') {
    if (!Array.isArray(v)) return bad();
    v.forEach((e, i) => {
      if (typeof e !== 'string' || e.trim() === '') out.push({ path: formatPath([...at, i]), message: `应为文字，实际是${typeName(e)}` });
    });
    return;
  }
  if ('enum' in kind) return void (typeof v === 'string' && Object.values(kind.enum).includes(v) ? null : bad());
  if ('object' in kind) return isPlain(v) ? checkObject(kind.object, v, at, out) : bad();
  if (!Array.isArray(v)) return bad();
  v.forEach((e, i) => (isPlain(e) ? checkObject(kind.list, e, [...at, i], out) : out.push({ path: formatPath([...at, i]), message: `应为对象，实际是${typeName(e)}` })));
}

function checkObject(fields: readonly NationalField[], obj: Plain, at: PathSegment[], out: NationalProblem[]): void {
  const known = new Map(fields.map((f) => [f.key, f]));
  for (const [k, v] of Object.entries(obj)) {
    const f = known.get(k);
    if (!f) {
      const guess = suggest(k, [...known.keys()]);
      out.push({ path: formatPath([...at, k]), message: `未知字段 ${k}${guess ? `，是否应为 ${guess}？` : ''}` });
    } else checkValue(f.value, v, [...at, k], out);
  }
  for (const f of fields) if (f.required && !(f.key in obj)) out.push({ path: formatPath(at), message: `缺少必填字段 ${f.key}（${f.name}）` });
}

/** Problems of the exchange file's shape, each at its JSON path; none means `value` is a list of exchange objects. */
export function checkNationalInput(value: unknown): NationalProblem[] {
  if (!Array.isArray(value)) return [{ path: '$', message: `应为事项列表（JSON 数组），实际是${typeName(value)}` }];
  const out: NationalProblem[] = [];
  value.forEach((task, i) => (isPlain(task) ? checkObject(NATIONAL_FIELDS, task, [i], out) : out.push({ path: formatPath([i]), message: `应为事项对象，实际是${typeName(task)}` })));
  return out;
}

// ───────────────────────── import ─────────────────────────

/** National object → bianmin data (for new entries): the inverse of exportObject. */
function importObject(fields: readonly NationalField[], obj: Plain, defaults?: Readonly<Record<string, unknown>>): Plain {
  const out: Plain = {};
  for (const f of fields) {
    if (f.origin === 'derived' || !(f.key in obj)) continue;
    setAt(out, f.path, importValue(f, obj[f.key]));
  }
  if (!defaults) return out;
  // Defaults (a new material's necessity) go after its id and name, where a person writes them.
  const head = Object.entries(out).filter(([k]) => k === 'id' || k === 'name');
  const rest = Object.entries(out).filter(([k]) => k !== 'id' && k !== 'name');
  return Object.fromEntries([...head, ...Object.entries(defaults).filter(([k]) => !(k in out)), ...rest]);
}

function importValue(f: NationalField, v: unknown): unknown {
  const kind = f.value;
  if (typeof kind === 'string') return v;
  if ('enum' in kind) return Object.entries(kind.enum).find(([, label]) => label === v)?.[0] ?? v;
  if ('object' in kind) return importObject(kind.object, v as Plain);
  return (v as Plain[]).map((e) => importObject(kind.list, e, kind.defaults));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Lists of plain words (levels, forms, keywords) are written in flow style, as the sample files write them. */
function styled<T>(node: T): T {
  visit(node as Node, {
    Seq(_, seq) {
      if (seq.items.every((i) => isScalar(i))) seq.flow = true;
    },
  });
  return node;
}

/** Edits one YAML document; remembers which top-level keys it touched (only those are spliced back). */
class Editor {
  readonly touched = new Set<string>();
  constructor(readonly doc: Document) {}

  private mark(at: readonly (string | number)[]): void {
    if (typeof at[0] === 'string') this.touched.add(at[0]);
  }

  set(at: readonly (string | number)[], value: unknown): void {
    this.mark(at);
    this.doc.setIn(at, styled(this.doc.createNode(value)));
  }

  delete(at: readonly (string | number)[]): void {
    if (!this.doc.hasIn(at)) return;
    this.mark(at);
    this.doc.deleteIn(at);
    // An object left empty by the deletion goes too (`delivery: {}` says nothing).
    // Never a list entry: that would shift the positions the rest of the merge edits.
    for (let n = at.length - 1; n > 0 && typeof at[n - 1] === 'string'; n--) {
      const parent = this.doc.getIn(at.slice(0, n), true);
      if (isMap(parent) && parent.items.length === 0) this.doc.deleteIn(at.slice(0, n));
      else break;
    }
  }

  node(at: readonly (string | number)[]): unknown {
    return this.doc.getIn(at, true);
  }
}

/**
 * Brings the YAML object at `at` in line with `incoming` for `fields`: `current` is what the pack
 * exports there now (catalogue defaults resolved), so only fields whose value differs are written.
 */
function mergeObject(ed: Editor, at: (string | number)[], fields: readonly NationalField[], current: Plain, incoming: Plain): void {
  for (const f of fields) {
    if (f.origin === 'derived' || f.key === 'LOCAL_CODE') continue;
    const has = f.key in incoming;
    // Local fields (bianmin's own) are only written when the file carries them.
    if (f.origin === 'local' && !has) continue;
    const a = current[f.key];
    const b = incoming[f.key];
    if (same(a, b)) continue;
    const target = [...at, ...split(f.path)];
    const kind = f.value;
    if (!has) ed.delete(target);
    else if (typeof kind === 'object' && 'list' in kind && Array.isArray(a) && isSeq(ed.node(target))) {
      mergeList(ed, target, kind, a as Plain[], b as Plain[]);
    } else if (typeof kind === 'object' && 'object' in kind && isPlain(a) && isMap(ed.node(target))) {
      mergeObject(ed, target, kind.object, a, b as Plain);
    } else ed.set(target, importValue(f, b));
  }
}

type ListKind = Extract<NationalValue, { list: unknown }>;

/** Matches incoming entries to current ones (by key, else by `match`, else by position) and merges each. */
function mergeList(ed: Editor, at: (string | number)[], kind: ListKind, current: readonly Plain[], incoming: readonly Plain[]): void {
  const taken = new Set<number>();
  const pick = (e: Plain, i: number): number => {
    const find = (field: string | undefined): number => (field && field in e ? current.findIndex((c, j) => !taken.has(j) && same(c[field], e[field])) : -1);
    if (kind.key && kind.key in e) return find(kind.key);
    if (kind.match) return find(kind.match);
    return i < current.length && !taken.has(i) ? i : -1;
  };
  const matches = incoming.map((e, i) => {
    const j = pick(e, i);
    if (j >= 0) taken.add(j);
    return j;
  });
  const inPlace = matches.length === current.length && matches.every((j, i) => j === i);
  if (inPlace) {
    incoming.forEach((e, i) => mergeObject(ed, [...at, i], kind.list, current[i]!, e));
    return;
  }
  // Membership or order changed: rebuild the list from the kept nodes (edited) and new ones.
  const seq = ed.node(at) as YAMLSeq;
  const old = [...seq.items];
  incoming.forEach((e, i) => {
    const j = matches[i]!;
    if (j >= 0) mergeObject(ed, [...at, j], kind.list, current[j]!, e);
  });
  const items = incoming.map((e, i) => {
    const j = matches[i]!;
    return j >= 0 ? old[j] : styled(ed.doc.createNode(importObject(kind.list, e, kind.defaults)));
  });
  ed.touched.add(String(at[0]));
  seq.items = items as typeof seq.items;
}

const PRINT = { lineWidth: 0, flowCollectionPadding: true } as const;

/** The original text with only the touched top-level entries replaced by their new text (comments elsewhere untouched). */
function splice(original: string, doc: Document, touched: ReadonlySet<string>): string {
  if (touched.size === 0) return original;
  const before = parseDocument(original);
  const printed = doc.toString(PRINT);
  const after = parseDocument(printed);
  const spans = (d: Document, text: string): Map<string, [number, number]> => {
    const out = new Map<string, [number, number]>();
    const root = d.contents;
    if (!isMap(root)) return out;
    for (const pair of (root as YAMLMap).items) {
      const key = (pair as Pair<Scalar, Node>).key;
      const value = (pair as Pair<Scalar, Node | null>).value;
      if (!key?.range) continue;
      const end = value?.range ? value.range[1] : key.range[2];
      // Through the end of the entry's last line.
      const nl = text.indexOf('\n', Math.max(end - 1, key.range[0]));
      out.set(String(key.value), [key.range[0], nl < 0 ? text.length : nl + 1]);
    }
    return out;
  };
  const was = spans(before, original);
  const now = spans(after, printed);
  const edits: Array<[number, number, string]> = [];
  let appended = '';
  for (const key of touched) {
    const old = was.get(key);
    const fresh = now.get(key);
    const text = fresh ? printed.slice(fresh[0], fresh[1]) : '';
    if (old) edits.push([old[0], old[1], text]);
    // A new top-level entry goes at the end, set off by a blank line like the sample files' blocks.
    else if (fresh) appended += `\n${text}`;
  }
  let out = original;
  for (const [start, end, text] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, start) + text + out.slice(end);
  if (appended) out = (out.endsWith('\n') ? out : out + '\n') + appended;
  return out;
}

export interface NationalImport {
  /** Files to write, pack-relative, with their new text; only files that change. */
  readonly files: ReadonlyArray<{ readonly file: string; readonly text: string; readonly created: boolean }>;
  /** Problems of the exchange file, at JSON paths (nothing is written when there are any). */
  readonly problems: readonly NationalProblem[];
  /** Errors of the pack as it would be after the import (nothing is written when there are any). */
  readonly errors: readonly Diagnostic[];
}

/** Checks `value` (the parsed exchange file) and computes the item files an import into `pack` writes. */
export async function importNational(pack: PackData, value: unknown): Promise<NationalImport> {
  const problems = checkNationalInput(value);
  if (problems.length > 0) return { files: [], problems, errors: [] };
  const tasks = value as Plain[];
  const items = [...pack.items.values()];
  const claimed = new Map<string, number>();
  const files: Array<{ file: string; text: string; created: boolean }> = [];
  for (const [i, task] of tasks.entries()) {
    const local = task['LOCAL_CODE'];
    const byCode = (field: string, p: string): typeof items => (typeof task[field] === 'string' ? items.filter((it) => getAt(it.data, p) === task[field]) : []);
    let found: (typeof items)[number] | undefined;
    if (typeof local === 'string') found = pack.items.get(local);
    else {
      const handling = byCode('TASK_HANDLE_ITEM', 'codes.handling');
      const impl = byCode('TASK_CODE', 'codes.implementation');
      found = handling.length === 1 ? handling[0] : handling.length === 0 && impl.length === 1 ? impl[0] : undefined;
    }
    const code = found ? found.data.code : typeof local === 'string' ? local : null;
    if (code === null) {
      problems.push({ path: formatPath([i]), message: '没有 LOCAL_CODE（本地事项编码），按 TASK_HANDLE_ITEM、TASK_CODE 也找不到唯一对应的事项：新事项须写 LOCAL_CODE' });
      continue;
    }
    const first = claimed.get(code);
    if (first !== undefined) {
      problems.push({ path: formatPath([i]), message: `与第 ${first + 1} 项对应同一事项 ${code}` });
      continue;
    }
    claimed.set(code, i);
    if (found) {
      const text = await readFile(path.join(pack.dir, found.file), 'utf8');
      const doc = parseDocument(text);
      const ed = new Editor(doc);
      mergeObject(ed, [], NATIONAL_FIELDS, nationalTask(found.data, pack.center), task);
      const out = splice(text, doc, ed.touched);
      if (out !== text) files.push({ file: found.file, text: out, created: false });
    } else {
      const missing = ['LOCAL_DEPT', 'LOCAL_WINDOW', 'LOCAL_MODE'].filter((k) => !(k in task));
      if (missing.length > 0) {
        problems.push({ path: formatPath([i]), message: `新事项 ${code} 须写 ${missing.join('、')}（本中心的主办部门、受理窗口和办理方式）` });
        continue;
      }
      const data = importObject(NATIONAL_FIELDS, task);
      const doc = parseDocument('{}') as Document;
      doc.contents = styled(doc.createNode(data)) as typeof doc.contents;
      doc.commentBefore = ` 由 bianmin import --format national 导入：${String(task['TASK_NAME'])}`;
      files.push({ file: `items/${code.toLowerCase()}.yaml`, text: doc.toString(PRINT), created: true });
    }
  }
  if (problems.length > 0 || files.length === 0) return { files: problems.length > 0 ? [] : files, problems, errors: [] };
  return { files, problems, errors: await errorsAfter(pack.dir, files) };
}

/** Validates the pack as it would be with `files` written (through an overlay; nothing on disk changes). */
async function errorsAfter(dir: string, files: ReadonlyArray<{ file: string; text: string }>): Promise<readonly Diagnostic[]> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'bianmin-import-'));
  try {
    const overlay = new Map<string, string | null>();
    for (const [n, f] of files.entries()) {
      const at = path.join(tmp, `${n}.yaml`);
      await writeFile(at, f.text, 'utf8');
      overlay.set(f.file, at);
    }
    return (await validatePack(dir, { overlay })).errors;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The README's field table (Markdown): exchange name | 国家要素名称 | bianmin path. */
export function nationalFieldTable(): string {
  const rows: string[] = [];
  const walk = (fields: readonly NationalField[], prefix: string, parent: string): void => {
    for (const f of fields) {
      const where = f.origin === 'derived' ? `${f.path}（只导出，导入时忽略）` : f.origin === 'local' ? `${parent}${f.path}（bianmin 扩展）` : `${parent}${f.path}`;
      rows.push(`| ${prefix}${f.key} | ${f.name} | ${where} |`);
      const kind = f.value;
      if (typeof kind === 'object' && 'list' in kind) walk(kind.list, `${prefix}${f.key}[].`, `${parent}${f.path}[].`);
      if (typeof kind === 'object' && 'object' in kind) walk(kind.object, `${prefix}${f.key}.`, `${parent}${f.path}.`);
    }
  };
  walk(NATIONAL_FIELDS, '', '');
  return ['| 交换字段 | 国家要素名称 | bianmin 路径 |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Renders a problem of the exchange file for the CLI: `$[0].TASK_NAME：应为文字…`. */
export function nationalProblemText(p: NationalProblem): string {
  return `${p.path}：${p.message}`;
}
