/**
 * Locating things in JSON text for error messages: Node's JSON.parse no longer reports where a
 * syntax error is, and a schema error has only a JSON path. Used on the error path only.
 */
import type { PathSegment } from '../core/index.ts';

export type { PathSegment };

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

class Scan {
  pos = 0;
  constructor(readonly text: string) {}

  fail(): never {
    throw new ScanError(this.pos);
  }

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  expect(ch: string): void {
    if (this.text[this.pos] !== ch) this.fail();
    this.pos++;
  }

  string(): string {
    this.expect('"');
    const start = this.pos;
    let raw = false;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail();
      if (c === '"') break;
      if (c < ' ') this.fail();
      if (c === '\\') {
        raw = true;
        const n = this.text[this.pos + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.pos += 2;
            this.fail();
          }
          this.pos += 6;
          continue;
        }
        if (n === undefined || !'"\\/bfnrt'.includes(n)) {
          this.pos++;
          this.fail();
        }
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    const body = this.text.slice(start, this.pos);
    this.pos++;
    return raw ? (JSON.parse(`"${body}"`) as string) : body;
  }

  literal(word: string): void {
    for (const ch of word) this.expect(ch);
  }

  number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) this.fail();
    this.pos += m[0].length;
  }

  /** Skips one value; with a target path, returns the offset of the value at that path if found. */
  value(path: readonly PathSegment[] | null, depth: number): number | null {
    if (depth > 512) this.fail();
    this.ws();
    const here = this.pos;
    if (path && path.length === 0) {
      this.value(null, depth);
      return here;
    }
    let found: number | null = null;
    const c = this.text[this.pos];
    if (c === '{') {
      this.pos++;
      this.ws();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return path ? here : null;
      }
      for (;;) {
        this.ws();
        const key = this.string();
        this.ws();
        this.expect(':');
        const hit = path !== null && found === null && String(path[0]) === key;
        const r = this.value(hit ? path.slice(1) : null, depth + 1);
        if (hit) found = r;
        this.ws();
        if (this.text[this.pos] === ',') {
          this.pos++;
          continue;
        }
        this.expect('}');
        break;
      }
    } else if (c === '[') {
      this.pos++;
      this.ws();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return path ? here : null;
      }
      for (let i = 0; ; i++) {
        const hit = path !== null && found === null && path[0] === i;
        const r = this.value(hit ? path.slice(1) : null, depth + 1);
        if (hit) found = r;
        this.ws();
        if (this.text[this.pos] === ',') {
          this.pos++;
          continue;
        }
        this.expect(']');
        break;
      }
    } else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else this.number();
    // A path that goes deeper than the data points at the deepest existing value.
    return path ? (found ?? here) : null;
  }
}

/** Thrown inside the scanner only, to unwind to `jsonSyntaxErrorOffset`; never escapes it, so not an Error. */
class ScanError {
  constructor(readonly offset: number) {}
}

/** Offset of the first JSON syntax error in `text`, or null when it is valid JSON. */
export function jsonSyntaxErrorOffset(text: string): number | null {
  const s = new Scan(text);
  try {
    s.value(null, 0);
    s.ws();
    return s.pos < text.length ? s.pos : null;
  } catch (e) {
    if (e instanceof ScanError) return e.offset;
    throw e;
  }
}

/** Offset where the value at `path` starts (or its deepest existing ancestor); 0 if unparsable. */
export function offsetOfPath(text: string, path: readonly PathSegment[]): number {
  try {
    return new Scan(text).value(path, 0) ?? 0;
  } catch {
    return 0;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): LineColumn {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: end - last };
}
