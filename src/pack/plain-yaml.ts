/**
 * A fast reader for the plain subset of YAML that rule packs are written in: block mappings with
 * simple English keys, block sequences, single-line flow collections, single-line plain and quoted
 * scalars, and `|` / `>` block scalars, with comments. It returns exactly the data the `yaml`
 * library would (YAML 1.2 core schema), or null for anything else — anchors, tags, multi-line
 * plain or quoted scalars, odd keys, duplicates, deep nesting, and every error — which then goes
 * through the full parser with its hostile-input checks and located messages. The `yaml` library
 * parses about 2 MB/s; a pack of thousands of items needs more (test/pack/plain-yaml.test.ts checks
 * that both agree).
 */

const FAIL: unique symbol = Symbol('not plain YAML');
type Result = unknown;

/** Keys the core schema would not read as text, or that must never reach an object. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__|constructor|prototype)$/;
/** Characters that may not start a plain scalar (YAML c-indicator), apart from `-?:` handled apart. */
const INDICATOR_START = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const BLOCK_SCALAR_HEADER = /^([|>])([-+]?)(?: +(?:#.*)?)?$/;
/** Characters the subset leaves to the full parser wherever they appear. */
const UNUSUAL = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 64;

/**
 * Where the values of a plain-read document are written (0-based line and column), so a located
 * message or a trace needs no second parse with the full parser. Per mapping, four numbers per
 * key in key order: key line, key column, value line, value column; per sequence, two per entry.
 * A value line of -1 (an empty value) is not known: the full parser's tree answers for it.
 * Packed flat, one segment per collection in the order the reader finished them (children
 * before their parent, in key and index order): a thousand items' files cost a few MB, not the
 * hundreds a table per collection would.
 */
export interface PlainPositions {
  readonly root: readonly [number, number];
  readonly flat: Int32Array;
  /** Where each collection's segment starts in `flat`, in finishing order. */
  readonly starts: Int32Array;
}

/** Each collection of `data` (as read with `positions`) → where its segment starts in `positions.flat`. */
export function positionIndex(data: unknown, positions: PlainPositions): Map<object, number> {
  const index = new Map<object, number>();
  let n = 0;
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) for (const x of v) walk(x);
    else for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
    index.set(v, positions.starts[n++]!);
  };
  walk(data);
  return index;
}

/** Collects the collections' numbers as each finishes. */
class PositionSink {
  readonly flat: number[] = [];
  readonly starts: number[] = [];
  add(where: readonly number[]): void {
    this.starts.push(this.flat.length);
    for (const x of where) this.flat.push(x);
  }
}

/** The data of `text` if it is plain YAML (see above); null means: use the full parser. */
export function readPlainYaml(text: string): { value: unknown; positions: PlainPositions } | null {
  const normalized = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  if (UNUSUAL.test(normalized) || (SURROGATE.test(normalized) && LONE_SURROGATE.test(normalized))) return null;
  const lines = normalized.split('\n');
  // The empty text after a final line break is not a line; trailing spaces without one are
  // left to the full parser (whether they count depends on the block scalar before them).
  const last = lines[lines.length - 1]!;
  if (lines.length > 1 && last === '') lines.pop();
  else if (last !== '' && /^ +$/.test(last)) return null;
  const reader = new Reader(lines);
  const value = reader.document();
  if (value === FAIL) return null;
  const { flat, starts } = reader.positions;
  return { value, positions: { root: reader.root, flat: Int32Array.from(flat), starts: Int32Array.from(starts) } };
}

class Reader {
  private readonly lines: string[];
  private readonly indents: Int32Array;
  /** For each line, the first line from it on that has content (blank and comment lines skipped). */
  private readonly contentFrom: Int32Array;
  /** Line where reading continues after the node just read. */
  private next = 0;
  readonly positions = new PositionSink();
  root: readonly [number, number] = [-1, -1];

  constructor(lines: string[]) {
    this.lines = lines;
    this.indents = new Int32Array(lines.length);
    this.contentFrom = new Int32Array(lines.length + 1);
    this.contentFrom[lines.length] = lines.length;
    for (let i = lines.length - 1; i >= 0; i--) {
      const s = lines[i]!;
      let k = 0;
      while (k < s.length && s.charCodeAt(k) === 32) k++;
      this.indents[i] = k;
      this.contentFrom[i] = k === s.length || s[k] === '#' ? this.contentFrom[i + 1]! : i;
    }
  }

