/**
 * Reading rule files from a git revision: the one mechanism behind `bianmin diff --base REV`
 * (scenarios) and a pack's `extends: { git, rev, path }` (a county catalogue pinned to a commit).
 * A revision's folder is extracted with `git archive | tar -x`; the working tree is never touched.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface GitRun {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** A git or tar step failed; the message is for the officer (Chinese). */
export class GitError extends Error {
  override name = 'GitError';

  /** Which part of a `{ git, rev, path }` reference is wrong, for locating the problem. */
  constructor(message: string, readonly part: 'repo' | 'rev' | 'path' | 'other' = 'other') {
    super(message);
  }
}

/** Runs git in `cwd`; never rejects (code 127 when git cannot be started). */
export function runGit(cwd: string, args: readonly string[]): Promise<GitRun> {
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

/** `git archive SHA -- prefix | tar -x -C dest`, streamed; rejects with a GitError. */
export function gitArchive(root: string, sha: string, prefix: string, dest: string): Promise<void> {
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
      if (failed) reject(new GitError(`无法从 git 取出规则文件：${errors.trim() || '未知错误'}`));
      else resolve();
    };
    producer.on('error', () => reject(new GitError('无法运行 git')));
    consumer.on('error', () => reject(new GitError('无法运行 tar（取出 git 版本需要 tar）')));
    producer.on('close', done);
    consumer.on('close', done);
  });
}

/** Extracted revisions of this process: a pinned commit never changes, so one copy serves every load. */
const extracted = new Map<string, Promise<string>>();
const tempDirs: string[] = [];
let cleanupHooked = false;

/**
 * The folder `subdir` of commit `sha` (40 hex digits) of the repository `repo` (a local
 * repository directory, or a URL fetched into a temporary bare repository), extracted into a
 * temporary directory kept until the process exits. Rejects with a GitError saying what is wrong.
 */
export function revisionFolder(repo: string, sha: string, subdir: string): Promise<string> {
  const key = `${repo}\u0000${sha}\u0000${subdir}`;
  let found = extracted.get(key);
  if (!found) {
    found = extract(repo, sha, subdir);
    extracted.set(key, found);
    // A failure is not kept: the repository may be fetched or repaired before the next load.
    found.catch(() => extracted.delete(key));
  }
  return found;
}

async function extract(repo: string, sha: string, subdir: string): Promise<string> {
  const local = !/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) && !/^[^/]+@[^/]+:/.test(repo);
  let root = repo;
  if (local) {
    const s = await stat(repo).catch(() => null);
    if (!s?.isDirectory()) throw new GitError(`仓库目录 ${repo} 不存在`, 'repo');
    const top = await runGit(repo, ['rev-parse', '--git-dir']);
    if (top.code !== 0) throw new GitError(top.code === 127 ? '无法运行 git' : `${repo} 不是 git 仓库`, 'repo');
  } else {
    root = await tempDir('bianmin-git-');
    const init = await runGit(root, ['init', '--bare', '--quiet']);
    if (init.code !== 0) throw new GitError(init.code === 127 ? '无法运行 git' : `无法创建临时仓库：${init.stderr.trim()}`);
    const fetched = await runGit(root, ['fetch', '--quiet', '--depth=1', repo, sha]);
    if (fetched.code !== 0) throw new GitError(`无法从仓库 ${repo} 取得版本 ${sha}：${fetched.stderr.trim() || '未知错误'}`, 'rev');
  }
  const commit = await runGit(root, ['rev-parse', '--verify', '--quiet', `${sha}^{commit}`]);
  if (commit.code !== 0) throw new GitError(`仓库 ${repo} 中没有版本（提交）${sha}`, 'rev');
  const prefix = subdir.split(path.sep).join('/').replace(/^\.\/?|\/+$/g, '');
  if (prefix) {
    const exists = await runGit(root, ['cat-file', '-e', `${sha}:${prefix}`]);
    if (exists.code !== 0) throw new GitError(`仓库 ${repo} 的版本 ${sha.slice(0, 7)} 中没有 ${prefix}/ 目录`, 'path');
  }
  const dest = await tempDir('bianmin-extends-');
  await gitArchive(root, sha, prefix, dest);
  return prefix ? path.join(dest, ...prefix.split('/')) : dest;
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  if (!cleanupHooked) {
    cleanupHooked = true;
    process.once('exit', () => {
      for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Removes the extracted copies now (tests; a long-running service never needs to). */
export async function forgetRevisions(): Promise<void> {
  extracted.clear();
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}
