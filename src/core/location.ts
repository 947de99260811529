/**
 * Where a problem is: a file with line and column (rule packs, data files, templates), a JSON
 * path into a document or request (`$.materials[2].copies`, `query.date`), or both.
 */
export interface Location {
  /** File relative to the pack or data directory, forward slashes; `.` for the directory itself. */
  readonly file?: string;
  /** 1-based; 0 or absent when the problem concerns the file as a whole. */
  readonly line?: number;
  /** 1-based; 0 or absent with line 0. */
  readonly column?: number;
  /** JSON path (`$.mode`, `$.materials[2]`) or request part (`query.date`, `header.authorization`). */
  readonly path?: string;
}

export type PathSegment = string | number;

/** `['materials', 2, 'necessity']` → `$.materials[2].necessity`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** A JSON pointer (ajv's `instancePath`, `/materials/2/id`) → `['materials', 2, 'id']`. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `rules/items/mz-001.yaml:12:5`, `data/cases-2026.json`, or '' when there is no file. */
export function formatWhere(loc: Location, baseDir = ''): string {
  if (loc.file === undefined) return '';
  const base = baseDir.replace(/\/+$/, '');
  const file = loc.file === '.' ? base || '.' : base ? `${base}/${loc.file}` : loc.file;
  if (!loc.line) return file;
  return loc.column ? `${file}:${loc.line}:${loc.column}` : `${file}:${loc.line}`;
}
