/**
 * A pack seen through an overlay: the files on disk with some replaced, added or removed (an
 * officer's draft). The overlay maps a pack-relative path to the file to read instead (anywhere on
 * disk), or to null for a file the draft deletes.
 */
import type { FileKind } from './schemas.ts';

export type PackOverlay = ReadonlyMap<string, string | null>;

interface Discovered {
  readonly rel: string;
  readonly kind: FileKind;
}

/**
 * `found` (the files on disk, in load order) with the overlay applied: deleted files dropped,
 * added rule files put where discovery would have found them. `top` and `dirs` are the loader's
 * own tables of top-level files and rule folders.
 */
export function overlaid(
  found: readonly Discovered[],
  overlay: PackOverlay,
  top: ReadonlyArray<readonly [string, FileKind, boolean]>,
  dirs: ReadonlyArray<readonly [string, FileKind]>,
): Discovered[] {
  const kept = found.filter((f) => overlay.get(f.rel) !== null);
  const known = new Set(kept.map((f) => f.rel));
  for (const [rel, replacement] of overlay) {
    if (replacement === null || known.has(rel)) continue;
    const kind = kindOf(rel, top, dirs);
    if (kind) kept.push({ rel, kind });
  }
  const rank = (f: Discovered): number => {
    const t = top.findIndex(([name]) => name === f.rel);
    return t >= 0 ? t : top.length + dirs.findIndex(([, kind]) => kind === f.kind);
  };
  return kept.sort((a, b) => rank(a) - rank(b) || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The kind of rule file `rel` is, by where it is; null for anything the loader does not read as rules. */
export function kindOf(rel: string, top: ReadonlyArray<readonly [string, FileKind, boolean]>, dirs: ReadonlyArray<readonly [string, FileKind]>): FileKind | null {
  const t = top.find(([name]) => name === rel);
  if (t) return t[1];
  const name = rel.split('/').at(-1) ?? '';
  if (name.startsWith('.') || !/\.ya?ml$/i.test(name)) return null;
  const d = dirs.find(([dir]) => rel.startsWith(`${dir}/`));
  return d ? d[1] : null;
}
