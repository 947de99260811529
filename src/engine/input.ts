import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { formatPath, pointerToPath, type PathSegment } from '../pack/index.ts';
import { readSchema } from '../pack/index.ts';
import type { Applicant, Application } from '../pack/index.ts';
import { suggest } from '../pack/index.ts';
import { ApplicationError, type ApplicationIssue } from './errors.ts';
import { formatShanghai, parseInstant } from './instant.ts';

/** What the applicant handed over for one material id, all submissions of that id merged. */
export interface Submission {
  readonly id: string;
  readonly original: boolean;
  readonly copy: boolean;
  /** Total number of copies (份数) over every submission of this id. */
  readonly copies: number;
}

/** A schema-valid application, with materials merged by id and the receipt time resolved. */
export interface ParsedApplication {
  readonly item: string;
  readonly intent: Application['intent'];
  readonly applicant: Applicant;
  readonly submissions: ReadonlyMap<string, Submission>;
  readonly receivedAtMs: number;
  /** `receivedAt` in Shanghai time, e.g. `2026-11-23T09:30:00+08:00`. */
  readonly receivedAt: string;
}

let validator: ValidateFunction | null = null;

function validate(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true, verbose: true });
  // ajv-formats is CommonJS: under NodeNext the plugin is its `default` property.
  addFormats.default(ajv, ['date-time']);
  validator = ajv.compile(readSchema('application'));
  return validator;
}

/**
 * Checks an application against schemas/application.schema.json and normalises it. `now` is the
 * receipt time used when the application does not say (ISO 8601). Throws ApplicationError with
 * every problem located by JSON path; never anything else.
 */
export function parseApplication(input: unknown, now?: string): ParsedApplication {
  const check = validate();
  if (!check(input)) throw new ApplicationError(translate(check.errors ?? [], input));
  const app = input as Application;

  let receivedAtMs: number | null;
  if (app.receivedAt !== undefined) {
    receivedAtMs = parseInstant(app.receivedAt);
    if (receivedAtMs === null) throw new ApplicationError([{ path: '$.receivedAt', code: 'E-APP-TIME', message: `收件时间 ${app.receivedAt} 不是真实存在的时刻` }]);
  } else if (now !== undefined) {
    receivedAtMs = parseInstant(now);
    if (receivedAtMs === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(now)) {
      throw new ApplicationError([{ path: 'at', code: 'E-APP-TIME', message: `时间 ${now} 无效，应为带时区的 ISO 8601 时间，例如 2026-11-23T09:30:00+08:00` }]);
    }
  } else {
    receivedAtMs = Date.now();
  }

  return {
    item: app.item,
    intent: app.intent,
    applicant: app.applicant,
    submissions: mergeSubmissions(app.materials ?? []),
    receivedAtMs,
    receivedAt: formatShanghai(receivedAtMs),
  };
}

/** Several submissions of one id add up: an original and a copy make "both", copies are summed. */
function mergeSubmissions(list: NonNullable<Application['materials']>): Map<string, Submission> {
  const out = new Map<string, Submission>();
  for (const entry of list) {
    const id = typeof entry === 'string' ? entry : entry.id;
    const form = typeof entry === 'string' ? 'original' : (entry.form ?? 'original');
    const copies = typeof entry === 'string' ? 1 : (entry.copies ?? 1);
    const prior = out.get(id);
    out.set(id, {
      id,
      original: (prior?.original ?? false) || form !== 'copy',
      copy: (prior?.copy ?? false) || form !== 'original',
      copies: (prior?.copies ?? 0) + copies,
    });
  }
  return out;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  item: '事项编码',
  intent: '办理意图（apply 申请 / consult 咨询）',
  applicant: '申请人',
  type: '申请人类型（person 自然人 / organization 法人）',
  materials: '材料清单',
  receivedAt: '收件时间',
  id: '材料标识',
  form: '材料形式',
  copies: '份数',
};

function typeName(t: unknown): string {
  const names: Record<string, string> = { string: '文字', integer: '整数', number: '数字', boolean: 'true 或 false', array: '列表', object: '对象' };
  if (Array.isArray(t)) return t.map((x) => names[String(x)] ?? String(x)).join('、');
  return names[String(t)] ?? String(t);
}

function actualType(v: unknown): string {
  if (v === null) return '空值 null';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'number') return Number.isInteger(v) ? '整数' : '数字';
  return typeName(typeof v);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** ajv errors → Chinese issues with JSON paths, one per problem. */
