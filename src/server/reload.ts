/**
 * Hot reload of the rule pack. Watches the pack directory (and the shared templates), debounces
 * bursts of changes, validates the new files with `loadPack` and swaps the new Pack in with a
 * single assignment: a request reads `reloader.pack` once when it starts and finishes on that
 * Pack, whatever happens meanwhile. An invalid pack is never served; its located errors are
 * logged and reported by /readyz while the last good pack keeps serving. Each outcome is also
 * emitted (`reloaded`, `rejected`), so that a caller can wait for a reload instead of polling.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import { formatInstant } from '../calendar/index.ts';
import { startWorker, type ErrorCode } from '../core/index.ts';
import { extendedCatalogueDirs, formatDiagnostic, PackLoadError, plainDiagnostic, type Diagnostic } from '../pack/index.ts';
import type { Pack } from '../engine/index.ts';
import { PackScanner, versionOf } from './pack-files.ts';
import type { CheckAnswer, CheckRequest } from './reload-worker.ts';

export type LoadFn = (dir: string) => Promise<Pack>;

export interface ReloaderOptions {
  /** The rule pack directory. */
  readonly rules: string;
  /** Other directories whose changes mean a reload (the shared templates). */
  readonly extraDirs?: readonly string[];
  readonly load: LoadFn;
  readonly logger: FastifyBaseLogger;
  /** `fs`: fs.watch (recursive); `poll`: compare the files' sizes and times every `pollMs`; `off`: only explicit reloads. */
  readonly watch?: 'fs' | 'poll' | 'off';
  readonly debounceMs?: number;
  readonly pollMs?: number;
  /**
   * Where changed files are validated before `load` runs: `worker` (default) in a thread of its
   * own, so that no file, however large or hostile, stalls request handling, and an invalid pack
   * is refused without the service's thread ever parsing it; `inline`: only by `load` itself.
   */
  readonly check?: 'worker' | 'inline';
  /** A validation in the worker that takes longer is stopped and the files refused (default 120 s). */
  readonly checkTimeoutMs?: number;
}

/** A located pack error as /readyz reports it. */
export interface ReportedError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface PackStatus {
  /** True when the files on disk are the pack in service. */
  readonly ready: boolean;
  /** Short hash of the served pack's files (also sent as the X-Bianmin-Pack header). */
  readonly version: string;
  readonly loadedAt: string;
  /** Why the files on disk are not in service: their errors, or a reload under way. */
  readonly errors: readonly ReportedError[];
  readonly reloading: boolean;
}

/** The pack in service with its identity; replaced as a whole on reload. */
export interface Served {
  readonly pack: Pack;
  /** 1 for the pack loaded at start, one more for each pack swapped in since. */
  readonly generation: number;
  /** Short hash of the pack's files (sent as the X-Bianmin-Pack header). */
  readonly version: string;
  readonly fingerprint: string;
  readonly loadedAt: string;
}

/** Files on disk that a reload refused; the pack in service stays. */
export interface Rejection {
  readonly fingerprint: string;
  readonly errors: readonly ReportedError[];
  /** The pack still in service. */
  readonly kept: Served;
}

/**
 * Outcomes of reloads that judged new files (a reload that finds nothing new emits nothing).
 * `reloaded` comes after the swap listeners have run, so that everything is rebound by then.
 */
export interface ReloaderEvents {
  reloaded: [served: Served];
  rejected: [rejection: Rejection];
}

export class PackReloader extends EventEmitter<ReloaderEvents> {
  private current: Served;
  private rejected: { fingerprint: string; errors: readonly ReportedError[] } | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  /** One watcher per directory of the pack (and of the extra directories). */
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;
  /** Writes in progress (afterWriting): watch events wait for them. */
  private holds = 0;
  private readonly dirs: readonly string[];
  private readonly swapListeners: Array<(served: Served) => Promise<void> | void> = [];
  private readonly checker: WorkerCheck | null;

