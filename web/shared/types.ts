/**
 * The front end's types of the HTTP API, derived from web/src/api/openapi.d.ts (written by
 * `npm run gen:api-types` from the service's OpenAPI document): the route schemas are the one
 * source of truth. Nothing here restates a schema the document describes.
 *
 * Written by hand only: what the OpenAPI document leaves open (`{ [key: string]: unknown }`) and
 * the UI reads — the test report (`bianmin test --coverage --json`) and the what-if of the diff
 * (`bianmin diff --data --json`). Each is checked below to fit where the generated type puts it.
 */
import type { components, paths } from '../src/api/openapi';

type Method = 'get' | 'post' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON of the success answer (200 or 201) of `M P`. */
export type Answer<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: { content: { 'application/json': infer T } } }
      ? T
      : R extends { 201: { content: { 'application/json': infer T } } }
        ? T
        : never
    : never;

/** The JSON request body of `M P`. */
export type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

// --- The pack and drafts -------------------------------------------------------------------------

export type PackListing = Answer<'/v1/pack', 'get'>;
export type PackFile = PackListing['files'][number];
export type FileKind = PackFile['kind'];
export type FileText = Answer<'/v1/drafts/{id}/files/{path}', 'get'>;

export type Draft = Answer<'/v1/drafts', 'get'>['drafts'][number];
export type DraftWithFiles = Answer<'/v1/drafts/{id}', 'get'>;
export type DraftFile = DraftWithFiles['files'][number];
export type FileState = DraftFile['state'];
export type CreateDraftBody = RequestBody<'/v1/drafts', 'post'>;
/**
 * The answers of 新建规则包, as `POST /v1/drafts` takes them in `init` (the same answers as
 * `bianmin init --answers`; schemas/init-answers.schema.json).
 */
export type InitAnswers = NonNullable<CreateDraftBody['init']>;

export type Diagnostics = Answer<'/v1/drafts/{id}/diagnostics', 'get'>;
export type Diagnostic = Diagnostics['errors'][number];
/** The static check of the item being edited (null while the draft has errors or no item is open). */
export type DraftCheck = NonNullable<Diagnostics['check']>;
export type CheckFinding = DraftCheck['errors'][number];

export type Publication = Answer<'/v1/pack/history', 'get'>['publications'][number];
export type RollbackBody = RequestBody<'/v1/pack/rollback', 'post'>;
export type PublishBody = RequestBody<'/v1/drafts/{id}/publish', 'post'>;

// --- Decisions and documents ---------------------------------------------------------------------

export type Application = components['schemas']['Application'];
export type Decision = components['schemas']['Decision'];
export type TraceEntry = Decision['trace'][number];
export type DecisionAnswer = Answer<'/v1/drafts/{id}/decisions', 'post'>;
export type RenderBody = RequestBody<'/v1/drafts/{id}/render', 'post'>;
export type DocKind = RenderBody['doc'];
export type TestBody = RequestBody<'/v1/drafts/{id}/test', 'post'>;

/** The error body of every endpoint: `{ error: { code, message, path, details? } }`. */
export type ApiErrorBody = components['schemas']['Error'];
export type ApiErrorDetail = NonNullable<ApiErrorBody['error']['details']>[number];

// --- What the OpenAPI document leaves open (hand-written, UI-side readings) ----------------------

export interface ScenarioFailure {
  key: string;
  label: string;
  expected: string;
  actual: string;
  because: string[];
  line?: number;
}

export interface ScenarioResult {
  file: string;
  line: number;
  column: number;
  name: string;
  status: 'passed' | 'failed' | string;
  failures: ScenarioFailure[];
  error: string | { message: string } | null;
  trace?: TraceEntry[];
}

export interface CoverageGap {
  item?: string;
  id?: string;
  name?: string;
  file?: string;
  line?: number;
}

