import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatPath, type Diagnostic, type PathSegment } from './diagnostics.ts';

/** Limits that keep a hostile or broken file from hanging or crashing the loader. */
export const SOURCE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One parsed YAML file: its plain data and the means to locate any JSON path in it. */
export class SourceFile {
  readonly file: string;
  readonly data: unknown;
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(file: string, doc: Document.Parsed, lines: LineCounter, data: unknown) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
    this.data = data;
  }

  /**
   * Where `path` is written. With `key`, the position of the last segment's key (for unknown
   * keys); otherwise of its value. A path that does not exist resolves to its deepest existing
   * ancestor, so a missing field points at the object that lacks it.
   */
  locate(path: readonly PathSegment[], key = false): Location {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
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

  at(offset: number): Location {
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }

  diagnostic(path: readonly PathSegment[], code: string, message: string, key = false): Diagnostic {
    const loc = this.locate(path, key);
    return { ...loc, path: formatPath(path), code, message };
  }
}

export type ParseResult = { ok: true; source: SourceFile } | { ok: false; errors: Diagnostic[] };

/** Parses bytes as a rule-pack YAML file, refusing anything hostile with a located error. */
export function parseSource(file: string, bytes: Uint8Array): ParseResult {
  const whole = (code: string, message: string, line = 1, column = 1): ParseResult => ({
    ok: false,
    errors: [{ file, line, column, path: '$', code, message }],
  });
  if (bytes.byteLength > SOURCE_LIMITS.maxBytes) {
    return whole('E-FILE-TOO-LARGE', `文件大小 ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB，超过 5 MB 上限`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = prefix.split('\n');
    return whole('E-FILE-ENCODING', `文件不是 UTF-8 编码（第 ${bad + 1} 字节无效），请另存为 UTF-8`, lines.length, (lines.at(-1)?.length ?? 0) + 1);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const flowDepth = deepFlowOffset(text, SOURCE_LIMITS.maxDepth);
  const lines = new LineCounter();
  if (flowDepth !== null) {
    // Refuse before parsing: the parser itself must never see absurd nesting.
    lines.addNewLine(0);
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.addNewLine(i + 1);
    const pos = lines.linePos(flowDepth);
    return whole('E-YAML-DEPTH', `嵌套层数超过 ${SOURCE_LIMITS.maxDepth} 层`, pos.line, pos.col);
  }

  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    schema: 'core',
    merge: false,
    customTags: [],
    keepSourceTokens: false,
  });
  const errors: Diagnostic[] = [];
  const loc = (offset: number) => lines.linePos(offset);
  for (const e of [...doc.errors, ...doc.warnings]) {
    const p = loc(e.pos[0]);
    errors.push({ file, line: p.line, column: p.col, path: '$', ...yamlProblem(e.code, e.message) });
  }
  if (errors.length > 0) return { ok: false, errors };

  const source = new SourceFile(file, doc, lines, undefined);
  const structural = checkStructure(doc.contents, source);
  if (structural.length > 0) return { ok: false, errors: structural };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: SOURCE_LIMITS.maxAliasCount });
  } catch {
    return { ok: false, errors: [aliasBomb(doc.contents, source)] };
  }
  return { ok: true, source: new SourceFile(file, doc, lines, data) };
}

function yamlProblem(code: string, message: string): { code: string; message: string } {
  switch (code) {
    case 'DUPLICATE_KEY':
      return { code: 'E-YAML-DUPLICATE-KEY', message: '同一层级出现重复的键；每个键只能写一次' };
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_TAG':
      return { code: 'E-YAML-TAG', message: '不支持自定义标签（以 ! 开头）；请写普通的值' };
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'BAD_SCALAR_START':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
    case 'TAB_AS_INDENT':
      return { code: 'E-YAML-SYNTAX', message: `YAML 语法错误（${syntaxHint(code)}）` };
    default:
      return { code: 'E-YAML-SYNTAX', message: `YAML 语法错误：${message.split('\n')[0]}` };
  }
}

function syntaxHint(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
      return '缩进不正确，同一层级的键要对齐';
    case 'TAB_AS_INDENT':
      return '不能用 Tab 缩进，请用空格';
    case 'MISSING_CHAR':
      return '缺少引号或括号的另一半';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '键不能跨行，检查冒号后是否缺少空格或上一行未结束';
    default:
      return '此处出现了意外的字符，检查冒号、短横线和缩进';
  }
}

/** Walks the node tree without recursion: nesting depth and forbidden keys. */
function checkStructure(root: unknown, source: SourceFile): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const stack: Array<{ node: unknown; depth: number; path: PathSegment[] }> = [{ node: root, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= SOURCE_LIMITS.maxDepth) {
      const p = source.at(rangeStart(node) ?? 0);
      errors.push({ ...p, path: formatPath(path), code: 'E-YAML-DEPTH', message: `嵌套层数超过 ${SOURCE_LIMITS.maxDepth} 层` });
      continue;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) {
          const p = source.at(rangeStart(pair.key) ?? 0);
          errors.push({ ...p, path: formatPath(path), code: 'E-YAML-KEY', message: '键必须是简单的文字，不能是列表或对象' });
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          const p = source.at(rangeStart(pair.key) ?? 0);
          errors.push({ ...p, path: formatPath([...path, key]), code: 'E-YAML-KEY', message: `不允许使用保留的键名 ${key}` });
          continue;
        }
        stack.push({ node: pair.value, depth: depth + 1, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, depth: depth + 1, path: [...path, i] }));
    }
  }
  return errors;
}

function aliasBomb(root: unknown, source: SourceFile): Diagnostic {
  const stack: unknown[] = [root];
  let offset = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      offset = rangeStart(node) ?? 0;
      break;
    }
    if (isMap(node)) for (const p of node.items) stack.push(p.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return {
    ...source.at(offset),
    path: '$',
    code: 'E-YAML-ALIAS',
    message: `别名（*引用）展开次数过多（上限 ${SOURCE_LIMITS.maxAliasCount} 次），疑似“十亿笑声”攻击`,
  };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** Offset where flow brackets first nest deeper than `max`, ignoring quoted text and comments. */
function deepFlowOffset(text: string, max: number): number | null {
  let depth = 0;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quote) {
      // A stray apostrophe in a plain scalar must not hide the rest of the file.
      if (c === quote || (c === '\n' && depth === 0)) quote = null;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) comment = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
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
