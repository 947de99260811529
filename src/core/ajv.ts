/**
 * The one way to build ajv and the one translator of its errors into located Chinese problems,
 * used by the pack, the engine, records, documents and the server alike.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { ErrorCode } from './catalogue/index.ts';
import type { Problem } from './error.ts';
import type { PathSegment } from './location.ts';

export interface AjvOptions {
  /** Query strings and path parameters arrive as text: coerce them to the schema's types (server only). */
  readonly coerceTypes?: boolean;
}

/**
 * Strict, all errors, verbose (the translator reads `parentSchema` for Chinese descriptions),
 * union types allowed (a shorthand and its long form share one schema). strictRequired is off
 * only because the condition schema's `oneOf` branches name keys declared in the parent's
 * properties, the standard idiom for "exactly one of".
 */
export function createAjv(options: AjvOptions = {}): Ajv {
  // TODO(contract): implemented by the ajv helper; formats registered here once.
  return new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true, coerceTypes: options.coerceTypes ?? false });
}

/** The family of codes a translation reports: `${family}-REQUIRED`, `${family}-TYPE`, … */
export type CodeFamily = 'E-SCHEMA' | 'E-APP' | 'E-REQ' | 'E-RECORD' | 'E-SCENARIO' | 'E-DOC';

export interface TranslateOptions {
  readonly family: CodeFamily;
  /** What the JSON paths start with: `$` (default) or a request part such as `query`. */
  readonly root?: string;
}

/** A translated ajv error: a Problem whose `path` is formatted, plus its segments for locating it in source text. */
export interface AjvProblem extends Problem {
  readonly segments: readonly PathSegment[];
}

/**
 * ajv errors → Chinese problems, one per real mistake (a misspelt key is one "unknown key, did
 * you mean …?", not also a "missing key"), every type named in Chinese.
 */
export function translateAjvErrors(errors: readonly ErrorObject[], options: TranslateOptions): AjvProblem[] {
  void errors;
  void options;
  throw new Error('translateAjvErrors: not yet implemented (contract)');
}

export type { ErrorCode };
