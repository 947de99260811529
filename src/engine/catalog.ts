/**
 * The item catalog (`bianmin items`): every item as in force on a date, with its window and
 * material checklist, for the first person asked to find the right window at a glance.
 */
import type { NoticeMaterial } from '../pack/index.ts';
import { versionAt, type CompiledPack } from './compile.ts';
import type { WindowRef } from './route.ts';

export interface CatalogItem {
  readonly code: string;
  readonly name: string;
  readonly mode: 'immediate' | 'promised' | 'reported' | 'joint' | 'petition';
  readonly window: WindowRef | null;
  readonly materials: ReadonlyArray<{ readonly id: string; readonly name: string; readonly necessity: NoticeMaterial['necessity'] }>;
}

export function listItems(pack: CompiledPack, date: string): CatalogItem[] {
  const out: CatalogItem[] = [];
  for (const item of pack.items.values()) {
    const v = versionAt(item, date);
    out.push({
      code: v.code,
      name: v.data.name,
      mode: v.data.mode,
      window: v.window,
      materials: v.materials.map((m) => ({ id: m.id, name: m.name, necessity: m.necessity })),
    });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