  document(): Result | typeof FAIL {
    for (const s of this.lines) {
      // Directives and document markers belong to the full parser.
      if (s[0] === '%' || ((s.startsWith('---') || s.startsWith('...')) && (s.length === 3 || s[3] === ' '))) return FAIL;
    }
    const first = this.content(0);
    if (first >= this.lines.length) return null;
    if (this.indents[first] !== 0) return FAIL;
    this.root = [first, 0];
    const value = this.node(first, 0, -1, 1);
    if (value === FAIL) return FAIL;
    return this.content(this.next) < this.lines.length ? FAIL : value;
  }

  /** The first line from `i` on that has content. */
  private content(i: number): number {
    return i >= this.lines.length ? this.lines.length : this.contentFrom[i]!;
  }

  private isSeqAt(s: string, col: number): boolean {
    return s.charCodeAt(col) === 45 /* - */ && (col + 1 === s.length || s.charCodeAt(col + 1) === 32);
  }

  /** A node starting at line `li`, column `col`, inside a collection at column `owner`. */
  private node(li: number, col: number, owner: number, depth: number): Result | typeof FAIL {
    const s = this.lines[li]!;
    if (this.isSeqAt(s, col)) return this.seq(li, col, depth);
    if (keyEnd(s, col) !== -1) return this.map(li, col, depth);
    return this.inline(li, col, owner, depth);
  }

  private map(li: number, col: number, depth: number): Result | typeof FAIL {
    if (depth > MAX_DEPTH) return FAIL;
    const out: Record<string, unknown> = {};
    const where: number[] = [];
    let cur = li;
    for (;;) {
      const s = this.lines[cur]!;
      const colon = keyEnd(s, col);
      if (colon === -1) return FAIL;
      const key = s.slice(col, colon);
      if (hasOwn(out, key) || SPECIAL_KEY.test(key)) return FAIL;
      let p = colon + 1;
      while (p < s.length && s.charCodeAt(p) === 32) p++;
      let value: Result | typeof FAIL;
      where.push(cur, col);
      if (p === s.length || s[p] === '#') {
        const n = this.content(cur + 1);
        if (n < this.lines.length && this.indents[n]! > col) {
          where.push(n, this.indents[n]!);
          value = this.node(n, this.indents[n]!, col, depth + 1);
        } else if (n < this.lines.length && this.indents[n] === col && this.isSeqAt(this.lines[n]!, col)) {
          where.push(n, col);
          value = this.seq(n, col, depth + 1);
        } else {
          where.push(-1, -1);
          value = null;
          this.next = cur + 1;
        }
      } else {
        where.push(cur, p);
        value = this.inline(cur, p, col, depth + 1);
      }
      if (value === FAIL) return FAIL;
      out[key] = value;
      const n = this.content(this.next);
      if (n >= this.lines.length || this.indents[n]! < col) {
        this.next = n;
        this.positions.add(where);
        return out;
      }
      if (this.indents[n] !== col) return FAIL;
      cur = n;
    }
  }

  private seq(li: number, col: number, depth: number): Result | typeof FAIL {
    if (depth > MAX_DEPTH) return FAIL;
    const out: unknown[] = [];
    const where: number[] = [];
    let cur = li;
    for (;;) {
      const s = this.lines[cur]!;
      let p = col + 1;
      while (p < s.length && s.charCodeAt(p) === 32) p++;
      let value: Result | typeof FAIL;
      if (p === s.length || (s[p] === '#' && p > col + 1)) {
        const n = this.content(cur + 1);
        if (n < this.lines.length && this.indents[n]! > col) {
          where.push(n, this.indents[n]!);
          value = this.node(n, this.indents[n]!, col, depth + 1);
        } else {
          where.push(-1, -1);
          value = null;
          this.next = cur + 1;
        }
      } else {
        where.push(cur, p);
        value = this.node(cur, p, col, depth + 1);
      }
      if (value === FAIL) return FAIL;
      out.push(value);
      const n = this.content(this.next);
      if (n >= this.lines.length || this.indents[n]! < col) {
        this.next = n;
        this.positions.add(where);
        return out;
      }
      if (this.indents[n]! > col) return FAIL;
      if (!this.isSeqAt(this.lines[n]!, col)) {
        // The list was the value of a key at this same column; the mapping goes on.
        this.next = n;
        this.positions.add(where);
        return out;
      }
      cur = n;
    }
  }

