// The typo suggester lives in core (the schema-error translator needs it below the pack).
export { suggest } from '../core/index.ts';
