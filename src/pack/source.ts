import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type DocumentOptions, type Node, type Pair, type ParseOptions, type SchemaOptions, type YAMLError, type YAMLMap, YAMLParseError } from 'yaml';
import { formatPath, renderMessage, type ErrorCode, type Location as CoreLocation, type PathSegment } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { positionIndex, readPlainYaml, type PlainPositions } from './plain-yaml.ts';
import { translateYamlErrors } from './yaml-errors.ts';

/** Limits that keep a hostile or broken file from hanging or crashing the loader. */
export const SOURCE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** Collections nested deeper than this are refused (counting the document's own top level as 1). */
  maxDepth: 64,
  /** Nodes that aliases (*name) may add to a file when expanded: enough for any honest reuse. */
  maxAliasNodes: 100_000,
  /**
   * Before parsing, a line whose structure starts further right than this, or flow brackets nested
   * deeper than `maxFlowBrackets`, is refused: the YAML parser recurses per level and must never
   * see absurd nesting. Both bounds are far above anything `maxDepth` allows in an honest file.
   */
  maxBlockColumn: 128,
  maxFlowBrackets: 256,
  /**
   * Keys in one mapping. Every object of a rule file has a few dozen fields at most; a mapping of
   * tens of thousands of keys is generated or hostile, and would bury the officer under one
   * "unknown field" error per key (parsing it is linear, but not free: ~30 µs per key).
   */
  maxKeys: 1_000,
} as const;

/** Mappings up to this size are searched pair by pair; larger ones get an index. */
const SMALL_MAP = 16;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where a value is written: the core's location with file, line and column always present. */
export type Location = Required<Pick<CoreLocation, 'file' | 'line' | 'column'>>;

/** Options of the full parser: YAML 1.2 core schema, nothing beyond it. */
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  // The library compares each key with every earlier key of its mapping (quadratic: a 40,000-key
  // mapping took 13–30 s); `duplicateKeys` below finds the same duplicates in one pass.
  uniqueKeys: false,
  strict: true,
  schema: 'core',
  merge: false,
  customTags: [],
  // `!!binary`, `!!set`, `!!omap` … are YAML 1.1 extras: refused like any other explicit tag.
  resolveKnownTags: false,
  keepSourceTokens: false,
};

interface Tree {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/**
 * One parsed YAML file: its plain data and the means to locate any JSON path in it. Files read
 * by the fast reader get their node tree (for locations) only when first asked for one.
 */
export class SourceFile {
  readonly file: string;
  readonly data: unknown;
  private readonly text: string;
  private tree: Tree | null;
  /** Each large mapping's pairs by key, built on first lookup: locating every key stays linear. */
  private readonly keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  /** Positions recorded by the fast reader: most lookups need no node tree at all. */
  private readonly positions: PlainPositions | null;

  constructor(file: string, text: string, data: unknown, tree: Tree | null = null, positions: PlainPositions | null = null) {
    this.file = file;
    this.text = text;
    this.data = data;
    this.tree = tree;
    this.positions = positions;
  }

  private get parsed(): Tree {
    if (!this.tree) {
      const lines = new LineCounter();
      this.tree = { doc: parseDocument(this.text, { ...PARSE_OPTIONS, lineCounter: lines }), lines };
    }
    return this.tree;
  }

  /**
   * Where `path` is written. With `key`, the position of the last segment's key (for unknown
   * keys); otherwise of its value. A path that does not exist resolves to its deepest existing
   * ancestor, so a missing field points at the object that lacks it.
   */
  locate(path: readonly PathSegment[], key = false): Location {
    if (!this.tree && this.positions) {
      const fast = this.locateRead(this.positions, path, key);
      if (fast) return fast;
    }
    let node: unknown = this.parsed.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = this.pairOf(node, String(seg));
        if (!pair) break;
        if (last && key) {
          offset = rangeStart(pair.key) ?? offset;
          break;
        }
        node = pair.value;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
      if (isAlias(node)) break;
    }
    return this.at(offset);
  }

