/**
 * 好差评: reviews graded on the pack's scale (policy.reviews.grades), with the optional on-site
 * indicators (整体满意度, 服务效率, 服务水平, 服务态度) on the same scale. A case is reviewed once
 * (一次一评), only once it is concluded; the staff member and window default from the case. A bad
 * review opens two clocks: a return call (badReviewCallback) and rectification with feedback
 * (badReviewRectification). The center office may contest a bad review once (申诉复核): upheld, it
 * stays; struck, it no longer counts in metrics or sanctions.
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord, ContactInfo, ReviewAppeal, ReviewIndicators, ReviewRecord } from '../pack/index.ts';
import type { Cases } from './cases.ts';
import { CASE_EVENT_LABELS, TERMINAL } from './cases.ts';
import { policyAt } from '../pack/index.ts';
import { requireStaff, requireWindow, responsibleFor } from './center-refs.ts';
import { policyClockState, type WorkCalendar } from './clock-port.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import { YearlyIds } from './ids.ts';
import { maskUnmasked, publishedPhones } from './mask.ts';
import type { RecordBackend } from './backend.ts';
import { epochOf, normalizeTime, shanghaiDate, shanghaiYear, toIso } from './time.ts';

export const REVIEWS = 'reviews';

export type Indicator = keyof ReviewIndicators;

/** The on-site indicators in screen order, with their Chinese labels. */
export const INDICATOR_LABELS: Readonly<Record<Indicator, string>> = {
  overall: '整体满意度',
  efficiency: '服务效率',
  level: '服务水平',
  attitude: '服务态度',
};

export const APPEAL_OUTCOME_LABELS: Readonly<Record<ReviewAppeal['outcome'], string>> = { upheld: '维持', struck: '撤销' };

export interface AddReview {
  readonly grade: string;
  readonly at?: string;
  /** Default for a case review: the person responsible for the case. */
  readonly staff?: string;
  /** Default for a case review: the case's window. */
  readonly window?: string;
  readonly case?: string;
  readonly comment?: string;
  readonly indicators?: Readonly<Partial<Record<Indicator, string>>>;
  /** Confidential. */
  readonly reviewer?: ContactInfo;
}

export interface FollowUpInput {
  readonly by: string;
  readonly at?: string;
  readonly note?: string;
}

export interface AppealInput {
  readonly by: string;
  readonly outcome: ReviewAppeal['outcome'];
  readonly reason: string;
  readonly at?: string;
}

/** One follow-up clock of a bad review. */
export interface FollowUpState {
  readonly due: string;
  readonly doneAt: string | null;
  /** Not done by the due time (or done late). */
  readonly overdue: boolean;
  /** 电子监察: yellow when little time is left (policy.warnings), red once overdue. */
  readonly level: 'normal' | 'yellow' | 'red';
}

export interface ReviewView {
  readonly record: ReviewRecord;
  readonly bad: boolean;
  /** Struck on appeal: it no longer counts in metrics or sanctions. */
  readonly struck: boolean;
  /** Present for bad reviews only. */
  readonly callback: FollowUpState | null;
  readonly rectification: FollowUpState | null;
}

export function reviewSpec(): CollectionSpec<ReviewRecord> {
  return { kind: 'review', idOf: (r) => r.id };
}

/** Struck on appeal (申诉复核撤销). */
export function isStruck(r: ReviewRecord): boolean {
  return r.appeal?.outcome === 'struck';
}

/** A review as it stood at `at`: a follow-up or appeal recorded later had not happened yet. */
export function reviewAsOf(r: ReviewRecord, at: number): ReviewRecord {
  const { callback, rectification, appeal, ...rest } = r;
  const by = <T extends { readonly at: string }>(x: T | undefined): T | undefined => (x && epochOf(x.at) <= at ? x : undefined);
  const c = by(callback);
  const f = by(rectification);
  const p = by(appeal);
  return { ...rest, ...(c ? { callback: c } : {}), ...(f ? { rectification: f } : {}), ...(p ? { appeal: p } : {}) };
}


/** When a case was concluded (consultations at receipt), or null while it is open. */
function concludedAt(c: CaseRecord): string | null {
  return c.events.find((e) => TERMINAL.has(e.type))?.at ?? (c.decision.kind === 'consultation' ? c.receivedAt : null);
}

/** A clock a few minutes fast at the window is no reason to refuse; a date in the future is. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When it happened: now, or a time already past. A review dated in the future would fall outside
 * every period of metrics and sanctions while using up the case's one review.
 */
function pastTime(input: string | undefined): string {
  const now = Date.now();
  if (!input) return toIso(now);
  const at = normalizeTime(input, 'at');
  if (epochOf(at) > now + CLOCK_SKEW_MS) throw RecordsError.of('E-REVIEW-FUTURE', { at, now: toIso(now) }, { path: '$.at' });
  return at;
}

