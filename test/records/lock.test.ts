// One writer per data directory: a second writer is refused with a clear Chinese reason, and a
// lock left by a crash never blocks the center for good.
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { LOCK_FILE, WriterLock } from '../../src/records/lock.ts';
import { RecordsError } from '../../src/records/index.ts';
import { tempDir } from './helpers.ts';

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

test('the lock file names the writer; released, the directory can be opened again', async () => {
  const dir = await tempDir();
  const lock = await WriterLock.acquire(dir);
  const content = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string; since: string };
  expect(content).toMatchObject({ pid: process.pid, host: hostname() });
  expect(content.since).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/);
  await lock.release();
  await expect(stat(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  const again = await WriterLock.acquire(dir);
  await again.release();
  // Releasing twice is harmless.
  await again.release();
});

test('the same directory cannot be opened twice for writing in one process', async () => {
  const dir = await tempDir();
  const lock = await WriterLock.acquire(dir);
  try {
    expect((await refusal(dir)).message).toMatch(/已由本进程打开写入；同一数据目录只能打开一次/);
    // Also when spelled differently.
    await refusal(path.join(dir, '.', ''));
  } finally {
    await lock.release();
  }
});

test('a live writer in another process is named, and its lock is left alone', async () => {
  const dir = await tempDir();
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const held = JSON.stringify({ pid: child.pid, host: hostname(), since: '2026-11-23T09:00:00+08:00' });
    await writeFile(path.join(dir, LOCK_FILE), held);
    const err = await refusal(dir);
    expect(err.message).toContain(`正由进程 ${child.pid}`);
    expect(err.message).toContain('自 2026-11-23T09:00:00+08:00 起');
    expect(err.message).toContain('只允许一个写入进程');
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(held);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  // Once that process is gone, its lock is taken over.
  const lock = await WriterLock.acquire(dir);
  expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  await lock.release();
});

test('a writer on another machine (a shared folder) cannot be checked, so it counts as alive', async () => {
  const dir = await tempDir();
  await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'window-pc-7', since: '2026-11-23T09:00:00+08:00' }));
  expect((await refusal(dir)).message).toContain('（主机 window-pc-7）');
});

test('an old unreadable lock (a crash while it was written) is taken over', async () => {
  const dir = await tempDir();
  const file = path.join(dir, LOCK_FILE);
  await writeFile(file, '');
  const old = new Date(Date.now() - 60_000);
  await utimes(file, old, old);
  const lock = await WriterLock.acquire(dir);
  expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(process.pid);
  await lock.release();
});

test('releasing never removes a lock that another writer has taken since', async () => {
  const dir = await tempDir();
  const lock = await WriterLock.acquire(dir);
  const other = JSON.stringify({ pid: process.pid + 1, host: hostname(), since: '2026-11-23T10:00:00+08:00' });
  await writeFile(path.join(dir, LOCK_FILE), other);
  await lock.release();
  expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(other);
});
