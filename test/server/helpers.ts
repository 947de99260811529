/** A real decision service on 127.0.0.1 (port 0) over the sample pack, with a fresh data directory. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/server/app.ts';

export const RULES = fileURLToPath(new URL('../../rules/', import.meta.url));
export const CLERK = 'clerk-token-aaaaaaaaaaaaaaaa';
export const ADMIN = 'admin-token-bbbbbbbbbbbbbbbb';
export const TOKENS = [
  { name: 'window-2', token: CLERK, role: 'clerk' as const },
  { name: 'office', token: ADMIN, role: 'admin' as const },
];

export interface Response {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = ErrorResponse>(): T;
}

export interface ErrorResponse {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly path: string;
    readonly details?: ReadonlyArray<{ code: string; message: string; path: string }>;
    readonly suggestions?: ReadonlyArray<{ kind: string; code: string | null; name: string }>;
    readonly errors?: ReadonlyArray<{ file: string; line: number; column: number; code: string; message: string }>;
  };
}

export interface Running {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly dir: string;
  request(method: string, url: string, options?: { body?: unknown; raw?: string | Buffer; token?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `bianmin-${prefix}-`));
}

/** A writable copy of the sample pack (for reload tests). */
export async function copyOfRules(dir: string): Promise<string> {
  const target = path.join(dir, 'rules');
  await cp(RULES, target, { recursive: true });
  return target;
}

export async function start(options: Partial<ServerOptions> = {}): Promise<Running> {
  const dir = await tempDir('server');
  // No watching of the package's templates/ (other work may change them during a test run).
  const app = await buildServer({ rules: RULES, data: path.join(dir, 'data'), tokens: TOKENS, log: false, watch: 'off', watchExtra: [], rateLimit: false, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    url,
    dir,
    async request(method, target, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Buffer | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${url}${target}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
    },
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Applications of the sample pack used across the tests. */
export const APPLICATIONS = {
  /** 高龄津贴, everything in order: accepted (promised). */
  accepted: {
    item: 'MZ-004',
    intent: 'apply',
    applicant: { type: 'person', name: '张三丰', idNumber: '320101194001011234', phone: '13912345678', age: 85, hukouLocal: true, forDependant: false },
    materials: ['id-card', 'household-register', 'application'],
    receivedAt: '2026-11-23T09:30:00+08:00',
  },
  /** 高龄津贴 by a relative without the power of attorney: supplement. */
  supplement: {
    item: 'MZ-004',
    intent: 'apply',
    applicant: { type: 'person', name: '李四', age: 88, hukouLocal: true, forDependant: true },
    materials: ['id-card', 'application', 'proxy-id-card'],
    receivedAt: '2026-11-23T10:30:00+08:00',
  },
  consultation: { item: 'MZ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: '2026-11-23T11:00:00+08:00' },
} as const;
