/**
 * Pack-relative file paths from a request (`items/mz-004.yaml`): confined to the pack directory.
 * Refused with 400 E-DRAFT-PATH at `params.path`: empty, too long, absolute, `..` or `.` segments,
 * NUL or other control characters, backslashes, hidden names, and any path that reaches, through a
 * symbolic link, a place outside the pack.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { HttpError } from './http-error.ts';

const MAX_PATH = 300;
const WHERE = 'params.path';

function refuse(detail: string, where: string): never {
  throw HttpError.of('E-DRAFT-PATH', { detail }, { path: where });
}

/** The path checked as text; returns it as given (already `/`-separated, no leading slash). */
export function confinePath(raw: string, where = WHERE): string {
  if (typeof raw !== 'string' || raw === '') refuse('路径为空', where);
  if (raw.length > MAX_PATH) refuse(`路径过长（超过 ${MAX_PATH} 个字符）`, where);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) refuse('路径含有 NUL 或其他控制字符', where);
  if (raw.includes('\\')) refuse('路径不能含反斜杠 \\，请用 / 分隔', where);
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) refuse('不能是绝对路径，应为规则包内的相对路径，例如 items/mz-004.yaml', where);
  for (const segment of raw.split('/')) {
    if (segment === '..') refuse('不能含 ..（不能指向规则包之外）', where);
    if (segment === '' || segment === '.') refuse('路径中有空的或为 . 的部分', where);
    if (segment.startsWith('.')) refuse(`不能是隐藏文件或目录（${segment}）`, where);
  }
  return raw;
}

/**
 * The absolute path of `rel` inside `root`, after checking that neither it nor any directory on
 * the way is a symbolic link leading out of the pack. The file itself need not exist.
 */
export async function resolveInPack(packDir: string, rel: string, where = WHERE): Promise<string> {
  confinePath(rel, where);
  const root = path.resolve(packDir);
  const realRoot = await realpath(root);
  const target = path.join(root, ...rel.split('/'));
  // The deepest part of the path that exists, resolved through any links.
  let probe = target;
  while (probe !== root && probe.length > root.length) {
    const s = await lstat(probe).catch(() => null);
    if (s) {
      const real = await realpath(probe).catch(() => null);
      if (real === null) refuse('经符号链接指向不存在的位置', where);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) refuse('经符号链接指向规则包之外', where);
      break;
    }
    probe = path.dirname(probe);
  }
  return target;
}
