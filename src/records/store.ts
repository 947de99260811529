/**
 * The data directory: one collection per concept (cases sharded per year), a writer lock, one
 * write queue for the whole directory (so a backup sees no write in flight), validation of
 * every file on open (refusing to start on any corruption), and consistent backups.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { formatProblem, type Problem } from '../core/index.ts';
import { CollectionRegistry, readBack, type BackupResult, type ContentStore, type RecordBackend } from './backend.ts';
import { Collection, type CollectionHost, type CollectionSpec, type LoadProblem } from './collection.ts';
import { isTempFile, notRegularError, readDataFile, syncDir, writeFailure, writeFileDurably, writeSynced } from './durable-file.ts';
import { RecordsError } from './errors.ts';
import { WriterLock } from './lock.ts';
import { toIso } from './time.ts';

/** Folder of the data directory holding archived publication contents (by SHA-256). */
export const CONTENT_DIR = 'publications';
/** The workbench's content-addressed rule files (the server's BLOBS_DIR; the same name). */
export const BLOBS_DIR = 'pack-blobs';
/** The workbench's drafts (the server's DRAFTS_DIR; the same name). */
export const DRAFTS_DIR = 'drafts';

export interface StoreOptions {
  /** Which collection a file stem belongs to (null: not a collection file). */
  readonly specFor: (name: string) => CollectionSpec<unknown> | null;
  /** Open without the writer lock; writes are refused and nothing on disk is changed. */
  readonly readonly?: boolean;
  /** Compact a log once it exceeds this size and the snapshot's (default 8 MiB). */
  readonly compactAfterBytes?: number;
  /**
   * Collections not read at start but at their first access (closed years): `true` for a name
   * makes opening skip it; `get`, `values`, `size` or a write load it then (synchronously), and a
   * damaged one is refused then, with the same located E-STORE-CORRUPT. Default: none.
   */
  readonly lazy?: (name: string) => boolean;
}

export type { BackupResult } from './backend.ts';

/** Archived contents as files in the data directory's publications/ folder. */
class FileContent implements ContentStore {
  constructor(
    private readonly dir: string,
    private readonly shownDir: string,
  ) {}

  async put(name: string, bytes: Buffer): Promise<void> {
    const dir = path.join(this.dir, CONTENT_DIR);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, name);
    // Content-addressed: the same content is stored once; an existing file is left untouched.
    if (!(await stat(file).catch(() => null))) await writeFileDurably(file, bytes);
  }

  get(name: string): Promise<Buffer | null> {
    return readFile(path.join(this.dir, CONTENT_DIR, name)).catch(() => null);
  }

  shown(name: string): string {
    return path.join(this.shownDir, CONTENT_DIR, name);
  }
}

