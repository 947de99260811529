import type { PackData } from '../../pack/index.ts';
import type { ItemChange, ItemFile, LegalRef, Material } from '../../pack/index.ts';
import { MODE_LABELS, changedFields, defaultBranch, itemVersionAt, modeBranches, upcomingChanges, type ItemVersion, type ModeBranch } from '../../pack/index.ts';
import type { DocumentData, ItemView } from '../shapes.ts';
import { tidyOrNull, tidyText } from '../text.ts';
import { formatDuration } from '../duration.ts';
import { label } from '../labels.ts';
import { bringText, eachText } from './bring.ts';
import { departmentName, officeHoursText, windowOf } from './center.ts';
import { FIELD_NAMES, pendingChanges, type ItemBody } from './changes.ts';
import { nationalItemView, nationalMaterialView } from './national.ts';

type LegalRefView = ItemView['basis'][number];

export function legalRefView(ref: LegalRef): LegalRefView {
  return { law: ref.law, article: ref.article ?? null, text: tidyOrNull(ref.text) };
}

/** `《社会救助暂行办法》第九条`. */
export function legalRefText(ref: LegalRef): string {
  return `${ref.law}${ref.article ? ref.article : ''}`;
}

/** Everything of an item as in force on `date` (YYYY-MM-DD), with every default spelled out. */
export function itemView(pack: PackData, item: ItemFile, date: string): ItemView {
  return versionView(pack, itemVersionAt(item, date));
}

/**
 * A version as printed, with the changes of its item still to come (预公开), computed against
 * the item the pack holds under the version's code.
 */
export function versionView(pack: PackData, v: ItemVersion): ItemView {
  const item = pack.items.get(v.code)?.data;
  return { ...versionBody(pack, v), pending: item ? pendingChanges(item, v, (x) => versionBody(pack, x)) : [] };
}

function versionBody(pack: PackData, v: ItemVersion): ItemBody {
  const window = windowOf(pack, v.window);
  const department = (id: string | undefined) => (id ? departmentName(pack, id) : null);
  // One source per clock: the default branch's resolved limits (an immediate item's are the
  // policy's immediate clock unless it declares its own), and every branch of a conditional mode.
  const main = defaultBranch(v, pack.policy);
  const branches = typeof v.mode === 'string' ? [] : modeBranches(v, pack.policy);
  const limits = main.limits;
  return {
    code: v.code,
    name: v.name,
    type: v.type,
    mode: main.mode,
    modes: branches.map((b) => ({ mode: b.mode, text: b.text, promised: { ...b.limits.promised }, statutory: { ...b.limits.statutory } })),
    modesText: branches.length > 0 ? branches.map(branchText).join('；') : null,
    department: departmentName(pack, v.department),
    window,
    departments: (v.departments ?? []).map((d) => departmentName(pack, d)),
    reportTo: v.reportTo ?? null,
    basis: (v.basis ?? []).map(legalRefView),
    conditions: (v.conditions ?? []).map((c) => ({ text: tidyText(c.text) })),
    materials: v.materials.map((m) => ({
      id: m.id,
      name: m.name,
      necessity: m.necessity,
      form: m.form ?? 'original',
      copies: m.copies ?? 1,
      medium: m.medium ?? 'paper',
      issuer: m.issuer ?? null,
      fetchable: m.fetchable ?? false,
      condition: m.requiredWhenText ?? null,
      alternatives: (m.alternatives ?? []).map((a) => ({
        name: a.name,
        form: a.form ?? 'original',
        copies: a.copies ?? 1,
        medium: a.medium ?? 'paper',
        issuer: a.issuer ?? null,
        notes: tidyOrNull(a.notes),
      })),
      due: m.due ? { amount: m.due.amount, unit: m.due.unit } : null,
      department: department(m.department),
      sample: m.sample ?? null,
      notes: tidyOrNull(m.notes),
      bring: `${eachText(m.perParty)}${bringText(m.form ?? 'original', m.copies ?? 1)}${mediumNote(m.medium)}`,
      remarks: materialRemarks(m),
      ...nationalMaterialView(m),
    })),
    procedure: (v.procedure ?? []).map((p) => ({
      step: p.step,
      description: tidyOrNull(p.description),
      limit: p.limit ? { amount: p.limit.amount, unit: p.limit.unit } : null,
    })),
    limits: {
      statutory: { amount: limits.statutory.amount, unit: limits.statutory.unit },
      promised: { amount: limits.promised.amount, unit: limits.promised.unit },
      extension: limits.extension
        ? {
            max: { amount: limits.extension.max.amount, unit: limits.extension.max.unit },
            approver: limits.extension.approver,
            basis: limits.extension.basis ? legalRefView(limits.extension.basis) : null,
          }
        : null,
    },
    fees: (v.fees ?? []).map((f) => ({ name: f.name, amount: f.amount, per: f.per ?? null, basis: legalRefView(f.basis) })),
    result: v.result ? { name: v.result.name, description: tidyOrNull(v.result.description) } : null,
    announcement: {
      required: v.announcement?.required ?? false,
      basis: v.announcement?.basis ? legalRefView(v.announcement.basis) : null,
      period: v.announcement?.period ? { amount: v.announcement.period.amount, unit: v.announcement.period.unit } : null,
    },
    service: {
      appointment: v.service?.appointment ?? false,
      homeService: v.service?.homeService ?? false,
      homeServiceFor: tidyOrNull(v.service?.homeServiceFor),
      online: v.service?.online ?? false,
    },
    place: v.place ?? `${pack.center.center.address}，${window.number}号窗口（${window.name}${window.location ? `，${window.location}` : ''}）`,
    phone: v.phone ?? pack.center.center.phones.consult,
    forms: (v.forms ?? []).map((f) => ({ name: f.name, description: tidyOrNull(f.description) })),
    notes: tidyOrNull(v.notes),
    version: v.appliedChange ? { effectiveFrom: v.appliedChange.effectiveFrom, reference: v.appliedChange.reference } : null,
    ...nationalItemView(pack, v, officeHoursText(pack.center.center.officeHours)),
  };
}

