import type { PathSegment } from '../core/index.ts';

/** `$.materials[2].copies` → `['materials', 2, 'copies']`, to locate a JSON path in the file it came from. */
export function segmentsOf(jsonPath: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of jsonPath.matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return out;
}
