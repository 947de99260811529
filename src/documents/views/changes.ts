/**
 * 预公开: what a dated change of an item alters, in words a person at the hall can check —
 * `承诺期限：10个工作日 → 7个工作日`, `新增材料：家庭财产授权核查书（必要）`, `取消材料：居民户口簿`.
 * A change sets whole fields and patches lists by id (remove / replace / add), so what the officer
 * wrote says little about what the applicant will notice; the lines come from comparing the version
 * in force the day before the change with the one from that day (both built by itemVersionAt).
 */
import { formatDate, parseDate } from '../../core/index.ts';
import type { Fee, ItemChange, ItemFile } from '../../pack/index.ts';
import { changedFields, itemVersionAt, type ItemVersion } from '../../pack/index.ts';
import { formatDuration } from '../duration.ts';
import { label } from '../labels.ts';
import { formatMoney } from '../money.ts';
import type { ItemView } from '../shapes.ts';
import { tidyOrNull, tidyText } from '../text.ts';

export type PendingChangeView = ItemView['pending'][number];
export type ChangeLine = PendingChangeView['lines'][number];
/** An item as documents print it, without its own pending changes. */
export type ItemBody = Omit<ItemView, 'pending'>;

/** One side of a comparison: the version as declared (conditions keep their ids) and as printed. */
export interface ChangeSide {
  readonly version: ItemVersion;
  readonly view: ItemBody;
}

/** The Chinese name of each field a change may set, for a change whose effect is not printed (keywords, templates). */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: '事项名称',
  type: '事项类型',
  keywords: '检索关键词',
  department: '主办部门',
  window: '受理窗口',
  mode: '办理方式',
  departments: '联办部门',
  reportTo: '审批机关',
  basis: '设定依据',
  conditions: '受理条件',
  materials: '申报材料',
  procedure: '办事程序',
  limits: '办理时限',
  fees: '收费标准',
  result: '办理结果',
  announcement: '办结公告',
  service: '预约和上门服务',
  place: '办理地点',
  phone: '咨询电话',
  forms: '样表',
  documents: '文书格式',
  notes: '其他说明',
  // 实施清单 elements (issue 16): a change that sets them names them in Chinese.
  codes: '事项编码（国家）',
  version: '事项版本',
  status: '事项状态',
  authority: '权力来源和实施主体',
  serviceObjects: '服务对象',
  implementationBasis: '实施依据',
  specialSteps: '特殊环节',
  visits: '到办事现场次数',
  channels: '办理形式和网上办理',
  appointment: '预约办理',
  delivery: '物流快递',
  selfService: '自助终端',
  onlinePayment: '网上支付',
  crossRegion: '通办范围',
  intermediaries: '中介服务',
  quantityLimit: '数量限制',
  rights: '依法享有的权利',
  obligations: '依法履行的义务',
  remedies: '行政复议和行政诉讼',
  faq: '常见问题',
  directions: '交通指引',
  situations: '办理情形',
  commitment: '告知承诺',
};

const ARROW = ' → ';
const NONE = '无';

/**
 * The changes of `item` not yet in force in `version` (those after the change it applies), each
 * with its lines. `view` prints a version (views/item.ts), passed in so this module stays below it.
 */
export function pendingChanges(item: ItemFile, version: ItemVersion, view: (v: ItemVersion) => ItemBody): PendingChangeView[] {
  const since = version.appliedChange?.effectiveFrom ?? '';
  return (item.changes ?? [])
    .filter((c) => c.effectiveFrom > since)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
    .map((c) => pendingChange(item, c, view));
}

