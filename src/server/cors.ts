/**
 * Cross-origin access for browser integrators (`bianmin serve --cors-origin`): off by default.
 * With a list of origins, @fastify/cors answers their preflights and marks their answers readable;
 * a preflight from any other origin is a 403 E-CORS-ORIGIN (in the error handler's 404 path,
 * where @fastify/cors leaves requests it does not serve).
 */
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BianminError } from '../core/index.ts';

/** What is wrong with `origin` as a `--cors-origin` entry, or null: `*` or scheme://host[:port], nothing more. */
export function corsOriginProblem(origin: string): string | null {
  if (origin === '*') return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `${JSON.stringify(origin)} 不是网址来源，应写成 https://主机名 或 http://主机名:端口（或 * 表示任何来源）`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `来源 ${origin} 须以 http:// 或 https:// 开头`;
  if (url.origin !== origin) return `来源 ${origin} 只能写协议、主机名和端口，不带路径、查询或结尾的斜杠（应为 ${url.origin}）`;
  return null;
}

/** `a,b` → the origins, trimmed; a BianminError E-USAGE-OPTION (at `corsOrigin[i]`) names the first bad one. */
export function parseCorsOrigins(list: string | readonly string[]): string[] {
  const origins = (typeof list === 'string' ? list.split(',') : [...list]).map((s) => s.trim()).filter(Boolean);
  origins.forEach((o, i) => {
    const problem = corsOriginProblem(o);
    if (problem) throw new BianminError('E-USAGE-OPTION', problem, { path: `corsOrigin[${i}]` });
  });
  return origins;
}

export async function registerCors(app: FastifyInstance, list: readonly string[]): Promise<void> {
  const allowed = new Set(parseCorsOrigins(list));
  if (allowed.size === 0) return;
  await app.register(cors, {
    origin: allowed.has('*') ? '*' : (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'If-Match', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'X-Bianmin-Pack', 'Retry-After', 'ETag', 'Allow', 'Content-Disposition'],
    maxAge: 600,
    // A bare OPTIONS from an allowed origin is answered like a preflight, never with the plugin's plain-text 400.
    strictPreflight: false,
  });
}

/** A browser's preflight (OPTIONS with Origin and Access-Control-Request-Method). */
export function isPreflight(request: FastifyRequest): boolean {
  return request.method === 'OPTIONS' && typeof request.headers.origin === 'string' && request.headers['access-control-request-method'] !== undefined;
}
