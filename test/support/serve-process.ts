// A real `bianmin serve` process (the compiled bin/bianmin.js), its output watched: for the tests that
// need the service as an operator starts it (serve.test.ts, the two-replica test on PostgreSQL).
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, ROOT } from '../cli/run.ts';
import { within } from '../server/helpers.ts';

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Spawned {
  readonly child: ChildProcess;
  /** Resolves once stdout contains `text`; fails if the process exits first or the deadline passes. */
  printed(text: string, ms?: number): Promise<string>;
  readonly exited: Promise<Exit>;
}

export function serve(args: string[], env: Readonly<Record<string, string>> = {}): Spawned {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return {
    child,
    exited,
    printed: (text, ms = 60_000) =>
      within(
        `服务输出「${text}」`,
        new Promise<string>((resolve, reject) => {
          const check = (): void => {
            if (!stdout.includes(text)) return;
            child.stdout!.off('data', check);
            resolve(stdout);
          };
          child.stdout!.on('data', check);
          check();
          void exited.then((e) => reject(new Error(`服务已退出（${e.code}）：${e.stderr}`)));
        }),
        ms,
      ),
  };
}

/** The address a started service printed (`便民决策服务已启动：http://127.0.0.1:PORT`). */
export async function startedAt(s: Spawned): Promise<string> {
  const out = await s.printed('按 Ctrl+C 停止服务');
  return /便民决策服务已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
}
