/**
 * 好差评: reviews graded on the pack's scale (policy.reviews.grades). A bad review opens two
 * clocks: a return call (badReviewCallback) and rectification with feedback (badReviewRectification).
 */
import type { Pack } from '../engine/index.ts';
import type { ContactInfo, ReviewRecord } from '../pack/index.ts';
import { requireStaff, requireWindow } from './center-refs.ts';
import { dueAfter, type WorkCalendar } from './clock-port.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import { YearlyIds } from './ids.ts';
import type { RecordStore } from './store.ts';
import { epochOf, normalizeTime, shanghaiYear, toIso } from './time.ts';

export const REVIEWS = 'reviews';

export interface AddReview {
  readonly grade: string;
  readonly at?: string;
  readonly staff?: string;
  readonly window?: string;
  readonly case?: string;
  readonly comment?: string;
  /** Confidential. */
  readonly reviewer?: ContactInfo;
}

export interface FollowUpInput {
  readonly by: string;
  readonly at?: string;
  readonly note?: string;
}

/** One follow-up clock of a bad review. */
export interface FollowUpState {
  readonly due: string;
  readonly doneAt: string | null;
  /** Not done by the due time (or done late). */
  readonly overdue: boolean;
}

export interface ReviewView {
  readonly record: ReviewRecord;
  readonly bad: boolean;
  /** Present for bad reviews only. */
  readonly callback: FollowUpState | null;
  readonly rectification: FollowUpState | null;
}

export function reviewSpec(): CollectionSpec<ReviewRecord> {
  return { kind: 'review', idOf: (r) => r.id };
}

export class Reviews {
  private readonly ids: YearlyIds;

  constructor(
    private readonly store: RecordStore,
    private readonly pack: Pack,
    private readonly cal: WorkCalendar,
  ) {
    this.ids = new YearlyIds('P', () => this.collection().values());
  }

  private collection() {
    return this.store.collection<ReviewRecord>(REVIEWS);
  }

  isBad(grade: string): boolean {
    return this.pack.data.policy.reviews.bad.includes(grade);
  }

  add(input: AddReview): Promise<ReviewRecord> {
    return this.store.exclusive(async () => {
      const grades = this.pack.data.policy.reviews.grades;
      if (!grades.includes(input.grade)) {
        throw RecordsError.of('E-REVIEW-GRADE', { grade: input.grade, grades: grades.join('、') }, { path: '$.grade' });
      }
      if (input.staff) requireStaff(this.pack, input.staff, 'staff');
      if (input.window) requireWindow(this.pack, input.window, 'window');
      const at = input.at ? normalizeTime(input.at, 'at') : toIso(Date.now());
      const id = this.ids.peek(shanghaiYear(epochOf(at)));
      const record: ReviewRecord = {
        id,
        grade: input.grade,
        at,
        ...(input.staff ? { staff: input.staff } : {}),
        ...(input.window ? { window: input.window } : {}),
        ...(input.case ? { case: input.case } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
        ...(input.reviewer && Object.keys(input.reviewer).length > 0 ? { reviewer: input.reviewer } : {}),
      };
      const saved = await this.collection().put(record);
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
      if (r[kind]) throw RecordsError.of('E-REVIEW-DONE', { id, what: kind === 'callback' ? '回访' : '整改反馈' });
      requireStaff(this.pack, input.by, `${kind}.by`);
      const at = input.at ? normalizeTime(input.at, 'at') : toIso(Date.now());
      if (epochOf(at) < epochOf(r.at)) throw RecordsError.of('E-REVIEW-TIME', { at, reviewedAt: r.at }, { path: `$.${kind}.at` });
      return this.collection().put({ ...r, [kind]: { at, by: input.by, ...(input.note ? { note: input.note } : {}) } });
    });
  }

  get(id: string): ReviewRecord | undefined {
    return this.store.names().includes(REVIEWS) ? this.collection().get(id) : undefined;
  }

  all(): Iterable<ReviewRecord> {
    return this.store.names().includes(REVIEWS) ? this.collection().values() : [];
  }

  view(r: ReviewRecord, now: string): ReviewView {
    if (!this.isBad(r.grade)) return { record: r, bad: false, callback: null, rectification: null };
    const clocks = this.pack.data.policy.clocks;
    const state = (limit: typeof clocks.badReviewCallback, done: ReviewRecord['callback']): FollowUpState => {
      const { due } = dueAfter(this.cal, r.at, limit);
      const doneAt = done?.at ?? null;
      return { due, doneAt, overdue: epochOf(doneAt ?? now) > epochOf(due) };
    };
    return { record: r, bad: true, callback: state(clocks.badReviewCallback, r.callback), rectification: state(clocks.badReviewRectification, r.rectification) };
  }
}