function pendingChange(item: ItemFile, change: ItemChange, view: (v: ItemVersion) => ItemBody): PendingChangeView {
  // The same rule the engine uses (itemVersionAt) picks both sides: no second reading of the patch.
  const before = itemVersionAt(item, dayBefore(change.effectiveFrom));
  const after = itemVersionAt(item, change.effectiveFrom);
  const lines = changeLines({ version: before, view: view(before) }, { version: after, view: view(after) });
  return {
    effectiveFrom: change.effectiveFrom,
    reference: change.reference,
    note: tidyOrNull(change.note),
    // A change that sets fields to what they already are, or only fields never printed: say which.
    lines: lines.length > 0 ? lines : [{ label: '调整内容', text: changedFields(change).map((k) => FIELD_NAMES[k] ?? k).join('、') }],
  };
}

function dayBefore(date: string): string {
  return formatDate(parseDate(date, { code: 'E-DOC-DATA' }) - 1);
}

/** Every printed difference between two versions of an item, in the order a guide lists them. */
export function changeLines(before: ChangeSide, after: ChangeSide): ChangeLine[] {
  const out: ChangeLine[] = [];
  const a = before.view;
  const b = after.view;
  const value = (name: string, x: string | null, y: string | null) => {
    if (x !== y) out.push({ label: name, text: `${x ?? NONE}${ARROW}${y ?? NONE}` });
  };
  value('事项名称', a.name, b.name);
  value('事项类型', a.type, b.type);
  value('办理方式', label('mode', a.mode), label('mode', b.mode));
  // A mode chosen by a condition: its branches in words (null when the item has a single mode).
  value('按情形办理', a.modesText, b.modesText);
  value('主办部门', a.department, b.department);
  value('受理窗口', windowText(a.window), windowText(b.window));
  value('联办部门', joined(a.departments), joined(b.departments));
  value('审批机关', a.reportTo, b.reportTo);
  value('法定期限', formatDuration(a.limits.statutory), formatDuration(b.limits.statutory));
  value('承诺期限', formatDuration(a.limits.promised), formatDuration(b.limits.promised));
  value('延长期限', extensionText(a.limits.extension), extensionText(b.limits.extension));
  out.push(...conditionLines(before.version, after.version));
  out.push(...materialLines(a.materials, b.materials, before.version, after.version));
  out.push(...feeLines(a.fees, b.fees, before.version.fees ?? [], after.version.fees ?? []));
  out.push(...procedureLines(a.procedure, b.procedure));
  value('办理结果', a.result?.name ?? null, b.result?.name ?? null);
  if (a.result?.name === b.result?.name) value('办理结果说明', a.result?.description ?? null, b.result?.description ?? null);
  value('办结公告', announcementText(a.announcement), announcementText(b.announcement));
  value('便民服务', serviceText(a.service), serviceText(b.service));
  value('办理地点', a.place, b.place);
  value('咨询电话', a.phone, b.phone);
  out.push(...setLines('设定依据', a.basis.map(refText), b.basis.map(refText)));
  out.push(...setLines('样表', a.forms.map((f) => f.name), b.forms.map((f) => f.name)));
  value('其他说明', a.notes, b.notes);
  return out;
}

/** `新增X：…` / `取消X：…` for the members of a list compared by their text. */
function setLines(what: string, before: readonly string[], after: readonly string[]): ChangeLine[] {
  return [
    ...after.filter((x) => !before.includes(x)).map((x) => ({ label: `新增${what}`, text: x })),
    ...before.filter((x) => !after.includes(x)).map((x) => ({ label: `取消${what}`, text: x })),
  ];
}

/** Conditions by id: a reworded one is a change, not a removal and an addition. */
function conditionLines(before: ItemVersion, after: ItemVersion): ChangeLine[] {
  const old = new Map((before.conditions ?? []).map((c) => [c.id, c]));
  const now = new Map((after.conditions ?? []).map((c) => [c.id, c]));
  const out: ChangeLine[] = [];
  for (const [id, c] of now) {
    const was = old.get(id);
    if (!was) out.push({ label: '新增受理条件', text: tidyText(c.text) });
    else if (tidyText(was.text) !== tidyText(c.text)) out.push({ label: '受理条件变更', text: rewording(tidyText(was.text), tidyText(c.text)) });
    // Same words, another test (a threshold behind the wording): the applicant still needs to know.
    else if (JSON.stringify(was.when) !== JSON.stringify(c.when) || (was.onFail ?? 'returned') !== (c.onFail ?? 'returned')) {
      out.push({ label: '受理条件调整', text: `${tidyText(c.text)}（审核标准调整）` });
    }
    // Replaced with other reasons, routes or basis only: still named, so no rewrite passes unannounced.
    else if (JSON.stringify(was) !== JSON.stringify(c)) out.push({ label: '受理条件调整', text: `${tidyText(c.text)}（不符合时的说明或依据调整）` });
  }
  for (const [id, c] of old) if (!now.has(id)) out.push({ label: '取消受理条件', text: tidyText(c.text) });
  return out;
}

