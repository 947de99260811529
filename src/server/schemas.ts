/**
 * The JSON Schemas the API shares with the rule pack and the records (schemas/*.json): loaded
 * once, given URIs under which their relative `$ref`s (`../common.schema.json`) resolve as on
 * disk, and referenced by the routes. One source of truth: never re-typed here.
 */
import { readSchema } from '../pack/index.ts';

/** Same base as the records' validator, so a `$ref` means the same schema everywhere. */
export const SCHEMA_BASE = 'https://bianmin.invalid/schemas/';

/** Schema files (relative to schemas/) the API uses, with their OpenAPI component names. */
const SHARED: ReadonlyArray<readonly [file: string, component: string]> = [
  ['common', 'Common'],
  ['item', 'Item'],
  ['application', 'Application'],
  ['decision', 'Decision'],
  ['bundle-application', 'BundleApplication'],
  ['bundle-decision', 'BundleDecision'],
  ['records/defs', 'RecordDefs'],
  ['records/case', 'Case'],
  ['records/complaint', 'Complaint'],
  ['records/review', 'Review'],
  ['init-answers', 'InitAnswers'],
];

export type SharedSchemaName = (typeof SHARED)[number][0];

type Schema = { [key: string]: unknown };

let loaded: Schema[] | null = null;

/** The shared schemas, each with its `$id`; `$schema` is dropped (OpenAPI 3.1 components must not declare it). */
export function sharedSchemas(): readonly Schema[] {
  loaded ??= SHARED.map(([file]) => {
    const { $schema: _dialect, ...schema } = readSchema(file);
    const id = `${SCHEMA_BASE}${file}.schema.json`;
    return { ...(absoluteRefs(schema, id) as Schema), $id: id };
  });
  return loaded;
}

/**
 * `common.schema.json#/…` and `../common.schema.json#/…` made absolute against the file's URI:
 * the validators resolve either form, but the OpenAPI document can only turn absolute URIs of
 * known schemas into component references.
 */
function absoluteRefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => absoluteRefs(v, base));
  if (value === null || typeof value !== 'object') return value;
  const out: Schema = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' && !v.startsWith('#') ? new URL(v, base).href : absoluteRefs(v, base);
  }
  return out;
}

/** A loaded shared schema (read-only), e.g. to list the application's top-level properties. */
export function sharedSchema(file: SharedSchemaName): Readonly<Schema> {
  const id = `${SCHEMA_BASE}${file}.schema.json`;
  const found = sharedSchemas().find((s) => s.$id === id);
  if (!found) throw new Error(`schema ${file} not loaded`);
  return found;
}

/** `{ $ref }` to a shared schema, or to one of its `$defs` (`ref('records/case', 'event')`). */
export function ref(file: SharedSchemaName, def?: string): { $ref: string } {
  return { $ref: `${SCHEMA_BASE}${file}.schema.json#${def ? `/$defs/${def}` : ''}` };
}

/** `{ $ref }` to any JSON pointer inside a shared schema (`pointer('decision', '/properties/deadline')`). */
export function pointer(file: SharedSchemaName, jsonPointer: string): { $ref: string } {
  return { $ref: `${SCHEMA_BASE}${file}.schema.json#${jsonPointer}` };
}

/** OpenAPI component name for a shared schema's URI (used by the OpenAPI document's ref resolver). */
export function componentName(id: string): string | null {
  const file = id.startsWith(SCHEMA_BASE) ? id.slice(SCHEMA_BASE.length).replace(/\.schema\.json$/, '') : null;
  return SHARED.find(([f]) => f === file)?.[1] ?? null;
}
