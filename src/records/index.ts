/**
 * Records and discipline: the case register, complaints, 好差评, supervision findings and the
 * publication archive in a lowdb data directory, and what is derived from them (sanctions,
 * metrics and grades, the overdue sweep). `openRecords(dir, pack)` is the entry point.
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord } from '../pack/index.ts';
import { CASE_SHARD, caseSpec, Cases, type CaseView } from './cases.ts';
import { calendarOf } from './clock-port.ts';
import type { CollectionSpec } from './collection.ts';
import { complaintSpec, Complaints, COMPLAINTS } from './complaints.ts';
import { incidentSpec, Incidents, INCIDENTS } from './incidents.ts';
import { computeMetrics, type MetricsReport } from './metrics.ts';
import { isClosedYearShard, parsePeriod, type Period } from './periods.ts';
import { findForbiddenPhrases, type PhraseMatch } from './phrases.ts';
import { publicationSpec, Publications, PUBLICATIONS } from './publications.ts';
import { packPublicationSpec, PackPublications, PACK_PUBLICATIONS } from './pack-publications.ts';
import { reviewSpec, Reviews, REVIEWS } from './reviews.ts';
import { sequenceSpec, Sequences, SEQUENCES, type DocumentSeries } from './sequences.ts';
import { computeSanctions, sanctionsWindow, type SanctionsReport } from './sanctions.ts';
import { isDatabaseUrl, type BackupResult, type RecordBackend } from './backend.ts';
import { PgStore } from './postgres/store.ts';
import { RecordStore } from './store.ts';
import { transferRecords, type TransferResult } from './transfer.ts';
import { sweep, type SweepReport } from './sweep.ts';
import { parseTime, toIso } from './time.ts';

export { RecordsError } from './errors.ts';
export { syncDir, writeFileDurably, writeSynced } from './durable-file.ts';
export { maskName, maskIdNumber, maskPhone, maskContact, findUnmasked, maskUnmasked, publishedPhones, unmaskedKindLabel, type UnmaskedFinding } from './mask.ts';
export { findForbiddenPhrases, type PhraseMatch } from './phrases.ts';
export { parsePeriod, countingWindow, type Period } from './periods.ts';
export { CASE_STATUS_LABELS, CASE_EVENT_LABELS, TERMINAL, type Cases, type CaseView, type CaseStatus, type CaseEventType, type RegisterCase, type CaseEventInput } from './cases.ts';
export { CHANNEL_LABELS, RESULT_LABELS, type Complaints, type ComplaintView, type AddComplaint, type VerifyComplaint, type ReplyComplaint, type PublicComplaintOutcome } from './complaints.ts';
export { INDICATOR_LABELS, APPEAL_OUTCOME_LABELS, isStruck, type Reviews, type ReviewView, type AddReview, type FollowUpInput, type FollowUpState, type AppealInput, type Indicator } from './reviews.ts';
export { INCIDENT_LABELS, type Incidents, type AddIncident, type IncidentKind } from './incidents.ts';
export type { Publications, ArchivePublication, ArchiveProblem } from './publications.ts';
export { packPublicationId, type PackPublications } from './pack-publications.ts';
export type { SanctionsReport, StaffSanctions, SanctionAction, Evidence, DisciplineFacts } from './sanctions.ts';
export type { MetricsReport, StaffMetrics, WindowMetrics, Figures, Ratio, Grade, ReviewFigures, FollowUpTally } from './metrics.ts';
export type { SweepReport, SweepEntry } from './sweep.ts';
export type { StepOverdueEntry } from './step-sweep.ts';
export type { CaseSteps, StepClock } from './steps.ts';
export type { SpecialStepClock, SpecialStepOverdueEntry } from './special-step.ts';
export type { PostCheckEntry } from './post-check.ts';
export type { BackupResult } from './backend.ts';
export { isDatabaseUrl } from './backend.ts';
import { isDatabaseUrl as isUrl } from './backend.ts';
import { maskUrlText } from './postgres/url.ts';
/** `--data` as it may be shown or logged: a database URL with its password masked, a directory as given. */
export function shownDataLocation(given: string): string {
  return isUrl(given) ? maskUrlText(given) : given;
}
export type { TransferResult } from './transfer.ts';
export { formatDocumentNumber, type DocumentSeries } from './sequences.ts';