  /** A value written on the rest of line `li` from column `p` (or a block scalar starting there). */
  private inline(li: number, p: number, owner: number, depth: number): Result | typeof FAIL {
    const s = this.lines[li]!;
    const c = s[p]!;
    let value: Result | typeof FAIL;
    let end: number;
    if (c === '|' || c === '>') return this.blockScalar(li, p, owner);
    if (c === '[' || c === '{') {
      const flow = new FlowReader(s, p, li, this.positions);
      value = flow.value(depth);
      end = flow.pos;
    } else if (c === '"' || c === "'") {
      const quoted = readQuoted(s, p);
      if (!quoted) return FAIL;
      value = quoted.value;
      end = quoted.end;
    } else {
      if (INDICATOR_START.has(c)) return FAIL;
      if ((c === '-' || c === '?' || c === ':') && (p + 1 === s.length || s[p + 1] === ' ')) return FAIL;
      let e = s.indexOf(' #', p);
      if (e === -1) e = s.length;
      const text = trimSpaces(s.slice(p, e));
      if (text.includes(': ') || text.endsWith(':')) return FAIL;
      value = resolvePlain(text);
      end = e;
    }
    if (value === FAIL || !restIsComment(s, end)) return FAIL;
    // A more indented line after a one-line value would continue it (or be an error).
    const n = this.content(li + 1);
    if (n < this.lines.length && this.indents[n]! > owner) return FAIL;
    this.next = li + 1;
    return value;
  }

  private blockScalar(li: number, p: number, owner: number): Result | typeof FAIL {
    const header = BLOCK_SCALAR_HEADER.exec(this.lines[li]!.slice(p));
    if (!header) return FAIL;
    const folded = header[1] === '>';
    const chomp = header[2];
    let i = li + 1;
    let indent = -1;
    const body: string[] = [];
    for (; i < this.lines.length; i++) {
      const s = this.lines[i]!;
      const k = this.indents[i]!;
      if (k === s.length) {
        // An all-space line: blank unless it has more spaces than the text (then it is text).
        if (indent === -1 ? k > 0 : k > indent) return FAIL;
        body.push('');
        continue;
      }
      if (k <= owner) break;
      if (indent === -1) indent = k;
      if (k < indent || (folded && k > indent)) return FAIL;
      body.push(s.slice(indent));
    }
    let last = body.length;
    while (last > 0 && body[last - 1] === '') last--;
    const trailing = body.length - last;
    const lines = body.slice(0, last);
    this.next = i;
    if (lines.length === 0) return chomp === '+' ? FAIL : '';
    let text: string;
    if (folded) {
      if (lines[0] === '') return FAIL;
      text = lines[0]!;
      let blanks = 0;
      for (let j = 1; j < lines.length; j++) {
        if (lines[j] === '') blanks++;
        else {
          text += blanks > 0 ? '\n'.repeat(blanks) : ' ';
          text += lines[j];
          blanks = 0;
        }
      }
    } else {
      text = lines.join('\n');
    }
    if (chomp === '-') return text;
    if (chomp === '+') return text + '\n'.repeat(trailing + 1);
    return text + '\n';
  }
}

/** One flow collection (`[…]` or `{…}`) that must close on its line. */
class FlowReader {
  pos: number;
  /** Column where the value just read starts. */
  private start = 0;
  constructor(
    private readonly s: string,
    start: number,
    private readonly line: number,
    private readonly positions: PositionSink,
  ) {
    this.pos = start;
  }

  private spaces(): void {
    while (this.pos < this.s.length && this.s.charCodeAt(this.pos) === 32) this.pos++;
  }

  value(depth: number): Result | typeof FAIL {
    this.spaces();
    const start = this.pos;
    const v = this.read(depth);
    // Set after reading: a nested collection's own values moved it.
    this.start = start;
    return v;
  }

  private read(depth: number): Result | typeof FAIL {
    const c = this.s[this.pos];
    if (c === '[') return this.seq(depth);
    if (c === '{') return this.map(depth);
    if (c === '"' || c === "'") {
      const quoted = readQuoted(this.s, this.pos);
      if (!quoted) return FAIL;
      this.pos = quoted.end;
      return quoted.value;
    }
    return this.plain();
  }

  private seq(depth: number): Result | typeof FAIL {
    if (depth > MAX_DEPTH) return FAIL;
    this.pos++;
    const out: unknown[] = [];
    const where: number[] = [];
    this.spaces();
    if (this.s[this.pos] === ']') {
      this.pos++;
      this.positions.add(where);
      return out;
    }
    for (;;) {
      const v = this.value(depth + 1);
      if (v === FAIL) return FAIL;
      where.push(this.line, this.start);
      out.push(v);
      this.spaces();
      const c = this.s[this.pos];
      this.pos++;
      if (c === ']') {
        this.positions.add(where);
        return out;
      }
      if (c !== ',') return FAIL;
      this.spaces();
      if (this.s[this.pos] === ']') return FAIL;
    }
  }