function translate(errors: readonly ErrorObject[], input: unknown): ApplicationIssue[] {
  const materialEntry = /^\/materials\/\d+/;
  const out: ApplicationIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: ApplicationIssue): void => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(issue);
    }
  };
  for (const e of errors) {
    // A material is "an id, or an {id, form, copies} object": report only the branch its shape chose.
    const entry = materialEntry.exec(e.instancePath)?.[0];
    if (entry !== undefined) {
      const value = valueAt(input, pointerToPath(entry));
      const branch = e.schemaPath.includes('/anyOf/1/') ? 'object' : e.schemaPath.includes('/anyOf/0/') ? 'string' : 'anyOf';
      const shape = typeof value === 'string' ? 'string' : value !== null && typeof value === 'object' && !Array.isArray(value) ? 'object' : 'other';
      if (shape === 'other') {
        if (branch === 'anyOf') {
          push({ path: formatPath(pointerToPath(entry)), code: 'E-APP-TYPE', message: `材料应为材料标识（文字）或对象 {id, form, copies}，实际是${actualType(value)}` });
        }
        continue;
      }
      if (branch !== shape) continue;
    }
    const path = pointerToPath(e.instancePath);
    const where = formatPath(path);
    const last = path.at(-1);
    const field = typeof last === 'string' ? FIELD_NAMES[last] : undefined;
    const label = field ? `（${field}）` : '';
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        push({ path: formatPath([...path, missing]), code: 'E-APP-REQUIRED', message: `缺少必填字段 ${missing}${FIELD_NAMES[missing] ? `（${FIELD_NAMES[missing]}）` : ''}` });
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const props = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
        const guess = suggest(extra, props);
        push({
          path: formatPath([...path, extra]),
          code: 'E-APP-UNKNOWN-KEY',
          message: `未知字段 ${extra}${guess ? `，是否应为 ${guess}？` : `；可用的字段：${props.join('、')}`}`,
        });
        break;
      }
      case 'type': {
        const expected = (e.params as { type: unknown }).type;
        // Applicant facts are plain values; a nested object or list there is the usual mistake.
        const what = path[0] === 'applicant' && path.length === 2 && !field ? `申请人事实 ${String(last)} 应为文字、数字或 true/false` : `应为${typeName(expected)}`;
        push({ path: where, code: 'E-APP-TYPE', message: `${what}，实际是${actualType(e.data)}${label}` });
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const guess = typeof e.data === 'string' ? suggest(e.data, allowed) : null;
        push({ path: where, code: 'E-APP-ENUM', message: `取值 ${JSON.stringify(e.data)} 不在允许范围内${guess ? `，是否应为 ${guess}？` : '；'}可选：${allowed.join('、')}${label}` });
        break;
      }
      case 'format':
        push({ path: where, code: 'E-APP-TIME', message: `时间格式不正确：${JSON.stringify(e.data)}；应为带时区的 ISO 8601 时间，例如 2026-11-23T09:30:00+08:00${label}` });
        break;
      case 'minLength':
        push({ path: where, code: 'E-APP-EMPTY', message: `不能为空${label}` });
        break;
      case 'maxLength':
        push({ path: where, code: 'E-APP-RANGE', message: `文字过长，最多 ${(e.params as { limit: number }).limit} 个字符${label}` });
        break;
      case 'maxItems':
        push({ path: where, code: 'E-APP-RANGE', message: `最多 ${(e.params as { limit: number }).limit} 项${label}` });
        break;
      case 'maxProperties':
        push({ path: where, code: 'E-APP-RANGE', message: `字段过多，最多 ${(e.params as { limit: number }).limit} 个${label}` });
        break;
      case 'minimum':
      case 'maximum': {
        const p = e.params as { comparison: string; limit: number };
        push({ path: where, code: 'E-APP-RANGE', message: `数值 ${String(e.data)} 超出范围，应 ${p.comparison} ${p.limit}${label}` });
        break;
      }
      case 'anyOf':
        break;
      default:
        push({ path: where, code: 'E-APP-SCHEMA', message: `不符合申请格式（${e.keyword}）${label}` });
    }
  }
  if (out.length === 0) out.push({ path: '$', code: 'E-APP-SCHEMA', message: '申请应为对象 {item, intent, applicant, materials, receivedAt}' });
  return out;
}