const OPENERS = '（(，,、；;：:“ ';
const CLOSERS = '）)，,、；;：:”。 ';

/**
 * `标准（2026年每人每月650元 → 2027年每人每月680元）` rather than the whole sentence twice: the
 * words both share are kept once, cut at punctuation so that no number or word is split.
 */
export function rewording(before: string, after: string): string {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  // Back to just after the last opening mark of the shared start.
  while (p > 0 && !OPENERS.includes(before[p - 1]!)) p--;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  // Forward to the first closing mark of the shared end.
  while (q > 0 && !CLOSERS.includes(before[before.length - q]!)) q--;
  const head = before.slice(0, p);
  const tail = before.slice(before.length - q);
  const [x, y] = [before.slice(p, before.length - q), after.slice(p, after.length - q)];
  if (head.length + tail.length < 4 || x === '' || y === '') return `${before}${ARROW}${after}`;
  return `${head}${x}${ARROW}${y}${tail}`;
}

type MaterialView = ItemBody['materials'][number];

/** `必要`, `容缺，受理后10个工作日内补交`, `必要，代他人申请时提供`, `由中心调取，无需提交`. */
export function requirementText(m: MaterialView): string {
  if (m.fetchable) return '由中心调取，无需提交';
  const parts = [label('necessity', m.necessity)];
  if (m.due) parts.push(`受理后${formatDuration(m.due)}内补交`);
  if (m.condition) parts.push(tidyText(m.condition));
  return parts.join('，');
}

/**
 * Materials by id: added, then changed (renamed, required differently, brought differently, or
 * rewritten in a way the notice does not print), then removed. Added first, whatever the place a
 * change puts them in the list (`add` appends), so that the lines read the same for either form.
 */
function materialLines(before: readonly MaterialView[], after: readonly MaterialView[], was: ItemVersion, now: ItemVersion): ChangeLine[] {
  const old = new Map(before.map((m) => [m.id, m]));
  const ids = new Set(after.map((m) => m.id));
  const declared = new Map(was.materials.map((m) => [m.id, JSON.stringify(m)]));
  const out: ChangeLine[] = after.filter((m) => !old.has(m.id)).map((m) => ({ label: '新增材料', text: `${m.name}（${requirementText(m)}）` }));
  for (const m of after) {
    if (!old.has(m.id)) continue;
    const printed = out.length;
    out.push(...materialChanges(old.get(m.id)!, m));
    const entry = now.materials.find((x) => x.id === m.id);
    if (out.length === printed && entry && declared.get(m.id) !== JSON.stringify(entry)) out.push({ label: '材料调整', text: `${m.name}（具体要求调整，以办事指南为准）` });
  }
  for (const m of before) if (!ids.has(m.id)) out.push({ label: '取消材料', text: m.name });
  return out;
}

