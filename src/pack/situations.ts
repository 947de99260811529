/**
 * 情形 (业务办理项): an item may declare situations that patch its materials, conditions and
 * limits (新办 / 换领). A situation is a variant of each item version: the version with the
 * situation's patch applied by the same applyChange a dated change uses — `remove` drops entries
 * by id, `add` appends, `limits` replaces the statutory and/or promised limit it names — so every
 * entry of a variant still says where it is written (`situations[i].materials.add[j]`).
 */
import type { PathSegment } from '../core/index.ts';
import type { ItemChange, ItemFile, Material } from './schema-types.ts';
import { applyChange, type ItemVersion } from './versions.ts';

export type Situation = NonNullable<ItemFile['situations']>[number];

/** The patch fields a situation writes, in the order applyChange applies them. */
export const SITUATION_FIELDS = ['materials', 'conditions'] as const;

/** `version` as it is in situation `s` (the item's `situations[index]`). */
export function situationVersion(version: ItemVersion, s: Situation, index: number): ItemVersion {
  const change: ItemChange = { effectiveFrom: version.appliedChange?.effectiveFrom ?? '0000-01-01', reference: s.name };
  const limits = s.limits ? { ...(version.limits ?? {}), ...s.limits } : null;
  // An item without limits (即办件) takes a situation's limits only when it writes both.
  if (limits && limits.statutory && limits.promised) change.set = { limits: { ...limits, statutory: limits.statutory, promised: limits.promised } };
  const remove: NonNullable<ItemChange['remove']> = {};
  const add: NonNullable<ItemChange['add']> = {};
  if (s.materials?.remove) remove.materials = s.materials.remove;
  if (s.conditions?.remove) remove.conditions = s.conditions.remove;
  if (s.materials?.add) add.materials = s.materials.add;
  if (s.conditions?.add) add.conditions = s.conditions.add;
  if (Object.keys(remove).length > 0) change.remove = remove;
  if (Object.keys(add).length > 0) change.add = add;
  // `['set', 'limits']` → `situations[i].limits`; `['add', field, j]` → `situations[i][field].add[j]`.
  const at = (...p: PathSegment[]): PathSegment[] => {
    const [kind, field, ...rest] = p;
    if (kind === 'set') return ['situations', index, ...(field === undefined ? [] : [field]), ...rest];
    return ['situations', index, ...(field === undefined ? [] : [field]), String(kind), ...rest];
  };
  const patched = applyChange(version, change, version.changeIndex, at);
  // The variant is still the version in force: only its content changed.
  return { ...patched, appliedChange: version.appliedChange, changeIndex: version.changeIndex };
}

/** Every material some situation of `item` adds (the ids an application may also name). */
export function situationMaterials(item: Pick<ItemFile, 'situations'>): Material[] {
  return (item.situations ?? []).flatMap((s) => s.materials?.add ?? []);
}
