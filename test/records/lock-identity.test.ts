// Issue 12, defect 13: the one lock of the records checks its holder's identity (pid, process
// start time, boot id, nonce), not only its pid, and a stale lock is taken over by exactly one
// process. Real processes throughout: a live process whose pid a stale lock names, a live
// writer, and several processes racing for one stale lock (also to take a document number).
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, test } from 'vitest';
import { openRecords, RecordsError } from '../../src/records/index.ts';
import { LOCK_FILE, WriterLock } from '../../src/records/lock.ts';
import { ROOT, RULES, samplePack, tempDir } from './helpers.ts';

/** A process's start time in clock ticks after boot (field 22 of /proc/PID/stat), read here independently of the lock. */
async function procStat(pid: number): Promise<{ start: string } | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return text ? { start: text.slice(text.lastIndexOf(')') + 2).split(' ')[19]! } : null;
}

async function bootId(): Promise<string> {
  return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
}

const running: ChildProcess[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    }
  }
});

/** A real process that just sleeps (its pid is the one a stale lock names). */
async function sleeper(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  running.push(child);
  await new Promise((r) => child.once('spawn', r));
  return child;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.on('exit', () => resolve(child.pid!)));
}

async function lockText(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
}

async function refusal(dir: string): Promise<RecordsError> {
  const err = await WriterLock.acquire(dir).then(
    async (l) => {
      await l.release();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordsError);
  expect((err as RecordsError).code).toBe('E-STORE-LOCKED');
  return err as RecordsError;
}

interface Outcome {
  readonly ok: boolean;
  readonly pid: number;
  readonly number?: number;
  readonly code?: string;
  readonly message?: string;
}

/** Starts `n` lock-child.ts processes, lets them go at once and gives each one's outcome. */
async function race(n: number, mode: 'lock' | 'number', dir: string, holdMs: number): Promise<Outcome[]> {
  const go = path.join(await tempDir('bianmin-go-'), 'go');
  const args = [path.join(ROOT, 'test/records/lock-child.ts'), mode, dir, go, String(holdMs), RULES];
  const kids = Array.from({ length: n }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout! });
    const ready = new Promise<void>((resolve) => lines.once('line', () => resolve()));
    const outcome = new Promise<Outcome>((resolve, reject) => {
      lines.on('line', (line) => {
        if (line.startsWith('{')) resolve(JSON.parse(line) as Outcome);
      });
      child.once('exit', (code) => reject(new Error(`child exited (${code}) without an outcome: ${stderr}`)));
    });
    return { ready, outcome };
  });
  await Promise.all(kids.map((k) => k.ready));
  await writeFile(go, '');
  return Promise.all(kids.map((k) => k.outcome));
}

