/**
 * Validation of stored records against schemas/records/*.schema.json (the single source of truth
 * for the record formats; the TypeScript types are generated from the same files).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { pointerToPath, type PathSegment } from '../pack/index.ts';

export type RecordKind = 'case' | 'complaint' | 'review' | 'incident' | 'publication' | 'snapshot' | 'log-entry';
export const RECORD_KINDS: readonly RecordKind[] = ['case', 'complaint', 'review', 'incident', 'publication', 'snapshot', 'log-entry'];

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
// Schemas are registered under URIs so that `../common.schema.json` in records/ resolves as on disk.
const BASE = 'https://bianmin.invalid/schemas/';

/** One validation problem inside a record, with its JSON path relative to the record. */
export interface RecordProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

let cache: Map<string, ValidateFunction> | null = null;

function compiled(): Map<string, ValidateFunction> {
  if (cache) return cache;
  const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true });
  // The draft-2019 formats are needed by application.schema.json (receivedAt: date-time).
  addFormats.default(ajv, ['date-time']);
  const read = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(`${SCHEMA_DIR}${rel}`, 'utf8')) as Record<string, unknown>;
  for (const rel of ['common.schema.json', 'application.schema.json', 'decision.schema.json', 'records/defs.schema.json']) ajv.addSchema(read(rel), BASE + rel);
  const map = new Map<string, ValidateFunction>();
  for (const kind of RECORD_KINDS) {
    ajv.addSchema(read(`records/${kind}.schema.json`), `${BASE}records/${kind}.schema.json`);
  }
  for (const kind of RECORD_KINDS) map.set(kind, ajv.getSchema(`${BASE}records/${kind}.schema.json`)!);
  map.set('case-event', ajv.getSchema(`${BASE}records/case.schema.json#/$defs/event`)!);
  cache = map;
  return map;
}

/** Validates `data` as a record of `kind` (or `case-event`); [] when valid. */
export function validateRecord(kind: RecordKind | 'case-event', data: unknown): RecordProblem[] {
  const validate = compiled().get(kind)!;
  if (validate(data)) return [];
  return translate(validate.errors ?? []);
}

function described(e: ErrorObject): string {
  const d = (e.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof d === 'string' ? `（${d.replace(/[。.]$/, '')}）` : '';
}

const TYPE_NAMES: Readonly<Record<string, string>> = { string: '文字', integer: '整数', number: '数字', boolean: 'true 或 false', array: '列表', object: '对象', null: '空值' };

function translate(errors: readonly ErrorObject[]): RecordProblem[] {
  const out: RecordProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // `if` failures only say "the then-branch failed"; the branch's own error is reported too.
    if (e.keyword === 'if') continue;
    const path = pointerToPath(e.instancePath);
    let message: string;
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const sub = ((e.parentSchema as { properties?: Record<string, { description?: unknown }> } | undefined)?.properties ?? {})[missing];
        const desc = typeof sub?.description === 'string' ? `（${sub.description.replace(/[。.]$/, '')}）` : '';
        message = `缺少必填字段 \`${missing}\`${desc}`;
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        path.push(extra);
        message = `未知字段 \`${extra}\``;
        break;
      }
      case 'type':
        message = `应为${String((e.params as { type: unknown }).type).split(',').map((t) => TYPE_NAMES[t] ?? t).join('或')}${described(e)}`;
        break;
      case 'enum':
        message = `取值 ${JSON.stringify(e.data)} 不在允许范围内；可选：${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join('、')}${described(e)}`;
        break;
      case 'const':
        message = `取值应为 ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}${described(e)}`;
        break;
      case 'pattern':
      case 'format':
        message = `格式不正确：${JSON.stringify(e.data)}${described(e)}`;
        break;
      case 'minLength':
        message = `不能为空${described(e)}`;
        break;
      case 'maxLength':
        message = `过长，最多 ${(e.params as { limit: number }).limit} 个字符${described(e)}`;
        break;
      case 'minItems':
        message = `至少需要 ${(e.params as { limit: number }).limit} 项${described(e)}`;
        break;
      case 'minProperties':
        message = `不能为空对象${described(e)}`;
        break;
      case 'minimum':
      case 'maximum': {
        const p = e.params as { comparison: string; limit: number };
        message = `数值 ${String(e.data)} 超出范围，应 ${p.comparison} ${p.limit}${described(e)}`;
        break;
      }
      default:
        message = `不符合登记簿格式（${e.keyword}）${described(e)}`;
    }
    const key = `${path.join('/')}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}