export class RecordStore implements CollectionHost, RecordBackend {
  readonly kind = 'lowdb';
  /** One writer per directory: never another process's. */
  readonly foreignWrites = 0;
  readonly warnings: string[] = [];
  readonly content: ContentStore;
  private readonly collections: CollectionRegistry<Collection<unknown>>;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly shownDir: string,
    readonly readonly: boolean,
    readonly compactAfterBytes: number,
    private readonly options: StoreOptions,
    private readonly lock: WriterLock | null,
  ) {
    this.content = new FileContent(dir, shownDir);
    this.collections = new CollectionRegistry(options.specFor, (name, spec) => new Collection(name, spec, this));
  }

  /**
   * Opens `dir` (created if missing, unless read-only). Throws E-STORE-LOCKED when another
   * process writes it, E-STORE-CORRUPT (listing every located problem) when a file is damaged.
   */
  static async open(dir: string, options: StoreOptions): Promise<RecordStore> {
    const abs = path.resolve(dir);
    const ro = options.readonly ?? false;
    if (ro) {
      const s = await stat(abs).catch(() => null);
      if (!s?.isDirectory()) throw RecordsError.of('E-STORE-NOT-FOUND', {}, { file: dir });
    } else {
      await mkdir(abs, { recursive: true }).catch((e: unknown) => {
        throw writeFailure(e, dir, '数据目录未能创建');
      });
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
      if (this.options.lazy?.(name)) c.markLazy();
      else problems.push(...(await c.load()));
    }
    if (problems.length > 0) throw corrupt(this.shownDir, problems, this.readonly);
    if (this.readonly) return;
    // Only now that everything loaded: cut-off log ends are set aside, then every log is folded
    // (and a snapshot of an earlier format rewritten with checksums).
    for (const c of this.collections.values()) await c.settle();
    for (const c of this.collections.values()) await c.compact();
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  loadFailed(problems: readonly LoadProblem[]): Error {
    return corrupt(this.shownDir, problems, this.readonly);
  }

  /** Names of the collections loaded so far (the others are opened on first access). */
  loadedNames(): string[] {
    return this.names().filter((n) => this.collections.get(n).loaded);
  }

  /** The collection `name` (created empty if it has no files yet). */
  collection<R>(name: string): Collection<R> {
    return this.collections.get(name) as unknown as Collection<R>;
  }

  /** Names of the collections present (sorted). */
  names(): string[] {
    return this.collections.names();
  }

  /** One writer per directory: nothing another process could have written. */
  refresh(): Promise<void> {
    return Promise.resolve();
  }

  legacyText(name: string): Promise<string | null> {
    return readFile(path.join(this.dir, name), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw RecordsError.of('E-STORE-IO', { detail: `无法读取：${e.message}` }, { file: path.join(this.shownDir, name) });
    });
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
      // Logs first, then snapshots, then the contents that records point to (written before the
      // records name them, so every one a copied record names is there): publications' archived
      // contents, the workbench's pack-blobs/ (immutable by name), then its drafts/ as they are.
      const order = [...stems.filter((e) => e.endsWith('.log')).sort(), ...stems.filter((e) => e.endsWith('.json')).sort()];
      const files: Array<{ name: string; bytes: number; sha256: string }> = [];
      for (const name of order) {
        const copied = await this.copyDurably(name, target);
        if (copied) files.push(copied);
      }
      for (const dir of [CONTENT_DIR, BLOBS_DIR, DRAFTS_DIR]) files.push(...(await this.copyTree(dir, target)));
      await syncDir(target);
      await writeFileDurably(
        path.join(target, 'backup-manifest.json'),
        `${JSON.stringify({ createdAt: toIso(Date.now()), source: this.dir, files }, null, 1)}\n`,
      );
      const counts = await readBack(() => RecordStore.open(target, { ...this.options, readonly: true }));
      const workbench = {
        blobs: files.filter((f) => f.name.startsWith(`${BLOBS_DIR}/`)).length,
        drafts: new Set(files.filter((f) => f.name.startsWith(`${DRAFTS_DIR}/`)).map((f) => f.name.split('/')[1])).size,
      };
      return { dir: target, files, counts, workbench };
    };
    return this.readonly ? run() : this.exclusive(run);
  }

  /**
   * Copies the regular file `name` (relative to the data directory, `/`-separated) into `target`,
   * durably, and reads the copy back: its SHA-256 must be that of the bytes read. A file that is
   * gone meanwhile (a draft deleted by the running service) is skipped (null); one that is not a
   * regular file is E-STORE-NOT-REGULAR, never a hang.
   */
  private async copyDurably(name: string, target: string): Promise<{ name: string; bytes: number; sha256: string } | null> {
    const parts = name.split('/');
    const from = path.join(this.dir, ...parts);
    const bytes = await readDataFile(from, path.join(this.shownDir, ...parts));
    if (!bytes) return null;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const to = path.join(target, ...parts);
    const shownTo = to;
    try {
      await writeSynced(to, bytes, 'wx');
    } catch (e) {
      throw writeFailure(e, shownTo, '备份未能写入');
    }
    const copy = await readDataFile(to, shownTo);
    if (!copy || createHash('sha256').update(copy).digest('hex') !== sha256) {
      throw RecordsError.of('E-STORE-IO', { detail: '备份副本读回后与原文件不同（备份所在磁盘有问题？）' }, { file: shownTo });
    }
    // A blob is named by the SHA-256 of its content: a damaged one is found here, not at a restore.
    if (parts[0] === BLOBS_DIR && /^[0-9a-f]{64}$/.test(parts[parts.length - 1]!) && parts[parts.length - 1] !== sha256) {
      throw RecordsError.of(
        'E-STORE-CHECKSUM',
        { detail: `规则包历史文件的内容与其名称（SHA-256）不符，实际为 ${sha256}：文件被改动或磁盘损坏；备份中止` },
        { file: path.join(this.shownDir, ...parts) },
      );
    }
    return { name, bytes: bytes.length, sha256 };
  }

  /** Copies the folder `dir` of the data directory (if there) into `target`, recursively, skipping temp files. */
  private async copyTree(dir: string, target: string): Promise<Array<{ name: string; bytes: number; sha256: string }>> {
    const entries = await readdir(path.join(this.dir, ...dir.split('/')), { withFileTypes: true }).catch((e: unknown) => {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      if (code === 'ENOTDIR') return 'file' as const;
      throw RecordsError.of('E-STORE-IO', { detail: `无法读取：${(e as Error).message}` }, { file: path.join(this.shownDir, dir) });
    });
    if (entries === null) return [];
    if (entries === 'file') throw await notRegularError(path.join(this.dir, dir), path.join(this.shownDir, dir));
    const out: Array<{ name: string; bytes: number; sha256: string }> = [];
    if (entries.length === 0) return out;
    await mkdir(path.join(target, ...dir.split('/')), { recursive: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (isTempFile(e.name)) continue;
      const name = `${dir}/${e.name}`;
      if (e.isDirectory()) out.push(...(await this.copyTree(name, target)));
      else {
        const copied = await this.copyDurably(name, target);
        if (copied) out.push(copied);
      }
    }
    await syncDir(path.join(target, ...dir.split('/')));
    return out;
  }

  /** Compacts every log (writer), closes the files and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    const failures: unknown[] = [];
    await this.exclusive(async () => {
      // Every collection is closed, and the lock released, even when one of them fails.
      for (const c of this.collections.values()) await c.close().catch((e: unknown) => failures.push(e));
    });
    this.closed = true;
    await this.lock?.release();
    if (failures.length > 0) throw failures[0];
  }
}

/** `readonly`: opened only to read (`bianmin diff`, export …), which then stops rather than refusing to start. */
export function corrupt(dir: string, problems: readonly LoadProblem[], readonly = false): RecordsError {
  const details = problems.map(({ detail, code, ...at }): Problem => ({ code: code ?? 'E-STORE-CORRUPT', message: detail, ...at }));
  // The message names the directory and lists every problem itself; each detail keeps its own location.
  return new RecordsError(
    'E-STORE-CORRUPT',
    `数据目录 ${dir} 中的登记簿有 ${problems.length} 处错误，${readonly ? '无法读取' : '拒绝启动'}（未作任何改动，以免丢失数据；请从备份恢复或修正后重试）：\n${details.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    {},
    details,
  );
}
