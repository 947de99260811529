import type { ItemChange, ItemFile } from './schema-types.ts';

/** An item as in force on a given day: the base declaration with every change due by then applied. */
export type ItemVersion = Omit<ItemFile, 'changes'> & {
  /** The change in force, if any (null: the base declaration). */
  readonly appliedChange: ItemChange | null;
  /** Index of that change in the item's `changes` list, for locating it; -1 for the base. */
  readonly changeIndex: number;
};

/**
 * The version of `item` in force on `date` (YYYY-MM-DD, Asia/Shanghai). Changes apply in order of
 * `effectiveFrom`; each replaces the fields it sets, whole.
 */
export function itemVersionAt(item: ItemFile, date: string): ItemVersion {
  const { changes, ...base } = item;
  let version: Omit<ItemFile, 'changes'> = base;
  let applied: ItemChange | null = null;
  let index = -1;
  const ordered = (changes ?? []).map((c, i) => [c, i] as const).sort((a, b) => (a[0].effectiveFrom < b[0].effectiveFrom ? -1 : 1));
  for (const [change, i] of ordered) {
    if (change.effectiveFrom > date) break;
    version = { ...version, ...change.set };
    applied = change;
    index = i;
  }
  return { ...version, appliedChange: applied, changeIndex: index };
}

/** Changes declared but not yet in force on `date`: what pre-disclosure (预公开) must show. */
export function upcomingChanges(item: ItemFile, date: string): readonly ItemChange[] {
  return (item.changes ?? []).filter((c) => c.effectiveFrom > date);
}
