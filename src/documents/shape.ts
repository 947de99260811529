/**
 * A tiny typed builder for JSON Schemas, so that each document's data shape is written once and
 * yields both the JSON Schema (validated with ajv at render time, walked by the template checker,
 * published for template authors) and the TypeScript type the view builders must produce.
 *
 * Only what documents need: strings, numbers, booleans, enums, arrays, closed objects whose keys
 * are all present, and `nullable` for values that may be absent (null, never a missing key).
 */

export type JsonSchema = { readonly [key: string]: unknown };

export interface Shape<T> {
  readonly schema: JsonSchema;
  /** Phantom field carrying the TypeScript type; never set. */
  readonly __type?: T;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

function withDescription(schema: Record<string, unknown>, description?: string): JsonSchema {
  if (description) schema.description = description;
  return schema;
}

export function str(description?: string): Shape<string> {
  return { schema: withDescription({ type: 'string' }, description) };
}

export function num(description?: string): Shape<number> {
  return { schema: withDescription({ type: 'number' }, description) };
}

export function int(description?: string): Shape<number> {
  return { schema: withDescription({ type: 'integer' }, description) };
}

export function bool(description?: string): Shape<boolean> {
  return { schema: withDescription({ type: 'boolean' }, description) };
}

export function oneOf<const T extends readonly string[]>(values: T, description?: string): Shape<T[number]> {
  return { schema: withDescription({ type: 'string', enum: [...values] }, description) };
}

export function list<T>(item: Shape<T>, description?: string): Shape<T[]> {
  return { schema: withDescription({ type: 'array', items: item.schema }, description) };
}

export function nullable<T>(inner: Shape<T>, description?: string): Shape<T | null> {
  // `type: [X, "null"]` rather than anyOf: the same meaning, and much cheaper to validate on big boards.
  const schema: Record<string, unknown> = { ...inner.schema, type: [inner.schema.type, 'null'] };
  if (Array.isArray(inner.schema.enum)) schema.enum = [...(inner.schema.enum as unknown[]), null];
  return { schema: withDescription(schema, description ?? (inner.schema.description as string | undefined)) };
}

export function obj<P extends Record<string, Shape<unknown>>>(props: P, description?: string): Shape<{ [K in keyof P]: Infer<P[K]> }> {
  const properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v.schema]));
  return {
    schema: withDescription({ type: 'object', properties, required: Object.keys(props), additionalProperties: false }, description),
  };
}

/** What the template checker needs to know about a schema node. */
export type ShapeInfo =
  | { readonly kind: 'object'; readonly nullable: boolean; readonly properties: Readonly<Record<string, JsonSchema>>; readonly description?: string }
  | { readonly kind: 'array'; readonly nullable: boolean; readonly items: JsonSchema; readonly description?: string }
  | { readonly kind: 'scalar'; readonly nullable: boolean; readonly type: 'string' | 'number' | 'integer' | 'boolean'; readonly description?: string };

/** Reads a schema node made by this builder. */
export function inspect(schema: JsonSchema): ShapeInfo {
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  if (Array.isArray(schema.type)) {
    const inner = (schema.type as unknown[]).find((t) => t !== 'null');
    if (typeof inner !== 'string') throw new Error('shape: nullable without a type');
    return { ...inspect({ ...schema, type: inner }), nullable: true };
  }
  switch (schema.type) {
    case 'object':
      return { kind: 'object', nullable: false, properties: schema.properties as Record<string, JsonSchema>, description };
    case 'array':
      return { kind: 'array', nullable: false, items: schema.items as JsonSchema, description };
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return { kind: 'scalar', nullable: false, type: schema.type, description };
    default:
      throw new Error(`shape: unsupported schema ${JSON.stringify(schema)}`);
  }
}
