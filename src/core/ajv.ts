/**
 * The one way to build ajv and the one translator of its errors into located Chinese problems,
 * used by the pack, the engine, records, documents and the server alike.
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject } from 'ajv';
import type { ErrorCode } from './catalogue/index.ts';
import type { Problem } from './error.ts';
import { dateProblem, instantProblem, tryParseDate, tryParseInstant } from './instant.ts';
import { formatPath, pointerToPath, type PathSegment } from './location.ts';
import { suggest } from './suggest.ts';

export interface AjvOptions {
  /**
   * Query strings, path parameters and headers arrive as text: coerce them to the schema's types
   * (a single `?suspend=` becomes a one-element list) and fill in defaults. Server only; bodies,
   * files and applications are never coerced.
   */
  readonly coerceTypes?: boolean;
}

/**
 * Strict, all errors, verbose (the translator reads `parentSchema` for Chinese descriptions and
 * `data` for what was written), union types allowed (a shorthand and its long form share one
 * schema). strictRequired is off only because the condition schema's `oneOf` branches name keys
 * declared in the parent's properties, the standard idiom for "exactly one of". `example` is an
 * OpenAPI annotation the route schemas carry.
 */
export function createAjv(options: AjvOptions = {}): Ajv {
  // Loaded on first use (ajv is CommonJS): importing it takes a good part of a second on a busy
  // machine, which commands that validate nothing (`bianmin --version`) must not pay.
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const coerce = options.coerceTypes ?? false;
  const ajv = new Ajv({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
    verbose: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
  });
  // Times and dates are checked by the one parser, so a schema never refuses what the engine reads.
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => tryParseInstant(s) !== null });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => tryParseDate(s) !== null });
  ajv.addKeyword({ keyword: 'example' });
  return ajv;
}

/**
 * What the translator reads of an ajv error. Fastify hands its schema error formatter the same
 * objects typed more loosely; this type accepts both without a cast.
 */
export type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

/**
 * Whose input is translated, which decides the codes it reports: E-SCHEMA-* for rule-pack and
 * scenario files, E-APP-* for applications, E-REQ-* for the rest of a request, E-RECORD-INVALID
 * for records, E-DOC-INPUT for a document's input.
 */
export type CodeFamily = 'pack' | 'application' | 'request' | 'records' | 'document';

/** A domain's own wording for a combinator no branch of which fits (e.g. the pack's conditions). */
export interface Explanation {
  readonly code: ErrorCode;
  readonly message: string;
}

export interface TranslateOptions {
  readonly family: CodeFamily;
  /** What the JSON paths start with: `$` (default) or a request part such as `query`. */
  readonly root?: string;
  /**
   * Called for a failed `oneOf`/`anyOf` that no single branch explains (none fits the value, or
   * it is a choice between sets of keys); return null for the generic wording.
   */
  readonly explain?: (combinator: AjvError) => Explanation | null;
}

/** A translated ajv error. */
export interface AjvProblem extends Problem {
  /** JSON path of the mistake (`$.item` for a missing item), under `root`. */
  readonly path: string;
  /** The nearest node present in the data, for locating the problem in source text. */
  readonly segments: readonly PathSegment[];
  /**
   * What `segments` points at: the wrong value itself, a key that should not be there (locate
   * the key, not its value), or the object a missing key belongs in.
   */
  readonly anchor: 'value' | 'key' | 'parent';
}

type Category = 'required' | 'unknownKey' | 'type' | 'enum' | 'format' | 'pattern' | 'empty' | 'minItems' | 'range' | 'other';

interface Family {
  readonly codes: Readonly<Record<Category, ErrorCode>>;
  /**
   * Field names in backticks: pack diagnostics are read beside YAML in a terminal; API and input
   * messages print names bare, as the client's JSON spells them.
   */
  readonly quote: boolean;
  /** "不符合{noun}" for a mistake no keyword names. */
  readonly noun: string;
}

const CATEGORIES: readonly Category[] = ['required', 'unknownKey', 'type', 'enum', 'format', 'pattern', 'empty', 'minItems', 'range', 'other'];

/** A family that reports every kind of mistake under one code. */
function oneCode(code: ErrorCode): Readonly<Record<Category, ErrorCode>> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, code])) as Record<Category, ErrorCode>;
}

