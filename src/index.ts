/**
 * bianmin's library surface. `loadPack(dir)` reads and validates a rule pack and resolves to a
 * frozen, typed Pack, or rejects with a PackLoadError carrying every located diagnostic.
 */
export { BianminError, CATALOGUE, catalogueEntry, type CatalogueEntry, type ErrorCode, type ErrorKind, type Location, type Problem } from './core/index.ts';
export { Pack } from './engine/index.ts';
export { loadPack } from './documents/index.ts';
export { validatePack, type ValidationResult, type LoadOptions } from './pack/index.ts';
export { PackLoadError, formatDiagnostic, type Diagnostic } from './pack/index.ts';
export { itemVersionAt, upcomingChanges, type ItemVersion } from './pack/index.ts';
export type * from './pack/index.ts';
export {
  addDuration,
  buildCalendar,
  Calendar,
  clock,
  ClockError,
  computeDeadline,
  createCalendar,
  policyClock,
  policyDue,
  supplementNotice,
  sweepClocks,
  yearSummary,
  type ClockCase,
  type ClockState,
  type ClockLevel,
  type Deadline,
  type DueResult,
  type Extension as CaseExtension,
  type Suspension,
  type WorkCalendar,
} from './calendar/index.ts';
export { ApplicationError, type ApplicationIssue, type CatalogItem, type DecideOptions, type RouteMatch, type WindowRef } from './engine/index.ts';
export {
  openRecords,
  RecordsError,
  maskName,
  maskIdNumber,
  maskPhone,
  maskContact,
  findUnmasked,
  findForbiddenPhrases,
  parsePeriod,
  type Records,
  type OpenRecordsOptions,
  type CaseView,
  type CaseStatus,
  type RegisterCase,
  type CaseEventInput,
  type ComplaintView,
  type AddComplaint,
  type VerifyComplaint,
  type ReplyComplaint,
  type PublicComplaintOutcome,
  type AddReview,
  type ReviewView,
  type AddIncident,
  type ArchivePublication,
  type SanctionsReport,
  type StaffSanctions,
  type SanctionAction,
  type MetricsReport,
  type StaffMetrics,
  type WindowMetrics,
  type SweepReport,
  type SweepEntry,
  type BackupResult,
  type PhraseMatch,
  type Period,
} from './records/index.ts';
