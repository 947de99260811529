/**
 * The bottom of the pipeline, imported by every stage: the error catalogue and the one error
 * type, locations and JSON paths, the one way to build ajv and translate its errors to Chinese,
 * the one parser of input instants, and the one deep freeze.
 */
export { CATALOGUE, catalogueEntry, isErrorCode, renderMessage, type CatalogueEntry, type ErrorCode, type ErrorKind } from './catalogue/index.ts';
export { BianminError, formatProblem, type Problem } from './error.ts';
export { formatPath, formatWhere, pointerToPath, type Location, type PathSegment } from './location.ts';
export { chineseTypeOf, createAjv, translateAjvErrors, type AjvError, type AjvOptions, type AjvProblem, type CodeFamily, type Explanation, type TranslateOptions } from './ajv.ts';
export { suggest } from './suggest.ts';
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  SHANGHAI_OFFSET_MS,
  parseDate,
  parseInstant,
  tryParseDate,
  tryParseInstant,
  type InstantOptions,
} from './instant.ts';
export { civilFromDays, daysFromCivil, daysInMonth, formatDate, weekdayName, weekdayOf, type CivilDate } from './civil-date.ts';
export { startWorker } from './worker.ts';
export { deepFreeze } from './freeze.ts';
