/**
 * Request validation: Fastify's validator compiler and schema error formatter, over the one ajv
 * factory and the one translator of its errors (codes E-REQ-*, JSON-path-located, in Chinese).
 *
 * Bodies are validated strictly (no type coercion, unknown keys are errors, never silently
 * dropped); path parameters, query strings and headers arrive as text, so they are coerced to the
 * schema's types first.
 */
import type { Ajv, SchemaObject } from 'ajv';
import type { FastifySchemaCompiler, FastifySchemaValidationError, FastifyServerOptions } from 'fastify';
import { createAjv, translateAjvErrors } from '../core/index.ts';
import { compileSchema } from '../pack/index.ts';
import { HttpError } from './http-error.ts';
import { sharedSchemas } from './schemas.ts';

let coercingAjv: Ajv | null = null;

function coercing(): Ajv {
  if (coercingAjv) return coercingAjv;
  const ajv = createAjv({ coerceTypes: true });
  for (const schema of sharedSchemas()) ajv.addSchema(schema);
  coercingAjv = ajv;
  return ajv;
}

/**
 * Fastify's validator compiler. Bodies are compiled beside the schema files themselves (the
 * application, decision and record schemas are already there, compiled once per process);
 * params, query and headers by the one coercing instance.
 */
export const validatorCompiler: FastifySchemaCompiler<SchemaObject> = ({ schema, httpPart }) =>
  httpPart === 'body' ? compileSchema(schema) : coercing().compile(schema);

type SchemaErrorDataVar = Parameters<NonNullable<FastifyServerOptions['schemaErrorFormatter']>>[1];

const PART_PREFIX: Readonly<Record<SchemaErrorDataVar, string>> = {
  body: '$',
  querystring: 'query',
  params: 'params',
  headers: 'header',
};

/** Fastify's schemaErrorFormatter: every problem in Chinese, located; the first one leads. */
export function schemaErrorFormatter(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const details = translateAjvErrors(errors, { family: 'request', root: PART_PREFIX[dataVar] ?? '$' }).map(({ code, message, path }) => ({ code, message, path }));
  const first = details[0] ?? { code: 'E-REQ-SCHEMA' as const, message: '请求不符合接口格式', path: '$' };
  return new HttpError(first.code, first.message, first.path, { details });
}
