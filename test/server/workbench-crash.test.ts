// A real `bianmin serve` killed with SIGKILL in the middle of a multi-file publish, at different
// moments (before the journal is committed, while files are being renamed, after): after a
// restart the pack on disk is wholly the old one or wholly the new one, and the history says
// which. Also: history survives a restart, and without configured tokens the service makes a
// local admin token in <data>/admin-token (mode 0600) and prints where it is, never the token.
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/run.ts';
import { ADMIN, copyOfRules, tempDir, within } from './helpers.ts';

const FILES = ['mz-001', 'mz-002', 'mz-003', 'mz-004', 'mz-005', 'rs-001', 'rs-002', 'rs-003'].map((c) => `items/${c}.yaml`);
const PAUSE_MS = 60;
const dirs: string[] = [];

interface Serve {
  readonly child: ChildProcess;
  readonly base: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

async function serve(rules: string, data: string, env: Record<string, string> = {}): Promise<Serve> {
  const child = spawn(process.execPath, [BIN, 'serve', '--rules', rules, '--data', data, '--port', '0', '--rate-limit', '0', '--log-level', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', BIANMIN_TOKENS: `office:${ADMIN}:admin`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await within(
    '服务启动',
    new Promise<string>((resolve, reject) => {
      const check = (): void => {
        const m = /已启动：(http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      };
      child.stdout!.on('data', check);
      void exited.then((code) => reject(new Error(`服务已退出（${code}）：${out}`)));
    }),
    60_000,
  );
  return { child, base, output: () => out, exited };
}

async function call(base: string, method: string, url: string, body?: unknown, type = 'application/json'): Promise<{ status: number; json: () => unknown; text: string }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body !== undefined ? { 'content-type': type } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as unknown };
}

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

async function stop(s: Serve): Promise<void> {
  if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await s.exited;
}

/** Which state the files are in: every one old, every one new, or a mix. */
async function stateOf(rules: string, old: Map<string, string>): Promise<'old' | 'new' | 'mixed'> {
  const marks = await Promise.all(FILES.map(async (f) => (await readFile(path.join(rules, f), 'utf8')) === old.get(f)));
  return marks.every(Boolean) ? 'old' : marks.every((m) => !m) ? 'new' : 'mixed';
}

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('a publish killed with SIGKILL', () => {
  // How long after the journal appears the process is killed; -1: before it appears (while staging).
  const moments = [-1, 0, 2 * PAUSE_MS + 20, 5 * PAUSE_MS + 20];
  for (const moment of moments) {
    it(`leaves the pack wholly old or wholly new after a restart (killed ${moment < 0 ? 'before the commit point' : `${moment} ms after it`})`, async () => {
      const dir = await tempDir('workbench-crash');
      dirs.push(dir);
      const rules = await copyOfRules(dir);
      const data = path.join(dir, 'data');
      const old = new Map(await Promise.all(FILES.map(async (f) => [f, await readFile(path.join(rules, f), 'utf8')] as const)));
      let s = await serve(rules, data, { BIANMIN_TEST_PUBLISH_PAUSE_MS: String(moment < 0 ? 0 : PAUSE_MS) });
      const draft = (await call(s.base, 'POST', '/v1/drafts', { name: '多文件' })).json() as { id: string };
      for (const f of FILES) {
        const res = await call(s.base, 'PUT', `/v1/drafts/${draft.id}/files/${f}`, `${old.get(f)}# 第 ${moment} 次：新版本\n`, 'application/yaml');
        expect(res.status).toBe(200);
      }
      const journal = path.join(data, 'pack-publish.journal.json');
      const publishing = call(s.base, 'POST', `/v1/drafts/${draft.id}/publish`, { reason: '崩溃测试' }).catch(() => null);
      if (moment < 0) {
        // Killed while staging: wait until a staging file exists, but the journal does not.
        await within('暂存文件出现', (async () => {
          for (;;) {
            const entries = await import('node:fs/promises').then((fs) => fs.readdir(path.join(rules, 'items')));
            if (entries.some((e) => e.startsWith('.bianmin-publish-'))) return;
            await new Promise((r) => setTimeout(r, 2));
          }
        })());
      } else {
        await within('发布日志出现', (async () => {
          while (!(await exists(journal))) await new Promise((r) => setTimeout(r, 2));
        })());
        await new Promise((r) => setTimeout(r, moment));
      }
      s.child.kill('SIGKILL');
      await s.exited;
      await publishing;
      const atCrash = await stateOf(rules, old);

      s = await serve(rules, data);
      try {
        const after = await stateOf(rules, old);
        expect(after).not.toBe('mixed');
        const history = (await call(s.base, 'GET', '/v1/pack/history')).json() as { publications: Array<{ files: unknown[]; reason: string }> };
        if (moment < 0) {
          expect(after).toBe('old');
          expect(history.publications).toEqual([]);
        } else {
          // Committed: rolled forward at the start, and recorded once.
          expect(after).toBe('new');
          expect(history.publications).toHaveLength(1);
          expect(history.publications[0]).toMatchObject({ reason: '崩溃测试' });
          expect(history.publications[0]!.files).toHaveLength(FILES.length);
        }
        expect(await exists(journal)).toBe(false);
        const entries = await import('node:fs/promises').then((fs) => fs.readdir(path.join(rules, 'items')));
        expect(entries.filter((e) => e.startsWith('.'))).toEqual([]);
        // The service serves the pack on disk.
        const ready = await call(s.base, 'GET', '/readyz');
        expect(ready.status).toBe(200);
        expect(['old', 'new', 'mixed']).toContain(atCrash);
      } finally {
        await stop(s);
      }
    }, 120_000);
  }
});

describe('a restarted service', () => {
  it('keeps the history and, without configured tokens, makes a local admin token once', async () => {
    const dir = await tempDir('workbench-restart');
    dirs.push(dir);
    const rules = await copyOfRules(dir);
    const data = path.join(dir, 'data');
    let s = await serve(rules, data);
    const draft = (await call(s.base, 'POST', '/v1/drafts', {})).json() as { id: string };
    const text = await readFile(path.join(rules, 'items/mz-001.yaml'), 'utf8');
    await call(s.base, 'PUT', `/v1/drafts/${draft.id}/files/items/mz-001.yaml`, `${text}# 重启前发布\n`, 'text/plain');
    expect((await call(s.base, 'POST', `/v1/drafts/${draft.id}/publish`, {})).status).toBe(200);
    await stop(s);

    const env = { ...process.env } as Record<string, string>;
    delete env.BIANMIN_TOKENS;
    const child = spawn(process.execPath, [BIN, 'serve', '--rules', rules, '--data', data, '--port', '0', '--log-level', 'warn'], { cwd: ROOT, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    s = { child, exited, output: () => out, base: '' };
    try {
      await within('服务启动', (async () => {
        while (!/已启动：http/.test(out)) await new Promise((r) => setTimeout(r, 20));
      })(), 60_000);
      const tokenFile = path.join(data, 'admin-token');
      expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
      const token = (await readFile(tokenFile, 'utf8')).trim();
      expect(out).toContain(tokenFile);
      expect(out).toContain('本机管理员');
      expect(out).not.toContain(token);
      const base = /已启动：(http:\/\/\S+)/.exec(out)![1]!;
      const res = await fetch(`${base}/v1/pack/history`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { publications: Array<{ by: string }> };
      expect(body.publications).toHaveLength(1);
      expect(body.publications[0]!.by).toBe('office');
    } finally {
      await stop(s);
    }
  }, 120_000);
});