export class Reviews {
  private readonly ids: YearlyIds;
  /** Case id → its review, built on first use (inside the store's queue). */
  private byCase: Map<string, ReviewRecord> | null = null;
  private byCaseSeen = 0;

  constructor(
    private readonly store: RecordBackend,
    private pack: Pack,
    private cal: WorkCalendar,
    private readonly cases: Cases,
  ) {
    this.ids = new YearlyIds('P', () => this.collection().values(), () => this.store.foreignWrites);
  }

  /** Binds to a reloaded pack: the same records, read and written under the new rules from now on. */
  rebind(pack: Pack, cal: WorkCalendar): void {
    this.pack = pack;
    this.cal = cal;
  }

  private collection() {
    return this.store.collection<ReviewRecord>(REVIEWS);
  }

  isBad(grade: string): boolean {
    return this.pack.data.policy.reviews.bad.includes(grade);
  }

  private checkGrade(grade: string, path: string): void {
    const grades = this.pack.data.policy.reviews.grades;
    if (!grades.includes(grade)) throw RecordsError.of('E-REVIEW-GRADE', { grade, grades: grades.join('、') }, { path });
  }

  /** The review of a case, if it has one. */
  ofCase(id: string): ReviewRecord | undefined {
    if (!this.byCase || this.byCaseSeen !== this.store.foreignWrites) {
      this.byCaseSeen = this.store.foreignWrites;
      this.byCase = new Map();
      for (const r of this.all()) if (r.case) this.byCase.set(r.case, r);
    }
    return this.byCase.get(id);
  }