/** What a person bringing the material notices between two versions of it. */
function materialChanges(was: MaterialView, m: MaterialView): ChangeLine[] {
  const out: ChangeLine[] = [];
  if (was.name !== m.name) out.push({ label: '材料名称变更', text: `${was.name}${ARROW}${m.name}` });
  const req = [requirementText(was), requirementText(m)] as const;
  if (req[0] !== req[1]) out.push({ label: '材料要求变更', text: `${m.name}（${req[0]}${ARROW}${req[1]}）` });
  if (!m.fetchable && !was.fetchable && was.bring !== m.bring) out.push({ label: '提交要求变更', text: `${m.name}（${was.bring}${ARROW}${m.bring}）` });
  const choices = [joined(was.alternatives.map((x) => x.name)), joined(m.alternatives.map((x) => x.name))] as const;
  if (choices[0] !== choices[1]) out.push({ label: '可任选材料变更', text: `${m.name}（${choices[0]}${ARROW}${choices[1]}）` });
  return out;
}

type FeeView = ItemBody['fees'][number];

function feeText(f: FeeView): string {
  return `${formatMoney(f.amount)}${f.per ? `/${f.per}` : ''}`;
}

/**
 * Fees by id where they have one (a replaced fee may be renamed), else by name; a list that becomes
 * empty also says the item becomes free. `was`/`now`: the declared fees, index for index with the views.
 */
function feeLines(before: readonly FeeView[], after: readonly FeeView[], was: readonly Fee[], now: readonly Fee[]): ChangeLine[] {
  const key = (declared: readonly Fee[], f: FeeView, i: number): string => (declared[i]?.id !== undefined ? `id:${declared[i]!.id}` : `name:${f.name}`);
  const old = new Map(before.map((f, i) => [key(was, f, i), f]));
  const names = new Set(after.map((f, i) => key(now, f, i)));
  const out: ChangeLine[] = [];
  after.forEach((f, i) => {
    const prior = old.get(key(now, f, i));
    if (!prior) out.push({ label: '新增收费', text: `${f.name}：${feeText(f)}` });
    else if (feeText(prior) !== feeText(f) || prior.name !== f.name) out.push({ label: '收费标准变更', text: `${prior.name === f.name ? f.name : `${prior.name}${ARROW}${f.name}`}：${feeText(prior)}${ARROW}${feeText(f)}` });
  });
  before.forEach((f, i) => {
    if (!names.has(key(was, f, i))) out.push({ label: '取消收费', text: `${f.name}（原${feeText(f)}）${after.length === 0 ? '，本事项不再收费' : ''}` });
  });
  return out;
}

type StepView = ItemBody['procedure'][number];

function procedureLines(before: readonly StepView[], after: readonly StepView[]): ChangeLine[] {
  const steps = (list: readonly StepView[]) => joined(list.map((s) => `${s.step}${s.limit ? `（${formatDuration(s.limit)}）` : ''}`));
  if (steps(before) !== steps(after)) return [{ label: '办事程序', text: `${steps(before) ?? NONE}${ARROW}${steps(after) ?? NONE}` }];
  const reworded = after.filter((s, i) => before[i]?.description !== s.description).map((s) => s.step);
  return reworded.length > 0 ? [{ label: '办事程序说明调整', text: reworded.join('、') }] : [];
}

function windowText(w: ItemBody['window']): string {
  return `${w.number}号窗口（${w.name}）`;
}

function joined(list: readonly string[]): string | null {
  return list.length > 0 ? list.join('、') : null;
}

function extensionText(e: ItemBody['limits']['extension']): string {
  return e ? `经${e.approver}批准最长延长${formatDuration(e.max)}` : '不得延长';
}

function announcementText(a: ItemBody['announcement']): string {
  return a.required ? `办结后公告${a.period ? `，公告期${formatDuration(a.period)}` : ''}` : '不公告';
}

function serviceText(s: ItemBody['service']): string {
  const offered = [s.appointment && '可预约', s.online && '可网上办理', s.homeService && '可上门服务'].filter((x): x is string => typeof x === 'string');
  return offered.length > 0 ? offered.join('、') : '窗口办理';
}

function refText(r: ItemBody['basis'][number]): string {
  return `${r.law}${r.article ?? ''}`;
}

/** `承诺期限：10个工作日 → 7个工作日`: a line as one string (tests, plain-text output). */
export function changeLineText(line: ChangeLine): string {
  return `${line.label}：${line.text}`;
}