describe('the holder is identified by more than its pid', () => {
  test('a stale lock whose pid now belongs to another live process (a reused pid) is taken over; that process is left alone', async () => {
    const dir = await tempDir();
    const other = await sleeper();
    const real = await procStat(other.pid!);
    expect(real).not.toBeNull();
    // Written by an earlier process that had the same pid: another start time.
    await writeFile(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-11-22T17:00:00+08:00', start: String(Number(real!.start) + 4711), boot: await bootId(), nonce: 'a1' }),
    );
    const lock = await WriterLock.acquire(dir);
    expect(await lockText(dir)).toMatchObject({ pid: process.pid, boot: await bootId() });
    await lock.release();
    expect(() => process.kill(other.pid!, 0)).not.toThrow();
  });

  test('a lock written before the machine restarted is stale, even if its pid and start time match a process running now', async () => {
    const dir = await tempDir();
    const other = await sleeper();
    const real = await procStat(other.pid!);
    await writeFile(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-11-22T17:00:00+08:00', start: real!.start, boot: '00000000-0000-4000-8000-000000000000', nonce: 'b2' }),
    );
    const lock = await WriterLock.acquire(dir);
    expect((await lockText(dir)).pid).toBe(process.pid);
    await lock.release();
  });

  test('after a crash and a reboot this process may have the dead writer\'s pid: its lock is not taken for "本进程"', async () => {
    const dir = await tempDir();
    const file = path.join(dir, LOCK_FILE);
    const me = await procStat(process.pid);
    await writeFile(file, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-22T17:00:00+08:00', start: String(Number(me!.start) + 1), boot: await bootId(), nonce: 'c3' }));
    const lock = await WriterLock.acquire(dir);
    expect((await lockText(dir)).nonce).not.toBe('c3');
    await lock.release();
    // A lock of an earlier version (pid only) from before this process started: its file is older than the process.
    await writeFile(file, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-22T17:00:00+08:00' }));
    const yesterday = new Date(Date.now() - 86_400_000);
    await utimes(file, yesterday, yesterday);
    const again = await WriterLock.acquire(dir);
    expect(await lockText(dir)).toHaveProperty('nonce');
    await again.release();
  });

  test('a live writer in another process is refused by name; once it is killed, its lock is taken over', async () => {
    const dir = await tempDir();
    const go = path.join(await tempDir('bianmin-go-'), 'go');
    await writeFile(go, '');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/records/lock-child.ts'), 'lock', dir, go, '-1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    running.push(child);
    const outcome = await new Promise<Outcome>((resolve) => createInterface({ input: child.stdout! }).on('line', (l) => l.startsWith('{') && resolve(JSON.parse(l) as Outcome)));
    expect(outcome).toMatchObject({ ok: true, pid: child.pid });
    const held = await lockText(dir);
    expect(held).toMatchObject({ pid: child.pid, host: hostname(), boot: await bootId(), start: (await procStat(child.pid!))!.start });
    expect(held.nonce).toMatch(/^[0-9a-f]{24}$/);
    const err = await refusal(dir);
    expect(err.message).toContain(`正由进程 ${child.pid}`);
    expect(err.message).toContain('只允许一个写入进程');
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
    const r = await openRecords(dir, await samplePack());
    expect((await lockText(dir)).pid).toBe(process.pid);
    await r.close();
  }, 60_000);

  test('a takeover claim left by a claimer that died does not block the directory; leftovers are cleared', async () => {
    const dir = await tempDir();
    const stale = JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-11-22T17:00:00+08:00' });
    await writeFile(path.join(dir, LOCK_FILE), stale);
    const { createHash } = await import('node:crypto');
    const claim = `${LOCK_FILE}.takeover-${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
    await writeFile(path.join(dir, claim), JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-11-22T17:00:01+08:00', nonce: 'dead' }));
    await writeFile(path.join(dir, `${LOCK_FILE}.0123456789abcdef01234567.tmp`), JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-11-22T17:00:02+08:00' }));
    const lock = await WriterLock.acquire(dir);
    expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([LOCK_FILE]);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('several processes find the same stale lock at the same moment', { timeout: 180_000 }, () => {
  test('exactly one takes it over; every other is refused naming that one', async () => {
    for (let round = 0; round < 2; round++) {
      const dir = await tempDir();
      await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-11-22T17:00:00+08:00' }));
      const outcomes = await race(5, 'lock', dir, 3_000);
      const winners = outcomes.filter((o) => o.ok);
      expect(winners, JSON.stringify(outcomes)).toHaveLength(1);
      for (const o of outcomes.filter((x) => !x.ok)) {
        expect(o.code).toBe('E-STORE-LOCKED');
        expect(o.message).toContain(`正由进程 ${winners[0]!.pid}`);
      }
    }
  });

  test('the document-number series: of four processes after a crash, one takes number 1 and no number is issued twice', async () => {
    const dir = path.join(await tempDir(), 'data');
    const seed = await openRecords(dir, await samplePack());
    await seed.close();
    // The writer crashed: its lock stays behind.
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-11-22T17:00:00+08:00' }));
    const old = new Date(Date.now() - 120_000);
    await utimes(path.join(dir, LOCK_FILE), old, old);
    const outcomes = await race(4, 'number', dir, 2_000);
    const issued = outcomes.filter((o) => o.ok).map((o) => o.number);
    expect(issued, JSON.stringify(outcomes)).toEqual([1]);
    for (const o of outcomes.filter((x) => !x.ok)) expect(o.code).toBe('E-STORE-LOCKED');
    const after = await openRecords(dir, await samplePack(), { readonly: true });
    expect(after.sequences.last('青便', 2026)).toBe(1);
    await after.close();
  });
});