  /**
   * `locate` answered from the fast reader's positions, walking the data as `locate` walks the
   * node tree; null where a position is not known (an empty value), for the tree to answer.
   */
  private locateRead(positions: PlainPositions, path: readonly PathSegment[], key: boolean): Location | null {
    let node: unknown = this.data;
    let [line, column] = positions.root;
    if (line < 0) return null;
    const index = indexOf(this);
    const flat = positions.flat;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      const base = node !== null && typeof node === 'object' ? index.get(node) : undefined;
      if (base === undefined) break;
      let at: number;
      if (Array.isArray(node)) {
        if (typeof seg !== 'number' || !Number.isInteger(seg) || seg < 0 || seg >= node.length) break;
        at = base + 2 * seg;
        node = node[seg];
      } else {
        const k = Object.keys(node as object).indexOf(String(seg));
        if (k < 0) break;
        if (last && key) {
          line = flat[base + 4 * k]!;
          column = flat[base + 4 * k + 1]!;
          break;
        }
        at = base + 4 * k + 2;
        node = (node as Record<string, unknown>)[String(seg)];
      }
      if (flat[at]! < 0) return null;
      line = flat[at]!;
      column = flat[at + 1]!;
    }
    return { file: this.file, line: line + 1, column: column + 1 };
  }

  /** The fast reader's positions (only called when there are some). */
  positionsForIndex(): PlainPositions {
    return this.positions!;
  }

  /** The first pair of `map` whose key is `key` (as the data has it). */
  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    if (map.items.length <= SMALL_MAP) return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    let index = this.keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const k = String(p.key.value);
        if (!index.has(k)) index.set(k, p);
      }
      this.keyIndex.set(map, index);
    }
    return index.get(key);
  }

  at(offset: number): Location {
    const pos = this.parsed.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }

  diagnostic(path: readonly PathSegment[], code: ErrorCode, message: string, key = false): Diagnostic {
    const loc = this.locate(path, key);
    return { ...loc, path: formatPath(path), code, message };
  }
}

/**
 * The collection index of the file located last: locations are asked for in bursts per file
 * (compiling an item, reporting its problems), so one kept index serves them, and thousands of
 * files never hold an index each.
 */
let lastIndexed: { readonly source: SourceFile; readonly index: Map<object, number> } | null = null;

function indexOf(source: SourceFile): Map<object, number> {
  if (lastIndexed?.source !== source) lastIndexed = { source, index: positionIndex(source.data, source.positionsForIndex()) };
  return lastIndexed.index;
}

export type ParseResult = { ok: true; source: SourceFile } | { ok: false; errors: Diagnostic[] };

/** Parses bytes as a rule-pack YAML file, refusing anything hostile with a located error. */
export function parseSource(file: string, bytes: Uint8Array): ParseResult {
  const whole = (code: ErrorCode, message: string, line = 1, column = 1): ParseResult => ({
    ok: false,
    errors: [{ file, line, column, path: '$', code, message }],
  });
  if (bytes.byteLength > SOURCE_LIMITS.maxBytes) return whole('E-FILE-TOO-LARGE', tooLargeMessage(bytes.byteLength));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = prefix.split('\n');
    return whole(
      'E-FILE-ENCODING',
      renderMessage('E-FILE-ENCODING', { byte: bad + 1 }),
      lines.length,
      (lines.at(-1)?.length ?? 0) + 1,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // Refused before parsing, whichever reader would take the file: both are cheap scans.
  const directive = firstDirective(text);
  if (directive !== null) {
    const pos = positionIn(text, directive.offset);
    return whole('E-YAML-DIRECTIVE', renderMessage('E-YAML-DIRECTIVE', { directive: directive.name }), pos.line, pos.column);
  }
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    const pos = positionIn(text, control.index);
    return whole('E-YAML-CONTROL', controlMessage(control[0], '文件中不能有不可见的控制字符（常见于从其他软件复制粘贴，或文件已损坏），请删除它'), pos.line, pos.column);
  }

  const plain = readPlainYaml(text);
  // A mapping over the key limit is read again by the full parser, which locates the refusal.
  if (plain && !hasHugeMapping(plain.value)) return { ok: true, source: new SourceFile(file, text, plain.value, null, plain.positions) };

  const lines = new LineCounter();
  const hazard = nestingHazard(text);
  if (hazard) {
    // Refuse before parsing: the parser itself must never see absurd nesting.
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    const pos = lines.linePos(hazard.offset);
    return whole('E-YAML-DEPTH', hazard.message, pos.line, pos.col);
  }

  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const found = [...inDocumentOrder(doc.errors, duplicateKeys(doc)), ...doc.warnings];
  const syntaxErrors = translateYamlErrors(file, found, text, lines, SOURCE_LIMITS.maxDepth);
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };

  const tree = { doc, lines };
  const source = new SourceFile(file, text, undefined, tree);
  const structural = checkStructure(doc, source);
  if (structural.length > 0) return { ok: false, errors: structural };

  let data: unknown;
  try {
    // Aliases were bounded above; this limit only backs that check up.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch {
    return whole('E-YAML-ALIAS', '无法展开别名（*引用）；请直接写出内容');
  }
  return { ok: true, source: new SourceFile(file, text, data, tree) };
}

/**
 * Characters YAML does not allow in a file (outside tab, line feed and carriage return, the C0
 * controls and DEL): a NUL or an escape character typed into a rule file is a slip or damage, and
 * would reach documents, logs and file names unseen.
 */
const CONTROL_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

