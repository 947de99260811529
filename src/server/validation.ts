/**
 * Request validation: Ajv compilers for Fastify and the translation of Ajv's errors into the
 * service's Chinese, JSON-path-located error body.
 *
 * Bodies are validated strictly (no type coercion, unknown keys are errors, never silently
 * dropped); path parameters and query strings arrive as text, so they are coerced to the
 * schema's types first.
 */
import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySchemaValidationError, FastifyServerOptions } from 'fastify';
import { formatPath, pointerToPath, type PathSegment } from '../pack/index.ts';
import { suggest } from '../pack/index.ts';
import { HttpError } from './http-error.ts';
import { sharedSchemas } from './schemas.ts';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    strict: true,
    strictRequired: false,
    // The shared schemas use `type: [..]` unions (e.g. applicant facts are string | number | boolean).
    allowUnionTypes: true,
    allErrors: true,
    verbose: true,
    // 'array' also turns a single `?suspend=` into a one-element list.
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
  });
  // ajv-formats is CommonJS: under NodeNext the plugin is its `default` property.
  addFormats.default(ajv, ['date-time', 'date']);
  ajv.addKeyword({ keyword: 'example' });
  for (const schema of sharedSchemas()) ajv.addSchema(schema);
  return ajv;
}

let strictAjv: Ajv | null = null;
let coercingAjv: Ajv | null = null;

/** Fastify's validator compiler: strict for bodies, coercing for params, query and headers. */
export const validatorCompiler: FastifySchemaCompiler<SchemaObject> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? (strictAjv ??= makeAjv(false)) : (coercingAjv ??= makeAjv(true));
  const validate: ValidateFunction = ajv.compile(schema);
  return validate;
};

type SchemaErrorDataVar = Parameters<NonNullable<FastifyServerOptions['schemaErrorFormatter']>>[1];

const PART_PREFIX: Readonly<Record<SchemaErrorDataVar, string>> = {
  body: '$',
  querystring: 'query',
  params: 'params',
  headers: 'header',
};

/** Fastify's schemaErrorFormatter: every Ajv error in Chinese, located; the first one leads. */
export function schemaErrorFormatter(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const details = translateErrors(errors as unknown as ErrorObject[], PART_PREFIX[dataVar] ?? '$');
  const first = details[0] ?? { code: 'E-REQ-SCHEMA', message: '请求不符合接口格式', path: '$' };
  return new HttpError(400, details.length > 1 ? { ...first, details } : first);
}

interface Issue {
  code: string;
  message: string;
  path: string;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  null: '空值 null',
};

function typeName(t: unknown): string {
  const list = Array.isArray(t) ? t : String(t).split(',');
  return list.map((x) => TYPE_NAMES[String(x)] ?? String(x)).join('或');
}

function actualType(v: unknown): string {
  if (v === null) return '空值 null';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'number') return Number.isInteger(v) ? '整数' : '数字';
  return TYPE_NAMES[typeof v] ?? typeof v;
}

/** `$`-rooted paths for bodies (as the engine reports them), `query.month` style for the rest. */
function located(prefix: string, path: readonly PathSegment[]): string {
  const json = formatPath(path);
  if (prefix === '$') return json;
  return json === '$' ? prefix : `${prefix}${json.slice(1)}`;
}

function schemaDescription(schema: unknown): string {
  const d = (schema as { description?: unknown } | undefined)?.description;
  return typeof d === 'string' ? `（${d.replace(/[。.]$/, '').slice(0, 60)}）` : '';
}

function propertyDescription(parent: unknown, key: string): string {
  const props = (parent as { properties?: Record<string, unknown> } | undefined)?.properties;
  return schemaDescription(props?.[key]);
}

function limitOf(e: ErrorObject): number {
  return (e.params as { limit: number }).limit;
}

