// Issue 12, defect 8: a full disk. Requests that need to write answer a clear Chinese 503
// (E-STORE-DISK-FULL), `bianmin serve` started with no space left exits with a clear message and
// leaves no lock, and a write already durable in the log is never reported as failed because
// the compaction after it could not run. Real ENOSPC only: a small tmpfs filled to the last byte
// (skipped, with the reason printed, where mounting is not permitted), and /dev/full where the
// store writes (always).
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, open, readdir, readFile, rm, rmdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openRecords, type Records } from '../../src/records/index.ts';
import { LOCK_FILE } from '../../src/records/lock.ts';
import { buildServer } from '../../src/server/app.ts';
import { ROOT, RULES, samplePack, tempDir } from './helpers.ts';

const CLERK = 'clerk-token-disk-full-aaaaaaaa';
const TOKENS = [{ name: 'window-2', token: CLERK, role: 'clerk' as const }];
const COMPLAINT = { channel: 'oral' as const, staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-10T10:00:00+08:00' };
/** The same complaint as POST /v1/complaints takes it. */
const COMPLAINT_BODY = { channel: 'oral', target: { staff: 'chen-li' }, content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-10T10:00:00+08:00' };

async function server(data: string) {
  return buildServer({ rules: RULES, data, tokens: TOKENS, log: false, watch: 'off', watchExtra: [], rateLimit: false });
}

function lockFiles(names: string[]): string[] {
  return names.filter((n) => n.startsWith(LOCK_FILE));
}

// ---------------------------------------------------------------------------------------------
// A real file system that runs full: a small tmpfs (needs the right to mount, e.g. root).

const mountPoint = path.join(tmpdir(), `bianmin-full-${process.pid}-${Date.now()}`);
await mkdir(mountPoint, { recursive: true });
const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { encoding: 'utf8' });
const mounted = mount.status === 0;
if (!mounted) {
  process.stdout.write(`disk-full.test.ts: tmpfs tests skipped: cannot mount a tmpfs here (${(mount.stderr || mount.error?.message || `exit ${mount.status}`).trim()}); the /dev/full tests still run\n`);
}
afterAll(async () => {
  if (mounted) spawnSync('umount', ['-l', mountPoint]);
  await rmdir(mountPoint).catch(() => undefined);
});

/** Fills the file system of `dir` to the last byte; gives the filler file (remove it to free the space). */
async function fill(dir: string): Promise<string> {
  const file = path.join(dir, 'filler');
  const fh = await open(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 4096, 512, 1]) {
      const buf = Buffer.alloc(size, 0x61);
      try {
        for (;;) await fh.write(buf, 0, size);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
    }
  } finally {
    await fh.close();
  }
  return file;
}

describe.skipIf(!mounted)('on a tmpfs filled to the last byte', { timeout: 120_000 }, () => {
  test('a running service: /board and a new complaint answer 503 E-STORE-DISK-FULL in Chinese, reads still work, and writing resumes once space is freed', async () => {
    const data = path.join(mountPoint, 'service');
    const app = await server(data);
    let filler: string | null = null;
    try {
      filler = await fill(mountPoint);
      const board = await app.inject({ method: 'GET', url: '/board?date=2026-11-10' });
      expect(board.statusCode, board.body).toBe(503);
      const err = board.json<{ error: { code: string; message: string } }>().error;
      expect(err.code).toBe('E-STORE-DISK-FULL');
      expect(err.message).toMatch(/磁盘空间已满.*请清理数据目录所在磁盘的空间后重试/);
      expect(err.message).not.toMatch(/ENOSPC|no space/i);

      const added = await app.inject({ method: 'POST', url: '/v1/complaints', headers: { authorization: `Bearer ${CLERK}` }, payload: COMPLAINT_BODY });
      expect(added.statusCode, added.body).toBe(503);
      expect(added.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'E-STORE-DISK-FULL', message: expect.stringMatching(/磁盘空间已满，记录未能保存/) });

      // What needs no writing still answers.
      expect((await app.inject({ method: 'GET', url: '/v1/items' })).statusCode).toBe(200);

      await rm(filler);
      filler = null;
      expect((await app.inject({ method: 'GET', url: '/board?date=2026-11-10' })).statusCode).toBe(200);
      const again = await app.inject({ method: 'POST', url: '/v1/complaints', headers: { authorization: `Bearer ${CLERK}` }, payload: COMPLAINT_BODY });
      expect(again.statusCode, again.body).toBe(201);
    } finally {
      if (filler) await rm(filler);
      await app.close();
    }
  });

  test('`bianmin serve` started with 0 bytes free exits with a clear Chinese message and leaves no lock file', async () => {
    const fresh = path.join(mountPoint, 'fresh');
    const used = path.join(mountPoint, 'used');
    await mkdir(fresh);
    // A data directory with records in it, too.
    const r = await openRecords(used, await samplePack());
    await r.complaints.add(COMPLAINT);
    await r.close();
    const filler = await fill(mountPoint);
    try {
      for (const data of [fresh, used]) {
        const before = await readdir(data);
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/records/run-cli.ts'), 'serve', '--rules', RULES, '--data', data, '--port', '0', '--host', '127.0.0.1'], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, BIANMIN_TOKENS: `window-2:${CLERK}:clerk` },
        });
        let stderr = '';
        let stdout = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
        clearTimeout(timer);
        expect(code, `${stdout}\n${stderr}`).toBe(1);
        expect(stderr).toMatch(/服务未启动/);
        expect(stderr).toMatch(/磁盘空间已满/);
        expect(stderr).not.toMatch(/内部错误|ENOSPC/);
        expect(stdout).not.toMatch(/已启动/);
        const after = await readdir(data);
        expect(lockFiles(after)).toEqual([]);
        expect(after.sort()).toEqual(before.sort());
      }
    } finally {
      await rm(filler);
    }
    // With space again it opens, and nothing was lost.
    const back = await openRecords(used, await samplePack());
    expect(back.complaints.size).toBe(1);
    await back.close();
  });
});

