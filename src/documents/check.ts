/**
 * Static checking of a document template against its document's data shape: walks the Handlebars
 * AST and reports, with file and line, unknown helpers, fields the data does not have, values that
 * may be empty printed without an {{#if}}, objects printed as text, unescaped output ({{{ }}}),
 * unknown partials, unsupported constructs and references to external resources.
 */
import { renderMessage, type ErrorCode } from '../core/index.ts';
import type { Diagnostic } from '../pack/index.ts';
import { suggest } from '../pack/index.ts';
import { BLOCKS, HELPERS, kindName, type ParamKind } from './helpers.ts';
import { inspect, type JsonSchema, type ShapeInfo } from './shape.ts';

/** A parsed template as the checker sees it. */
export interface ParsedTemplate {
  readonly name: string;
  /** Where it is, as diagnostics print it (relative to the pack, or `<bianmin>/templates/…`). */
  readonly file: string;
  readonly ast: hbs.AST.Program;
}

interface Scope {
  /** Context frames, innermost last; `../` steps outwards. */
  readonly frames: readonly Frame[];
  readonly blockParams: ReadonlyMap<string, Frame>;
  /** Keys of values known to be present here (inside an {{#if}} on them, or {{#with}}). */
  readonly guarded: ReadonlySet<string>;
  readonly inEach: boolean;
  /** The chain of partials being expanded, to stop recursion and to say where a partial is used. */
  readonly via: readonly string[];
}

interface Frame {
  readonly key: string;
  readonly schema: JsonSchema;
}

interface Resolved {
  readonly key: string;
  readonly schema: JsonSchema | null;
  readonly info: ShapeInfo | { readonly kind: 'data'; readonly type: 'integer' | 'boolean' };
}