const FAMILIES: Readonly<Record<CodeFamily, Family>> = {
  pack: {
    codes: {
      required: 'E-SCHEMA-REQUIRED',
      unknownKey: 'E-SCHEMA-UNKNOWN-KEY',
      type: 'E-SCHEMA-TYPE',
      enum: 'E-SCHEMA-ENUM',
      format: 'E-SCHEMA-FORMAT',
      pattern: 'E-SCHEMA-FORMAT',
      empty: 'E-SCHEMA-EMPTY',
      minItems: 'E-SCHEMA-MIN-ITEMS',
      range: 'E-SCHEMA-RANGE',
      other: 'E-SCHEMA',
    },
    quote: true,
    noun: '规则包格式',
  },
  application: {
    codes: {
      required: 'E-APP-REQUIRED',
      unknownKey: 'E-APP-UNKNOWN-KEY',
      type: 'E-APP-TYPE',
      enum: 'E-APP-ENUM',
      // The application's only format is receivedAt's date-time.
      format: 'E-APP-TIME',
      pattern: 'E-APP-SCHEMA',
      empty: 'E-APP-EMPTY',
      minItems: 'E-APP-RANGE',
      range: 'E-APP-RANGE',
      other: 'E-APP-SCHEMA',
    },
    quote: false,
    noun: '申请格式',
  },
  request: {
    codes: {
      required: 'E-REQ-REQUIRED',
      unknownKey: 'E-REQ-UNKNOWN-KEY',
      type: 'E-REQ-TYPE',
      enum: 'E-REQ-ENUM',
      format: 'E-REQ-FORMAT',
      pattern: 'E-REQ-FORMAT',
      empty: 'E-REQ-EMPTY',
      minItems: 'E-REQ-RANGE',
      range: 'E-REQ-RANGE',
      other: 'E-REQ-SCHEMA',
    },
    quote: false,
    noun: '接口格式',
  },
  records: {
    codes: oneCode('E-RECORD-INVALID'),
    quote: false,
    noun: '登记簿格式',
  },
  document: {
    codes: oneCode('E-DOC-INPUT'),
    quote: false,
    noun: '文书输入格式',
  },
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  null: '空值',
};

const COMPARISONS: Readonly<Record<string, string>> = {
  minimum: '不小于',
  maximum: '不大于',
  exclusiveMinimum: '大于',
  exclusiveMaximum: '小于',
};

/** What a value is, in Chinese: `文字`, `整数`, `列表`, `空值`; a boolean is shown as itself. */
export function chineseTypeOf(v: unknown): string {
  if (v === null || v === undefined) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'number') return Number.isInteger(v) ? '整数' : '数字';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return '文字';
  if (typeof v === 'object') return '对象';
  return '其他值';
}

/**
 * ajv errors → Chinese problems, one per real mistake (a misspelt key is one "unknown key, did
 * you mean …?", not also a "missing key"), every type named in Chinese, in ajv's order. A failed
 * `oneOf`/`anyOf` is reported through the branch that fits the value's shape, or as one problem
 * when none does. Never empty when `errors` is not.
 */
export function translateAjvErrors(errors: readonly AjvError[], options: TranslateOptions): AjvProblem[] {
  return new Translation(errors, options).run();
}

class Translation {
  private readonly family: Family;
  private readonly root: string;
  private readonly out: AjvProblem[] = [];
  private readonly seen = new Set<string>();
  /** `instancePath\0key` of every key a misspelt one most likely meant. */
  private readonly guessed = new Set<string>();
  /** The innermost oneOf/anyOf whose branch produced each error. */
  private readonly owner = new Map<AjvError, AjvError>();
  private readonly combinatorAt = new Set<string>();

  constructor(
    private readonly errors: readonly AjvError[],
    private readonly options: TranslateOptions,
  ) {
    this.family = FAMILIES[options.family];
    this.root = options.root ?? '$';
    const combinators = errors.filter(isCombinator);
    for (const c of combinators) this.combinatorAt.add(c.instancePath);
    for (const e of errors) {
      let best: AjvError | undefined;
      for (const c of combinators) {
        if (!inside(e, c)) continue;
        if (!best || c.instancePath.length > best.instancePath.length || (c.instancePath.length === best.instancePath.length && c.schemaPath.length > best.schemaPath.length)) best = c;
      }
      if (best) this.owner.set(e, best);
      if (e.keyword === 'additionalProperties') {
        const guess = suggest(text(e.params.additionalProperty), propertyNames(e.parentSchema));
        if (guess) this.guessed.add(`${e.instancePath}\u0000${guess}`);
      }
    }
  }

  run(): AjvProblem[] {
    this.list(this.errors.filter((e) => !this.owner.has(e)));
    if (this.out.length === 0 && this.errors.length > 0) this.push('other', [], [], `不符合${this.family.noun}`);
    return this.out;
  }

