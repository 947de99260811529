import type { PathSegment } from '../core/index.ts';
import type { EligibilityRule, Fee, ItemChange, ItemFile, Material, ProcedureStep } from './schema-types.ts';

/** The list fields a change patches by id (`remove` / `replace` / `add`). */
export const PATCH_FIELDS = ['materials', 'conditions', 'fees', 'procedure'] as const;
export type PatchField = (typeof PATCH_FIELDS)[number];

/** Where the parts of a version are written in the item's file. */
export interface VersionOrigin {
  /** Per field, where it was last written whole: `[field]` (the base) or `['changes', i, 'set', field]`. */
  readonly fields: Readonly<Record<string, readonly PathSegment[]>>;
  /** Per list field, where each element of the version's list was written, index for index. */
  readonly elements: Readonly<Record<PatchField, readonly (readonly PathSegment[])[]>>;
}

/** An item as in force on a given day: the base declaration with every change due by then applied. */
export type ItemVersion = Omit<ItemFile, 'changes'> & {
  /** The change in force, if any (null: the base declaration). */
  readonly appliedChange: ItemChange | null;
  /** Index of that change in the item's `changes` list, for locating it; -1 for the base. */
  readonly changeIndex: number;
  /** Where every field and every list element of this version is written (see originOf). */
  readonly origin: VersionOrigin;
};

type Entry = Material | EligibilityRule | Fee | ProcedureStep;

/**
 * The id a change targets an entry by: a material's resolved id (`use` when it has no `id` of its
 * own, as the loader resolves it), a condition's id, a fee's or step's optional id.
 */
export function entryId(entry: Entry): string | undefined {
  const e = entry as { id?: string; use?: string };
  return e.id ?? e.use;
}

/** The item's changes in the order they take effect (by effectiveFrom, then as written). */
export function orderedChanges(item: ItemFile): ReadonlyArray<{ readonly change: ItemChange; readonly index: number }> {
  return (item.changes ?? [])
    .map((change, index) => ({ change, index }))
    .sort((a, b) => (a.change.effectiveFrom < b.change.effectiveFrom ? -1 : a.change.effectiveFrom > b.change.effectiveFrom ? 1 : a.index - b.index));
}

/**
 * Every version of `item`: the base first, then one after each change in the order they take
 * effect. A change applies to the version before it, in the order set → remove → replace → add:
 * `set` replaces whole fields; `remove` drops the entries with the listed ids; `replace` puts each
 * entry in the place of the one with its id; `add` appends. An id a change names that the version
 * before lacks is ignored here (validation reports it as an error, see change-checks.ts).
 */
export function itemVersions(item: ItemFile): ItemVersion[] {
  const { changes: _changes, ...base } = item;
  const fields: Record<string, readonly PathSegment[]> = {};
  for (const key of Object.keys(base)) fields[key] = [key];
  const elements = {} as Record<PatchField, (readonly PathSegment[])[]>;
  for (const f of PATCH_FIELDS) elements[f] = listOf(base, f).map((_, j) => [f, j]);
  let current: ItemVersion = { ...base, appliedChange: null, changeIndex: -1, origin: { fields: { ...fields }, elements: copyElements(elements) } };
  const out: ItemVersion[] = [current];
  for (const { change, index } of orderedChanges(item)) {
    current = applyChange(current, change, index);
    out.push(current);
  }
  return out;
}

function copyElements(e: Readonly<Record<PatchField, readonly (readonly PathSegment[])[]>>): Record<PatchField, (readonly PathSegment[])[]> {
  return { materials: [...e.materials], conditions: [...e.conditions], fees: [...e.fees], procedure: [...e.procedure] };
}

function listOf(v: Omit<ItemFile, 'changes'>, field: PatchField): readonly Entry[] {
  return (v[field] as readonly Entry[] | undefined) ?? [];
}

/**
 * `version` with `change` (the item's `changes[index]`) applied. `at` says where a part of the
 * change is written (a situation's patch is written elsewhere than `changes[index]`, see situations.ts).
 */