  /**
   * Records a review. With `case`: the case must exist and be concluded at the review's time, and
   * must not have been reviewed (checked inside the store's queue, so two concurrent adds for one
   * case save exactly one).
   */
  add(input: AddReview): Promise<ReviewRecord> {
    return this.store.exclusive(async () => {
      this.checkGrade(input.grade, '$.grade');
      for (const [key, grade] of Object.entries(input.indicators ?? {})) {
        if (!(key in INDICATOR_LABELS)) throw RecordsError.of('E-RECORD-INVALID', { detail: `分项评价 ${key} 不是 ${Object.keys(INDICATOR_LABELS).join('、')} 之一` }, { path: `$.indicators.${key}` });
        if (grade !== undefined) this.checkGrade(grade, `$.indicators.${key}`);
      }
      if (input.staff) requireStaff(this.pack, input.staff, 'staff');
      if (input.window) requireWindow(this.pack, input.window, 'window');
      const at = pastTime(input.at);
      let staff = input.staff;
      let window = input.window;
      if (input.case !== undefined) {
        const c = this.cases.get(input.case);
        if (!c) throw RecordsError.of('E-CASE-NOT-FOUND', { id: input.case }, { path: '$.case' });
        const earlier = this.ofCase(c.id);
        if (earlier) throw RecordsError.of('E-REVIEW-DUPLICATE', { case: c.id, at: earlier.at, id: earlier.id }, { path: '$.case' });
        const end = concludedAt(c);
        if (end === null || epochOf(end) > epochOf(at)) {
          const last = c.events.at(-1)!;
          const status = end === null ? `当前环节：${CASE_EVENT_LABELS[last.type]}` : `办结于 ${end}`;
          throw RecordsError.of('E-REVIEW-CASE-OPEN', { id: c.id, at, status }, { path: '$.case' });
        }
        // Records outlive the pack: the case's own staff and window are taken as recorded.
        staff ??= responsibleFor(this.pack, c.post, c.events).staff || undefined;
        window ??= c.window ?? undefined;
      }
      const indicators = Object.fromEntries(Object.entries(input.indicators ?? {}).filter(([, g]) => g !== undefined)) as ReviewIndicators;
      const id = this.ids.peek(shanghaiYear(epochOf(at)));
      const record: ReviewRecord = {
        id,
        grade: input.grade,
        at,
        ...(staff ? { staff } : {}),
        ...(window ? { window } : {}),
        ...(input.case ? { case: input.case } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
        ...(Object.keys(indicators).length > 0 ? { indicators } : {}),
        ...(input.reviewer && Object.keys(input.reviewer).length > 0 ? { reviewer: input.reviewer } : {}),
      };
      const saved = await this.put(record);
      this.ids.taken(id);
      return saved;
    });
  }

  /** Records the return call (回访) or the rectification with feedback (整改反馈) of a bad review. */
  followUp(id: string, kind: 'callback' | 'rectification', input: FollowUpInput): Promise<ReviewRecord> {
    return this.store.exclusive(async () => {
      const r = this.get(id);
      if (!r) throw RecordsError.of('E-REVIEW-NOT-FOUND', { id });
      if (!this.isBad(r.grade)) throw RecordsError.of('E-REVIEW-NOT-BAD', { id, grade: r.grade });
      if (r.appeal && isStruck(r)) throw RecordsError.of('E-REVIEW-STRUCK', { id, at: r.appeal.at });
      if (r[kind]) throw RecordsError.of('E-REVIEW-DONE', { id, what: kind === 'callback' ? '回访' : '整改反馈' });
      requireStaff(this.pack, input.by, `${kind}.by`);
      const at = pastTime(input.at);
      if (epochOf(at) < epochOf(r.at)) throw RecordsError.of('E-REVIEW-TIME', { at, reviewedAt: r.at }, { path: `$.${kind}.at` });
      return this.put({ ...r, [kind]: { at, by: input.by, ...(input.note ? { note: input.note } : {}) } });
    });
  }

  /** 申诉复核 of a bad review by the center office, once: upheld (it stays) or struck (it no longer counts). */
  appeal(id: string, input: AppealInput): Promise<ReviewRecord> {
    return this.store.exclusive(async () => {
      const r = this.get(id);
      if (!r) throw RecordsError.of('E-REVIEW-NOT-FOUND', { id });
      if (!this.isBad(r.grade)) throw RecordsError.of('E-REVIEW-APPEAL-GOOD', { id, grade: r.grade });
      if (r.appeal) throw RecordsError.of('E-REVIEW-APPEALED', { id, at: r.appeal.at, outcome: APPEAL_OUTCOME_LABELS[r.appeal.outcome] });
      if (input.outcome !== 'upheld' && input.outcome !== 'struck') {
        throw RecordsError.of('E-RECORD-INVALID', { detail: `复核结论 ${JSON.stringify(input.outcome)} 应为 upheld（维持）或 struck（撤销）` }, { path: '$.appeal.outcome' });
      }
      requireStaff(this.pack, input.by, 'appeal.by');
      const reason = input.reason.trim();
      if (!reason) throw RecordsError.of('E-RECORD-INVALID', { detail: '申诉复核须写明理由' }, { path: '$.appeal.reason' });
      const at = pastTime(input.at);
      if (epochOf(at) < epochOf(r.at)) throw RecordsError.of('E-REVIEW-TIME', { at, reviewedAt: r.at }, { path: '$.appeal.at' });
      return this.put({ ...r, appeal: { at, by: input.by, outcome: input.outcome, reason } });
    });
  }

  /** Saves `r`, keeping the case index (when built) in step. */
  private async put(r: ReviewRecord): Promise<ReviewRecord> {
    const saved = await this.collection().put(r);
    if (saved.case) this.byCase?.set(saved.case, saved);
    return saved;
  }

  get(id: string): ReviewRecord | undefined {
    return this.store.names().includes(REVIEWS) ? this.collection().get(id) : undefined;
  }

  all(): Iterable<ReviewRecord> {
    return this.store.names().includes(REVIEWS) ? this.collection().values() : [];
  }

  view(r: ReviewRecord, now: string): ReviewView {
    const struck = isStruck(r);
    // Bad grades and follow-up clocks of the policy in force the day the review was given.
    const policy = policyAt(this.pack.data.policy, shanghaiDate(epochOf(r.at)));
    if (!policy.reviews.bad.includes(r.grade)) return { record: r, bad: false, struck, callback: null, rectification: null };
    // A struck review is owed nothing from the strike on: its clocks stop there.
    const strike = struck ? r.appeal?.at : undefined;
    const state = (name: 'badReviewCallback' | 'badReviewRectification', done: ReviewRecord['callback']): FollowUpState => {
      const doneAt = done?.at ?? null;
      const stop = doneAt ?? strike;
      const c = policyClockState(this.cal, policy, name, r.at, now, stop);
      return { due: c.due, doneAt, overdue: epochOf(stop ?? now) > epochOf(c.due), level: c.level };
    };
    return { record: r, bad: true, struck, callback: state('badReviewCallback', r.callback), rectification: state('badReviewRectification', r.rectification) };
  }

  /**
   * A view fit to leave the register (an HTTP answer, a screen): without the reviewer (confidential),
   * and every whole ID or mobile number in the free text (comment, notes, appeal reason) masked.
   */
  maskedView(v: ReviewView): ReviewView {
    const allowed = publishedPhones(this.pack.data);
    const text = (t: string): string => maskUnmasked(t, allowed);
    const { reviewer: _reviewer, ...r } = v.record;
    const note = <T extends { readonly note?: string }>(f: T | undefined): T | undefined => (f && f.note !== undefined ? { ...f, note: text(f.note) } : f);
    const callback = note(r.callback);
    const rectification = note(r.rectification);
    const record: ReviewRecord = {
      ...r,
      ...(r.comment !== undefined ? { comment: text(r.comment) } : {}),
      ...(callback ? { callback } : {}),
      ...(rectification ? { rectification } : {}),
      ...(r.appeal ? { appeal: { ...r.appeal, reason: text(r.appeal.reason) } } : {}),
    };
    return { ...v, record };
  }
}
