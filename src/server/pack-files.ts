/**
 * The files of a rule pack as the workbench sees them: every regular, non-hidden file under the
 * pack directory (symbolic links are not followed), with its kind, etag (first 16 hex digits of
 * the SHA-256 of its bytes) and content hash. The pack's version is a fingerprint of its content
 * (paths and hashes), so that restoring earlier files gives back the earlier version string.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export type PackFileKind = 'center' | 'facts' | 'policy' | 'referrals' | 'materials' | 'calendar' | 'item' | 'test' | 'template' | 'other';

const TOP: Readonly<Record<string, PackFileKind>> = {
  'center.yaml': 'center',
  'facts.yaml': 'facts',
  'policy.yaml': 'policy',
  'referrals.yaml': 'referrals',
  'materials.yaml': 'materials',
};

/** The schema of each kind of YAML file, as served at /schemas/…. */
const SCHEMA: Partial<Record<PackFileKind, string>> = {
  center: 'center',
  facts: 'facts',
  policy: 'policy',
  referrals: 'referrals',
  materials: 'materials',
  calendar: 'calendar',
  item: 'item',
  test: 'scenario',
};

const YAML = /\.ya?ml$/i;

export function fileKind(rel: string): PackFileKind {
  const top = TOP[rel];
  if (top) return top;
  if (rel.startsWith('calendar/') && YAML.test(rel)) return 'calendar';
  if (rel.startsWith('items/') && YAML.test(rel)) return 'item';
  if (/^tests\/[^/]+$/.test(rel) && YAML.test(rel)) return 'test';
  if (/^templates\/[^/]+\.hbs$/.test(rel)) return 'template';
  return 'other';
}

export function schemaOf(kind: PackFileKind): string | undefined {
  const name = SCHEMA[kind];
  return name ? `/schemas/${name}.schema.json` : undefined;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function etagOfHash(hash: string): string {
  return hash.slice(0, 16);
}

export function etagOf(bytes: Uint8Array | string): string {
  return etagOfHash(sha256(bytes));
}

/** Path → SHA-256 of the content. */
export type Manifest = ReadonlyMap<string, string>;

/** The content fingerprint of a set of files (12 hex digits). */
export function versionOf(manifest: Manifest): string {
  const lines = [...manifest].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([p, h]) => `${p}\u0000${h}\n`);
  return sha256(lines.join('')).slice(0, 12);
}

/** Every regular, non-hidden file under `root`, pack-relative with `/`, sorted. */
export async function listPackFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const rel = path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (rel.split('/').some((s) => s.startsWith('.'))) continue;
    out.push(rel);
  }
  return out.sort();
}

interface Known {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly hash: string;
}

/**
 * Hashes of the pack's files, re-read only when a file's size, time or inode changed (a 5,000-item
 * pack is hashed once, then each listing costs a stat per file).
 */
export class PackScanner {
  private readonly known = new Map<string, Known>();

  constructor(readonly root: string) {}

  async manifest(): Promise<Map<string, string>> {
    const files = await listPackFiles(this.root);
    const out = new Map<string, string>();
    const seen = new Set<string>();
    for (const rel of files) {
      const abs = path.join(this.root, rel);
      const s = await stat(abs).catch(() => null);
      if (!s?.isFile()) continue;
      seen.add(rel);
      const k = this.known.get(rel);
      if (k && k.size === s.size && k.mtimeMs === s.mtimeMs && k.ino === s.ino) {
        out.set(rel, k.hash);
        continue;
      }
      const bytes = await readFile(abs).catch(() => null);
      if (!bytes) continue;
      const hash = sha256(bytes);
      this.known.set(rel, { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino, hash });
      out.set(rel, hash);
    }
    for (const rel of this.known.keys()) if (!seen.has(rel)) this.known.delete(rel);
    return out;
  }

  /** The size of a file as the last manifest saw it (undefined for one it did not see). */
  sizeOf(rel: string): number | undefined {
    return this.known.get(rel)?.size;
  }

  /** Forgets what is known (after a publish, when times may not have moved on a coarse clock). */
  forget(rels: Iterable<string>): void {
    for (const rel of rels) this.known.delete(rel);
  }
}