type UpcomingView = DocumentData['board']['upcoming'][number];

/** Changes announced but not yet in force on `date`: pre-disclosure (预公开). */
export function upcomingView(item: ItemFile, date: string): UpcomingView[] {
  const current = itemVersionAt(item, date);
  return upcomingChanges(item, date)
    .slice()
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
    .map((c: ItemChange) => ({
      code: item.code,
      name: current.name,
      effectiveFrom: c.effectiveFrom,
      reference: c.reference,
      note: tidyOrNull(c.note),
      fields: changedFields(c).map((k) => FIELD_NAMES[k] ?? k),
    }));
}

/** `救助金额1000元以下的，即办件（30分钟内办结）` / `救助金额超过1000元的，承诺件，承诺10个工作日`. */
function branchText(b: ModeBranch): string {
  const when = b.text ?? (b.when ? '符合条件的' : '其余情况');
  const clock = b.mode === 'immediate' ? `${MODE_LABELS[b.mode]}（${formatDuration(b.limits.promised)}内办结）` : `${MODE_LABELS[b.mode]}，承诺${formatDuration(b.limits.promised)}`;
  return `${tidyText(when).replace(/[，。；]$/, '')}，${clock}`;
}

function mediumNote(medium: Material['medium']): string {
  return medium && medium !== 'paper' ? `（${label('medium', medium)}）` : '';
}

/**
 * The lines of the “说明” column, composed once here rather than by a dozen {{#if}}s per material:
 * a board of thousands of items renders a third faster. The raw fields stay available to templates.
 */
function materialRemarks(m: Material): string[] {
  const out: string[] = [];
  if (m.fetchable) out.push('由中心通过共享调取，无需提交');
  if (m.requiredWhenText) out.push(tidyText(m.requiredWhenText));
  if (m.issuer) out.push(`出具单位：${m.issuer}`);
  if (m.due) out.push(`可容缺受理，受理后${formatDuration(m.due)}内补交`);
  if (m.alternatives?.length) {
    out.push(`以下任选其一：${m.alternatives.map((a) => `${a.name}（${bringText(a.form ?? 'original', a.copies ?? 1)}${mediumNote(a.medium)}）`).join('；')}`);
  }
  if (m.sample) out.push(`样表：${m.sample}`);
  return out;
}
