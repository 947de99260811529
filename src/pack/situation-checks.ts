/**
 * Checks of an item's situations (情形) that the schema cannot make. A situation patches every
 * version of the item by id (situations.ts), so: situation ids are unique within the item; every
 * id it removes is one the item has (in some version: a dated change may add it); every id it adds
 * is new (in every version); the entries it adds pass the checks an item's own entries pass; and
 * its limits still keep the promised limit within the statutory one.
 */
import { formatPath, renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import { describeDuration, durationSpan } from './duration.ts';
import { checkMaterialRules } from './material-checks.ts';
import type { Condition, ItemFile, Material } from './schema-types.ts';
import { suggest } from './suggest.ts';
import { entryId, itemVersions, originOf } from './versions.ts';

/** Where findings go (crossref's collector) and the checks crossref already has for conditions and catalogue uses. */
export interface SituationSink {
  error(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void;
  warn(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void;
  /** Checks a condition like any item condition (facts declared, values of the fact's type). */
  condition(when: Condition, path: PathSegment[]): void;
  /** Checks that a material's `use` names a catalogue material. */
  use(use: string, path: PathSegment[]): void;
}

const WHAT = { materials: '申报材料', conditions: '受理条件' } as const;
type Field = keyof typeof WHAT;

/** Per field, every id some version of the item holds → where it is first written (materials: alternatives too). */
function knownIds(item: ItemFile): Record<Field, Map<string, PathSegment[]>> {
  const out: Record<Field, Map<string, PathSegment[]>> = { materials: new Map(), conditions: new Map() };
  for (const v of itemVersions(item)) {
    v.materials.forEach((m, k) => {
      if (!out.materials.has(m.id)) out.materials.set(m.id, originOf(v, ['materials', k]));
      (m.alternatives ?? []).forEach((a, j) => {
        const id = a.id ?? a.use;
        if (id !== undefined && !out.materials.has(id)) out.materials.set(id, originOf(v, ['materials', k, 'alternatives', j]));
      });
    });
    (v.conditions ?? []).forEach((c, k) => {
      if (!out.conditions.has(c.id)) out.conditions.set(c.id, originOf(v, ['conditions', k]));
    });
  }
  return out;
}

function hintFor(id: string, known: Iterable<string>): string {
  const list = [...known];
  const guess = suggest(id, list);
  if (guess) return `；是否应为 ${guess}？`;
  return list.length > 0 ? `；已有：${list.join('、')}` : '；该列表为空';
}

/** Where the id of an added entry is written: `use` for a material that takes its id from it. */
function idKey(entry: { readonly id?: string; readonly use?: string }): 'id' | 'use' {
  return entry.use !== undefined && (entry.id === undefined || entry.id === entry.use) ? 'use' : 'id';
}

export function checkSituations(file: string, item: ItemFile, sink: SituationSink): void {
  const situations = item.situations ?? [];
  if (situations.length === 0) return;
  const first = new Map<string, number>();
  situations.forEach((s, i) => {
    const prior = first.get(s.id);
    if (prior !== undefined) sink.error(file, ['situations', i, 'id'], 'E-SITUATION-DUPLICATE-ID', renderMessage('E-SITUATION-DUPLICATE-ID', { id: s.id, first: prior + 1 }));
    else first.set(s.id, i);
  });
  const known = knownIds(item);
  situations.forEach((s, i) => {
    const at = (...p: PathSegment[]): PathSegment[] => ['situations', i, ...p];
    sink.condition(s.when, at('when'));
    for (const field of ['materials', 'conditions'] as const) {
      const what = WHAT[field];
      const present = known[field];
      const removed = new Set<string>();
      (s[field]?.remove ?? []).forEach((id, j) => {
        if (present.has(id)) removed.add(id);
        else sink.error(file, at(field, 'remove', j), 'E-SITUATION-ID-UNKNOWN', renderMessage('E-SITUATION-ID-UNKNOWN', { name: s.name, what, id, hint: hintFor(id, present.keys()) }));
      });
      // Ids an added entry may not take: every id the item holds that this situation keeps, and those added before it.
      const taken = new Map([...present].filter(([id]) => !removed.has(id)));
      const claim = (id: string | undefined, p: PathSegment[]): void => {
        if (id === undefined) return;
        const prior = taken.get(id);
        if (prior) sink.error(file, p, 'E-SITUATION-ID-EXISTS', renderMessage('E-SITUATION-ID-EXISTS', { name: s.name, what, id, where: formatPath(prior).replace(/^\$\.?/, '') }));
        else taken.set(id, p);
      };
      const added = (s[field]?.add ?? []) as ReadonlyArray<Material | NonNullable<ItemFile['conditions']>[number]>;
      added.forEach((entry, j) => {
        const p = at(field, 'add', j);
        claim(entryId(entry), [...p, idKey(entry as { id?: string; use?: string })]);
        if (field === 'materials') {
          const m = entry as Material;
          (m.alternatives ?? []).forEach((a, k) => claim(a.id ?? a.use, [...p, 'alternatives', k, idKey(a)]));
          checkAddedMaterial(file, m, p, sink);
        } else {
          const c = entry as NonNullable<ItemFile['conditions']>[number];
          if (c.onFail === 'rejected' && !c.routeTo) sink.error(file, p, 'E-ITEM-ROUTE', renderMessage('E-ITEM-ROUTE'));
          sink.condition(c.when, [...p, 'when']);
        }
      });
    }
    checkLimits(file, item, s, i, sink);
  });
}

/** What crossref checks of an item's own material, for one a situation adds. */
function checkAddedMaterial(file: string, m: Material, p: PathSegment[], sink: SituationSink): void {
  if (m.use !== undefined) sink.use(m.use, [...p, 'use']);
  (m.alternatives ?? []).forEach((a, k) => {
    if (a.use !== undefined) sink.use(a.use, [...p, 'alternatives', k, 'use']);
  });
  checkMaterialRules(m, p, { error: (q, code, msg) => sink.error(file, q, code, msg), warn: (q, code, msg) => sink.warn(file, q, code, msg) });
  if (m.necessity === 'deferrable' && !m.due) sink.error(file, p, 'E-MATERIAL-DUE', `容缺材料“${m.name}”须用 due 写明补交期限，例如 due: { amount: 5, unit: workingDays }`);
  if (m.due && m.necessity !== 'deferrable') sink.error(file, [...p, 'due'], 'E-MATERIAL-DUE', `只有容缺材料（necessity: deferrable）才有补交期限 due`);
  if (m.requiredWhen) sink.condition(m.requiredWhen, [...p, 'requiredWhen']);
}

/** The situation's limits over each version's: the promised limit within the statutory one; both written when the item has none. */
function checkLimits(file: string, item: ItemFile, s: NonNullable<ItemFile['situations']>[number], i: number, sink: SituationSink): void {
  if (!s.limits) return;
  const reported = new Set<string>();
  for (const v of itemVersions(item)) {
    const merged = { ...(v.limits ?? {}), ...s.limits };
    if (!merged.statutory || !merged.promised) {
      if (reported.has('limits')) continue;
      reported.add('limits');
      const given = s.limits.statutory ? '法定时限（statutory）' : '承诺期限（promised）';
      const missing = s.limits.statutory ? '承诺期限（promised）' : '法定时限（statutory）';
      sink.error(file, ['situations', i, 'limits'], 'E-SITUATION-LIMITS', renderMessage('E-SITUATION-LIMITS', { name: s.name, given, missing }));
      continue;
    }
    if (durationSpan(merged.promised) <= durationSpan(merged.statutory) || reported.has('promised')) continue;
    reported.add('promised');
    const p: PathSegment[] = ['situations', i, 'limits', s.limits.promised ? 'promised' : 'statutory'];
    sink.error(file, p, 'E-LIMIT-PROMISED-EXCEEDS', renderMessage('E-LIMIT-PROMISED-EXCEEDS', { promised: describeDuration(merged.promised, { tight: true }), statutory: describeDuration(merged.statutory, { tight: true }) }));
  }
}
