/**
 * The JSON body parser: native JSON.parse, with Chinese errors that say where the syntax breaks,
 * bytes that are not UTF-8 refused (never decoded to U+FFFD and stored), and keys that could reach
 * an object's prototype (`__proto__`, `constructor.prototype`) refused.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

export function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8Body(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    } catch (err) {
      done(err as HttpError, undefined);
      return;
    }
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

/**
 * A request body's text; bytes that are not UTF-8 are a 400 E-REQ-ENCODING naming the offset of
 * the first bad byte (for any parser of text bodies: JSON, YAML, plain text).
 */
export function decodeUtf8Body(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const offset = firstInvalidUtf8(bytes);
  // The bad sequence as far as it claims to go (at least its first byte), e.g. `0xFF` or `0xE4 0xB8 0x41`.
  const bad = bytes.subarray(offset, offset + sequenceLength(bytes[offset] ?? 0));
  const shown = Array.from(bad, (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  throw HttpError.of('E-REQ-ENCODING', { offset, bytes: shown });
}

/** How many bytes a sequence starting with `lead` claims (1 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/**
 * Offset of the first byte where `b` stops being well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF): the start of the bad sequence. `b.length` when none.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const lead = b[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(lead);
    if (n === 1 || i + n > b.length) return i;
    // The second byte's range depends on the lead (overlongs, surrogates, > U+10FFFF); the rest are 80–BF.
    const second = b[i + 1]!;
    const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return b.length;
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