  private constructor(
    private readonly options: ReloaderOptions,
    pack: Pack,
    fingerprint: string,
    version: string,
    /** Content hashes of the pack's files, for the served version (and the workbench's listings). */
    readonly scanner: PackScanner,
  ) {
    super();
    this.current = served(pack, fingerprint, version, 1);
    // A township's base catalogue (extends.path) is watched with the pack.
    this.dirs = [options.rules, ...extendedCatalogueDirs(options.rules), ...(options.extraDirs ?? [])].map((d) => path.resolve(d));
    this.checker = (options.check ?? 'worker') === 'worker' ? new WorkerCheck(options.logger) : null;
  }

  /** Loads the pack once (rejecting with PackLoadError if it is invalid) and starts watching. */
  static async start(options: ReloaderOptions): Promise<PackReloader> {
    const dirs = [options.rules, ...extendedCatalogueDirs(options.rules), ...(options.extraDirs ?? [])].map((d) => path.resolve(d));
    const fingerprint = await fingerprintOf(dirs);
    const pack = await options.load(options.rules);
    const scanner = new PackScanner(path.resolve(options.rules));
    const reloader = new PackReloader(options, pack, fingerprint, versionOf(await scanner.manifest()), scanner);
    // Watching: the validation thread is started (and its schemas compiled on the pack) now, so
    // that the first reload does not wait for that.
    if ((options.watch ?? 'fs') !== 'off') reloader.checker?.warm(options.rules);
    await reloader.startWatching();
    logWarnings(options.logger, pack);
    return reloader;
  }

  /** The pack in service and its version. Read it once per request. */
  get served(): Served {
    return this.current;
  }

  /** Called after each swap (e.g. to rebind the records to the new pack); awaited before the next reload. */
  onSwap(listener: (served: Served) => Promise<void> | void): void {
    this.swapListeners.push(listener);
  }

  /** Compares the files on disk with the pack in service (and triggers a reload if they differ unnoticed). */
  async status(): Promise<PackStatus> {
    const fingerprint = await fingerprintOf(this.dirs);
    const base = { version: this.current.version, loadedAt: this.current.loadedAt };
    if (fingerprint === this.current.fingerprint) return { ...base, ready: true, errors: [], reloading: false };
    if (this.rejected?.fingerprint === fingerprint) return { ...base, ready: false, errors: this.rejected.errors, reloading: false };
    // The files changed and no load has judged them yet (a watch event missed or still debouncing).
    if (!this.running && !this.timer) this.schedule(0);
    return { ...base, ready: false, errors: this.rejected?.errors ?? [], reloading: true };
  }