const EXTERNAL = /(?:\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/)|(?:url\(\s*["']?\s*(?:https?:)?\/\/)|(?:@import\s+["']?(?:https?:)?\/\/)/i;

export class TemplateChecker {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly partials: ReadonlyMap<string, ParsedTemplate>) {}

  /** Checks `template` as rendered with data of `schema`; returns every problem found. */
  check(template: ParsedTemplate, schema: JsonSchema): Diagnostic[] {
    const root: Frame = { key: '$', schema };
    this.program(template, template.ast, { frames: [root], blockParams: new Map(), guarded: new Set(), inEach: false, via: [] });
    return this.diagnostics;
  }

  private report(t: ParsedTemplate, node: hbs.AST.Node | null, code: ErrorCode, message: string, scope: Scope): void {
    const line = node?.loc?.start.line ?? 1;
    const column = (node?.loc?.start.column ?? 0) + 1;
    const via = scope.via.length > 0 ? `（经由 ${scope.via.join(' → ')} 引用）` : '';
    const d: Diagnostic = { file: t.file, line, column, path: '$', code, message: message + via };
    // The same mistake reached through several documents is reported once, with the first route.
    const key = `${d.file}:${line}:${column}:${code}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(d);
  }

  private program(t: ParsedTemplate, program: hbs.AST.Program | undefined, scope: Scope): void {
    if (!program) return;
    for (const node of program.body) this.statement(t, node, scope);
  }

  private statement(t: ParsedTemplate, node: hbs.AST.Statement, scope: Scope): void {
    switch (node.type) {
      case 'ContentStatement': {
        // `original` keeps the whitespace Handlebars strips around standalone tags, so offsets match `loc`.
        const content = node as unknown as { value: string; original?: unknown };
        const text = typeof content.original === 'string' ? content.original : content.value;
        const m = EXTERNAL.exec(text);
        if (m) {
          const before = text.slice(0, m.index).split('\n').length - 1;
          const at = { ...node, loc: { ...node.loc, start: { line: node.loc.start.line + before, column: before > 0 ? m.index - text.lastIndexOf('\n', m.index) - 1 : node.loc.start.column + m.index } } };
          this.report(t, at, 'E-TEMPLATE-EXTERNAL', renderMessage('E-TEMPLATE-EXTERNAL', { resource: m[0].trim() }), scope);
        }
        return;
      }
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(t, node as hbs.AST.MustacheStatement, scope);
      case 'BlockStatement':
        return this.block(t, node as hbs.AST.BlockStatement, scope);
      case 'PartialStatement':
        return this.partial(t, node as hbs.AST.PartialStatement, scope);
      case 'PartialBlockStatement':
        return this.report(t, node, 'E-TEMPLATE-UNSUPPORTED', '不支持 {{#> 局部模板}} 块写法，请使用 {{> 局部模板}}', scope);
      default:
        return this.report(t, node, 'E-TEMPLATE-UNSUPPORTED', renderMessage('E-TEMPLATE-UNSUPPORTED', { detail: node.type }), scope);
    }
  }

  private mustache(t: ParsedTemplate, node: hbs.AST.MustacheStatement, scope: Scope): void {
    if (!node.escaped) {
      this.report(t, node, 'E-TEMPLATE-UNESCAPED', renderMessage('E-TEMPLATE-UNESCAPED'), scope);
    }
    if (node.path.type !== 'PathExpression') {
      this.report(t, node, 'E-TEMPLATE-UNSUPPORTED', '{{ }} 中应为字段或帮助函数', scope);
      return;
    }
    const path = node.path as hbs.AST.PathExpression;
    const hasArgs = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (isHelperName(path)) {
      if (HELPERS[path.original]!.returns === 'test') {
        this.report(t, node, 'E-TEMPLATE-HELPER', `帮助函数 ${path.original} 只能用在 {{#if (${path.original} …)}} 中`, scope);
      }
      return this.helperCall(t, node, path, node.params, node.hash, scope);
    }
    if (hasArgs) {
      this.unknownHelper(t, path, scope);
      return;
    }
    this.use(t, path, 'print', scope);
  }

  private unknownHelper(t: ParsedTemplate, path: hbs.AST.PathExpression, scope: Scope): void {
    const names = Object.keys(HELPERS);
    const guess = suggest(path.original, names);
    this.report(
      t,
      path,
      'E-TEMPLATE-HELPER',
      `未知的帮助函数 \`${path.original}\`${guess ? `，是否应为 \`${guess}\`？` : ''}；可用的有：${names.join('、')}`,
      scope,
    );
  }

  private helperCall(
    t: ParsedTemplate,
    at: hbs.AST.Node,
    path: hbs.AST.PathExpression,
    params: readonly hbs.AST.Expression[],
    hash: hbs.AST.Hash | undefined,
    scope: Scope,
  ): void {
    const spec = HELPERS[path.original]!;
    if ((hash?.pairs.length ?? 0) > 0) this.report(t, at, 'E-TEMPLATE-HELPER', `帮助函数 ${path.original} 不接受 名称=值 形式的参数`, scope);
    if (params.length !== spec.params.length) {
      this.report(t, at, 'E-TEMPLATE-HELPER', `帮助函数 ${path.original}（${spec.description}）需要 ${spec.params.length} 个参数，这里有 ${params.length} 个`, scope);
      return;
    }
    params.forEach((p, i) => this.argument(t, p, spec.params[i]!, path.original, scope));
  }

  private argument(t: ParsedTemplate, p: hbs.AST.Expression, kind: ParamKind, helper: string, scope: Scope): void {
    const wrong = (what: string) =>
      this.report(t, p, 'E-TEMPLATE-TYPE', `帮助函数 ${helper} 的参数应为${kindName(kind)}，这里是${what}`, scope);
    switch (p.type) {
      case 'StringLiteral':
        if (kind !== 'string') wrong('文字');
        return;
      case 'NumberLiteral':
        if (kind !== 'number') wrong('数字');
        return;
      case 'SubExpression': {
        const sub = p as hbs.AST.SubExpression;
        if (!isHelperName(sub.path)) return this.unknownHelper(t, sub.path, scope);
        this.helperCall(t, sub, sub.path, sub.params, sub.hash, scope);
        if (HELPERS[sub.path.original]!.returns === 'test') wrong('是/否');
        else if (kind !== 'string') wrong('文字');
        return;
      }
      case 'PathExpression': {
        const r = this.use(t, p as hbs.AST.PathExpression, 'value', scope);
        if (!r) return;
        const info = r.info;
        const actual =
          info.kind === 'data'
            ? info.type === 'integer' ? 'number' : 'boolean'
            : info.kind === 'scalar'
              ? info.type === 'string' ? 'string' : info.type === 'boolean' ? 'boolean' : 'number'
              : info.kind === 'object' && 'amount' in info.properties && 'unit' in info.properties
                ? 'duration'
                : info.kind;
        if (actual !== kind) wrong(describeKind(actual));
        return;
      }
      default:
        wrong(p.type);
    }
  }

  private block(t: ParsedTemplate, node: hbs.AST.BlockStatement, scope: Scope): void {
    const name = node.path.original;
    if (!(BLOCKS as readonly string[]).includes(name) || node.path.data || node.path.depth > 0) {
      const field = !isHelperName(node.path) && !(BLOCKS as readonly string[]).includes(name);
      this.report(
        t,
        node,
        'E-TEMPLATE-BLOCK',
        `不支持的块 {{#${name}}}：只能使用 {{#if}}、{{#unless}}、{{#each}}、{{#with}}${field ? `（判断字段请写 {{#if ${name}}}，列表请写 {{#each ${name}}}）` : ''}`,
        scope,
      );
      return;
    }
    if (node.params.length !== 1 || (node.hash?.pairs.length ?? 0) > 0) {
      this.report(t, node, 'E-TEMPLATE-BLOCK', `{{#${name}}} 需要且只能有一个参数`, scope);
      return;
    }
    const param = node.params[0]!;
    const shown = param.type === 'PathExpression' ? (param as hbs.AST.PathExpression).original : '…';
    if (name === 'if' || name === 'unless') {
      let key: string | null = null;
      if (param.type === 'PathExpression') key = this.use(t, param as hbs.AST.PathExpression, 'test', scope)?.key ?? null;
      else if (param.type === 'SubExpression') {
        const sub = param as hbs.AST.SubExpression;
        if (!isHelperName(sub.path)) this.unknownHelper(t, sub.path, scope);
        else this.helperCall(t, sub, sub.path, sub.params, sub.hash, scope);
      } else this.report(t, param, 'E-TEMPLATE-BLOCK', `{{#${name}}} 的参数应为字段`, scope);
      const present = key ? { ...scope, guarded: new Set([...scope.guarded, key]) } : scope;
      this.program(t, node.program, name === 'if' ? present : scope);
      this.program(t, node.inverse, name === 'if' ? scope : present);
      return;
    }
    if (param.type !== 'PathExpression') {
      this.report(t, param, 'E-TEMPLATE-BLOCK', `{{#${name}}} 的参数应为字段`, scope);
      return;
    }
    const r = this.use(t, param as hbs.AST.PathExpression, name === 'each' ? 'each' : 'test', scope);
    const params = node.program?.blockParams ?? [];
    if (!r || !r.schema) {
      // Keep checking the body against nothing known so its own errors still surface once.
      return;
    }
    if (name === 'each') {
      if (r.info.kind !== 'array') {
        this.report(t, param, 'E-TEMPLATE-TYPE', `{{#each ${shown}}} 只能用于列表，\`${shown}\` 不是列表`, scope);
        return;
      }
      const frame: Frame = { key: `${r.key}[]`, schema: r.info.items };
      const bp = new Map(scope.blockParams);
      if (params[0]) bp.set(params[0], frame);
      if (params[1]) bp.set(params[1], { key: `${r.key}#index`, schema: { type: 'integer' } });
      this.program(t, node.program, { ...scope, frames: [...scope.frames, frame], blockParams: bp, inEach: true, guarded: scope.guarded });
      this.program(t, node.inverse, scope);
      return;
    }
    // with
    if (r.info.kind !== 'object') {
      this.report(t, param, 'E-TEMPLATE-TYPE', `{{#with ${shown}}} 只能用于对象`, scope);
      return;
    }
    const frame: Frame = { key: r.key, schema: r.schema };
    const bp = new Map(scope.blockParams);
    if (params[0]) bp.set(params[0], frame);
    this.program(t, node.program, { ...scope, frames: [...scope.frames, frame], blockParams: bp, guarded: new Set([...scope.guarded, r.key]) });
    this.program(t, node.inverse, scope);
  }

  private partial(t: ParsedTemplate, node: hbs.AST.PartialStatement, scope: Scope): void {
    if (node.name.type !== 'PathExpression') {
      this.report(t, node, 'E-TEMPLATE-PARTIAL', '不支持动态的局部模板名称', scope);
      return;
    }
    const name = (node.name as hbs.AST.PathExpression).original;
    const target = this.partials.get(name);
    if (!target) {
      const names = [...this.partials.keys()];
      const guess = suggest(name, names);
      this.report(t, node, 'E-TEMPLATE-PARTIAL', `局部模板 \`${name}\` 不存在${guess ? `，是否应为 \`${guess}\`？` : names.length ? `；可用的有：${names.join('、')}` : ''}`, scope);
      return;
    }
    if ((node.hash?.pairs.length ?? 0) > 0 || node.params.length > 1) {
      this.report(t, node, 'E-TEMPLATE-PARTIAL', `局部模板 ${name} 只能带一个字段作为上下文`, scope);
      return;
    }
    const here = `${t.file}:${node.loc.start.line}`;
    if (scope.via.some((v) => v.startsWith(`${target.file}:`)) || target.file === t.file) {
      this.report(t, node, 'E-TEMPLATE-PARTIAL', `局部模板 ${name} 递归引用了自己`, scope);
      return;
    }
    let inner: Scope = { ...scope, via: [...scope.via, here] };
    const param = node.params[0];
    if (param) {
      if (param.type !== 'PathExpression') {
        this.report(t, param, 'E-TEMPLATE-PARTIAL', `局部模板 ${name} 的上下文应为字段`, scope);
        return;
      }
      const r = this.use(t, param as hbs.AST.PathExpression, 'value', scope);
      if (!r || !r.schema) return;
      if (r.info.kind !== 'object') {
        this.report(t, param, 'E-TEMPLATE-TYPE', `局部模板 ${name} 的上下文应为对象`, scope);
        return;
      }
      inner = { ...inner, frames: [...scope.frames, { key: r.key, schema: r.schema }] };
    }
    // Block parameters are not passed into partials; @index and friends are.
    this.program(target, target.ast, { ...inner, blockParams: new Map() });
  }

  /**
   * Resolves a field reference and checks that it may be used as `how`: printed or passed to a
   * helper (`print`/`value`: must be present), tested (`test`: may be empty), iterated (`each`).
   */
  private use(t: ParsedTemplate, path: hbs.AST.PathExpression, how: 'print' | 'value' | 'test' | 'each', scope: Scope): Resolved | null {
    const r = this.resolve(t, path, scope);
    if (!r) return null;
    if (r.info.kind !== 'data' && r.info.nullable && how !== 'test' && !scope.guarded.has(r.key)) {
      this.report(
        t,
        path,
        'E-TEMPLATE-MAYBE-EMPTY',
        `\`${path.original}\` 可能为空（null），直接${how === 'each' ? '遍历' : '显示'}会留下空白：请放在 {{#if ${path.original}}} … {{else}} … {{/if}} 中`,
        scope,
      );
    }
    if (how === 'print' && (r.info.kind === 'object' || r.info.kind === 'array')) {
      this.report(
        t,
        path,
        'E-TEMPLATE-TYPE',
        `\`${path.original}\` 是${r.info.kind === 'object' ? '对象' : '列表'}，不能直接显示：${r.info.kind === 'object' ? `请显示它的字段（${Object.keys(r.info.properties).join('、')}）${'amount' in r.info.properties && 'unit' in r.info.properties ? `，或用 {{duration ${path.original}}}` : ''}` : '请用 {{#each}} 逐项显示'}`,
        scope,
      );
    }
    return r;
  }

  private resolve(t: ParsedTemplate, path: hbs.AST.PathExpression, scope: Scope): Resolved | null {
    let frame: Frame;
    let parts = path.parts;
    if (path.data) {
      const head = parts[0];
      if (head === 'root') {
        frame = scope.frames[0]!;
        parts = parts.slice(1);
      } else if (head === 'index' || head === 'first' || head === 'last') {
        if (!scope.inEach || parts.length > 1) {
          this.report(t, path, 'E-TEMPLATE-FIELD', `\`${path.original}\` 只能在 {{#each}} 中使用`, scope);
          return null;
        }
        return { key: `@${head}`, schema: null, info: { kind: 'data', type: head === 'index' ? 'integer' : 'boolean' } };
      } else {
        this.report(t, path, 'E-TEMPLATE-FIELD', `未知的数据变量 \`${path.original}\`；可用：@index、@first、@last、@root`, scope);
        return null;
      }
    } else {
      const bp = path.depth === 0 && !/^(this|\.)(\/|\.|$)/.test(path.original) && parts[0] ? scope.blockParams.get(parts[0]) : undefined;
      if (bp) {
        frame = bp;
        parts = parts.slice(1);
      } else {
        const index = scope.frames.length - 1 - path.depth;
        if (index < 0) {
          this.report(t, path, 'E-TEMPLATE-FIELD', `\`${path.original}\` 的 ../ 超出了最外层`, scope);
          return null;
        }
        frame = scope.frames[index]!;
      }
    }
    let key = frame.key;
    let schema = frame.schema;
    for (const part of parts) {
      const info = inspect(schema);
      if (info.nullable && !scope.guarded.has(key)) {
        const owner = key.replace(/^\$\.?/, '') || 'this';
        this.report(t, path, 'E-TEMPLATE-MAYBE-EMPTY', renderMessage('E-TEMPLATE-MAYBE-EMPTY', { owner, field: path.original }), scope);
        return null;
      }
      if (info.kind === 'array' && part === 'length') {
        return { key: `${key}.length`, schema: { type: 'integer' }, info: inspect({ type: 'integer' }) };
      }
      if (info.kind !== 'object') {
        this.report(t, path, 'E-TEMPLATE-FIELD', `\`${path.original}\`：${info.kind === 'array' ? '列表' : '文字或数字'}没有字段 \`${part}\``, scope);
        return null;
      }
      const next = Object.hasOwn(info.properties, part) ? info.properties[part] : undefined;
      if (!next) {
        const names = Object.keys(info.properties);
        const guess = suggest(part, names);
        this.report(
          t,
          path,
          'E-TEMPLATE-FIELD',
          `文书数据中没有字段 \`${path.original}\`${guess ? `，是否应为 \`${guess}\`？` : ''}；此处可用的字段：${names.join('、')}`,
          scope,
        );
        return null;
      }
      schema = next;
      key = `${key}.${part}`;
    }
    return { key, schema, info: inspect(schema) };
  }
}

function isHelperName(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1 && Object.hasOwn(HELPERS, path.original);
}

function describeKind(kind: string): string {
  switch (kind) {
    case 'string':
      return '文字';
    case 'number':
      return '数字';
    case 'boolean':
      return '是/否';
    case 'duration':
      return '时限';
    case 'object':
      return '对象';
    case 'array':
      return '列表';
    default:
      return kind;
  }
}
