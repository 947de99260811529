/**
 * Bearer tokens for writes and internal reads. Public reads need none.
 *
 * Configuration (`BIANMIN_TOKENS` or a tokens file): `name:token` or `name:token:admin`, separated
 * by commas or new lines; `#` starts a comment in a file. A plain token may register decisions,
 * cases and complaints and read them; an `admin` token may also verify complaints and read a staff
 * member's disciplinary record.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { BianminError, renderMessage } from '../core/index.ts';
import { HttpError } from './http-error.ts';

export type Role = 'clerk' | 'admin';

export interface TokenEntry {
  /** Who holds it; logged instead of the token. */
  readonly name: string;
  readonly token: string;
  readonly role: Role;
}

/** A misconfigured token list: reported in Chinese when the service starts; `file` is where (a tokens file or the environment variable). */
export class TokenConfigError extends BianminError {
  override name = 'TokenConfigError';

  constructor(detail: string, file: string, line?: number) {
    super('E-AUTH-CONFIG', detail, line === undefined ? { file } : { file, line });
  }
}

const MIN_TOKEN_LENGTH = 16;
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Parses `name:token[:admin]` entries (comma- or line-separated). `where` names the source in errors. */
export function parseTokens(text: string, where: string): TokenEntry[] {
  const out: TokenEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, lineIndex) => {
    const line = rawLine.replace(/#.*$/, '');
    for (const part of line.split(',')) {
      const entry = part.trim();
      if (entry === '') continue;
      const line = lines.length > 1 ? lineIndex + 1 : undefined;
      const fields = entry.split(':');
      const [name, token, role = 'clerk'] = fields;
      if (fields.length < 2 || fields.length > 3 || !name || !token) {
        // No part of the entry is printed: a malformed entry may be nothing but a secret.
        throw new TokenConfigError(`第 ${out.length + 1} 个令牌格式有误：应为 名称:令牌 或 名称:令牌:admin，实际以冒号分成 ${fields.length} 段${fields.some((f) => f === '') ? '，其中有空段' : ''}（为免泄露，不显示其内容）`, where, line);
      }
      // The role is not echoed either: with a colon in the secret, it would be part of it.
      if (role !== 'clerk' && role !== 'admin') throw new TokenConfigError(`令牌 ${name} 的第三段（角色）无效：只能是 admin 或省略；令牌本身不能含冒号`, where, line);
      if (token.length < MIN_TOKEN_LENGTH) throw new TokenConfigError(`令牌 ${name} 太短（至少 ${MIN_TOKEN_LENGTH} 个字符），请用随机生成的长令牌`, where, line);
      if (out.some((t) => t.name === name)) throw new TokenConfigError(`令牌名称 ${name} 重复`, where, line);
      out.push({ name, token, role });
    }
  });
  return out;
}

/** Tokens from `BIANMIN_TOKENS` and/or a tokens file. */
export function tokensFrom(env: string | undefined, file: string | undefined): TokenEntry[] {
  const list: TokenEntry[] = [];
  if (env) list.push(...parseTokens(env, '环境变量 BIANMIN_TOKENS'));
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new TokenConfigError('无法读取令牌文件', file);
    }
    list.push(...parseTokens(text, file));
  }
  return list;
}

export interface Caller {
  readonly name: string;
  readonly role: Role;
}

/** Constant-time lookup of a presented token (hashed first so lengths never leak). */
export class TokenRegistry {
  private readonly entries: ReadonlyArray<{ readonly digest: Buffer; readonly caller: Caller }>;

  constructor(tokens: readonly TokenEntry[]) {
    this.entries = tokens.map((t) => ({ digest: digest(t.token), caller: { name: t.name, role: t.role } }));
  }

  get size(): number {
    return this.entries.length;
  }

  find(token: string): Caller | null {
    const d = digest(token);
    let found: Caller | null = null;
    for (const e of this.entries) if (timingSafeEqual(e.digest, d)) found = e.caller;
    return found;
  }

  /** True when an Authorization header carries a known token (never throws). */
  validHeader(header: string | undefined): boolean {
    const m = header === undefined ? null : BEARER.exec(header);
    return m !== null && this.find(m[1]!) !== null;
  }

  /** The caller of a request, null without an Authorization header; throws 401 on a bad one. */
  callerOf(request: FastifyRequest): Caller | null {
    const header = request.headers.authorization;
    if (header === undefined) return null;
    const m = BEARER.exec(header);
    if (!m) throw unauthorized('E-AUTH-INVALID', 'Authorization 请求头格式应为 “Bearer 令牌”');
    const caller = this.find(m[1]!);
    if (!caller) throw unauthorized('E-AUTH-INVALID', renderMessage('E-AUTH-INVALID', { detail: '' }));
    return caller;
  }

  /** The caller if it holds `role` (an admin may do what a clerk may); throws 401/403 otherwise. */
  authorize(request: FastifyRequest, role: Role): Caller {
    const caller = this.callerOf(request);
    if (!caller) {
      const hint = this.size === 0 ? '；本服务未配置任何令牌（BIANMIN_TOKENS 或 --tokens-file），写入操作已停用' : '';
      throw unauthorized('E-AUTH-MISSING', renderMessage('E-AUTH-MISSING', { hint }));
    }
    if (role === 'admin' && caller.role !== 'admin') {
      throw HttpError.of('E-AUTH-FORBIDDEN', { name: caller.name }, { path: 'header.authorization' });
    }
    request.caller = caller;
    return caller;
  }

  /** A hook (use it as onRequest, before the body is even read) admitting only callers with `role`. */
  require(role: Role): (request: FastifyRequest) => Promise<void> {
    return async (request) => {
      this.authorize(request, role);
    };
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function unauthorized(code: 'E-AUTH-MISSING' | 'E-AUTH-INVALID', message: string): HttpError {
  return new HttpError(code, message, 'header.authorization');
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth preHandler on authenticated routes. */
    caller: Caller | null;
  }
}
