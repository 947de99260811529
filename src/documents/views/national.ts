/**
 * The national 实施清单 elements of an item version as guides and boards print them
 * (shape: national-shape.ts). `situations` and `commitment` are read defensively: their schema is
 * written by other parts, and a guide must print whatever shape of them the pack holds.
 */
import type { Duration, ItemVersion, LegalRef, Material, PackData } from '../../pack/index.ts';
import { chineseDate } from '../dates.ts';
import { formatDuration } from '../duration.ts';
import type { itemNationalProps, materialNationalProps } from '../national-shape.ts';
import type { ItemView } from '../shapes.ts';
import { tidyOrNull, tidyText } from '../text.ts';

type FullRef = ItemView['references']['setting'][number];
type NationalItem = Pick<ItemView, keyof typeof itemNationalProps>;
type NationalMaterial = Pick<ItemView['materials'][number], keyof typeof materialNationalProps>;

export function fullRefView(ref: LegalRef): FullRef {
  return {
    law: ref.law,
    number: ref.number ?? null,
    issuer: ref.issuer ?? null,
    effectiveDate: ref.effectiveDate ?? null,
    article: ref.article ?? null,
    text: tidyOrNull(ref.text),
  };
}

const refs = (list: readonly LegalRef[] | undefined): FullRef[] => (list ?? []).map(fullRefView);

/** `forms/mz-001-申请书.pdf` → `mz-001-申请书.pdf`: the public sees the file's name, not the pack's folders. */
function fileName(file: string | undefined): string | null {
  if (!file) return null;
  return file.split('/').at(-1) ?? file;
}

const DEPTH: Readonly<Record<string, string>> = {
  一级: '一级（信息发布）',
  二级: '二级（在线预审）',
  三级: '三级（在线办理，到现场一次）',
  四级: '四级（全程网办）',
};

const yesNo = (v: boolean | undefined): string | null => (v === undefined ? null : v ? '支持' : '不支持');

// ── situations and commitment: shapes owned by other parts, read from unknown ──

type Rec = Readonly<Record<string, unknown>>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const strOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? tidyText(v) : null);
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(strOf).filter((s): s is string => s !== null) : []);

function isDuration(v: unknown): v is Duration {
  return isRec(v) && typeof v.amount === 'number' && typeof v.unit === 'string';
}

function isLegalRef(v: unknown): v is LegalRef {
  return isRec(v) && typeof v.law === 'string';
}

const refsOf = (v: unknown): FullRef[] => (Array.isArray(v) ? v.filter(isLegalRef).map(fullRefView) : []);

function situationsView(v: ItemVersion): NationalItem['situations'] {
  const materialName = new Map(v.materials.map((m) => [m.id, m.name]));
  const conditionText = new Map((v.conditions ?? []).map((c) => [c.id, tidyText(c.text)]));
  return recs((v as { situations?: unknown }).situations).map((s, i) => {
    const materials = isRec(s.materials) ? s.materials : {};
    const conditions = isRec(s.conditions) ? s.conditions : {};
    const limits = isRec(s.limits) ? s.limits : {};
    const clock = [
      isDuration(limits.statutory) ? `法定${formatDuration(limits.statutory)}` : null,
      isDuration(limits.promised) ? `承诺${formatDuration(limits.promised)}` : null,
    ].filter((x): x is string => x !== null);
    return {
      name: strOf(s.name) ?? strOf(s.id) ?? `情形${i + 1}`,
      description: strOf(s.description),
      // An added material may only `use` the materials catalogue: its id is then the best name at hand.
      adds: recs(materials.add).map((m) => strOf(m.name) ?? strOf(m.use) ?? strOf(m.id) ?? '').filter(Boolean),
      removes: strs(materials.remove).map((id) => materialName.get(id) ?? id),
      conditionsAdded: recs(conditions.add).map((c) => strOf(c.text) ?? strOf(c.id) ?? '').filter(Boolean),
      conditionsRemoved: strs(conditions.remove).map((id) => conditionText.get(id) ?? id),
      limits: clock.length > 0 ? clock.join('，') : null,
      basis: refsOf(s.basis),
    };
  });
}

/** A material accepts a commitment when it declares one (an object, or `true` under the item's). */
function materialCommitment(m: Material): Rec | true | null {
  const c = (m as { commitment?: unknown }).commitment;
  return c === true ? true : isRec(c) ? c : null;
}

