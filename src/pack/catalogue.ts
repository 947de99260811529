import type { AlternativeMaterial, CatalogueMaterial, ItemFile, Material } from './schema-types.ts';

/** Catalogue fields an item's material inherits through `use` (necessity and conditions stay per item). */
const MATERIAL_FIELDS = ['name', 'form', 'copies', 'medium', 'issuer', 'fetchable', 'notes'] as const;
/** The same for one choice of an alternatives group, which has no `fetchable` of its own. */
const ALTERNATIVE_FIELDS = ['name', 'form', 'copies', 'medium', 'issuer', 'notes'] as const;

/**
 * The item with every `use` resolved against the shared catalogue: the catalogue entry's fields
 * are defaults and the item's own fields win; `id` defaults to the catalogue id. Engine and
 * documents then see complete materials and never need the catalogue. A `use` the catalogue lacks
 * is left as written (the cross-check reports it).
 */
export function resolveItemMaterials(item: ItemFile, catalogue: ReadonlyMap<string, CatalogueMaterial>): ItemFile {
  if (!usesCatalogue(item)) return item;
  const resolve = (list: readonly Material[]): Material[] => list.map((m) => resolveMaterial(m, catalogue));
  // Materials a change sets, replaces or adds resolve the same way, so that a change matches them by the same id.
  const changes = item.changes?.map((c) => ({
    ...c,
    ...(c.set?.materials ? { set: { ...c.set, materials: resolve(c.set.materials) } } : {}),
    ...(c.replace?.materials ? { replace: { ...c.replace, materials: resolve(c.replace.materials) } } : {}),
    ...(c.add?.materials ? { add: { ...c.add, materials: resolve(c.add.materials) } } : {}),
  }));
  // A situation's added materials too: it patches the versions by the same ids (situations.ts).
  const situations = item.situations?.map((s) => (s.materials?.add ? { ...s, materials: { ...s.materials, add: resolve(s.materials.add) } } : s));
  return { ...item, materials: item.materials.map((m) => resolveMaterial(m, catalogue)), ...(changes ? { changes } : {}), ...(situations ? { situations } : {}) };
}

function resolveMaterial(material: Material, catalogue: ReadonlyMap<string, CatalogueMaterial>): Material {
  const alternatives = material.alternatives?.map((a) => inherit(a, catalogue, ALTERNATIVE_FIELDS));
  const own = inherit(material, catalogue, MATERIAL_FIELDS);
  return alternatives ? { ...own, alternatives } : own;
}

function inherit<T extends Material | AlternativeMaterial>(own: T, catalogue: ReadonlyMap<string, CatalogueMaterial>, fields: readonly (keyof CatalogueMaterial & keyof T)[]): T {
  const entry = own.use === undefined ? undefined : catalogue.get(own.use);
  if (!entry && own.use === undefined) return own;
  const defaults: Partial<T> = {};
  if (entry) for (const f of fields) if (entry[f] !== undefined) (defaults as Record<string, unknown>)[f] = entry[f];
  // `id` may be omitted beside `use`: the schema guarantees one of the two.
  return { ...defaults, ...own, id: own.id ?? own.use };
}

function usesCatalogue(item: ItemFile): boolean {
  const uses = (list: readonly Material[] | undefined): boolean => (list ?? []).some((m) => m.use !== undefined || (m.alternatives ?? []).some((a) => a.use !== undefined));
  return uses(item.materials) || (item.changes ?? []).some((c) => uses(c.set?.materials) || uses(c.replace?.materials) || uses(c.add?.materials)) || (item.situations ?? []).some((s) => uses(s.materials?.add));
}

/** Every catalogue id an item refers to, in its base declaration or any dated change. */
export function catalogueUses(item: ItemFile): string[] {
  const out: string[] = [];
  const collect = (list: readonly Material[] | undefined): void => {
    for (const m of list ?? []) {
      if (m.use !== undefined) out.push(m.use);
      for (const a of m.alternatives ?? []) if (a.use !== undefined) out.push(a.use);
    }
  };
  collect(item.materials);
  for (const c of item.changes ?? []) {
    collect(c.set?.materials);
    collect(c.replace?.materials);
    collect(c.add?.materials);
  }
  for (const s of item.situations ?? []) collect(s.materials?.add);
  return out;
}
