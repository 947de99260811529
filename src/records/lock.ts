/**
 * One writer process per data directory, and the one lock of the records (the document-number
 * series lives in the store, under this lock; there is no other lock file).
 *
 * The lock file names its holder by identity, not by pid alone: pid, the process's start time
 * (field 22 of /proc/PID/stat), the boot it runs in (/proc/sys/kernel/random/boot_id), the host
 * and a random nonce. A holder counts as alive only if a process with that pid runs now, started
 * at that time, in this boot: a pid reused after a crash and a reboot (even this process's own)
 * is not mistaken for the writer. Without /proc only the pid can be checked; a holder on another
 * host (a shared network folder) cannot be checked and counts as alive.
 *
 * The lock is written completely to a temp file first and then linked into place (link fails if
 * the name exists), so it never appears empty or half-written, and a full disk leaves no lock. A
 * stale lock is replaced by rename, only by the process that first creates the claim file named
 * after the stale lock's content (again by link: exactly one wins); the claim, too, names its
 * holder, so a claimer that died is replaced the same way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { isDiskFull, writeFailure } from './durable-file.ts';
import { RecordsError } from './errors.ts';
import { toIso } from './time.ts';

export const LOCK_FILE = '.bianmin.lock';

/** Who holds a lock (or a takeover claim). Locks written by earlier versions have only pid, host and since. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  /** Start time of the process, in clock ticks after boot (field 22 of /proc/PID/stat). */
  readonly start?: string;
  /** /proc/sys/kernel/random/boot_id of the boot the process ran in. */
  readonly boot?: string;
  /** Random, different for every lock taken: tells two locks of one process apart. */
  readonly nonce?: string;
}

/** Directories locked by this process: opening one twice in one process is also refused. */
const heldHere = new Set<string>();

/** A lock file not completely written yet (by an earlier version) is left alone this long. */
const UNREADABLE_GRACE_MS = 5_000;

export class WriterLock {
  private released = false;

  private constructor(
    readonly dir: string,
    private readonly file: string,
    private readonly content: string,
  ) {}

