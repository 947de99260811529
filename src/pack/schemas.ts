import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { pointerToPath, type Diagnostic, type PathSegment } from './diagnostics.ts';
import type { SourceFile } from './source.ts';
import { suggest } from './suggest.ts';

/** The kinds of file in a rule pack, each with its schema in schemas/<kind>.schema.json. */
export type FileKind = 'center' | 'calendar' | 'facts' | 'item' | 'referrals' | 'policy' | 'materials';
export const FILE_KINDS: readonly FileKind[] = ['center', 'calendar', 'facts', 'item', 'referrals', 'policy', 'materials'];

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export type JsonSchema = { [key: string]: unknown };

export function readSchema(name: string): JsonSchema {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')) as JsonSchema;
}

let cached: Map<FileKind, ValidateFunction> | null = null;
let schemaCache: Map<string, JsonSchema> | null = null;

/** All schemas by file name key (`item.schema.json` …), loaded once. */
export function schemas(): Map<string, JsonSchema> {
  schemaCache ??= new Map(['common', ...FILE_KINDS].map((n) => [`${n}.schema.json`, readSchema(n)]));
  return schemaCache;
}

/** One ajv instance, strict, reporting all errors; validators compiled once per process. */
export function validators(): Map<FileKind, ValidateFunction> {
  if (cached) return cached;
  // strictRequired is off only because the condition schema's oneOf branches name keys declared
  // in the parent's properties (the standard idiom for "exactly one of"); all else is strict.
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, verbose: true });
  for (const [key, schema] of schemas()) ajv.addSchema(schema, key);
  cached = new Map(FILE_KINDS.map((k) => [k, ajv.getSchema(`${k}.schema.json`)!]));
  return cached;
}

/** Validates a parsed file against its kind's schema and returns located Chinese diagnostics. */
export function validateSource(kind: FileKind, source: SourceFile): Diagnostic[] {
  const validate = validators().get(kind)!;
  if (validate(source.data)) return [];
  return translate(validate.errors ?? [], source);
}

const otherValidators = new Map<string, ValidateFunction>();

/**
 * Validates a parsed YAML file that is not a rule-pack file (e.g. `scenario` for rules/tests/)
 * against schemas/<name>.schema.json, with the same located Chinese diagnostics. The schema may
 * refer to common.schema.json; union types (`type: [string, object]`) are allowed so that a
 * shorthand and its long form can share one schema and get precise unknown-key errors.
 */
export function validateWithSchema(name: string, source: SourceFile): Diagnostic[] {
  let validate = otherValidators.get(name);
  if (!validate) {
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true });
    ajv.addSchema(readSchema('common'), 'common.schema.json');
    validate = ajv.compile(readSchema(name));
    otherValidators.set(name, validate);
  }
  if (validate(source.data)) return [];
  return translate(validate.errors ?? [], source);
}

function describe(err: ErrorObject): string {
  const parent = err.parentSchema as JsonSchema | undefined;
  const d = parent?.description;
  return typeof d === 'string' ? `（${d.replace(/[。.]$/, '')}）` : '';
}

function typeName(t: unknown): string {
  switch (t) {
    case 'string':
      return '文字';
    case 'integer':
      return '整数';
    case 'number':
      return '数字';
    case 'boolean':
      return ' true 或 false（是/否）';
    case 'array':
      return '列表（每项以 - 开头）';
    case 'object':
      return '对象（键: 值）';
    case 'null':
      return '空值';
    default:
      // A union type, e.g. a material written as an id or as { id, form, copies }.
      return Array.isArray(t) ? t.map(typeName).join('或') : String(t);
  }
}

function actualType(v: unknown): string {
  if (v === null || v === undefined) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'number') return Number.isInteger(v) ? '整数' : '数字';
  if (typeof v === 'boolean') return ` ${String(v)}`;
  return typeName(typeof v);
}