function postCheckText(v: unknown): string | null {
  if (!isRec(v) || !isDuration(v.period)) return null;
  const by = strOf(v.by);
  return `受理后${formatDuration(v.period)}内核查承诺内容${by ? `（${by}）` : ''}`;
}

/**
 * Which materials accept a commitment is said by each material; the item's `commitment` is the
 * default wording. A material's own fields override it, so they print beside its name.
 */
function commitmentView(v: ItemVersion): NationalItem['commitment'] {
  const own = (v as { commitment?: unknown }).commitment;
  const materials = v.materials.map((m) => ({ m, c: materialCommitment(m) })).filter((x) => x.c !== null);
  if (materials.length === 0) return null;
  const item = isRec(own) ? own : null;
  // With no commitment on the item, the first material's own wording stands for the section.
  const c = item ?? materials.map((x) => x.c).find(isRec) ?? {};
  const named = materials.map(({ m, c: mc }) => {
    if (!isRec(mc) || mc === c) return m.name;
    const said = [
      strOf(mc.text) ? `承诺内容：${strOf(mc.text)}` : null,
      postCheckText(mc.postCheck),
      strOf(mc.falseConsequence) ? `虚假承诺的后果：${strOf(mc.falseConsequence)}` : null,
    ].filter((x): x is string => x !== null);
    return said.length > 0 ? `${m.name}（${said.join('；')}）` : m.name;
  });
  return {
    text: strOf(c.text),
    scope: strOf(c.scope),
    excluded: strs(c.excluded),
    materials: named,
    postCheck: postCheckText(c.postCheck),
    falseConsequence: strOf(c.falseConsequence),
    basis: refsOf(c.basis),
  };
}

// ── the elements ──

const credit = (code: string | undefined) => (code ? `统一社会信用代码：${code}` : undefined);

/** `名称（甲；乙）`, or the bare name when there is nothing to add. */
function withNote(name: string, notes: ReadonlyArray<string | undefined>): string {
  const said = notes.filter((n): n is string => Boolean(n));
  return said.length > 0 ? `${name}（${said.join('；')}）` : name;
}

