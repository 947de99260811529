/**
 * bianmin's library surface. `loadPack(dir)` reads and validates a rule pack and resolves to a
 * frozen, typed Pack, or rejects with a PackLoadError carrying every located diagnostic.
 */
export { loadPack, Pack } from './pack.ts';
export { validatePack, type ValidationResult, type LoadOptions } from './pack/load.ts';
export { PackLoadError, formatDiagnostic, type Diagnostic } from './pack/diagnostics.ts';
export { itemVersionAt, upcomingChanges, type ItemVersion } from './pack/versions.ts';
export type * from './pack/model.ts';
