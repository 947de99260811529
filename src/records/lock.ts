/**
 * One writer process per data directory: a lock file holding the writer's pid. A second process
 * gets a clear Chinese error; a lock left by a dead process (crash, SIGKILL) is taken over.
 * Takeover runs under a second, short-lived mutex (mkdir is atomic) so that two processes that
 * both find the same stale lock cannot both take it.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { RecordsError } from './errors.ts';
import { toIso } from './time.ts';

export const LOCK_FILE = '.bianmin.lock';

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** Directories locked by this process: opening one twice in one process is also refused. */
const heldHere = new Set<string>();

export class WriterLock {
  private released = false;

  private constructor(
    readonly dir: string,
    private readonly file: string,
    private readonly content: string,
  ) {}

  /** Takes the writer lock of `dir`, or throws E-STORE-LOCKED naming the holder. */
  static async acquire(dir: string): Promise<WriterLock> {
    const abs = path.resolve(dir);
    if (heldHere.has(abs)) {
      throw new RecordsError('E-STORE-LOCKED', `数据目录 ${dir} 已由本进程打开写入；同一数据目录只能打开一次`, { file: path.join(dir, LOCK_FILE) });
    }
    const file = path.join(abs, LOCK_FILE);
    const content = JSON.stringify({ pid: process.pid, host: hostname(), since: toIso(Date.now()) } satisfies LockContent);
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await tryCreate(file, content)) {
        heldHere.add(abs);
        return new WriterLock(abs, file, content);
      }
      const holder = await readHolder(file);
      if (holder === 'gone') continue;
      if (holder === 'unreadable') {
        // A lock being written right now is briefly empty; only an old unreadable one is stale.
        const age = await ageMs(file);
        if (age !== null && age < 5_000) {
          await sleep(200);
          continue;
        }
      } else if (isAlive(holder)) {
        throw lockedError(dir, file, holder);
      }
      await takeOver(file, holder);
    }
    throw new RecordsError('E-STORE-LOCKED', `无法取得数据目录 ${dir} 的写入锁（多个进程同时在争用）；请稍后重试`, { file: path.join(dir, LOCK_FILE) });
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

async function tryCreate(file: string, content: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new RecordsError('E-STORE-IO', `无法创建写入锁 ${file}：${(e as Error).message}`, { file });
  }
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return true;
}

async function readHolder(file: string): Promise<LockContent | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const v = JSON.parse(text) as Partial<LockContent>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0) return { pid: v.pid, host: String(v.host ?? ''), since: String(v.since ?? '') };
  } catch {
    // fall through
  }
  return 'unreadable';
}

function isAlive(holder: LockContent): boolean {
  // Another machine's pid cannot be checked from here (a shared network folder): treat it as alive.
  if (holder.host && holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(dir: string, file: string, holder: LockContent): RecordsError {
  const who = holder.pid === process.pid ? '本进程' : `进程 ${holder.pid}${holder.host && holder.host !== hostname() ? `（主机 ${holder.host}）` : ''}`;
  return new RecordsError(
    'E-STORE-LOCKED',
    `数据目录 ${dir} 正由${who}写入（自 ${holder.since || '未知时间'} 起）；同一数据目录只允许一个写入进程。请先停止该进程，或通过它的服务接口操作`,
    { file },
  );
}

async function takeOver(file: string, stale: LockContent | 'unreadable'): Promise<void> {
  const mutex = `${file}.takeover`;
  try {
    await mkdir(mutex);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Someone else is taking over; a mutex older than a few seconds was left by a dead process.
    const age = await ageMs(mutex);
    if (age !== null && age > 10_000) await rmdir(mutex).catch(() => undefined);
    else await sleep(100);
    return;
  }
  try {
    // Re-check under the mutex: the lock must still be the stale one we saw.
    const again = await readHolder(file);
    const same = again === stale || (typeof again === 'object' && typeof stale === 'object' && again.pid === stale.pid && again.since === stale.since);
    if (same) await unlink(file).catch(() => undefined);
  } finally {
    await rmdir(mutex).catch(() => undefined);
  }
}

async function ageMs(p: string): Promise<number | null> {
  const s = await stat(p).catch(() => null);
  return s ? Date.now() - s.mtimeMs : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
