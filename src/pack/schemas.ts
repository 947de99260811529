import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic, PathSegment } from './diagnostics.ts';
import type { SourceFile } from './source.ts';
import { suggest } from './suggest.ts';

/** The kinds of file in a rule pack, each with its schema in schemas/<kind>.schema.json. */
export type FileKind = 'center' | 'calendar' | 'facts' | 'item' | 'referrals' | 'policy';
export const FILE_KINDS: readonly FileKind[] = ['center', 'calendar', 'facts', 'item', 'referrals', 'policy'];

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

function pathOf(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
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
      return 'true 或 false';
    case 'array':
      return '列表（每项以 - 开头）';
    case 'object':
      return '对象（键: 值）';
    case 'null':
      return '空值';
    default:
      return String(t);
  }
}

function actualType(v: unknown): string {
  if (v === null || v === undefined) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'number') return Number.isInteger(v) ? '整数' : '数字';
  return typeName(typeof v);
}

function translate(errors: readonly ErrorObject[], source: SourceFile): Diagnostic[] {
  // oneOf failures (a malformed condition) explain themselves; drop the per-branch noise.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const relevant = errors.filter((e) => !oneOfPaths.some((p) => e.schemaPath.startsWith(p)));

  // A misspelt key yields "unknown key" and "missing key"; report it once, with the suggestion.
  const suggested = new Map<string, string>();
  for (const e of relevant) {
    if (e.keyword !== 'additionalProperties') continue;
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    const props = Object.keys(((e.parentSchema as JsonSchema | undefined)?.properties ?? {}) as JsonSchema);
    const guess = suggest(extra, props);
    if (guess) suggested.set(`${e.instancePath}\u0000${guess}`, extra);
  }

  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of relevant) {
    const path = pathOf(e.instancePath);
    let d: Diagnostic;
    switch (e.keyword) {
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const props = Object.keys(((e.parentSchema as JsonSchema | undefined)?.properties ?? {}) as JsonSchema);
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
          `取值 ${JSON.stringify(e.data)} 不在允许范围内${guess ? `，是否应为 \`${guess}\`？` : ''}；可选：${allowed.join('、')}${describe(e)}`,
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
        d = source.diagnostic(
          path,
          'E-SCHEMA-CONDITION',
          '条件写法不正确：必须且只能是 all（全部满足）、any（任一满足）、not（不满足）、condition（引用共享条件）之一，或完整的单个比较 fact + operator + value',
        );
        break;
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