/** `POST /v1/drafts/{id}/test`: the JSON of `bianmin test --coverage --json`. */
export interface TestReport {
  passed: number;
  failed: number;
  files: string[];
  scenarios: ScenarioResult[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  coverage?: Record<string, { total: number; covered: number; gaps: CoverageGap[] }>;
}

export interface WhatIfChange {
  aspect: string;
  label: string;
  before: string;
  after: string;
}

export interface WhatIfRule {
  rule: string;
  before?: { passed: boolean; message: string; file?: string; line?: number } | null;
  after?: { passed: boolean; message: string; file?: string; line?: number } | null;
}

/** `whatIf` of `GET /v1/drafts/{id}/diff`: the JSON of `bianmin diff --data --json`. */
export interface WhatIf {
  scenarios: number;
  cases?: { replayed: number; withoutApplication?: number; from?: string; to?: string };
  changed: {
    subject: { kind: string; file?: string; line?: number; column?: number; name?: string; id?: string };
    changes: WhatIfChange[];
    rules?: WhatIfRule[];
  }[];
  /** Changed cases counted but not listed in `changed`. */
  unlisted?: number;
  /** Every change counted, listed or not (src/scenarios/change-tally.ts). */
  tally?: {
    subjects: number;
    kind: number;
    moves: { from: string; to: string; subjects: number }[];
    items: { item: string; name: string; cases: number }[];
  };
}

export type DraftDiff = Omit<Answer<'/v1/drafts/{id}/diff', 'get'>, 'whatIf'> & { whatIf: WhatIf };

// The hand-written readings fit where the generated types put them, and what the UI builds from
// the generated ones is not left open (a compile error here means the OpenAPI document changed:
// rerun `npm run gen:api-types` and adjust the reading).
type Fits<T extends U, U> = T;
/** `true` when `T` is not an open `{ [key: string]: unknown }`. */
type Closed<T> = string extends keyof T ? false : true;
export type Checks = [
  Fits<Closed<InitAnswers>, true>,
  Fits<Closed<InitAnswers['center']>, true>,
  Fits<InitAnswers['staff'][number]['post'], 'A' | 'B' | undefined>,
];

// --- The window screen (窗口受理) ----------------------------------------------------------------

/** The answer of `M P` when the service documents `P`, else `F` (an endpoint another part adds). */
type AnswerOr<P extends string, M extends Method, F> = P extends keyof paths ? Answer<P, M> : F;
type BodyOr<P extends string, M extends Method, F> = P extends keyof paths ? RequestBody<P, M> : F;

export type Session = Answer<'/v1/session', 'get'>;
export type SessionStaff = NonNullable<Session['staff']>;
export type StaffCases = Answer<'/v1/staff/{id}/cases', 'get'>;
export type StaffCase = StaffCases['cases'][number];
export type ConcludedCase = StaffCases['concluded'][number];
export type CaseViewReading = StaffCase['view'];
export type CaseEvent = CaseViewReading['record']['events'][number];
export type CaseEventBody = RequestBody<'/v1/cases/{id}/events', 'post'>;
export type RegisterBody = RequestBody<'/v1/cases', 'post'>;
export type RouteAnswer = Answer<'/v1/route', 'get'>;
export type RouteMatch = RouteAnswer['matches'][number];
export type LiveDecision = Answer<'/v1/decisions', 'post'>;
export type Question = Decision['questions'][number];
export type DecisionMaterial = Decision['materials'][number];

/** 好差评 (contract of issue 14): `POST /v1/cases/{id}/review` answers a ReviewView. */
export interface ReviewViewReading {
  record: { id: string; grade: string; at: string; staff?: string; window?: string; case?: string; indicators?: Partial<Record<ReviewIndicator, string>> };
  bad: boolean;
  callback: { due: string; doneAt: string | null; overdue: boolean } | null;
  rectification: { due: string; doneAt: string | null; overdue: boolean } | null;
  struck?: boolean;
}
export type ReviewIndicator = 'overall' | 'efficiency' | 'level' | 'attitude';
export interface ReviewBodyReading {
  grade: string;
  indicators?: Partial<Record<ReviewIndicator, string>>;
  comment?: string;
  at?: string;
}
export type ReviewView = AnswerOr<'/v1/cases/{id}/review', 'post', ReviewViewReading>;
export type ReviewBody = BodyOr<'/v1/cases/{id}/review', 'post', ReviewBodyReading>;

// --- The kiosk (自助服务): public endpoints ---------------------------------------------------------

export type LifeEvents = Answer<'/v1/life-events', 'get'>;