function translate(errors: readonly ErrorObject[], source: SourceFile): Diagnostic[] {
  // oneOf/anyOf failures (a malformed condition, a material without name) explain themselves; drop
  // the per-branch noise.
  const branchPaths = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath + '/');
  const relevant = errors.filter((e) => !branchPaths.some((p) => e.schemaPath.startsWith(p)));

  // A misspelt key yields "unknown key" and "missing key" (or a failed oneOf); report it once,
  // as the unknown key with its suggestion.
  const suggested = new Map<string, string>();
  const suggestedAt = new Set<string>();
  for (const e of relevant) {
    if (e.keyword !== 'additionalProperties') continue;
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    const guess = suggest(extra, propertyNames(e));
    if (guess) {
      suggested.set(`${e.instancePath}\u0000${guess}`, extra);
      suggestedAt.add(e.instancePath);
    }
  }

  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of relevant) {
    const path = pointerToPath(e.instancePath);
    let d: Diagnostic;
    switch (e.keyword) {
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const props = propertyNames(e);
        const guess = suggest(extra, props);
        const hint = guess ? `，是否应为 \`${guess}\`？` : `；可用的字段：${props.join('、')}`;
        d = source.diagnostic([...path, extra], 'E-SCHEMA-UNKNOWN-KEY', `未知字段 \`${extra}\`${hint}`, true);
        break;
      }
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        if (suggested.has(`${e.instancePath}\u0000${missing}`)) continue;
        const sub = ((e.parentSchema as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined)?.[missing];
        const desc = typeof sub?.description === 'string' ? `（${sub.description.replace(/[。.]$/, '')}）` : '';
        d = source.diagnostic(path, 'E-SCHEMA-REQUIRED', `缺少必填字段 \`${missing}\`${desc}`);
        break;
      }
      case 'type':
        d = source.diagnostic(path, 'E-SCHEMA-TYPE', `应为${typeName((e.params as { type: unknown }).type)}，实际是${actualType(e.data)}${describe(e)}`);
        break;
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const guess = typeof e.data === 'string' ? suggest(e.data, allowed) : null;
        d = source.diagnostic(
          path,
          'E-SCHEMA-ENUM',
          `取值 ${JSON.stringify(e.data)} 不在允许范围内${guess ? `，是否应为 \`${guess}\`？` : '；'}可选：${allowed.join('、')}${describe(e)}`,
        );
        break;
      }
      case 'pattern':
        d = source.diagnostic(path, 'E-SCHEMA-FORMAT', `格式不正确：${JSON.stringify(e.data)}${describe(e)}`);
        break;
      case 'minLength':
        d = source.diagnostic(path, 'E-SCHEMA-EMPTY', `不能为空${describe(e)}`);
        break;
      case 'minItems':
        d = source.diagnostic(path, 'E-SCHEMA-MIN-ITEMS', `至少需要 ${(e.params as { limit: number }).limit} 项${describe(e)}`);
        break;
      case 'minProperties':
        // An empty condition is explained by its oneOf message.
        if (errors.some((o) => o.keyword === 'oneOf' && o.instancePath === e.instancePath)) continue;
        d = source.diagnostic(path, 'E-SCHEMA-EMPTY', `不能为空对象${describe(e)}`);
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const p = e.params as { comparison: string; limit: number };
        d = source.diagnostic(path, 'E-SCHEMA-RANGE', `数值 ${String(e.data)} 超出范围，应 ${p.comparison} ${p.limit}${describe(e)}`);
        break;
      }
      case 'oneOf':
        if (suggestedAt.has(e.instancePath)) continue;
        d = source.diagnostic(path, 'E-SCHEMA-CONDITION', conditionProblem(e.data));
        break;
      case 'anyOf': {
        const options = branchKeys(e);
        if (options.length === 0) {
          d = source.diagnostic(path, 'E-SCHEMA', `不符合规则包格式${describe(e)}`);
          break;
        }
        if (options.some((keys) => keys.some((k) => suggested.has(`${e.instancePath}\u0000${k}`)))) continue;
        d = source.diagnostic(path, 'E-SCHEMA-REQUIRED', requiredEither(options, e.data));
        break;
      }
      case 'dependencies': {
        const p = e.params as { property: string; missingProperty: string };
        d = source.diagnostic(path, 'E-SCHEMA-REQUIRED', `写了 \`${p.property}\` 就必须同时写 \`${p.missingProperty}\``);
        break;
      }
      default:
        d = source.diagnostic(path, 'E-SCHEMA', `不符合规则包格式（${e.keyword}）${describe(e)}`);
    }
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function propertyNames(e: ErrorObject): string[] {
  return Object.keys(((e.parentSchema as JsonSchema | undefined)?.properties ?? {}) as JsonSchema);
}

/** For an anyOf of `required` sets: each set of keys; empty when the anyOf is of another kind. */
function branchKeys(e: ErrorObject): string[][] {
  const branches = (e.parentSchema as JsonSchema | undefined)?.anyOf;
  if (!Array.isArray(branches)) return [];
  const keys = branches.map((b) => ((b as JsonSchema).required as string[] | undefined) ?? []);
  return keys.every((k) => k.length > 0) ? keys : [];
}

/** "缺少必填字段 `name`（或改用 `use`）": the option closest to what was written comes first. */
function requiredEither(options: string[][], data: unknown): string {
  const present = new Set(data !== null && typeof data === 'object' ? Object.keys(data) : []);
  const ranked = [...options].sort((a, b) => b.filter((k) => present.has(k)).length - a.filter((k) => present.has(k)).length);
  const [best, ...others] = ranked;
  const missing = best!.filter((k) => !present.has(k)).map((k) => `\`${k}\``);
  const alt = others.map((keys) => keys.map((k) => `\`${k}\``).join(' 和 ')).join(' 或 ');
  const use = others.some((keys) => keys.includes('use')) ? '引用共享材料目录中的材料' : '';
  return `缺少必填字段 ${missing.join('、')}（或改用 ${alt}${use ? ` ${use}` : ''}）`;
}

const CONDITION_FORMS = ['all', 'any', 'not', 'condition'] as const;
const COMPARISON_KEYS = ['fact', 'operator', 'value'] as const;

/** Says what is wrong with a condition object that matches none of its forms. */
function conditionProblem(data: unknown): string {
  const head = '条件写法不正确：';
  const forms = '必须且只能是 all（全部满足）、any（任一满足）、not（不满足）、condition（引用共享条件）之一，或单个比较 fact + operator + value';
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return head + forms;
  const keys = new Set(Object.keys(data));
  const combinators = CONDITION_FORMS.filter((k) => keys.has(k));
  const comparison = COMPARISON_KEYS.filter((k) => keys.has(k));
  if (combinators.length > 1 || (combinators.length === 1 && comparison.length > 0)) {
    const written = [...combinators, ...(comparison.length > 0 ? ['fact + operator + value'] : [])];
    return `${head}同一层只能写一种条件，这里写了 ${written.join('、')}；需要组合时请用 all 或 any 列出多个条件`;
  }
  if (comparison.length > 0) {
    const missing = COMPARISON_KEYS.filter((k) => !keys.has(k));
    return `${head}单个比较须同时写 fact、operator 和 value，缺少 ${missing.join('、')}`;
  }
  return head + forms;
}