  private list(errors: readonly AjvError[]): void {
    for (const e of errors) {
      if (isCombinator(e)) this.combinator(e);
      else this.single(e);
    }
  }

  private q(name: string): string {
    return this.family.quote ? `\`${name}\`` : name;
  }

  private push(category: Category, segments: readonly PathSegment[], path: readonly PathSegment[], message: string, anchor: AjvProblem['anchor'] = 'value'): void {
    this.pushCode(this.family.codes[category], segments, path, message, anchor);
  }

  private pushCode(code: ErrorCode, segments: readonly PathSegment[], path: readonly PathSegment[], message: string, anchor: AjvProblem['anchor'] = 'value'): void {
    const where = this.at(path);
    const id = `${where}\u0000${code}\u0000${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.out.push({ code, message, path: where, segments, anchor });
  }

  private at(path: readonly PathSegment[]): string {
    const json = formatPath(path);
    if (this.root === '$') return json;
    return json === '$' ? this.root : `${this.root}${json.slice(1)}`;
  }

  private single(e: AjvError): void {
    // A rule the key of a propertyNames failed: the propertyNames error itself names the key.
    if (e.propertyName !== undefined) return;
    const segs = pointerToPath(e.instancePath);
    const desc = described(e.parentSchema);
    const p = e.params;
    const q = (s: string): string => this.q(s);
    switch (e.keyword) {
      case 'required': {
        const missing = text(p.missingProperty);
        // A misspelt key is reported once, as unknown, with this key as its suggestion.
        if (this.guessed.has(`${e.instancePath}\u0000${missing}`)) return;
        return this.push('required', segs, [...segs, missing], `缺少必填字段 ${q(missing)}${described(propertySchema(e.parentSchema, missing))}`, 'parent');
      }
      case 'dependencies':
      case 'dependentRequired': {
        const missing = text(p.missingProperty);
        return this.push('required', segs, [...segs, missing], `写了 ${q(text(p.property))} 就必须同时写 ${q(missing)}`, 'parent');
      }
      case 'additionalProperties': {
        const extra = text(p.additionalProperty);
        const props = propertyNames(e.parentSchema);
        const guess = suggest(extra, props);
        const hint = guess ? `，是否应为 ${q(guess)}？` : props.length > 0 ? `；可用的字段：${props.join('、')}` : '';
        return this.push('unknownKey', [...segs, extra], [...segs, extra], `未知字段 ${q(extra)}${hint}`, 'key');
      }
      case 'propertyNames': {
        const name = text(p.propertyName);
        return this.push('unknownKey', [...segs, name], [...segs, name], `字段名 ${q(name)} 不符合要求${desc}`, 'key');
      }
      case 'type':
        return this.push('type', segs, segs, `应为${lead(typeName(p.type))}，实际是${lead(chineseTypeOf(e.data))}${desc}`);
      case 'enum': {
        const allowed = list(p.allowedValues).map(shown);
        const guess = typeof e.data === 'string' ? suggest(e.data, allowed) : null;
        return this.push('enum', segs, segs, `取值 ${json(e.data)} 不在允许范围内${guess ? `，是否应为 ${q(guess)}？` : '；'}可选：${allowed.join('、')}${desc}`);
      }
      case 'const':
        return this.push('enum', segs, segs, `取值 ${json(e.data)} 不正确，应为 ${json(p.allowedValue)}${desc}`);
      case 'format':
        return this.push('format', segs, segs, `${formatProblem(text(p.format), e.data)}${desc}`);
      case 'pattern':
        return this.push('pattern', segs, segs, `格式不正确：${json(e.data)}${desc}`);
      case 'minLength': {
        const n = limit(p);
        return n <= 1 ? this.push('empty', segs, segs, `不能为空${desc}`) : this.push('range', segs, segs, `至少 ${n} 个字符${desc}`);
      }
      case 'maxLength':
        return this.push('range', segs, segs, `文字过长，最多 ${limit(p)} 个字符${desc}`);
      case 'minItems':
        return this.push('minItems', segs, segs, `至少需要 ${limit(p)} 项${desc}`);
      case 'maxItems':
        return this.push('range', segs, segs, `最多 ${limit(p)} 项${desc}`);
      case 'minProperties': {
        // An empty "one of these keys" object is explained by its combinator.
        if (this.combinatorAt.has(e.instancePath)) return;
        const n = limit(p);
        return n <= 1 ? this.push('empty', segs, segs, `不能为空对象${desc}`) : this.push('range', segs, segs, `至少需要 ${n} 个字段${desc}`);
      }
      case 'maxProperties':
        return this.push('range', segs, segs, `字段过多，最多 ${limit(p)} 个${desc}`);
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return this.push('range', segs, segs, `数值 ${json(e.data)} 超出范围，应${COMPARISONS[e.keyword]} ${limit(p)}${desc}`);
      case 'multipleOf':
        return this.push('range', segs, segs, `数值 ${json(e.data)} 应为 ${text(p.multipleOf)} 的整数倍${desc}`);
      case 'uniqueItems':
        return this.push('other', segs, segs, `第 ${Number(p.i) + 1} 项与第 ${Number(p.j) + 1} 项重复${desc}`);
      case 'not':
        return this.push('other', segs, segs, `不允许这样的取值${desc}`);
      case 'if':
        // Says only "the then-branch failed"; that branch's own errors are reported.
        return;
      default:
        return this.push('other', segs, segs, `不符合${this.family.noun}${desc}`);
    }
  }

  private combinator(c: AjvError): void {
    const kids = this.errors.filter((e) => this.owner.get(e) === c);
    const branches = list(record(c.parentSchema)?.[c.keyword]);
    const sets = keySets(branches);
    if (sets) {
      // A misspelt key of one of the sets explains the whole choice.
      if (sets.some((keys) => keys.some((k) => this.guessed.has(`${c.instancePath}\u0000${k}`)))) return;
      return this.summary(c, () => this.keySetProblem(c, sets));
    }
    const branchOf = (e: AjvError): number => branchIndex(e, c) ?? -1;
    // A branch fits when it does not reject the value's type itself.
    const fitting = branches
      .map((_, i) => i)
      .filter((i) => !kids.some((e) => branchOf(e) === i && e.keyword === 'type' && e.instancePath === c.instancePath));
    if (fitting.length === 0 || Array.isArray(c.params.passingSchemas)) {
      return this.summary(c, () => this.shapeProblem(c, branches, kids, branchOf));
    }
    // The most specific fitting branch: the one with the fewest complaints.
    const count = (i: number): number => kids.filter((e) => branchOf(e) === i).length;
    const best = fitting.reduce((a, b) => (count(b) < count(a) ? b : a));
    this.list(kids.filter((e) => branchOf(e) === best));
  }

  private summary(c: AjvError, generic: () => { category: Category; message: string }): void {
    const segs = pointerToPath(c.instancePath);
    const own = this.options.explain?.(c);
    if (own) return this.pushCode(own.code, segs, segs, own.message);
    const { category, message } = generic();
    this.push(category, segs, segs, message);
  }

  /** "Exactly one of these sets of keys" (a material's name or use, a condition's forms). */
  private keySetProblem(c: AjvError, sets: readonly (readonly string[])[]): { category: Category; message: string } {
    const q = (s: string): string => this.q(s);
    const written = (keys: readonly string[]): string => keys.map(q).join(' + ');
    const passing = list(c.params.passingSchemas).map(Number);
    if (passing.length > 1) {
      return { category: 'other', message: `同一层只能写一种，这里写了 ${passing.map((i) => written(sets[i] ?? [])).join('、')}${described(c.parentSchema)}` };
    }
    const present = new Set(Object.keys(record(c.data) ?? {}));
    const score = (keys: readonly string[]): number => keys.filter((k) => present.has(k)).length;
    const [best, ...others] = [...sets].sort((a, b) => score(b) - score(a));
    const missing = (best ?? []).filter((k) => !present.has(k)).map(q);
    const alternative = (keys: readonly string[]): string => {
      const d = keys.length === 1 ? firstClause(record(propertySchema(c.parentSchema, keys[0]!))?.description) : '';
      return `${keys.map(q).join(' 和 ')}${d ? `：${d}` : ''}`;
    };
    const alt = others.length > 0 ? `（或改用 ${others.map(alternative).join(' 或 ')}）` : '';
    return { category: 'required', message: `缺少必填字段 ${missing.join('、')}${alt}` };
  }

  /** No branch fits the value (or several do, for a oneOf): what was expected instead. */
  private shapeProblem(c: AjvError, branches: readonly unknown[], kids: readonly AjvError[], branchOf: (e: AjvError) => number): { category: Category; message: string } {
    const desc = described(c.parentSchema);
    if (Array.isArray(c.params.passingSchemas)) return { category: 'other', message: `同时符合多种写法，只能是其中一种${desc}` };
    const names = branches.flatMap((b, i) => {
      const declared = record(b)?.type;
      const rejected = kids.find((e) => branchOf(e) === i && e.keyword === 'type' && e.instancePath === c.instancePath)?.params.type;
      const t = declared ?? rejected;
      return t === undefined ? [] : [typeName(t)];
    });
    if (names.length === 0) return { category: 'type', message: `取值的形式不正确${desc}` };
    return { category: 'type', message: `应为${lead(alternatives(names))}，实际是${lead(chineseTypeOf(c.data))}${desc}` };
  }
}

function isCombinator(e: AjvError): boolean {
  return e.keyword === 'anyOf' || e.keyword === 'oneOf';
}

/** `e` was produced inside one of `c`'s branches, on `c`'s value or below it. */
function inside(e: AjvError, c: AjvError): boolean {
  return branchIndex(e, c) !== null;
}

/**
 * Which of `c`'s branches produced `e`, or null. ajv's schemaPath restarts at every `$ref`, so an
 * error of a branch that is only a `$ref` (`oneOf: [{ $ref: '#/$defs/mode' }, { type: array }]`)
 * carries the referenced schema's path: it is that branch's when it is on `c`'s value itself
 * (deeper uses of the same definition, e.g. a list entry's `mode`, are their own).
 */
function branchIndex(e: AjvError, c: AjvError): number | null {
  if (e === c) return null;
  if (e.schemaPath.startsWith(`${c.schemaPath}/`)) {
    if (e.instancePath !== c.instancePath && !e.instancePath.startsWith(`${c.instancePath}/`)) return null;
    return Number(e.schemaPath.slice(c.schemaPath.length + 1).split('/')[0]);
  }
  if (e.instancePath !== c.instancePath) return null;
  const branches = list(record(c.parentSchema)?.[c.keyword]);
  const i = branches.findIndex((b) => {
    const ref = record(b)?.$ref;
    return typeof ref === 'string' && ref.startsWith('#') && e.schemaPath.startsWith(`${ref}/`);
  });
  return i >= 0 ? i : null;
}

/** Each branch's `required` keys when every branch is only that; null otherwise. */
function keySets(branches: readonly unknown[]): string[][] | null {
  if (branches.length === 0) return null;
  const sets: string[][] = [];
  for (const b of branches) {
    const r = record(b);
    if (!r || !Array.isArray(r.required) || !Object.keys(r).every((k) => k === 'required' || k === 'description')) return null;
    sets.push(r.required.map(String));
  }
  return sets;
}

function formatProblem(format: string, data: unknown): string {
  switch (format) {
    // The formats are the one parser (createAjv): its message says what is wrong with the value.
    case 'date-time':
      return instantProblem(data) ?? `时间格式不正确：${json(data)}，应为 ISO 8601 时间，例如 2026-11-23T09:30:00+08:00`;
    case 'date':
      return dateProblem(data) ?? `日期格式不正确：${json(data)}，应为 YYYY-MM-DD，例如 2026-10-01`;
    default:
      return `格式不正确：${json(data)}`;
  }
}

/** `string` → 文字; a union (`['string', 'null']` or ajv's `string,null`) → 文字或空值. */
function typeName(t: unknown): string {
  const names = (Array.isArray(t) ? t.map(String) : String(t).split(',')).map((x) => TYPE_NAMES[x] ?? '其他类型');
  return alternatives(names);
}

/** 文字或对象; 文字、数字、true 或 false. */
function alternatives(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? '';
  const last = unique.at(-1)!;
  return `${unique.slice(0, -1).join('、')}${last.includes('或') ? '、' : '或'}${last}`;
}

/** A space before Latin text after Chinese: `应为 true 或 false`, `实际是文字`. */
function lead(s: string): string {
  return /^[\x21-\x7e]/.test(s) ? ` ${s}` : s;
}

function record(v: unknown): Readonly<Record<string, unknown>> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

function limit(p: Readonly<Record<string, unknown>>): number {
  return Number(p.limit);
}

function shown(v: unknown): string {
  return v === null ? 'null' : String(v);
}

function json(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function propertyNames(schema: unknown): string[] {
  return Object.keys(record(record(schema)?.properties) ?? {});
}

function propertySchema(schema: unknown, key: string): unknown {
  return record(record(schema)?.properties)?.[key];
}

/** The schema's Chinese description as `（…）`, without its final full stop; '' without one. */
function described(schema: unknown): string {
  const d = record(schema)?.description;
  if (typeof d !== 'string' || d === '') return '';
  const trimmed = d.replace(/[。.]$/, '');
  return `（${trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed}）`;
}

/** `引用共享材料目录（materials.yaml）中的材料标识，例如 …` → its first clause. */
function firstClause(d: unknown): string {
  return typeof d === 'string' ? (d.split(/[，。；：]/)[0] ?? '') : '';
}