export interface OpenRecordsOptions {
  /** Open without the writer lock: reading only, nothing on disk changes. */
  readonly readonly?: boolean;
  /** Log size after which a collection is compacted (default 8 MiB, and never below the snapshot size). */
  readonly compactAfterBytes?: number;
  /** Which collections are read at their first access instead of at start (default: the case shards of closed years). */
  readonly lazy?: (name: string) => boolean;
}

/** An instant: ISO 8601 text or epoch milliseconds; defaults to now. */
export type At = string | number | undefined;

export interface Records {
  /** Where the records are: a data directory (lowdb files) or a PostgreSQL database. */
  readonly kind: 'lowdb' | 'postgres';
  /** The data directory (absolute), or the database URL (password masked). */
  readonly dir: string;
  /** Things noticed while opening (e.g. an unacknowledged half-written entry dropped). */
  readonly warnings: readonly string[];
  readonly cases: Cases;
  readonly complaints: Complaints;
  readonly reviews: Reviews;
  readonly incidents: Incidents;
  readonly publications: Publications;
  /** The rule pack's publication history (workbench publish and rollback). */
  readonly packPublications: PackPublications;
  /** The document-number series (per center prefix and year), drawn by every numbered document. */
  readonly sequences: DocumentSeries;
  /** A case with its status, clock and responsible person at `now`. */
  viewCase(record: CaseRecord, now?: At): CaseView;
  /** Discipline actions per staff member in the counting window ending at `now`. */
  /**
   * `cases`: the cases to count instead of the whole register, e.g. those a scan found that
   * `mayCountCase` in the window (what-if streams the register and keeps only them).
   */
  sanctions(options?: { readonly now?: At; readonly all?: boolean; readonly cases?: Iterable<CaseRecord> }): Promise<SanctionsReport>;
  /** Metrics and grades for a period (`2026-11`, `2026`, `2026-Q4`, `2026-H2`, or a Period). */
  metrics(period: string | Period, options?: { readonly now?: At }): Promise<MetricsReport>;
  /** Open cases by clock level, with the person responsible. */
  sweep(options?: { readonly now?: At }): SweepReport;
  /** The forbidden phrases (policy.forbiddenPhrases) in a text. */
  checkPhrases(text: string): PhraseMatch[];
  /**
   * Binds the open records to a reloaded pack (staff, windows, policy, calendar of the new rules)
   * without closing and reading them again. Callers let operations in flight finish first.
   */
  rebind(pack: Pack): void;
  /**
   * Catches up with what other service replicas wrote (PostgreSQL); nothing to do for a data
   * directory, which has one writer. Call before reading when replicas share the database.
   */
  refresh(): Promise<void>;
  /** A consistent copy of the data directory (default: backups/DATA-YYYYMMDD-HHMMSS beside it). */
  backup(dest?: string): Promise<BackupResult>;
  /** Compacts the logs and releases the writer lock. */
  close(): Promise<void>;
}

function specFor(name: string): CollectionSpec<unknown> | null {
  const spec = CASE_SHARD.test(name)
    ? caseSpec()
    : name === COMPLAINTS
      ? complaintSpec()
      : name === REVIEWS
        ? reviewSpec()
        : name === INCIDENTS
          ? incidentSpec()
          : name === PUBLICATIONS
            ? publicationSpec()
            : name === PACK_PUBLICATIONS
              ? packPublicationSpec()
            : name === SEQUENCES
              ? sequenceSpec()
              : null;
  return spec as CollectionSpec<unknown> | null;
}