const CONTROL_NAMES: Readonly<Record<number, string>> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 0x1b: 'ESC', 0x7f: 'DEL' };

function controlMessage(char: string, detail: string): string {
  const code = char.charCodeAt(0);
  const name = CONTROL_NAMES[code];
  return renderMessage('E-YAML-CONTROL', { char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? `（${name}）` : ''}`, detail });
}

/**
 * The first `%` directive (`%YAML 1.2`, `%TAG ! tag:…`, any other): directives may only open the
 * file, before any content, with blank and comment lines between them.
 */
function firstDirective(text: string): { offset: number; name: string } | null {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.startsWith('%')) return { offset: start, name: /^%\S*/.exec(line)![0] };
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) return null;
    start = end + 1;
  }
  return null;
}

/** 1-based line and column (in UTF-16 units, as the parser counts) of `offset` in `text`. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function tooLargeMessage(bytes: number): string {
  return renderMessage('E-FILE-TOO-LARGE', { size: (bytes / 1024 / 1024).toFixed(1), limit: SOURCE_LIMITS.maxBytes / 1024 / 1024 });
}

/**
 * One pass over the node tree, without recursion: nesting depth, forbidden and complex keys, and
 * aliases (which must resolve, must not point into themselves, and may not blow up when expanded —
 * the "billion laughs"). Anchors precede their aliases, so a document-order walk knows each
 * anchored node's expanded size and height by the time an alias refers to it.
 */
function checkStructure(doc: Document.Parsed, source: SourceFile): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const error = (node: unknown, path: readonly PathSegment[], code: ErrorCode, message: string): void => {
    errors.push({ ...source.at(rangeStart(node) ?? 0), path: formatPath(path), code, message });
  };
  const { maxDepth, maxAliasNodes } = SOURCE_LIMITS;
  /** Expanded node count and collection height of every finished node. */
  const size = new Map<unknown, number>();
  const height = new Map<unknown, number>();
  const anchors = new Map<string, Node>();
  const open = new Set<unknown>();
  let aliasNodes = 0;
  let aliasesOk = true;

  type Frame = { node: unknown; depth: number; path: PathSegment[]; exit: boolean };
  const stack: Frame[] = [{ node: doc.contents, depth: 1, path: [], exit: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, depth, path } = frame;
    if (frame.exit) {
      open.delete(node);
      let s = 1;
      let h = 0;
      for (const child of children(node)) {
        s += size.get(child) ?? 1;
        h = Math.max(h, height.get(child) ?? 0);
      }
      size.set(node, s);
      height.set(node, h + 1);
      continue;
    }
    if ((isCollection(node) || isScalar(node)) && node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      if (!aliasesOk) continue;
      const target = anchors.get(node.source);
      if (!target) {
        error(node, path, 'E-YAML-ALIAS', `别名 *${node.source} 找不到对应的锚点 &${node.source}（锚点须写在别名之前）`);
      } else if (open.has(target)) {
        error(node, path, 'E-YAML-ALIAS', `别名 *${node.source} 引用了包含它自身的内容（循环引用）`);
        aliasesOk = false;
      } else {
        const s = size.get(target) ?? 1;
        const h = height.get(target) ?? 0;
        size.set(node, s);
        height.set(node, h);
        aliasNodes += s;
        if (aliasNodes > maxAliasNodes) {
          error(node, path, 'E-YAML-ALIAS', `别名（*引用）展开后内容过多（超过 ${maxAliasNodes.toLocaleString('en-US')} 个节点），疑似“十亿笑声”攻击；请直接写出内容`);
          aliasesOk = false;
        } else if (depth - 1 + h > maxDepth) {
          error(node, path, 'E-YAML-DEPTH', `别名 *${node.source} 展开后嵌套层数超过 ${maxDepth} 层`);
        }
      }
      continue;
    }
    if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\0')) {
      error(node, path, 'E-YAML-CONTROL', controlMessage('\0', '值中不能有 NUL 字符（\\0、\\x00、\\u0000 等转义写出的也不行），请删除它'));
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth > maxDepth) {
      error(node, path, 'E-YAML-DEPTH', renderMessage('E-YAML-DEPTH', { max: maxDepth }));
      continue;
    }
    open.add(node);
    stack.push({ node, depth, path, exit: true });
    const next: Frame[] = [];
    if (isMap(node) && node.items.length > SOURCE_LIMITS.maxKeys) {
      const first = node.items[SOURCE_LIMITS.maxKeys]!;
      error(first.key ?? node, path, 'E-YAML-KEYS', renderMessage('E-YAML-KEYS', { count: node.items.length.toLocaleString('en-US'), max: SOURCE_LIMITS.maxKeys.toLocaleString('en-US') }));
      continue;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) {
          error(pair.key, path, 'E-YAML-KEY', '键必须是简单的文字，不能是列表、对象或别名');
          continue;
        }
        if (key.includes('\0')) {
          error(pair.key, path, 'E-YAML-CONTROL', controlMessage('\0', '键中不能有 NUL 字符，请删除它'));
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          error(pair.key, [...path, key], 'E-YAML-KEY', `不允许使用保留的键名 ${key}`);
          continue;
        }
        next.push({ node: pair.value, depth: depth + 1, path: [...path, key], exit: false });
      }
    } else {
      node.items.forEach((item, i) => next.push({ node: item, depth: depth + 1, path: [...path, i], exit: false }));
    }
    // Children in document order: anchors must be seen before the aliases that follow them.
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return errors;
}

/**
 * Keys written twice in one mapping, reported as the `yaml` library's `uniqueKeys` check would
 * (at the later key), in one pass with a set per mapping. Keys compare as the data will have them
 * (`1` and `"1"` are one key of the object). Not recursive: the nesting was bounded before parsing.
 */
function duplicateKeys(doc: Document.Parsed): YAMLError[] {
  const found: YAMLError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (seen.has(key)) {
            const at = rangeStart(pair.key) ?? 0;
            found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          }
          seen.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Whether some mapping in plain data has more keys than `maxKeys`. */
function hasHugeMapping(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    let keys = 0;
    for (const k in v) {
      if (++keys > SOURCE_LIMITS.maxKeys) return true;
      stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return false;
}

/** The parser's errors with `more` (sorted by offset) merged in, each list keeping its own order. */
function inDocumentOrder(parser: readonly YAMLError[], more: readonly YAMLError[]): YAMLError[] {
  const out: YAMLError[] = [];
  let j = 0;
  for (const e of parser) {
    while (j < more.length && more[j]!.pos[0] < e.pos[0]) out.push(more[j++]!);
    out.push(e);
  }
  while (j < more.length) out.push(more[j++]!);
  return out;
}

function children(node: unknown): unknown[] {
  if (isMap(node)) return node.items.map((p) => p.value);
  if (isSeq(node)) return node.items;
  return [];
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** A compact block indicator (`- `, `? `, `: `) or an anchor/tag before a line's content. */
const INDICATOR = /(?:[-?:]|[&!][^\s]*)(?=[ \t\r\n]|$)[ \t]*/y;
/** A line that opens a `|` or `>` block scalar (no explicit indentation digit: those are scanned). */
const BLOCK_SCALAR_HEADER = /^(?:.*:[ \t]+)?[|>][+-]?$/;

/**
 * Offset from which the text could nest deeper than the parser can safely take, found without
 * parsing. Block nesting needs indentation: every two levels start at least one column further
 * right, so a cap on where a line's structure starts (indentation plus compact indicators such as
 * `- - ` or `? `) caps the depth. Flow brackets are counted outside quotes and comments. Lines of
 * a `|` or `>` block scalar are text and skipped. Errs only towards parsing, where the exact
 * depth check runs.
 */
function nestingHazard(text: string): { offset: number; message: string } | null {
  const { maxBlockColumn, maxFlowBrackets, maxDepth } = SOURCE_LIMITS;
  let flow = 0;
  let quote: string | null = null;
  let scalarIndent = -1;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && text[i] === ' ') i++;
    const indent = i - start;
    if (scalarIndent >= 0 && (i === end || text[i] === '\r' || indent > scalarIndent)) {
      start = end + 1;
      continue;
    }
    scalarIndent = -1;
    const block = !quote && flow === 0;
    if (block) {
      INDICATOR.lastIndex = i;
      while (i < end && INDICATOR.test(text)) i = Math.min(INDICATOR.lastIndex, end);
      if (i - start > maxBlockColumn) {
        return { offset: start + maxBlockColumn, message: `缩进超过 ${maxBlockColumn} 列：嵌套过深或缩进异常，请减少缩进` };
      }
    }
    const column = i - start;
    let contentEnd = end;
    for (; i < end; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === start || /\s/.test(text[i - 1] ?? ''))) {
        contentEnd = i;
        break;
      }
      // Quotes open a scalar only where a scalar can start (not in `it's`).
      if ((c === '"' || c === "'") && (i === start || /[\s[{,:?-]/.test(text[i - 1] ?? ''))) quote = c;
      else if (c === '[' || c === '{') {
        if (++flow > maxFlowBrackets) return { offset: i, message: renderMessage('E-YAML-DEPTH', { max: maxDepth }) };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    // A quoted scalar may span lines inside brackets; in block context a stray quote ends here.
    if (quote && flow === 0) quote = null;
    if (block && !quote && flow === 0 && BLOCK_SCALAR_HEADER.test(text.slice(start + column, contentEnd).trimEnd())) scalarIndent = column;
    start = end + 1;
  }
  return null;
}

/** Byte offset of the first malformed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