/** Ajv errors → one Chinese issue per problem, deduplicated, in Ajv's order. */
export function translateErrors(errors: readonly ErrorObject[], prefix: string): Issue[] {
  // anyOf/oneOf/if report their branches' errors as well; keep the branch errors of the branch
  // that matches the value's shape, or the combinator's own summary when no branch fits.
  const out: Issue[] = [];
  const seen = new Set<string>();
  const push = (issue: Issue): void => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(issue);
  };
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const explained = new Set<ErrorObject>();
  for (const e of errors) {
    const path = pointerToPath(e.instancePath);
    const where = located(prefix, path);
    const desc = schemaDescription(e.parentSchema);
    // The innermost anyOf/oneOf over the same value whose branch produced this error.
    let combinator: ErrorObject | undefined;
    for (const c of combinators) {
      if (c === e || !e.schemaPath.startsWith(`${c.schemaPath}/`)) continue;
      if (e.instancePath !== c.instancePath && !e.instancePath.startsWith(`${c.instancePath}/`)) continue;
      if (!combinator || c.schemaPath.length > combinator.schemaPath.length) combinator = c;
    }
    if (combinator) {
      // A branch's error only explains the value if that branch expects the value's JSON type.
      const index = Number(e.schemaPath.slice(combinator.schemaPath.length + 1).split('/')[0]);
      const branch = (combinator.schema as unknown[])[index] as { type?: unknown } | undefined;
      const expected = branch?.type ?? 'object';
      if (!matchesType(expected, actualJsonType(combinator.data)) || (e.keyword === 'type' && e.instancePath === combinator.instancePath)) continue;
      explained.add(combinator);
    }
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        push({ code: 'E-REQ-REQUIRED', path: located(prefix, [...path, missing]), message: `缺少必填字段 ${missing}${propertyDescription(e.parentSchema, missing)}` });
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const props = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const guess = suggest(extra, props);
        push({
          code: 'E-REQ-UNKNOWN-KEY',
          path: located(prefix, [...path, extra]),
          message: `未知字段 ${extra}${guess ? `，是否应为 ${guess}？` : props.length > 0 ? `；可用的字段：${props.join('、')}` : ''}`,
        });
        break;
      }
      case 'type':
        push({ code: 'E-REQ-TYPE', path: where, message: `应为${typeName((e.params as { type: unknown }).type)}，实际是${actualType(e.data)}${desc}` });
        break;
      case 'enum':
      case 'const': {
        const allowed = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
        const names = allowed.map((v) => (v === null ? 'null' : String(v)));
        const guess = typeof e.data === 'string' ? suggest(e.data, names) : null;
        push({ code: 'E-REQ-ENUM', path: where, message: `取值 ${shortJson(e.data)} 不在允许范围内${guess ? `，是否应为 ${guess}？` : ''}；可选：${names.join('、')}${desc}` });
        break;
      }
      case 'format':
      case 'pattern':
        push({ code: 'E-REQ-FORMAT', path: where, message: `格式不正确：${shortJson(e.data)}${desc}` });
        break;
      case 'minLength':
        push({ code: 'E-REQ-EMPTY', path: where, message: limitOf(e) <= 1 ? `不能为空${desc}` : `至少 ${limitOf(e)} 个字符${desc}` });
        break;
      case 'maxLength':
        push({ code: 'E-REQ-RANGE', path: where, message: `文字过长，最多 ${limitOf(e)} 个字符${desc}` });
        break;
      case 'minItems':
        push({ code: 'E-REQ-RANGE', path: where, message: `至少需要 ${limitOf(e)} 项${desc}` });
        break;
      case 'maxItems':
        push({ code: 'E-REQ-RANGE', path: where, message: `最多 ${limitOf(e)} 项${desc}` });
        break;
      case 'minProperties':
        push({ code: 'E-REQ-EMPTY', path: where, message: `至少需要 ${limitOf(e)} 个字段${desc}` });
        break;
      case 'maxProperties':
        push({ code: 'E-REQ-RANGE', path: where, message: `字段过多，最多 ${limitOf(e)} 个${desc}` });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const p = e.params as { comparison: string; limit: number };
        push({ code: 'E-REQ-RANGE', path: where, message: `数值 ${shortJson(e.data)} 超出范围，应 ${p.comparison} ${p.limit}${desc}` });
        break;
      }
      case 'anyOf':
      case 'oneOf': {
        // Reported only when none of its branches produced a more precise message.
        if (!explained.has(e)) push({ code: 'E-REQ-TYPE', path: where, message: `取值的形式不正确${desc || `（${describeBranches(e.parentSchema, e.keyword)}）`}` });
        break;
      }
      case 'if':
        break;
      default:
        push({ code: 'E-REQ-SCHEMA', path: where, message: `不符合接口格式（${e.keyword}）${desc}` });
    }
  }
  return out.length > 0 ? out : [{ code: 'E-REQ-SCHEMA', path: located(prefix, []), message: '请求不符合接口格式' }];
}

function describeBranches(schema: unknown, keyword: string): string {
  const branches = (schema as Record<string, unknown> | undefined)?.[keyword];
  if (!Array.isArray(branches)) return '不符合任何一种允许的形式';
  const types = branches.map((b) => typeName((b as { type?: unknown }).type ?? 'object'));
  return `应为${types.join('，或')}`;
}

function actualJsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(expected: unknown, actual: string): boolean {
  const list = Array.isArray(expected) ? expected.map(String) : [String(expected)];
  return list.includes(actual) || (actual === 'integer' && list.includes('number'));
}

function shortJson(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
