// Runs bianmin as the tests need it: in-process through runCli (fast, the usual way), or as a real
// `node bin/bianmin.js` process on the compiled dist/ (a few end-to-end checks).
import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'bianmin.js');

export interface Ran {
  /** The exit code. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Last non-empty line of stdout. */
  readonly last: string;
}

export interface RunOptions {
  /** Working directory the command line's relative paths are relative to (default: the repository). */
  readonly cwd?: string;
  /** Variables added to the environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** What the command reads on stdin (a piped script of answers); default nothing. */
  readonly stdin?: string;
}

export interface SpawnOptions extends RunOptions {
  /** Options for node itself, before the script. */
  readonly nodeArgs?: readonly string[];
  /** The script to run instead of the repository's bin/bianmin.js. */
  readonly bin?: string;
}

function ran(code: number, stdout: string, stderr: string): Ran {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  return { code, stdout, stderr, last: lines.at(-1) ?? '' };
}

/** `bianmin ARGS` in this process, its output captured. */
export async function bianmin(args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
  });
  return ran(code, stdout, stderr);
}

/** `node bin/bianmin.js ARGS` as a real process, as an officer runs it. */
export function spawnBianmin(args: readonly string[], options: SpawnOptions = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
        resolve(ran(code, stdout, stderr));
      },
    );
  });
}
