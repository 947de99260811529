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
  /** The default branch's mode (the only one, for most items): what applies when nothing is known. */
  readonly mode: 'immediate' | 'promised' | 'reported' | 'joint' | 'petition';
  /** Items whose mode is chosen by a condition: each branch in order (absent otherwise). */
  readonly modes?: ReadonlyArray<{ readonly mode: CatalogItem['mode']; readonly text: string | null }>;
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
      mode: v.modes[v.modes.length - 1]!.mode,
      ...(v.modes[0]?.conditional ? { modes: v.modes.map((b) => ({ mode: b.mode, text: b.text })) } : {}),
      window: v.window,
      materials: v.materials.map((m) => ({ id: m.id, name: m.name, necessity: m.necessity })),
    });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
