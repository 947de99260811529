/**
 * The JSON Schemas of schemas/ (rule-pack files, scenarios, applications, decisions, records):
 * one ajv instance holds them all, each compiled on first use and then kept for the process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ajv, AnySchemaObject, ValidateFunction } from 'ajv';
import { createAjv, translateAjvErrors, type AjvError, type Explanation } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { SourceFile } from './source.ts';

/** The kinds of file in a rule pack, each with its schema in schemas/<kind>.schema.json. */
export type FileKind = 'center' | 'calendar' | 'facts' | 'item' | 'referrals' | 'policy' | 'materials' | 'bundle';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Every schema file is registered under this base, so relative `$ref`s (`../common.schema.json`) resolve as on disk. */
export const SCHEMA_BASE = 'https://bianmin.invalid/schemas/';

export type JsonSchema = { [key: string]: unknown };

/** schemas/<name>.schema.json, e.g. `item`, `records/case`. */
export function readSchema(name: string): JsonSchema {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')) as JsonSchema;
}

let registry: Ajv | null = null;

/** The one ajv instance of the schema files (created on first use: `bianmin --version` never pays for it). */
function schemaAjv(): Ajv {
  if (registry) return registry;
  const ajv = createAjv();
  for (const dir of ['', 'records/']) {
    for (const file of readdirSync(`${SCHEMA_DIR}${dir}`).sort()) {
      if (file.endsWith('.schema.json')) ajv.addSchema(readSchema(`${dir}${file.slice(0, -'.schema.json'.length)}`), `${SCHEMA_BASE}${dir}${file}`);
    }
  }
  registry = ajv;
  return ajv;
}

/**
 * The validator of schemas/<name>.schema.json (or of a part of it: `fragment` is a JSON pointer
 * such as `/$defs/event`), compiled once per process.
 */
export function schemaValidator(name: string, fragment = ''): ValidateFunction {
  const ref = `${SCHEMA_BASE}${name}.schema.json${fragment ? `#${fragment}` : ''}`;
  const validate = schemaAjv().getSchema(ref);
  if (!validate) throw new Error(`schema ${ref} is not in schemas/`);
  return validate;
}

/**
 * A validator for a schema built in code (document shapes, route bodies), compiled beside the
 * schema files so that it may `$ref` them by their URIs (`${SCHEMA_BASE}common.schema.json#/…`).
 * Compiled once per schema object: callers keep the object.
 */
export function compileSchema(schema: AnySchemaObject): ValidateFunction {
  return schemaAjv().compile(schema);
}

/** Validates a parsed file against its kind's schema and returns located Chinese diagnostics. */
export function validateSource(kind: FileKind, source: SourceFile): Diagnostic[] {
  return validateWithSchema(kind, source);
}

/**
 * Validates a parsed YAML file against schemas/<name>.schema.json (a rule-pack file, or
 * `scenario` for rules/tests/) and returns its problems located in the YAML (file:line:column).
 */
export function validateWithSchema(name: string, source: SourceFile): Diagnostic[] {
  const validate = schemaValidator(name);
  if (validate(source.data)) return [];
  return located(validate.errors ?? [], source);
}

/** The same with a validator compiled elsewhere (a schema derived in code, e.g. a county catalogue's items). */
export function validateWithValidator(validate: ValidateFunction, source: SourceFile): Diagnostic[] {
  if (validate(source.data)) return [];
  return located(validate.errors ?? [], source);
}

function located(errors: readonly AjvError[], source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const p of translateAjvErrors(errors, { family: 'pack', explain: explainCondition })) {
    const d = source.diagnostic(p.segments, p.code, p.message, p.anchor === 'key');
    // Two paths can point at one place in the YAML (a flow mapping on one line): say it once.
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * The condition schema's "exactly one form" (common.schema.json#/$defs/condition), in the
 * officer's terms. Recognised by its properties: ajv's schemaPath restarts at every `$ref`.
 */
function explainCondition(e: AjvError): Explanation | null {
  if (e.keyword !== 'oneOf') return null;
  const props = e.parentSchema?.properties as unknown;
  if (props === null || typeof props !== 'object' || ![...CONDITION_FORMS, ...COMPARISON_KEYS].every((k) => k in props)) return null;
  return { code: 'E-SCHEMA-CONDITION', message: conditionProblem(e.data) };
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