  private map(depth: number): Result | typeof FAIL {
    if (depth > MAX_DEPTH) return FAIL;
    this.pos++;
    const out: Record<string, unknown> = {};
    const where: number[] = [];
    this.spaces();
    if (this.s[this.pos] === '}') {
      this.pos++;
      this.positions.add(where);
      return out;
    }
    for (;;) {
      this.spaces();
      const colon = keyEnd(this.s, this.pos);
      if (colon === -1 || this.s.charCodeAt(colon + 1) !== 32) return FAIL;
      const key = this.s.slice(this.pos, colon);
      if (hasOwn(out, key) || SPECIAL_KEY.test(key)) return FAIL;
      where.push(this.line, this.pos);
      this.pos = colon + 1;
      const v = this.value(depth + 1);
      if (v === FAIL) return FAIL;
      where.push(this.line, this.start);
      out[key] = v;
      this.spaces();
      const c = this.s[this.pos];
      this.pos++;
      if (c === '}') {
        this.positions.add(where);
        return out;
      }
      if (c !== ',') return FAIL;
      this.spaces();
      if (this.s[this.pos] === '}') return FAIL;
    }
  }

  private plain(): Result | typeof FAIL {
    const s = this.s;
    const start = this.pos;
    const c = s[start];
    if (c === undefined || INDICATOR_START.has(c)) return FAIL;
    if ((c === '-' || c === '?' || c === ':') && (start + 1 === s.length || ' ,[]{}'.includes(s[start + 1]!))) return FAIL;
    let i = start;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (ch === ',' || ch === ']' || ch === '}') break;
      if (ch === '[' || ch === '{' || ch === '"' || ch === "'") return FAIL;
      // A colon inside a flow value is text only when a value character follows (08:30).
      if (ch === ':' && (i + 1 === s.length || ' ,]}'.includes(s[i + 1]!))) return FAIL;
      if (ch === '#' && s[i - 1] === ' ') return FAIL;
    }
    const text = trimSpaces(s.slice(start, i));
    if (text === '') return FAIL;
    this.pos = i;
    return resolvePlain(text);
  }
}

/**
 * Where the `:` of a key starting at `at` is: a key the subset accepts is an identifier
 * ([A-Za-z_][A-Za-z0-9_-]*) followed by `:` and a space or the line end; -1 if there is none.
 */
function keyEnd(s: string, at: number): number {
  let i = at;
  const first = s.charCodeAt(i);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) return -1;
  for (i++; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45) continue;
    break;
  }
  if (s.charCodeAt(i) !== 58 /* : */) return -1;
  return i + 1 === s.length || s.charCodeAt(i + 1) === 32 ? i : -1;
}

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Trailing spaces off (only U+0020: YAML keeps other white space such as U+3000). */
function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}

/** After a value: only spaces, then nothing or a comment. */
function restIsComment(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i === s.length || (s[i] === '#' && i > from);
}

/** No `\0`: a NUL in a value is refused, with its location, by the full parser's checks. */
const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** A quoted scalar that closes on its line. */
function readQuoted(s: string, start: number): { value: string; end: number } | null {
  const q = s[start];
  let out = '';
  let i = start + 1;
  let from = i;
  for (; i < s.length; i++) {
    const c = s[i];
    if (q === "'") {
      if (c !== "'") continue;
      out += s.slice(from, i);
      if (s[i + 1] === "'") {
        out += "'";
        i++;
        from = i + 1;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    if (c === '"') return { value: out + s.slice(from, i), end: i + 1 };
    if (c !== '\\') continue;
    out += s.slice(from, i);
    const e = s[i + 1];
    if (e === undefined) return null;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else {
      const len = HEX_LENGTH[e];
      const hex = len === undefined ? '' : s.slice(i + 2, i + 2 + len);
      if (len === undefined || !new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return null;
      const code = parseInt(hex, 16);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
      out += String.fromCodePoint(code);
      i += 1 + len;
    }
    from = i + 1;
  }
  return null;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const MAYBE_TYPED = /^[~nNtTfF0-9+.-]/;

/** A plain scalar's value under the YAML 1.2 core schema, tried in the `yaml` library's order. */
function resolvePlain(text: string): unknown {
  if (text === '') return null;
  if (!MAYBE_TYPED.test(text)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}
