/**
 * The pack to compare against (`bianmin diff --base`): a directory, or a git revision whose copy of
 * the pack folder is extracted with `git archive` into a temporary directory. The working tree is
 * never touched.
 */
import { mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BianminError } from '../core/index.ts';
import { GitError, gitArchive, parseSource, runGit as git } from '../pack/index.ts';

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
    // A township pack's base catalogue by relative path (extends.path), from the same revision.
    const catalogue = await catalogueFolder(tmp, prefix);
    if (catalogue !== null && (await git(root, ['cat-file', '-e', `${sha}:${catalogue}`])).code === 0) await archive(root, sha, catalogue, tmp);
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { dir: prefix ? path.join(tmp, ...prefix.split('/')) : tmp, label: `git 版本 ${base}（提交 ${sha.slice(0, 7)}）`, cleanup };
}

/** The repository path of the catalogue the extracted pack `prefix` extends by relative path, or null. */
async function catalogueFolder(tmp: string, prefix: string): Promise<string | null> {
  const bytes = await readFile(path.join(tmp, ...(prefix ? prefix.split('/') : []), 'center.yaml')).catch(() => null);
  const parsed = bytes ? parseSource('center.yaml', bytes) : null;
  const data = parsed?.ok ? parsed.source.data : null;
  const ext = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['extends'] : null;
  if (ext === null || typeof ext !== 'object' || Array.isArray(ext) || 'git' in ext) return null;
  const rel = (ext as Record<string, unknown>)['path'];
  if (typeof rel !== 'string' || path.isAbsolute(rel)) return null;
  const joined = path.posix.normalize(path.posix.join(prefix || '.', rel.split(path.sep).join('/')));
  return joined === '.' || joined.startsWith('..') ? null : joined;
}

/** `git archive` through the pack's git helper (one mechanism for `--base` and `extends`), its failure as a BaseError. */
async function archive(root: string, sha: string, prefix: string, dest: string): Promise<void> {
  try {
    await gitArchive(root, sha, prefix, dest);
  } catch (e) {
    throw e instanceof GitError ? new BaseError(e.message.replace('规则文件', '基准规则包')) : e;
  }
}
