/**
 * The data directory: one collection per concept (cases sharded per year), a writer lock, one
 * write queue for the whole directory (so a backup sees no write in flight), validation of
 * every file on open (refusing to start on any corruption), and consistent backups.
 */
import { copyFile, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { formatProblem, type Problem } from '../core/index.ts';
import { Collection, type CollectionHost, type CollectionSpec, type LoadProblem } from './collection.ts';
import { isTempFile, syncDir, writeFileDurably } from './durable-file.ts';
import { RecordsError } from './errors.ts';
import { WriterLock } from './lock.ts';
import { toIso } from './time.ts';

/** Folder of the data directory holding archived publication contents (by SHA-256). */
export const CONTENT_DIR = 'publications';

export interface StoreOptions {
  /** Which collection a file stem belongs to (null: not a collection file). */
  readonly specFor: (name: string) => CollectionSpec<unknown> | null;
  /** Open without the writer lock; writes are refused and nothing on disk is changed. */
  readonly readonly?: boolean;
  /** Compact a log once it exceeds this size and the snapshot's (default 8 MiB). */
  readonly compactAfterBytes?: number;
}

export interface BackupResult {
  /** The backup folder. */
  readonly dir: string;
  readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: number; readonly sha256: string }>;
  /** Records per collection, as read back from the backup. */
  readonly counts: Readonly<Record<string, number>>;
}