// ---------------------------------------------------------------------------------------------
// /dev/full: a real file whose every write fails with ENOSPC, put where the store writes.

describe('/dev/full where the store writes', () => {
  const open_: Records[] = [];
  afterAll(async () => {
    for (const r of open_) await r.close().catch(() => undefined);
  });

  test('a write whose snapshot cannot be written: E-STORE-DISK-FULL (503, exit 1), located, nothing half-written; the next write succeeds', async () => {
    const dir = path.join(await tempDir(), 'data');
    const r = await openRecords(dir, await samplePack());
    open_.push(r);
    // A new register's first write writes its snapshot first, through this temp file.
    await symlink('/dev/full', path.join(dir, `.complaints.json.tmp-${process.pid}`));
    const err = await r.complaints.add(COMPLAINT).then(
      () => null,
      (e: unknown) => e as { code: string; status: number; exitCode: number; detail: string; location: { file?: string } },
    );
    expect(err).toMatchObject({ code: 'E-STORE-DISK-FULL', status: 503, exitCode: 1, location: { file: path.join(dir, 'complaints.json') } });
    expect(err?.detail).toMatch(/^磁盘空间已满，记录未能保存；请清理/);
    expect(await readFile(path.join(dir, 'complaints.log'), 'utf8')).toBe('');
    // The temp file (here: the link to /dev/full) is gone, so the disk has room again.
    const c = await r.complaints.add(COMPLAINT);
    expect(r.complaints.get(c.id)).toBeDefined();
  });

  test('an acknowledged write stays acknowledged when the compaction after it fails for want of space', async () => {
    const dir = path.join(await tempDir(), 'data');
    const r = await openRecords(dir, await samplePack(), { compactAfterBytes: 1 });
    open_.push(r);
    const first = await r.complaints.add(COMPLAINT);
    await symlink('/dev/full', path.join(dir, `.complaints.json.tmp-${process.pid}`));
    // Its log line is larger than the snapshot: the compaction after it is due, and cannot be written.
    const second = await r.complaints.add({ ...COMPLAINT, content: '多次往返，'.repeat(200) });
    expect(r.warnings.join('\n')).toMatch(/整理日志失败，记录仍完整保存在日志中/);
    // As a crash would leave the directory now: both writes are on disk.
    const copy = path.join(await tempDir(), 'copy');
    await cp(dir, copy, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE && !path.basename(src).includes('.tmp-') });
    const back = await openRecords(copy, await samplePack(), { readonly: true });
    expect([first.id, second.id].map((id) => back.complaints.get(id)?.id)).toEqual([first.id, second.id]);
    await back.close();
  });

  test('GET /board while the publication log cannot be written: 503 E-STORE-DISK-FULL, not E-BOARD-WITHHELD or 500', async () => {
    const data = path.join(await tempDir(), 'data');
    const app = await server(data);
    // After opening: the archive's first write writes its snapshot first, through this temp file (a
    // log that is not a regular file is refused before any write: data-dir-files.test.ts).
    await symlink('/dev/full', path.join(data, `.publications.json.tmp-${process.pid}`));
    try {
      const res = await app.inject({ method: 'GET', url: '/board?date=2026-11-10' });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'E-STORE-DISK-FULL', message: expect.stringMatching(/磁盘空间已满/) });
    } finally {
      await app.close();
    }
  });
});
