// Files of the data directory that are not regular files (issue 12 defect 1, for the records
// store): a named pipe, a directory, a link to a named pipe or to a device named like a
// collection's snapshot or log. Before the fix, opening read the pipe (and hung until a writer
// came), read /dev/zero forever, and appended to a pipe or device; now each is
// E-STORE-NOT-REGULAR located at the file, at once, and `bianmin serve` / `bianmin cases list`
// refuse to start. Real FIFOs (mkfifo), real processes with a kill deadline: a hang fails.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openRecords, RecordsError, type Records } from '../../src/records/index.ts';
import { CLERK } from '../server/helpers.ts';
import { ROOT, RULES, samplePack, tempDir } from './helpers.ts';

const COMPLAINT = { channel: 'oral' as const, staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-03-02T09:00:00+08:00' };

/** A deadline for a step that used to hang: it rejects instead of waiting forever. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (hangs)`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function openError(dir: string, readonly = false): Promise<RecordsError> {
  const result = await within(
    10_000,
    openRecords(dir, await samplePack(), { readonly }).then(
      async (r) => {
        await r.close();
        return null;
      },
      (e: unknown) => e,
    ),
    `opening ${dir}`,
  );
  expect(result).toBeInstanceOf(RecordsError);
  return result as RecordsError;
}

/** A data directory with one complaint (snapshot and log), closed. */
async function seeded(): Promise<string> {
  const dir = path.join(await tempDir(), 'data');
  const r = await openRecords(dir, await samplePack());
  await r.complaints.add(COMPLAINT);
  await r.close();
  return dir;
}

const mkfifo = (file: string): void => {
  execFileSync('mkfifo', [file]);
};

/** Each way a non-regular file takes the place of a snapshot or a log, and what the message says it is. */
const CASES: ReadonlyArray<{ name: string; file: string; make: (file: string) => Promise<void>; says: RegExp }> = [
  { name: 'a named pipe as the log', file: 'complaints.log', make: async (f) => mkfifo(f), says: /这是一个命名管道（FIFO），不是普通文件/ },
  { name: 'a named pipe as the snapshot', file: 'complaints.json', make: async (f) => mkfifo(f), says: /这是一个命名管道（FIFO），不是普通文件/ },
  { name: 'a directory as the snapshot', file: 'complaints.json', make: async (f) => mkdir(f).then(() => undefined), says: /这是一个目录，不是普通文件/ },
  { name: 'a directory as the log', file: 'complaints.log', make: async (f) => mkdir(f).then(() => undefined), says: /这是一个目录，不是普通文件/ },
  {
    name: 'a link to a named pipe as the log',
    file: 'complaints.log',
    make: async (f) => {
      mkfifo(`${f}.fifo`);
      await symlink(`${f}.fifo`, f);
    },
    says: /这是指向一个命名管道（FIFO）的快捷方式（符号链接）/,
  },
  // A read of /dev/zero never ends (the old open ran out of memory).
  { name: 'a link to /dev/zero as the snapshot', file: 'complaints.json', make: (f) => symlink('/dev/zero', f), says: /这是指向一个设备文件的快捷方式/ },
  { name: 'a link to /dev/full as the log', file: 'complaints.log', make: (f) => symlink('/dev/full', f), says: /这是指向一个设备文件的快捷方式/ },
];

describe('opening a data directory with a non-regular file where a snapshot or log belongs', () => {
  for (const c of CASES) {
    test(`${c.name}: E-STORE-NOT-REGULAR at the file, at once, writer and reader alike; nothing changed`, async () => {
      const dir = await seeded();
      const file = path.join(dir, c.file);
      await rm(file, { force: true });
      await c.make(file);
      const before = (await readdir(dir)).sort();
      for (const readonly of [false, true]) {
        const err = await openError(dir, readonly);
        expect(err.code, err.message).toBe('E-STORE-NOT-REGULAR');
        expect(err.location.file).toBe(file);
        expect(err.detail).toMatch(c.says);
        expect(err.message).toContain(file);
        expect([err.status, err.exitCode]).toEqual([503, 1]);
        expect(err.detail).not.toMatch(/\bE[A-Z]{3,}\b|illegal|operation/);
      }
      // Refused before anything was written, and the writer lock released.
      expect((await readdir(dir)).sort()).toEqual(before);
    });
  }
});

describe('appending to a log that is no longer a regular file', () => {
  const cases: ReadonlyArray<{ name: string; make: (file: string) => Promise<void> }> = [
    { name: 'a named pipe without a reader', make: async (f) => mkfifo(f) },
    { name: 'a link to /dev/null (which would swallow every record)', make: (f) => symlink('/dev/null', f) },
  ];
  for (const c of cases) {
    test(`${c.name} put there after opening: the write is refused with E-STORE-NOT-REGULAR, never blocks`, async () => {
      const dir = path.join(await tempDir(), 'data');
      const r: Records = await openRecords(dir, await samplePack());
      try {
        const log = path.join(dir, 'complaints.log');
        await c.make(log);
        const err = await within(
          10_000,
          r.complaints.add(COMPLAINT).then(
            () => null,
            (e: unknown) => e,
          ),
          'the first write',
        );
        expect(err).toBeInstanceOf(RecordsError);
        expect(err).toMatchObject({ code: 'E-STORE-NOT-REGULAR', status: 503, location: { file: log } });
        expect(r.complaints.size).toBe(0);
        // The service stays answerable: with a regular log again the next write goes through.
        await rm(log);
        const c2 = await r.complaints.add(COMPLAINT);
        expect(r.complaints.get(c2.id)).toBeDefined();
      } finally {
        await r.close();
      }
    });
  }
});

interface Exited {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `bianmin ARGS` from the sources, killed after `ms` (then `signal` says so and the test fails). */
function bianmin(args: readonly string[], ms = 60_000): Promise<Exited> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/records/run-cli.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', BIANMIN_TOKENS: `window-2:${CLERK}:clerk` },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

describe('the commands refuse such a data directory instead of hanging', { timeout: 180_000 }, () => {
  test('`bianmin serve` with a named pipe as a log, and `bianmin cases list` with a directory as a snapshot: exit 1, located Chinese message', async () => {
    const pipe = await seeded();
    mkfifo(path.join(pipe, 'cases-2026.log'));
    const dirAsFile = await seeded();
    await mkdir(path.join(dirAsFile, 'cases-2026.json'));
    await writeFile(path.join(dirAsFile, 'cases-2026.json', 'x'), '');
    const [served, listed] = await Promise.all([
      bianmin(['serve', '--rules', RULES, '--data', pipe, '--port', '0', '--host', '127.0.0.1']),
      bianmin(['cases', 'list', '--rules', RULES, '--data', dirAsFile]),
    ]);
    expect(served.signal, `serve hung:\n${served.stdout}\n${served.stderr}`).toBeNull();
    expect(served.code, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/服务未启动/);
    expect(served.stderr).toContain(`${path.join(pipe, 'cases-2026.log')}`);
    expect(served.stderr).toMatch(/这是一个命名管道（FIFO），不是普通文件/);
    expect(served.stdout).not.toMatch(/已启动/);
    expect(listed.signal, `cases list hung:\n${listed.stderr}`).toBeNull();
    expect(listed.code, listed.stderr).toBe(1);
    expect(listed.stderr).toContain(path.join(dirAsFile, 'cases-2026.json'));
    expect(listed.stderr).toMatch(/这是一个目录，不是普通文件/);
    expect(`${served.stderr}${listed.stderr}`).not.toMatch(/内部错误|EISDIR|ENOTREG|ENXIO/);
  });
});