export class RecordStore implements CollectionHost {
  readonly warnings: string[] = [];
  private readonly collections = new Map<string, Collection<unknown>>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly shownDir: string,
    readonly readonly: boolean,
    readonly compactAfterBytes: number,
    private readonly options: StoreOptions,
    private readonly lock: WriterLock | null,
  ) {}

  /**
   * Opens `dir` (created if missing, unless read-only). Throws E-STORE-LOCKED when another
   * process writes it, E-STORE-CORRUPT (listing every located problem) when a file is damaged.
   */
  static async open(dir: string, options: StoreOptions): Promise<RecordStore> {
    const abs = path.resolve(dir);
    const ro = options.readonly ?? false;
    if (ro) {
      const s = await stat(abs).catch(() => null);
      if (!s?.isDirectory()) throw RecordsError.of('E-STORE-NOT-FOUND', { dir }, { file: dir });
    } else {
      await mkdir(abs, { recursive: true });
    }
    const lock = ro ? null : await WriterLock.acquire(dir);
    const store = new RecordStore(abs, dir, ro, options.compactAfterBytes ?? 8 * 1024 * 1024, options, lock);
    try {
      await store.loadAll();
    } catch (e) {
      await lock?.release();
      throw e;
    }
    return store;
  }

  private async loadAll(): Promise<void> {
    const names = new Set<string>();
    for (const entry of await readdir(this.dir)) {
      if (isTempFile(entry)) {
        // A crash between writing a temp file and renaming it: the old file is intact.
        if (!this.readonly) await unlink(path.join(this.dir, entry)).catch(() => undefined);
        continue;
      }
      const m = /^(.+)\.(json|log)$/.exec(entry);
      if (m && this.options.specFor(m[1]!)) names.add(m[1]!);
    }
    const problems: LoadProblem[] = [];
    for (const name of [...names].sort()) {
      const c = this.collection(name);
      problems.push(...(await c.load()));
    }
    if (problems.length > 0) throw corrupt(this.shownDir, problems);
    if (!this.readonly) for (const c of this.collections.values()) await c.compact();
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** The collection `name` (created empty if it has no files yet). */
  collection<R>(name: string): Collection<R> {
    let c = this.collections.get(name);
    if (!c) {
      const spec = this.options.specFor(name);
      if (!spec) throw RecordsError.of('E-STORE-UNKNOWN', { name });
      c = new Collection(name, spec, this);
      this.collections.set(name, c);
    }
    return c as unknown as Collection<R>;
  }

  /** Names of the collections present (sorted). */
  names(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** Runs `fn` alone: writes, compactions and backups never interleave. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(RecordsError.of('E-STORE-CLOSED'));
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Copies the data directory to `dest` (default: a timestamped folder in `backups/` beside it)
   * and reads the copy back to prove it loads. Per collection the copy is consistent even while
   * another process writes: logs are copied before snapshots, and a snapshot never goes
   * backwards. In the writing process the whole copy runs in the write queue.
   */
  backup(dest?: string): Promise<BackupResult> {
    const run = async (): Promise<BackupResult> => {
      const stamp = toIso(Date.now()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      const target = path.resolve(dest ?? path.join(path.dirname(this.dir), 'backups', `${path.basename(this.dir)}-${stamp}`));
      if (target === this.dir || target.startsWith(this.dir + path.sep)) {
        throw RecordsError.of('E-BACKUP-TARGET', { target, reason: `不能位于数据目录 ${this.shownDir} 之内` });
      }
      const existing = await readdir(target).catch(() => null);
      if (existing && existing.length > 0) throw RecordsError.of('E-BACKUP-TARGET', { target, reason: '已存在且不为空；请指定新的目录' });
      await mkdir(target, { recursive: true });
      const entries = await readdir(this.dir);
      const stems = entries.filter((e) => /^(.+)\.(json|log)$/.test(e) && this.options.specFor(e.replace(/\.(json|log)$/, '')));
      // Logs first, then snapshots, then the contents that publication records point to.
      const order = [...stems.filter((e) => e.endsWith('.log')).sort(), ...stems.filter((e) => e.endsWith('.json')).sort()];
      const files: Array<{ name: string; bytes: number; sha256: string }> = [];
      for (const name of order) files.push(await copyDurably(path.join(this.dir, name), path.join(target, name), name));
      const contents = await readdir(path.join(this.dir, CONTENT_DIR)).catch(() => [] as string[]);
      if (contents.length > 0) {
        await mkdir(path.join(target, CONTENT_DIR), { recursive: true });
        for (const name of contents.filter((n) => !isTempFile(n)).sort()) {
          files.push(await copyDurably(path.join(this.dir, CONTENT_DIR, name), path.join(target, CONTENT_DIR, name), `${CONTENT_DIR}/${name}`));
        }
        await syncDir(path.join(target, CONTENT_DIR));
      }
      await writeFileDurably(
        path.join(target, 'backup-manifest.json'),
        `${JSON.stringify({ createdAt: toIso(Date.now()), source: this.dir, files }, null, 1)}\n`,
      );
      const copy = await RecordStore.open(target, { ...this.options, readonly: true });
      const counts: Record<string, number> = {};
      for (const n of copy.names()) counts[n] = copy.collection(n).size;
      await copy.close();
      return { dir: target, files, counts };
    };
    return this.readonly ? run() : this.exclusive(run);
  }

  /** Compacts every log (writer), closes the files and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.exclusive(async () => {
      for (const c of this.collections.values()) await c.close();
    });
    this.closed = true;
    await this.lock?.release();
  }
}

async function copyDurably(from: string, to: string, name: string): Promise<{ name: string; bytes: number; sha256: string }> {
  await copyFile(from, to);
  const fh = await open(to, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  const bytes = await readFile(to);
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function corrupt(dir: string, problems: readonly LoadProblem[]): RecordsError {
  const details = problems.map(({ detail, ...at }): Problem => ({ code: 'E-STORE-CORRUPT', message: detail, ...at }));
  // The message names the directory and lists every problem itself; each detail keeps its own location.
  return new RecordsError(
    'E-STORE-CORRUPT',
    `数据目录 ${dir} 中的登记簿有 ${problems.length} 处错误，拒绝启动（未作任何改动，以免丢失数据；请从备份恢复或修正后重试）：\n${details.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    {},
    details,
  );
}
