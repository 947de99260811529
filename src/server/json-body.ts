/**
 * The JSON body parser: native JSON.parse, with Chinese errors that say where the syntax breaks,
 * and keys that could reach an object's prototype (`__proto__`, `constructor.prototype`) refused.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

export function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(HttpError.of('E-REQ-EMPTY-BODY'), undefined);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      done(HttpError.of('E-REQ-JSON', { where: where(text, err) }), undefined);
      return;
    }
    // Only bodies that mention them are walked.
    if ((text.includes('__proto__') || text.includes('prototype')) && hasPrototypeKey(value, 0)) {
      done(HttpError.of('E-REQ-FORBIDDEN-KEY'), undefined);
      return;
    }
    done(null, value);
  });
}

/** `（第 2 行第 5 列）` from V8's "… in JSON at position N", when it says. */
function where(text: string, err: unknown): string {
  const m = err instanceof SyntaxError ? /position (\d+)/.exec(err.message) : null;
  if (!m) return '';
  const offset = Number(m[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `（第 ${line} 行第 ${column} 列）`;
}

function hasPrototypeKey(v: unknown, depth: number): boolean {
  if (depth > 64 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((x) => hasPrototypeKey(x, depth + 1));
  for (const key of Object.keys(v)) {
    const child = (v as Record<string, unknown>)[key];
    if (key === '__proto__') return true;
    if (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child) return true;
    if (hasPrototypeKey(child, depth + 1)) return true;
  }
  return false;
}