function ms(at: At): number {
  return at === undefined ? Date.now() : typeof at === 'number' ? at : parseTime(at, 'now');
}

/**
 * Opens the records in `dataDir` for `pack`. As the writer (default) it takes the directory's
 * lock; any damaged file makes it throw a RecordsError (E-STORE-CORRUPT) listing every located
 * problem, and nothing is opened.
 */
export async function openRecords(dataDir: string, initialPack: Pack, options: OpenRecordsOptions = {}): Promise<Records> {
  const store: RecordBackend = isDatabaseUrl(dataDir)
    ? await PgStore.open(dataDir, { specFor, ...(options.readonly === undefined ? {} : { readonly: options.readonly }) })
    : await RecordStore.open(dataDir, { specFor, lazy: (name) => isClosedYearShard(name), ...options });
  // Rebinding (a reloaded pack) swaps these; the store and everything in memory stay as they are.
  let pack = initialPack;
  let cal = calendarOf(pack);
  const sequences = new Sequences(store);
  try {
    await sequences.adoptLegacyCounters();
  } catch (e) {
    await store.close();
    throw e;
  }
  const cases = new Cases(store, pack, cal, sequences);
  const complaints = new Complaints(store, pack, cal);
  const reviews = new Reviews(store, pack, cal, cases);
  const incidents = new Incidents(store, pack);
  const publications = new Publications(store, pack);
  const viewer = (now: number) => {
    const iso = toIso(now);
    return (r: CaseRecord): CaseView => cases.view(r, iso);
  };
  return {
    kind: store.kind,
    dir: store.dir,
    warnings: store.warnings,
    cases,
    complaints,
    reviews,
    incidents,
    publications,
    packPublications: new PackPublications(store),
    sequences,
    viewCase: (record, now) => cases.view(record, toIso(ms(now))),
    sanctions: async (o = {}) => {
      const now = ms(o.now);
      // Only cases that may count in the window are read: closed years stay on disk.
      const counted = o.cases ?? (await cases.unconcludedSince(sanctionsWindow(pack, now).from));
      return computeSanctions({ pack, now, complaints: complaints.all(), incidents: incidents.all(), reviews: reviews.all(), cases: counted, viewCase: viewer(now), all: o.all ?? false });
    },
    metrics: (period, o = {}) => {
      const now = ms(o.now);
      const p = typeof period === 'string' ? parsePeriod(period) : period;
      return computeMetrics({ pack, period: p, now, cases: cases.all(), viewCase: viewer(now), complaints: complaints.all(), reviews: { records: reviews.all(), view: (r, at) => reviews.view(r, at) } });
    },
    sweep: (o = {}) => {
      const now = ms(o.now);
      return sweep(pack, cases.all(), viewer(now), now);
    },
    checkPhrases: (text) => findForbiddenPhrases(text, pack.data.policy.forbiddenPhrases),
    rebind: (next) => {
      pack = next;
      cal = calendarOf(next);
      cases.rebind(pack, cal);
      complaints.rebind(pack, cal);
      reviews.rebind(pack, cal);
      incidents.rebind(pack);
      publications.rebind(pack);
    },
    refresh: () => store.refresh(),
    backup: (dest) => store.backup(dest),
    close: () => store.close(),
  };
}

/**
 * Reads the backup (or data directory) `source` into `target`, an empty data directory or
 * database (`restore`), or moves the data directory `source` — no service writing it — into the
 * database `target` (`migrate`). Nothing is written to a target that holds records.
 */
export function restoreRecords(source: string, target: string, mode: 'restore' | 'migrate' = 'restore'): Promise<TransferResult> {
  return transferRecords(source, target, specFor, mode);
}
export { staffName, windowName } from './center-refs.ts';
export { computeMetrics } from './metrics.ts';
export { assessmentPeriodAt } from './periods.ts';
export { computeSanctions, mayCountCase, sanctionsWindow } from './sanctions.ts';
