/**
 * The pack to compare against (`bianmin diff --base`): a directory, or a git revision whose copy of
 * the pack folder is extracted with `git archive` into a temporary directory. The working tree is
 * never touched.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BianminError } from '../core/index.ts';

export interface BasePack {
  /** Directory holding the base pack. */
  readonly dir: string;
  /** How reports name it: the directory, or `git 版本 REV（提交 abc1234）`. */
  readonly label: string;
  /** Removes the extracted copy, if any. */
  cleanup(): Promise<void>;
}

/** The base given to `bianmin diff --base` cannot be used: every such problem has one code. */
export class BaseError extends BianminError {
  override name = 'BaseError';

  constructor(detail: string) {
    super('E-SCENARIO-BASE', detail);
  }
}

/** `base` as a directory if one exists there, else as a git revision of the repository holding `rulesDir`. */
export async function resolveBase(base: string, rulesDir: string): Promise<BasePack> {
  const s = await stat(base).catch(() => null);
  if (s?.isDirectory()) return { dir: base, label: base, cleanup: async () => {} };
  if (s) throw new BaseError(`基准 ${base} 是文件，不是规则包目录`);
  if (base.startsWith('-')) throw new BaseError(`基准 ${base} 既不是目录，也不是 git 版本`);

  const rules = await realpath(rulesDir).catch(() => null);
  if (!rules) throw new BaseError(`规则包目录 ${rulesDir} 不存在`);
  const top = await git(rules, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) throw new BaseError(`基准 ${base} 不是已有的目录；规则包 ${rulesDir} 也不在 git 仓库中，无法按 git 版本取出基准`);
  const root = await realpath(top.stdout.toString('utf8').trim());
  const prefix = path.relative(root, rules).split(path.sep).join('/');
  const commit = await git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (commit.code !== 0) throw new BaseError(`基准 ${base} 既不是已有的目录，也不是 git 仓库 ${root} 中的版本（提交、分支或标签）`);
  const sha = commit.stdout.toString('utf8').trim();
  if (prefix) {
    const exists = await git(root, ['cat-file', '-e', `${sha}:${prefix}`]);
    if (exists.code !== 0) throw new BaseError(`git 版本 ${base} 中没有 ${prefix}/ 目录`);
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'bianmin-base-'));
  const cleanup = (): Promise<void> => rm(tmp, { recursive: true, force: true });
  try {
    await archive(root, sha, prefix, tmp);
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { dir: prefix ? path.join(tmp, ...prefix.split('/')) : tmp, label: `git 版本 ${base}（提交 ${sha.slice(0, 7)}）`, cleanup };
}

interface Ran {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function git(cwd: string, args: readonly string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', () => resolve({ code: 127, stdout: Buffer.alloc(0), stderr: '无法运行 git' }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
  });
}

/** `git archive REV -- prefix | tar -x -C dest`, streamed. */
function archive(root: string, sha: string, prefix: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const gitArgs = ['archive', '--format=tar', sha, ...(prefix ? ['--', prefix] : [])];
    const producer = spawn('git', gitArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const consumer = spawn('tar', ['-x', '-f', '-', '-C', dest], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    producer.stderr.on('data', (b: Buffer) => (errors += b.toString('utf8')));
    consumer.stderr.on('data', (b: Buffer) => (errors += b.toString('utf8')));
    producer.stdout.pipe(consumer.stdin);
    let pending = 2;
    let failed = false;
    const done = (code: number | null): void => {
      if (code !== 0) failed = true;
      if (--pending > 0) return;
      if (failed) reject(new BaseError(`无法从 git 取出基准规则包：${errors.trim() || '未知错误'}`));
      else resolve();
    };
    producer.on('error', () => reject(new BaseError('无法运行 git')));
    consumer.on('error', () => reject(new BaseError('无法运行 tar（取出 git 版本需要 tar）')));
    producer.on('close', done);
    consumer.on('close', done);
  });
}
