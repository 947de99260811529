/**
 * Reading a rule pack: safe YAML, schema validation, cross-file checks and dated versions. Other
 * folders import only from here; the types generated from schemas/ come with it.
 */
export { DISCIPLINE_FACTS, DISCIPLINE_FACT_LABELS } from './crossref.ts';
export { PackLoadError, formatDiagnostic, plainDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
export { describeDuration, durationSpan, unitName, unitWord, type DescribeOptions } from './duration.ts';
export { fsReason } from './fs-reason.ts';
export { NATIONAL_FIELDS, NATIONAL_MATERIAL_FIELDS, checkNationalInput, exportNational, importNational, nationalFieldTable, nationalTask, type NationalField, type NationalImport, type NationalProblem, type NationalValue } from './national-exchange.ts';
export { GitError, gitArchive, revisionFolder, runGit, type GitRun } from './git.ts';
export { validatePack, type LoadOptions, type ValidationResult } from './load.ts';
export { catalogueItemSchema, extendedCatalogueDirs, isCatalogueDir, quote as quoteCatalogueValue, validateCatalogue, type AdoptedItem, type CatalogueComparison, type Divergence } from './extends.ts';
export { ParseCache, type ParsedFile } from './parse-cache.ts';
export { SCHEMA_BASE, compileSchema, readSchema, schemaValidator, validateWithSchema } from './schemas.ts';
export { openRegularFile, readRegularFile, readRegularFileAsync, type TooLarge } from './read-file.ts';
export { parseSource, type SourceFile } from './source.ts';
export { suggest } from './suggest.ts';
export { effectiveCommitment } from './commitment-checks.ts';
export { DEFAULT_OFFICE_HOURS, checkAnswers, scaffoldPack, type InitAnswers, type ScaffoldOptions } from './scaffold.ts';
export { STATUTORY_FROM, statutoryHolidays, type StatutoryHoliday } from './statutory-holidays.ts';
export { PATCH_FIELDS, changedFields, entryId, itemVersionAt, itemVersions, orderedChanges, originOf, upcomingChanges, type ItemVersion, type PatchField, type VersionOrigin } from './versions.ts';
export { situationMaterials, situationVersion, type Situation } from './situations.ts';
export { MODE_LABELS, defaultBranch, defaultLimits, defaultMode, modeBranches, modeChoices, modesOf, type ModeBranch, type ModeSource } from './modes.ts';
export { inPolicyPeriod, policyAt, policyPeriods, policyVersionAt, type PolicyField, type PolicyPeriod, type PolicyVersion } from './policy-versions.ts';
export type * from './model.ts';
