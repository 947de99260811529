/**
 * A decision service over the sample pack with a fresh data directory, answering in-process
 * (`fastify.inject`: the whole request pipeline without a socket). The few tests that need a real
 * socket or process are in serve.test.ts.
 */
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import type { OutgoingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { addDuration, type WorkCalendar } from '../../src/calendar/index.ts';
import { buildServer, type ServerOptions } from '../../src/server/app.ts';
import type { PackReloader, Rejection, Served } from '../../src/server/reload.ts';

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

export interface RequestOptions {
  readonly body?: unknown;
  readonly raw?: string | Buffer;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface Running {
  readonly app: FastifyInstance;
  readonly dir: string;
  request(method: string, url: string, options?: RequestOptions): Promise<Response>;
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

let edits = 0;
/**
 * Replaces a file's content in one step, as editors save (write elsewhere, then rename): a watcher
 * never sees the file half written.
 */
export async function saveFile(file: string, text: string): Promise<void> {
  const scratch = path.join(os.tmpdir(), `bianmin-edit-${process.pid}-${edits++}`);
  await writeFile(scratch, text);
  await rename(scratch, file);
}

export async function start(options: Partial<ServerOptions> = {}): Promise<Running> {
  const dir = await tempDir('server');
  // No watching of the package's templates/ (other work may change them during a test run).
  const app = await buildServer({ rules: RULES, data: path.join(dir, 'data'), tokens: TOKENS, log: false, watch: 'off', watchExtra: [], rateLimit: false, ...options });
  return {
    app,
    dir,
    request: (method, url, opts = {}) => inject(app, method, url, opts),
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One request as a client sends it (following redirects, as fetch and browsers do). */
async function inject(app: FastifyInstance, method: string, url: string, opts: RequestOptions): Promise<Response> {
  // What fetch sends by default (Accept: */*, a text body typed text/plain), so that a test means what it would over the network.
  const headers: Record<string, string> = { accept: '*/*', ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | Buffer | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    if (typeof payload === 'string') headers['content-type'] ??= 'text/plain;charset=UTF-8';
  } else if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  let target = url;
  for (let hop = 0; ; hop++) {
    const res = await app.inject({ method, url: target, headers, ...(payload !== undefined ? { payload } : {}) });
    const location = res.headers.location;
    if (REDIRECTS.has(res.statusCode) && typeof location === 'string' && hop < 5 && (method === 'GET' || method === 'HEAD')) {
      const next = new URL(location, `http://127.0.0.1${target}`);
      target = `${next.pathname}${next.search}`;
      continue;
    }
    const text = res.body;
    return { status: res.statusCode, headers: headersOf(res.headers), text, json: <T>() => JSON.parse(text) as T };
  }
}

function headersOf(raw: OutgoingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, String(v));
  }
  return headers;
}

/** `promise`, or a failure naming `what` once `ms` have passed: a test fails instead of hanging. */
export function within<T>(what: string, promise: Promise<T>, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`等待超时（${ms} ms）：${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export type ReloadOutcome = { readonly kind: 'reloaded'; readonly served: Served } | { readonly kind: 'rejected'; readonly rejection: Rejection };

/**
 * Every reload outcome from now on, in order and none lost: `next()` gives the next one (waiting
 * for it, within a deadline). Subscribe before editing the files.
 */
export function reloadOutcomes(packs: PackReloader): { next(ms?: number): Promise<ReloadOutcome>; stop(): void } {
  const queue: ReloadOutcome[] = [];
  const waiting: Array<(outcome: ReloadOutcome) => void> = [];
  const push = (outcome: ReloadOutcome): void => {
    const waiter = waiting.shift();
    if (waiter) waiter(outcome);
    else queue.push(outcome);
  };
  const onReloaded = (served: Served): void => push({ kind: 'reloaded', served });
  const onRejected = (rejection: Rejection): void => push({ kind: 'rejected', rejection });
  packs.on('reloaded', onReloaded);
  packs.on('rejected', onRejected);
  return {
    next(ms) {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return within('规则包重新加载的结果', new Promise<ReloadOutcome>((resolve) => waiting.push(resolve)), ms);
    },
    stop() {
      packs.off('reloaded', onReloaded);
      packs.off('rejected', onRejected);
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

/** A JSON answer over a real socket. */
export interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

/** Puts `s` on a real socket (127.0.0.1, a free port); calls go there with the clerk's token. */
export async function listening(s: Running): Promise<(method: string, url: string, body?: unknown) => Promise<Answer>> {
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  const address = s.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  return async (method, url, body) => {
    const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${CLERK}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
}

/**
 * A receipt instant, whole days back, from which `workingDays` working days (the calendar's) have
 * already run out by now: for tests of a server that sweeps at the real time.
 */
export function workingDaysAgo(calendar: WorkCalendar, workingDays: number): string {
  const now = Date.now();
  for (let k = 1; k < 90; k++) {
    const at = new Date(now - k * 86_400_000).toISOString();
    if (Date.parse(addDuration(calendar, at, { amount: workingDays, unit: 'workingDays' }).due) < now) return at;
  }
  throw new Error(`no day within 90 days is ${workingDays} working days ago`);
}