export function applyChange(version: ItemVersion, change: ItemChange, index: number, at: (...p: PathSegment[]) => PathSegment[] = (...p) => ['changes', index, ...p]): ItemVersion {
  const { appliedChange: _a, changeIndex: _c, origin, ...data } = version;
  const next: Record<string, unknown> = { ...data };
  const fields: Record<string, readonly PathSegment[]> = { ...origin.fields };
  const elements = copyElements(origin.elements);
  for (const [key, value] of Object.entries(change.set ?? {})) {
    next[key] = value;
    fields[key] = at('set', key);
    if ((PATCH_FIELDS as readonly string[]).includes(key)) elements[key as PatchField] = (value as readonly Entry[]).map((_, j) => at('set', key, j));
  }
  for (const f of PATCH_FIELDS) {
    const removed = new Set(change.remove?.[f] ?? []);
    const replaced = (change.replace?.[f] ?? []) as readonly Entry[];
    const added = (change.add?.[f] ?? []) as readonly Entry[];
    if (removed.size === 0 && replaced.length === 0 && added.length === 0) continue;
    let list = [...((next[f] as readonly Entry[] | undefined) ?? [])];
    let where = elements[f];
    if (removed.size > 0) {
      const keep = list.map((e) => !removed.has(entryId(e) ?? ''));
      list = list.filter((_, j) => keep[j]);
      where = where.filter((_, j) => keep[j]);
    }
    replaced.forEach((entry, j) => {
      const k = list.findIndex((e) => entryId(e) !== undefined && entryId(e) === entryId(entry));
      if (k < 0) return;
      list[k] = entry;
      where[k] = at('replace', f, j);
    });
    added.forEach((entry, j) => {
      list.push(entry);
      where.push(at('add', f, j));
    });
    next[f] = list;
    elements[f] = where;
  }
  return { ...(next as Omit<ItemFile, 'changes'>), appliedChange: change, changeIndex: index, origin: { fields, elements } };
}

/**
 * The version of `item` in force on `date` (YYYY-MM-DD, Asia/Shanghai): the base with every change
 * whose `effectiveFrom` is on or before `date` applied, one after another (see itemVersions).
 */
export function itemVersionAt(item: ItemFile, date: string): ItemVersion {
  const versions = itemVersions(item);
  let found = versions[0]!;
  for (const v of versions.slice(1)) {
    if (v.appliedChange!.effectiveFrom > date) break;
    found = v;
  }
  return found;
}

/**
 * Where a value of `version` is written in the item's file: `path` as it is in the version
 * (`['materials', 3, 'name']`, `['limits', 'promised']`) mapped through the changes that wrote it
 * (`['changes', 0, 'add', 'materials', 1, 'name']`, `['changes', 0, 'set', 'limits', 'promised']`).
 */
export function originOf(version: ItemVersion, path: readonly PathSegment[]): PathSegment[] {
  const [field, i, ...rest] = path;
  if (typeof field !== 'string') return [...path];
  if ((PATCH_FIELDS as readonly string[]).includes(field) && typeof i === 'number') {
    const element = version.origin.elements[field as PatchField][i];
    if (element) return [...element, ...rest];
  }
  const whole = version.origin.fields[field] ?? [field];
  return i === undefined ? [...whole] : [...whole, i, ...rest];
}

/** Changes declared but not yet in force on `date`: what pre-disclosure (预公开) must show. */
export function upcomingChanges(item: ItemFile, date: string): readonly ItemChange[] {
  return (item.changes ?? []).filter((c) => c.effectiveFrom > date);
}

/** The fields a change writes: those it sets and the lists it patches. */
export function changedFields(change: ItemChange): string[] {
  const out = new Set(Object.keys(change.set ?? {}));
  for (const f of PATCH_FIELDS) if (change.remove?.[f] || change.replace?.[f] || change.add?.[f]) out.add(f);
  return [...out];
}
