// `bianmin serve`: a real process on the sample pack, on 127.0.0.1 and a free port, answers over a
// real socket (health, a decision, the board and docs, malformed HTTP only a socket can send) and
// stops cleanly on SIGTERM. A port in use, a broken pack, a locked data directory or bad tokens
// give a clear Chinese message and a non-zero exit, never a stack trace (those run in-process).
import { connect, createServer, type Server } from 'node:net';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { bianmin } from '../cli/run.ts';
import { serve, type Spawned } from '../support/serve-process.ts';
import { APPLICATIONS, copyOfRules, RULES, tempDir, within } from './helpers.ts';

function noStack(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
}

// The real process starts first and comes up on its own core while the in-process tests run.
let run: Spawned;
let data = '';
beforeAll(async () => {
  data = path.join(await tempDir('serve'), 'data');
  run = serve(['--data', data, '--port', '0']);
});
afterAll(() => {
  // Only if a test failed before the SIGTERM one: never leave the process behind.
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
});

describe('bianmin serve refuses to start', () => {
  it('on a port in use, with a clear message', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const exit = await bianmin(['serve', '--data', path.join(await tempDir('serve'), 'data'), '--port', String(port)]);
      expect(exit.code).toBe(1);
      expect(exit.stderr).toContain(`端口 ${port} 已被占用`);
      expect(exit.stderr).toContain('--port');
      noStack(exit.stderr);
    } finally {
      blocker.close();
    }
  });

  it('on a broken pack, listing its located errors', async () => {
    const dir = await tempDir('serve');
    const rules = await copyOfRules(dir);
    await writeFile(path.join(rules, 'policy.yaml'), 'clocks: [\n');
    const exit = await bianmin(['serve', '--rules', rules, '--data', path.join(dir, 'data'), '--port', '0']);
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/policy\.yaml:\d+:\d+/);
    expect(exit.stderr).toContain('服务未启动');
    noStack(exit.stderr);
  });

  it('on bad tokens and bad flags, as usage errors', async () => {
    const data = path.join(await tempDir('serve'), 'data');
    const tokens = await bianmin(['serve', '--data', data, '--port', '0'], { env: { BIANMIN_TOKENS: 'window:short' } });
    expect(tokens.code).toBe(2);
    expect(tokens.stderr).toContain('BIANMIN_TOKENS');
    expect(tokens.stderr).toContain('太短');
    const port = await bianmin(['serve', '--data', data, '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('端口 eighty 无效');
  });
});

describe('bianmin serve, a real process', { timeout: 120_000 }, () => {
  let base = '';
  let stdout = '';

  beforeAll(async () => {
    stdout = await run.printed('按 Ctrl+C 停止服务');
    base = /便民决策服务已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '';
  }, 90_000);

  it('serves the sample pack and prints the board and docs addresses', async () => {
    expect(base).toBeTruthy();
    expect(stdout).toContain(`政务公开栏：${base}/board`);
    expect(stdout).toContain(`接口文档：  ${base}/docs`);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const decision = await fetch(`${base}/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(APPLICATIONS.accepted) });
    expect(decision.status).toBe(200);
    expect(((await decision.json()) as { decision: { kind: string } }).decision.kind).toBe('accepted');
    const board = await fetch(`${base}/board`);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('政务公开栏');
    expect((await fetch(`${base}/docs/`)).status).toBe(200);
  });

  it('answers malformed HTTP with a 400 in the same shape', async () => {
    const port = Number(new URL(base).port);
    const answer = await within(
      '畸形请求的答复',
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let text = '';
        socket.on('data', (d) => (text += d.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      }),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('"code":"E-REQ-HTTP"');
  });

  it('refuses a second writer on the same data directory', async () => {
    const second = await bianmin(['serve', '--data', data, '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/数据目录.*无法打开.*只允许一个写入进程/);
    noStack(second.stderr);
  });

  it('stops cleanly on SIGTERM, freeing the data directory', async () => {
    run.child.kill('SIGTERM');
    const exit = await within('服务退出', run.exited);
    expect(exit.code).toBe(0);
    // The data directory is free again: a second service can take it.
    const again = await buildServer({ rules: RULES, data, log: false, watch: 'off', watchExtra: [], rateLimit: false });
    expect(again.bianmin.records.problem).toBeFalsy();
    await again.close();
  });
});

describe('bianmin serve whose log reader goes away', { timeout: 120_000 }, () => {
  it('keeps answering and says once, on stderr, that the log lines are lost', async () => {
    const lost = serve(['--data', path.join(await tempDir('serve'), 'data'), '--port', '0']);
    try {
      const started = await lost.printed('按 Ctrl+C 停止服务', 90_000);
      const base = /便民决策服务已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(started)?.[1] ?? '';
      // The reader closes its end: every later write of a log line fails with EPIPE.
      lost.child.stdout!.destroy();
      let stderr = '';
      lost.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 20; i++) {
          const res = await fetch(`${base}/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(APPLICATIONS.accepted) });
          expect(res.status).toBe(200);
        }
        // Past the quarter second the log lines gather for (src/server/log-lines.ts): they are written, and fail.
        await new Promise((r) => setTimeout(r, 400));
      }
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(stderr.split('标准输出已断开').length - 1).toBe(1);
      expect(stderr).toContain('服务继续运行');
      noStack(stderr);
      lost.child.kill('SIGTERM');
      expect((await within('服务退出', lost.exited)).code).toBe(0);
    } finally {
      if (lost.child.exitCode === null && lost.child.signalCode === null) lost.child.kill('SIGKILL');
    }
  });
});
