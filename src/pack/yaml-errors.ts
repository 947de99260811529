import type { LineCounter, YAMLError } from 'yaml';
import { renderMessage, type ErrorCode } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';

/** One finding before it is located: where in the text, and what. */
interface Finding {
  readonly offset: number;
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * The YAML parser's errors as located Chinese diagnostics. The parser reports where it noticed a
 * slip, often several times over and sometimes far from the cause (an unclosed quote at the end of
 * the file); this points at the cause where the text shows it, and gives one message per line.
 */
export function translateYamlErrors(file: string, errors: readonly YAMLError[], text: string, lines: LineCounter, maxDepth: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reportedLines = new Set<number>();
  let syntaxSeen = false;
  // A key that spills onto the next line is also reported as a nested mapping at the same place.
  const multiline = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const e of errors) {
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0]) && !valueHasColon(text, e.pos[0])) continue;
    const p = problem(e, text, maxDepth);
    // After the first syntax slip the parser is lost and what follows is mostly its echo;
    // duplicate keys and tags are independent findings and all reported.
    if (p.code === 'E-YAML-SYNTAX' && syntaxSeen) continue;
    syntaxSeen ||= p.code === 'E-YAML-SYNTAX';
    const pos = lines.linePos(p.offset);
    if (reportedLines.has(pos.line)) continue;
    reportedLines.add(pos.line);
    out.push({ file, line: pos.line, column: pos.col, path: '$', code: p.code, message: p.message });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function problem(e: YAMLError, text: string, maxDepth: number): Finding {
  const [start, end] = e.pos;
  const syntax = (hint: string, offset = start): Finding => ({ offset, code: 'E-YAML-SYNTAX', message: renderMessage('E-YAML-SYNTAX', { hint }) });
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(start))?.[0].trim();
      return { offset: start, code: 'E-YAML-DUPLICATE-KEY', message: renderMessage('E-YAML-DUPLICATE-KEY', { key: key ? ` \`${key}\`` : '' }) };
    }
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return { offset: start, code: 'E-YAML-TAG', message: renderMessage('E-YAML-TAG') };
    case 'BAD_DIRECTIVE': {
      const directive = /^%\S*/.exec(text.slice(start))?.[0] ?? '%';
      return { offset: start, code: 'E-YAML-DIRECTIVE', message: renderMessage('E-YAML-DIRECTIVE', { directive }) };
    }
    case 'RESOURCE_EXHAUSTION':
      return { offset: start, code: 'E-YAML-DEPTH', message: renderMessage('E-YAML-DEPTH', { max: maxDepth }) };
    case 'TAB_AS_INDENT':
      return syntax('不能用 Tab 缩进，请用空格');
    case 'MISSING_CHAR': {
      const quote = /closing (["'])quote/.exec(e.message)?.[1];
      if (quote) return syntax(`${quote === '"' ? '双' : '单'}引号 ${quote} 没有对应的另一半`, unclosedQuote(text, quote) ?? start);
      if (/without - indicator/.test(e.message)) return syntax('缩进不正确：这一行既不是新的列表项（缺少“- ”），也没有和上一项的键对齐');
      if (/followed by map values/.test(e.message)) return syntax('这一行缺少冒号，应写成“键: 值”');
      return syntax(bracketHint(e.message) ?? '缺少引号或括号的另一半');
    }
    case 'BAD_INDENT': {
      const hint = bracketHint(e.message);
      if (hint) return syntax(hint, unclosedBracket(text, start) ?? start);
      return syntax('缩进不正确：同一层级的键要对齐，下一层要多缩进');
    }
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN': {
      const line = lineAt(text, start);
      const content = line.text.trimStart();
      if (content.startsWith('- ') || content === '-') {
        return syntax('这里不能开始列表项“- ”：列表要写在某个键的下一行并多缩进', line.start + line.text.length - content.length);
      }
      if (/^-[^\s-]/.test(content)) {
        return syntax('列表项的短横线后缺少空格，应写成“- 键: 值”', line.start + line.text.length - content.length + 1);
      }
      const colon = /^[^:'"#]*?:(?=[^\s])/.exec(content);
      if (colon && !/:\s/.test(content)) {
        return syntax(`冒号后缺少空格，应写成“${colon[0]} …”`, line.start + line.text.length - content.length + colon[0].length - 1);
      }
      if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && valueHasColon(text, start)) return syntax('值中含有“: ”，请给整个值加上引号，例如 name: "备注: 无"');
      const endLine = lineAt(text, end);
      if (endLine.start > line.start) {
        const first = endLine.start + endLine.text.length - endLine.text.trimStart().length;
        return syntax('缩进不正确：这一行比同一层级的键多缩进了（或上一行的值没有写完）', first);
      }
      return syntax('此处出现了意外的字符，检查冒号、短横线、引号和缩进');
    }
    case 'BLOCK_IN_FLOW':
      return syntax('方括号 [ ] 或花括号 { } 内不能换行写“- ”列表或“键: 值”块');
    case 'BAD_DQ_ESCAPE':
      return syntax('双引号内的反斜杠 \\ 转义不正确；如需反斜杠请写 \\\\，或改用单引号');
    case 'BAD_SCALAR_START':
      return syntax('值不能以 @、` 等特殊符号开头；请给这个值加上引号');
    case 'KEY_OVER_1024_CHARS':
      return syntax('键太长（超过 1024 个字符）');
    case 'MULTIPLE_DOCS':
      return syntax('一个文件只能有一个 YAML 文档；请删除多余的 --- 分隔线，或拆成多个文件');
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'ALIAS_PROPS':
      return syntax('锚点（&）或标签（!）写法不正确');
    case 'BAD_ALIAS':
      return syntax('别名（*）写法不正确');
    case 'NON_STRING_KEY':
      return syntax('键必须是简单的文字');
    default:
      return syntax('此处出现了意外的字符，检查冒号、短横线、引号和缩进');
  }
}

function bracketHint(message: string): string | null {
  if (/\]/.test(message) && /sequence/i.test(message)) return '方括号 [ 没有对应的 ]';
  if (/\}/.test(message) && /flow map/i.test(message)) return '花括号 { 没有对应的 }';
  return null;
}

function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const nl = text.indexOf('\n', offset);
  return { start: offset === 0 ? 0 : start, text: text.slice(offset === 0 ? 0 : start, nl === -1 ? text.length : nl).replace(/\r$/, '') };
}

/** Whether the scalar starting at `offset` contains ": " on its line (it needs quotes). */
function valueHasColon(text: string, offset: number): boolean {
  const rest = lineAt(text, offset);
  return /:\s/.test(rest.text.slice(offset - rest.start));
}

/** The offset of the first quote of this kind that is never closed on its line. */
function unclosedQuote(text: string, quote: string): number | null {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let open: number | null = null;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (open === null && c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      if (c === '\\' && quote === '"' && open !== null) i++;
      else if (c === quote) open = open === null ? i : null;
    }
    if (open !== null) return lineStart + open;
    lineStart += line.length + 1;
  }
  return null;
}

/** The offset of the last bracket opened before `before` and not closed by then. */
function unclosedBracket(text: string, before: number): number | null {
  const open: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < before && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
    else if (c === '\n') quote = null;
  }
  return open.at(-1) ?? null;
}