  /** Takes the writer lock of `dir`, or throws E-STORE-LOCKED naming the holder (E-STORE-DISK-FULL on a full disk). */
  static async acquire(dir: string): Promise<WriterLock> {
    const abs = path.resolve(dir);
    const shown = path.join(dir, LOCK_FILE);
    if (heldHere.has(abs)) {
      throw new RecordsError('E-STORE-LOCKED', `数据目录 ${dir} 已由本进程打开写入；同一数据目录只能打开一次`, { file: shown });
    }
    const file = path.join(abs, LOCK_FILE);
    const me = await ownIdentity();
    const content = JSON.stringify(me);
    const tmp = `${file}.${me.nonce}.tmp`;
    await writeNew(tmp, content, shown);
    try {
      for (let attempt = 0; attempt < 25; attempt++) {
        const got = await claim(file, tmp, shown, 0);
        if (got === 'ours') {
          heldHere.add(abs);
          await sweep(abs);
          return new WriterLock(abs, file, content);
        }
        if (typeof got === 'object') throw lockedError(dir, file, got);
        await sleep(got === 'wait' ? 200 : 10 + Math.random() * 50);
      }
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    throw new RecordsError('E-STORE-LOCKED', `无法取得数据目录 ${dir} 的写入锁（多个进程同时在争用）；请稍后重试`, { file: shown });
  }

  /** Releases the lock if it is still ours. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.dir);
    const now = await readFile(this.file, 'utf8').catch(() => null);
    if (now === this.content) await unlink(this.file).catch(() => undefined);
  }
}

/**
 * Makes `target` ours: created by link if absent; if its holder is dead, replaced by rename while
 * holding the claim `target.takeover-DIGEST` (taken the same way, one level deeper). Gives the
 * live holder, or 'wait' (someone else is at it; an unreadable lock still being written) or
 * 'retry' (it changed meanwhile).
 */
async function claim(target: string, tmp: string, shown: string, depth: number): Promise<'ours' | 'wait' | 'retry' | LockHolder> {
  if (await linkNew(tmp, target, shown)) return 'ours';
  const seen = await readLock(target);
  if (seen === 'gone') return 'retry';
  if (seen.holder === null) {
    if (seen.mtimeMs !== null && Date.now() - seen.mtimeMs < UNREADABLE_GRACE_MS) return 'wait';
  } else if (await isAlive(seen.holder, seen.mtimeMs)) {
    return depth === 0 ? seen.holder : 'wait';
  }
  if (depth >= 3) return 'wait';
  const claimFile = `${target}.takeover-${digest(seen.text)}`;
  const got = await claim(claimFile, tmp, shown, depth + 1);
  if (got !== 'ours') return got === 'retry' ? 'retry' : 'wait';
  try {
    // Under the claim, the lock must still be the stale one judged above.
    if ((await readFile(target, 'utf8').catch(() => null)) !== seen.text) return 'retry';
    const fresh = `${tmp}.${depth}`;
    try {
      await link(tmp, fresh);
      await rename(fresh, target);
    } catch (e) {
      await unlink(fresh).catch(() => undefined);
      throw writeFailure(e, shown, '写入锁未能创建，数据目录未打开');
    }
    return 'ours';
  } finally {
    await unlink(claimFile).catch(() => undefined);
  }
}

/** Creates `target` with the content of `tmp`, or false if it exists. */
async function linkNew(tmp: string, target: string, shown: string): Promise<boolean> {
  try {
    await link(tmp, target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw writeFailure(e, shown, '写入锁未能创建，数据目录未打开');
  }
  // A file system without hard links: an exclusive copy (briefly empty, which readers wait out).
  try {
    await copyFile(tmp, target, constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    await unlink(target).catch(() => undefined);
    throw writeFailure(e, shown, '写入锁未能创建，数据目录未打开');
  }
}

/** Writes a new file completely (fsynced); on failure nothing is left. */
async function writeNew(file: string, content: string, shown: string): Promise<void> {
  let fh;
  try {
    fh = await open(file, 'wx');
  } catch (e) {
    throw writeFailure(e, shown, '写入锁未能创建，数据目录未打开');
  }
  try {
    await fh.writeFile(content);
    await fh.sync();
    await fh.close();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw writeFailure(e, shown, isDiskFull(e) ? '写入锁未能创建，数据目录未打开' : '写入锁未能写入，数据目录未打开');
  }
}

async function readLock(file: string): Promise<'gone' | { text: string; holder: LockHolder | null; mtimeMs: number | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new RecordsError('E-STORE-IO', `无法读取写入锁：${(e as Error).message}`, { file });
  }
  const mtimeMs = (await stat(file).catch(() => null))?.mtimeMs ?? null;
  return { text, holder: parseHolder(text), mtimeMs };
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<Record<keyof LockHolder, unknown>>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
    const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);
    const start = str(v.start);
    const boot = str(v.boot);
    const nonce = str(v.nonce);
    return { pid: v.pid, host: String(v.host ?? ''), since: String(v.since ?? ''), ...(start ? { start } : {}), ...(boot ? { boot } : {}), ...(nonce ? { nonce } : {}) };
  } catch {
    return null;
  }
}

/**
 * Is the holder running now? Same host, same boot, a process with its pid that started when it
 * did. A lock of an earlier version (no start time) is judged by its file's age: a process
 * started after the lock was written did not write it.
 */
export async function isAlive(holder: LockHolder, lockWrittenMs: number | null = null): Promise<boolean> {
  if (holder.host && holder.host !== hostname()) return true;
  const boot = await bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  if (!pidExists(holder.pid)) return false;
  const proc = await procStat(holder.pid);
  if (!proc) return true;
  if (proc.state === 'Z' || proc.state === 'X') return false;
  if (holder.start) return holder.start === proc.start;
  if (lockWrittenMs !== null) {
    const started = await startedAtMs(proc.start);
    if (started !== null && started > lockWrittenMs + 2_000) return false;
  }
  return true;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** State and start time (clock ticks after boot) of a process, from /proc; null without /proc or process. */
export async function procStat(pid: number): Promise<{ state: string; start: string } | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so fields count from the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const start = fields[19];
  return start && /^\d+$/.test(start) ? { state: fields[0] ?? '', start } : null;
}

let bootIdCache: Promise<string | undefined> | null = null;

/** This boot's id (Linux), undefined elsewhere. */
export function bootId(): Promise<string | undefined> {
  bootIdCache ??= readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
    (t) => t.trim() || undefined,
    () => undefined,
  );
  return bootIdCache;
}

/** When a process started (epoch ms, to about a second): boot time plus its start ticks (USER_HZ 100). */
async function startedAtMs(startTicks: string): Promise<number | null> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => null);
  const btime = text ? /^btime (\d+)$/m.exec(text)?.[1] : undefined;
  return btime ? Number(btime) * 1000 + Number(startTicks) * 10 : null;
}

async function ownIdentity(): Promise<Required<LockHolder>> {
  const proc = await procStat(process.pid);
  return {
    pid: process.pid,
    host: hostname(),
    since: toIso(Date.now()),
    start: proc?.start ?? '',
    boot: (await bootId()) ?? '',
    nonce: randomBytes(12).toString('hex'),
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Removes temp and claim files of the lock left by processes that died (never a live one's). */
async function sweep(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`${LOCK_FILE}.`)) continue;
    const file = path.join(dir, name);
    const seen = await readLock(file).catch(() => 'gone' as const);
    if (seen === 'gone') continue;
    const stale = seen.holder === null ? seen.mtimeMs !== null && Date.now() - seen.mtimeMs > UNREADABLE_GRACE_MS : !(await isAlive(seen.holder, seen.mtimeMs));
    if (stale) await unlink(file).catch(() => undefined);
  }
}

function lockedError(dir: string, file: string, holder: LockHolder): RecordsError {
  const who = holder.pid === process.pid ? '本进程' : `进程 ${holder.pid}${holder.host && holder.host !== hostname() ? `（主机 ${holder.host}）` : ''}`;
  return new RecordsError(
    'E-STORE-LOCKED',
    `数据目录 ${dir} 正由${who}写入（自 ${holder.since || '未知时间'} 起）；同一数据目录只允许一个写入进程。请先停止该进程，或通过它的服务接口操作`,
    { file },
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
