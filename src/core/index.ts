/**
 * The bottom of the pipeline, imported by every stage: the error catalogue and the one error
 * type, locations and JSON paths, the one way to build ajv and translate its errors to Chinese,
 * and the one parser of input instants.
 */
export { CATALOGUE, catalogueEntry, isErrorCode, renderMessage, type CatalogueEntry, type ErrorCode, type ErrorKind } from './catalogue/index.ts';
export { BianminError, formatProblem, type Problem } from './error.ts';
export { formatPath, formatWhere, pointerToPath, type Location, type PathSegment } from './location.ts';
export { createAjv, translateAjvErrors, type AjvOptions, type TranslateOptions } from './ajv.ts';
export { parseInstant, tryParseInstant, type InstantOptions } from './instant.ts';