export function nationalItemView(pack: PackData, v: ItemVersion, officeHours: string): NationalItem {
  const a = v.authority;
  const implementer = a?.implementer;
  const entrusted = a?.entrustedBy;
  const status = v.status
    ? [v.status.state, v.status.plannedCancelDate ? `计划于${chineseDate(v.status.plannedCancelDate)}取消` : null, tidyOrNull(v.status.note)].filter(Boolean).join('，')
    : null;
  const visits = v.visits ? (v.visits.count === 0 ? '0次（不需要到办事现场）' : `${v.visits.count}次${v.visits.reason ? `（${tidyText(v.visits.reason).replace(/[。；，]$/, '')}）` : ''}`) : null;
  const ap = v.appointment;
  const appointment = ap
    ? ap.available
      ? ['支持预约', ap.dailyQuota !== undefined ? `每日可预约${ap.dailyQuota}个` : null, tidyOrNull(ap.rules)].filter(Boolean).join('；')
      : '不支持预约'
    : null;
  const d = v.delivery;
  const deliveryParts = d
    ? [
        d.materials === undefined ? null : d.materials ? '申请材料可以邮寄' : '申请材料不支持邮寄',
        d.results === undefined ? null : d.results ? '办理结果可以快递送达' : '办理结果不支持寄递',
        tidyOrNull(d.note),
      ].filter((x): x is string => Boolean(x))
    : [];
  const cr = v.crossRegion;
  const phones = pack.center.center.phones;
  return {
    codes: v.codes ? { basic: v.codes.basic ?? null, implementation: v.codes.implementation ?? null, handling: v.codes.handling ?? null } : null,
    catalogueVersion: v.version ?? null,
    status,
    implementer: implementer ? withNote(implementer.name, [implementer.nature, credit(implementer.creditCode)]) : null,
    authoritySource: a?.source ?? null,
    levels: a?.levels?.length ? a.levels.join('、') : null,
    entrustedBy: entrusted ? withNote(entrusted.name, [credit(entrusted.creditCode)]) : null,
    serviceObjects: v.serviceObjects?.length ? v.serviceObjects.join('、') : null,
    limitsNote: tidyOrNull(v.limits?.note),
    limitsBasis: refs(v.limits?.basis),
    visits,
    channelForms: v.channels?.forms?.length ? v.channels.forms.join('、') : null,
    onlineDepth: v.channels?.onlineDepth ? (DEPTH[v.channels.onlineDepth] ?? v.channels.onlineDepth) : null,
    onlineUrl: v.channels?.url ?? null,
    appointment,
    delivery: deliveryParts.length > 0 ? deliveryParts.join('；') : null,
    selfService: yesNo(v.selfService),
    onlinePayment: yesNo(v.onlinePayment),
    crossRegion: cr
      ? { scope: cr.scope, types: cr.types?.length ? cr.types.join('、') : null, receiving: tidyOrNull(cr.receivingDuties), handling: tidyOrNull(cr.handlingDuties) }
      : null,
    intermediaries: (v.intermediaries ?? []).map((x) => {
      const text = [x.provider ? `服务机构：${tidyText(x.provider)}` : null, x.fee ? `收费：${tidyText(x.fee)}` : null].filter(Boolean).join('；');
      return { name: x.name, text: text || null, basis: refs(x.basis) };
    }),
    quantityLimit: tidyOrNull(v.quantityLimit),
    resultType: v.result?.type ?? null,
    resultSample: fileName(v.result?.sample),
    officeHours,
    directions: tidyOrNull(v.directions),
    specialSteps: (v.specialSteps ?? []).map((s) => ({
      name: s.name,
      limit: s.limit ? { amount: s.limit.amount, unit: s.limit.unit } : null,
      fee: tidyOrNull(s.fee),
      counted: s.countedInLimit === undefined ? null : s.countedInLimit ? '计入办理时限' : '不计入办理时限',
      basis: refs(s.basis),
    })),
    feeReductions: (v.fees ?? []).flatMap((f) => (f.reductions ?? []).map((r) => ({ fee: f.name, text: tidyText(r.text), basis: refs(r.basis) }))),
    references: { setting: refs(v.basis), implementation: refs(v.implementationBasis) },
    faq: (v.faq ?? []).map((q) => ({ question: tidyText(q.question), answer: tidyText(q.answer) })),
    supervision: { complaint: phones.complaint, report: phones.report },
    remedies: [
      ...(v.remedies?.reconsideration ? [{ route: '行政复议', ...v.remedies.reconsideration }] : []),
      ...(v.remedies?.litigation ? [{ route: '行政诉讼', ...v.remedies.litigation }] : []),
    ].map((r) => ({ route: r.route, organ: r.organ, address: r.address ?? null, phone: r.phone ?? null })),
    rights: (v.rights ?? []).map(tidyText),
    obligations: (v.obligations ?? []).map(tidyText),
    situations: situationsView(v),
    commitment: commitmentView(v),
  };
}

export function nationalMaterialView(m: Material): NationalMaterial {
  const source = m.sourceChannel ? `${m.sourceChannel.channel}${m.sourceChannel.note ? `（${tidyText(m.sourceChannel.note)}）` : ''}` : null;
  const license = m.license ? `${m.license.name ?? m.name}（电子证照目录编码：${m.license.code}），可凭电子证照免提交纸质材料` : null;
  const blankForm = fileName(m.blankForm);
  const sampleForm = fileName(m.sampleForm);
  const commitment = materialCommitment(m) !== null;
  const details = [
    source ? `来源渠道：${source}` : null,
    m.paper ? `纸质规格：${tidyText(m.paper)}` : null,
    m.acceptanceCriteria ? `受理标准：${tidyText(m.acceptanceCriteria)}` : null,
    license ? `电子证照：${license}` : null,
    blankForm ? `空白表格：${blankForm}` : null,
    sampleForm ? `示例样表：${sampleForm}` : null,
    m.copyReason ? `须提交复印件的理由：${tidyText(m.copyReason)}` : null,
    commitment ? '可以书面承诺代替（告知承诺制，见下）' : null,
  ].filter((x): x is string => x !== null);
  return {
    source,
    criteria: tidyOrNull(m.acceptanceCriteria),
    paper: tidyOrNull(m.paper),
    license,
    blankForm,
    sampleForm,
    commitment,
    details,
  };
}
