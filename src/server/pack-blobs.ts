/**
 * Content-addressed copies of rule-pack files (<data>/pack-blobs/<sha256>) and of whole pack
 * states (manifests: path → hash, stored as a blob too), so that every published state can be
 * shown and restored. A blob is written once, durably, and never changed.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDurably } from './durable-write.ts';
import { sha256, type Manifest } from './pack-files.ts';

export const BLOBS_DIR = 'pack-blobs';

export class PackBlobs {
  readonly dir: string;
  /** Hashes known to be stored (a blob, once written, never changes). */
  private readonly known = new Set<string>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, BLOBS_DIR);
  }

  /** Where the blob of `hash` is (a real file: a draft overlay may read it directly). */
  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a blob hash: ${hash}`);
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  async has(hash: string): Promise<boolean> {
    if (this.known.has(hash)) return true;
    const found = await access(this.pathOf(hash)).then(
      () => true,
      () => false,
    );
    if (found) this.known.add(hash);
    return found;
  }

  /** Stores `bytes` (if not stored yet) and returns their hash. */
  async put(bytes: Uint8Array | string, known?: string): Promise<string> {
    const hash = known ?? sha256(bytes);
    if (!(await this.has(hash))) await writeDurably(this.pathOf(hash), bytes);
    this.known.add(hash);
    return hash;
  }

  /** The stored bytes, checked against their hash; null when missing or damaged. */
  async get(hash: string): Promise<Buffer | null> {
    const bytes = await readFile(this.pathOf(hash)).catch(() => null);
    if (!bytes || sha256(bytes) !== hash) return null;
    return bytes;
  }

  async putManifest(manifest: Manifest): Promise<string> {
    const sorted = Object.fromEntries([...manifest].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    return this.put(`${JSON.stringify(sorted)}\n`);
  }

  async getManifest(hash: string): Promise<Map<string, string> | null> {
    const bytes = await this.get(hash);
    if (!bytes) return null;
    return new Map(Object.entries(JSON.parse(bytes.toString('utf8')) as Record<string, string>));
  }
}