  /** Validates the files now and swaps them in if valid; resolves when done (with the reload's outcome). */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.reloadLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Runs `fn`, which writes several pack files (a publish), with reloads held off meanwhile (none
   * starts from a half-written pack), then reloads once; resolves with `fn`'s result after that
   * reload's outcome.
   */
  async afterWriting<T>(fn: () => Promise<T>): Promise<T> {
    this.holds++;
    try {
      while (this.running) await this.running;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      return await fn();
    } finally {
      this.holds--;
      if (this.holds === 0 && !this.closed) await this.reload();
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.timer = null;
    this.pollTimer = null;
    this.stopWatching();
    this.checker?.stop();
  }

  private async reloadLoop(): Promise<void> {
    do {
      this.again = false;
      await this.reloadOnce();
    } while (this.again && !this.closed);
  }

  private async reloadOnce(): Promise<void> {
    const log = this.options.logger;
    // Directories created or removed since: watched before the files are read, so no change after this is missed.
    await this.syncWatchers();
    const fingerprint = await fingerprintOf(this.dirs);
    if (fingerprint === this.current.fingerprint) {
      this.rejected = null;
      return;
    }
    if (this.rejected?.fingerprint === fingerprint) return;
    const started = performance.now();
    try {
      await this.precheck();
      if (this.closed) return;
      const pack = await this.options.load(this.options.rules);
      if (this.closed) return;
      // The one assignment that swaps packs: requests already running keep the Pack they read.
      this.current = served(pack, fingerprint, versionOf(await this.scanner.manifest()), this.current.generation + 1);
      this.rejected = null;
      log.info({ event: 'pack-reloaded', version: this.current.version, items: pack.data.items.size, ms: Math.round(performance.now() - started) }, '规则包已重新加载');
      logWarnings(log, pack);
    } catch (err) {
      this.reject(fingerprint, err);
      return;
    }
    for (const listener of this.swapListeners) {
      try {
        await listener(this.current);
      } catch (err) {
        log.error({ event: 'swap-listener-failed', err: err instanceof Error ? err.message : String(err) }, '规则包切换后的处理失败');
      }
    }
    this.emit('reloaded', this.current);
  }

  /**
   * Validates the files in the worker thread; throws PackLoadError with their located errors if
   * they are invalid, so that `load` never runs on them. If the thread cannot be used (it failed
   * to start, or crashed), says so and leaves the judgement to `load`, as without a worker.
   */
  private async precheck(): Promise<void> {
    if (!this.checker) return;
    let answer: CheckAnswer;
    try {
      answer = await this.checker.check(this.options.rules, this.options.checkTimeoutMs ?? 120_000);
    } catch (err) {
      if (err instanceof CheckTimeout) throw err;
      this.options.logger.warn({ event: 'pack-check-unavailable', err: err instanceof Error ? err.message : String(err) }, '校验线程不可用，改在服务线程中校验规则包');
      return;
    }
    if ('failed' in answer) {
      this.options.logger.warn({ event: 'pack-check-failed', err: answer.failed }, '校验线程出错，改在服务线程中校验规则包');
      return;
    }
    if (!answer.ok) throw new PackLoadError(answer.errors, answer.warnings);
  }

  private reject(fingerprint: string, err: unknown): void {
    const errors = reportedErrors(err);
    this.rejected = { fingerprint, errors };
    this.options.logger.error(
      { event: 'pack-rejected', errors: errors.map((d) => formatDiagnostic(d, this.options.rules)) },
      `规则包有 ${errors.length} 处错误，未启用，继续使用上一版（${this.current.version}）`,
    );
    this.emit('rejected', { fingerprint, errors, kept: this.current });
  }

  private schedule(delay: number): void {
    if (this.closed || this.holds > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, delay);
    this.timer.unref();
  }

  private async startWatching(): Promise<void> {
    const mode = this.options.watch ?? 'fs';
    if (mode === 'fs') await this.syncWatchers();
    else if (mode === 'poll') this.startPolling();
  }

  /**
   * Watches every directory on its own (not one recursive watch): Node 20's recursive fs.watch on
   * Linux stops reporting a file once an editor or git replaces it by rename, while a directory's
   * own watch reports every change of its entries. Called again before each reload, so that new
   * directories are watched and removed ones let go.
   */
  private async syncWatchers(): Promise<void> {
    if ((this.options.watch ?? 'fs') !== 'fs' || this.pollTimer || this.closed) return;
    const wanted = new Set((await Promise.all(this.dirs.map(directoriesUnder))).flat());
    if (this.closed || this.pollTimer) return;
    for (const [dir, w] of this.watchers) {
      if (wanted.has(dir)) continue;
      w.close();
      this.watchers.delete(dir);
    }
    const debounce = this.options.debounceMs ?? 150;
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      let w: FSWatcher;
      try {
        w = watch(dir, { persistent: false }, () => this.schedule(debounce));
      } catch (e) {
        // Removed since it was listed: the next sync forgets it. Anything else (no inotify watches left …): poll.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        this.options.logger.warn({ event: 'watch-unavailable', dir, err: e instanceof Error ? e.message : String(e) }, '无法监视规则包目录，改为定时检查');
        this.startPolling();
        return;
      }
      // A watched directory that disappears (or a watcher error) must not crash the service.
      w.on('error', (e) => {
        w.close();
        this.watchers.delete(dir);
        void stat(dir).then(
          () => {
            this.options.logger.warn({ event: 'watch-error', dir, err: e.message }, '监视规则包目录出错，改为定时检查');
            this.startPolling();
          },
          // The directory is gone: a change like any other.
          () => this.schedule(debounce),
        );
      });
      this.watchers.set(dir, w);
    }
  }

