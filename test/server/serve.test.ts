// `bianmin serve`: starts on the sample pack and prints where the board and the docs are; a port
// in use, a broken pack, a locked data directory or bad tokens give a clear Chinese message and a
// non-zero exit, never a stack trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyOfRules, tempDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function serve(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exited: Promise<Exit> } {
  const child = spawn(process.execPath, ['bin/bianmin.js', 'serve', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, output: () => ({ stdout, stderr }), exited };
}

async function until(what: string, probe: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function noStack(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
}

describe('bianmin serve', { timeout: 120_000 }, () => {
  it('serves the sample pack, prints the board and docs addresses, and stops cleanly on SIGTERM', async () => {
    const data = path.join(await tempDir('serve'), 'data');
    const run = serve(['--data', data, '--port', '0']);
    await until('banner', () => run.output().stdout.includes('按 Ctrl+C 停止服务'));
    const { stdout } = run.output();
    const base = /便民决策服务已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(base).toBeTruthy();
    expect(stdout).toContain(`政务公开栏：${base}/board`);
    expect(stdout).toContain(`接口文档：  ${base}/docs`);
    const board = await fetch(`${base}/board`);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('政务公开栏');
    expect((await fetch(`${base}/docs/`)).status).toBe(200);

    run.child.kill('SIGTERM');
    const exit = await run.exited;
    expect(exit.code).toBe(0);
    // The data directory is free again: a second service can take it.
    const again = serve(['--data', data, '--port', '0']);
    await until('second banner', () => again.output().stdout.includes('按 Ctrl+C 停止服务'));
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });

  it('refuses a port in use with a clear message', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const exit = await serve(['--data', path.join(await tempDir('serve'), 'data'), '--port', String(port)]).exited;
      expect(exit.code).toBe(1);
      expect(exit.stderr).toContain(`端口 ${port} 已被占用`);
      expect(exit.stderr).toContain('--port');
      noStack(exit.stderr);
    } finally {
      blocker.close();
    }
  });

  it('refuses a second writer on the same data directory', async () => {
    const data = path.join(await tempDir('serve'), 'data');
    const first = serve(['--data', data, '--port', '0']);
    await until('banner', () => first.output().stdout.includes('按 Ctrl+C 停止服务'));
    try {
      const second = await serve(['--data', data, '--port', '0']).exited;
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/数据目录.*无法打开.*只允许一个写入进程/);
      noStack(second.stderr);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });

  it('does not start on a broken pack, listing its located errors', async () => {
    const dir = await tempDir('serve');
    const rules = await copyOfRules(dir);
    await writeFile(path.join(rules, 'policy.yaml'), 'clocks: [\n');
    const exit = await serve(['--rules', rules, '--data', path.join(dir, 'data'), '--port', '0']).exited;
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/policy\.yaml:\d+:\d+/);
    expect(exit.stderr).toContain('服务未启动');
    noStack(exit.stderr);
  });

  it('refuses bad tokens and bad flags as usage errors', async () => {
    const data = path.join(await tempDir('serve'), 'data');
    const tokens = await serve(['--data', data, '--port', '0'], { BIANMIN_TOKENS: 'window:short' }).exited;
    expect(tokens.code).toBe(2);
    expect(tokens.stderr).toContain('BIANMIN_TOKENS');
    expect(tokens.stderr).toContain('太短');
    const port = await serve(['--data', data, '--port', 'eighty']).exited;
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('端口 eighty 无效');
  });
});