  private stopWatching(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private startPolling(): void {
    if (this.pollTimer || this.closed) return;
    this.stopWatching();
    this.pollTimer = setInterval(() => {
      void fingerprintOf(this.dirs).then((f) => {
        if (f !== this.current.fingerprint && f !== this.rejected?.fingerprint && !this.running) this.schedule(0);
      });
    }, this.options.pollMs ?? 1000);
    this.pollTimer.unref();
  }
}

/** A validation that ran past its deadline: the files are refused (E-PACK-LOAD) and the thread replaced. */
class CheckTimeout extends Error {}

/**
 * The validation thread (reload-worker.ts): one, started on first use and kept for the next
 * reloads (its schemas compiled once), never keeping the process alive. Under the TypeScript
 * sources (tests, `tsx`) it loads the sources through tsx's loader; built, the compiled file.
 */
class WorkerCheck {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (answer: CheckAnswer) => void; reject: (err: Error) => void }>();

  constructor(private readonly logger: FastifyBaseLogger) {}

  /** Starts the thread and has it validate `dir` once, answering no one: what it compiles is kept. */
  warm(dir: string): void {
    try {
      this.worker ??= this.spawn();
      this.worker.postMessage({ id: 0, dir } satisfies CheckRequest);
    } catch (err) {
      this.logger.warn({ event: 'pack-check-unavailable', err: err instanceof Error ? err.message : String(err) }, '无法启动校验线程，重新加载时改在服务线程中校验规则包');
    }
  }

  check(dir: string, timeoutMs: number): Promise<CheckAnswer> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<CheckAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.stop();
        reject(new CheckTimeout(`校验规则包超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已中止；请检查是否有异常庞大的文件`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, {
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
      worker.postMessage({ id, dir } satisfies CheckRequest);
    });
  }

  /** Ends the thread; checks still waiting fail (and are judged by `load`). */
  stop(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    this.failAll(new Error('校验线程已停止'));
  }

  private spawn(): Worker {
    const worker = startWorker('./reload-worker.ts', import.meta.url);
    worker.unref();
    worker.on('message', (answer: CheckAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      waiting?.resolve(answer);
    });
    const gone = (err: Error): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(err);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`校验线程已退出（退出码 ${code}）`)));
    return worker;
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(err);
  }
}

/** tsx's ESM registration entry, for a worker that runs the TypeScript sources. */
// The version is the pack's content fingerprint (the one the workbench's history and rollback
// name), so that a rollback serves the very version string it restores; `fingerprint` (sizes and
// times, cheap) only notices changes.
function served(pack: Pack, fingerprint: string, version: string, generation: number): Served {
  return Object.freeze({ pack, generation, version, fingerprint, loadedAt: formatInstant(Date.now()) });
}

function logWarnings(log: FastifyBaseLogger, pack: Pack): void {
  if (pack.data.warnings.length > 0) {
    log.warn({ event: 'pack-warnings', warnings: pack.data.warnings.map((d) => formatDiagnostic(d)) }, `规则包有 ${pack.data.warnings.length} 条警告`);
  }
}

function reportedErrors(err: unknown): ReportedError[] {
  if (err instanceof PackLoadError) return err.errors.map(plainDiagnostic);
  const message = err instanceof Error ? err.message : String(err);
  return [{ file: '', line: 0, column: 0, path: '$', code: 'E-PACK-LOAD', message: `加载规则包失败：${message}` }];
}

/** `dir` and every directory under it; none if it does not exist. */
async function directoriesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => null);
  if (entries === null) return [];
  return [dir, ...entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name))];
}

/**
 * Names, sizes and modification times of every file under `dirs`: cheap enough for every /readyz
 * and for polling, and it changes whenever an editor saves (including by rename).
 */
async function fingerprintOf(dirs: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    // Not only regular files: a rule file replaced by a directory or a named pipe of the same name
    // is a change (which the load then refuses), not the file simply gone. Other directories are
    // only containers: creating an empty one changes nothing.
    const files = entries
      .filter((e) => !e.name.startsWith('.') && (!e.isDirectory() || /\.ya?ml$/i.test(e.name)))
      .map((e) => ({ file: path.join(e.parentPath, e.name), kind: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const stats = await Promise.all(
      files.map(({ file, kind }) =>
        kind === 'file' ? stat(file).then((s) => `${file}\u0000${s.size}\u0000${s.mtimeMs}`, () => `${file}\u0000gone`) : `${file}\u0000${kind}`,
      ),
    );
    hash.update(`${dir}\u0001${stats.join('\u0001')}\u0002`);
  }
  return hash.digest('hex');
}
