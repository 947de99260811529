/**
 * Assessment metrics (综合考评) per staff member and per window for a period, and the grade
 * from the pack's grades (first whose condition holds; the last, without `when`, is the rest).
 *
 * How each figure is counted (the seeds name the standards, not the arithmetic):
 * - 及时办结率 timelyCompletionRate: of the accepted cases that fell due in the period — those
 *   concluded on time in it, and those overdue whose due time lies in it (finished late, or
 *   still open) — the share concluded on time. Per staff: the person responsible (A, or B when
 *   covering); per window: the case's window.
 * - 咨询首问受理率 firstInquiryAcceptanceRate: of the visits received in the period where the
 *   staff member was first asked (首问责任人), the share they registered themselves rather than
 *   another staff member (首问负责: the first person asked takes the matter up).
 * - 首问事项办结率 firstInquiryCompletionRate: of the applications (not consultations) first
 *   asked of the staff member and received in the period, counting those concluded or whose
 *   time limit has run out, the share concluded.
 * - 好差评 reviews: the reviews given in the period to the staff member / window, those struck on
 *   appeal (申诉复核撤销) left out of every figure but their own count; satisfaction is the share
 *   not bad; each bad review's return call and rectification as of the period's end (or now):
 *   done in time, done late, pending (still in time) or overdue (not done, past due).
 * A rate with nothing to count is null (shown as —) and counts as meeting its standard.
 *
 * Which policy judges (policy.yaml may change with `changes`): the standards and grades in force
 * on the day the figures are as of — the period's last day, or today while the period runs. The
 * assessment is made for the whole period when it closes, so a change in the middle of a period
 * governs all of it; write assessment changes from a period's first day (e.g. 1 January).
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord, ComplaintRecord, ReviewRecord } from '../pack/index.ts';
import { TERMINAL, type CaseView } from './cases.ts';
import { staffName, windowName } from './center-refs.ts';
import { countedStaff } from './complaints.ts';
import { RecordsError } from './errors.ts';
import { describePeriod, inPeriod, type Period } from './periods.ts';
import { RuleSet } from './policy-rules.ts';
import { policyAt } from '../pack/index.ts';
import { isStruck, reviewAsOf, type FollowUpState, type ReviewView } from './reviews.ts';
import { epochOf, shanghaiDate, toIso } from './time.ts';

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, or null when there is nothing to count. */
  readonly rate: number | null;
}

/** Where the follow-ups (return call or rectification) of the bad reviews stand. */
export interface FollowUpTally {
  readonly done: number;
  readonly late: number;
  readonly pending: number;
  readonly overdue: number;
}

export interface ReviewFigures {
  /** Reviews given in the period, struck ones excluded. */
  readonly total: number;
  readonly bad: number;
  /** Struck on appeal: not in any other figure. */
  readonly struck: number;
  /** Share of the counted reviews that are not bad (满意率). */
  readonly satisfaction: Ratio;
  readonly callback: FollowUpTally;
  readonly rectification: FollowUpTally;
}

export interface Figures {
  readonly timelyCompletion: Ratio;
  readonly firstInquiryAcceptance: Ratio;
  readonly firstInquiryCompletion: Ratio;
  /** Complaints received in the period against the staff member / window, and those verified. */
  readonly complaints: { readonly received: number; readonly verified: number };
  /** 好差评 in the period. */
  readonly reviews: ReviewFigures;
}

export type Grade = '优秀' | '称职' | '基本称职' | '不称职';

export interface StaffMetrics extends Figures {
  readonly staff: string;
  readonly name: string;
  readonly meetsStandards: boolean;
  readonly grade: Grade;
}

export interface WindowMetrics extends Figures {
  readonly window: string;
  readonly name: string;
}

export interface MetricsReport {
  readonly period: { readonly label: string; readonly from: string; readonly to: string };
  readonly asOf: string;
  readonly standards: { readonly firstInquiryAcceptanceRate: number; readonly firstInquiryCompletionRate: number; readonly timelyCompletionRate: number };
  readonly staff: readonly StaffMetrics[];
  readonly windows: readonly WindowMetrics[];
  /** Cases left out because their clock could not be computed, with the reason. */
  readonly errors: ReadonlyArray<{ readonly case: string; readonly message: string }>;
}

export interface MetricsInput {
  readonly pack: Pack;
  readonly period: Period;
  readonly now: number;
  readonly cases: Iterable<CaseRecord>;
  readonly viewCase: (r: CaseRecord) => CaseView;
  readonly complaints: Iterable<ComplaintRecord>;
  /** The reviews and their view at a time (follow-up clocks); without them no review is counted. */
  readonly reviews?: { readonly records: Iterable<ReviewRecord>; readonly view: (r: ReviewRecord, now: string) => ReviewView };
}

class Counter {
  n = 0;
  d = 0;
  add(ok: boolean): void {
    this.d++;
    if (ok) this.n++;
  }
  ratio(): Ratio {
    return { numerator: this.n, denominator: this.d, rate: this.d === 0 ? null : this.n / this.d };
  }
}

class FollowUps {
  done = 0;
  late = 0;
  pending = 0;
  overdue = 0;
  add(s: FollowUpState): void {
    if (s.doneAt !== null) {
      if (s.overdue) this.late++;
      else this.done++;
    } else if (s.overdue) this.overdue++;
    else this.pending++;
  }
  tally(): FollowUpTally {
    return { done: this.done, late: this.late, pending: this.pending, overdue: this.overdue };
  }
}

class Bucket {
  timely = new Counter();
  acceptance = new Counter();
  completion = new Counter();
  received = 0;
  verified = 0;
  satisfied = new Counter();
  bad = 0;
  struck = 0;
  callback = new FollowUps();
  rectification = new FollowUps();
  review(v: ReviewView): void {
    if (v.struck) {
      this.struck++;
      return;
    }
    this.satisfied.add(!v.bad);
    if (!v.bad) return;
    this.bad++;
    if (v.callback) this.callback.add(v.callback);
    if (v.rectification) this.rectification.add(v.rectification);
  }
  figures(): Figures {
    return {
      timelyCompletion: this.timely.ratio(),
      firstInquiryAcceptance: this.acceptance.ratio(),
      firstInquiryCompletion: this.completion.ratio(),
      complaints: { received: this.received, verified: this.verified },
      reviews: { total: this.satisfied.d, bad: this.bad, struck: this.struck, satisfaction: this.satisfied.ratio(), callback: this.callback.tally(), rectification: this.rectification.tally() },
    };
  }
}


export async function computeMetrics(input: MetricsInput): Promise<MetricsReport> {
  const { pack, period } = input;
  // Figures of a period still running are as of now.
  const at = Math.min(input.now, period.to - 1);
  const policy = policyAt(pack.data.policy, shanghaiDate(at));
  const staffBuckets = new Map<string, Bucket>();
  const windowBuckets = new Map<string, Bucket>();
  const get = (map: Map<string, Bucket>, key: string): Bucket => {
    let b = map.get(key);
    if (!b) map.set(key, (b = new Bucket()));
    return b;
  };

  const errors: Array<{ case: string; message: string }> = [];
  for (const r of input.cases) {
    const received = epochOf(r.receivedAt);
    if (received > at) continue;
    const end = r.events.find((e) => TERMINAL.has(e.type));
    const endMs = end ? epochOf(end.at) : null;
    const inPeriodReceived = inPeriod(period, received);
    const consultation = r.decision.kind === 'consultation';
    // Only a case that may fall due or conclude in the period needs its clock.
    const needsView = !consultation && (inPeriodReceived || endMs === null || endMs >= period.from);
    let v: CaseView | null = null;
    if (needsView) {
      try {
        v = input.viewCase(r);
      } catch (e) {
        // Reported, not fatal: one case with a broken clock must not hide everyone's figures.
        if (!(e instanceof RecordsError)) throw e;
        errors.push({ case: r.id, message: e.message });
      }
    }

    if (inPeriodReceived) {
      const registeredByFirst = r.events[0]!.staff === r.firstInquiry;
      get(staffBuckets, r.firstInquiry).acceptance.add(registeredByFirst);
      if (r.window) get(windowBuckets, r.window).acceptance.add(registeredByFirst);
      if (!consultation && v) {
        const concluded = endMs !== null && endMs <= at;
        const ranOut = v.clock !== null && epochOf(v.clock.due) <= at;
        if (concluded || ranOut) {
          get(staffBuckets, r.firstInquiry).completion.add(concluded);
          if (r.window) get(windowBuckets, r.window).completion.add(concluded);
        }
      }
    }

    if (v?.clock) {
      const due = epochOf(v.clock.due);
      let counted: boolean | null = null;
      if (endMs !== null && endMs <= at && endMs <= due && inPeriod(period, endMs)) counted = true;
      else if (v.overdue && inPeriod(period, due) && due <= at) counted = false;
      if (counted !== null) {
        get(staffBuckets, v.responsible.staff).timely.add(counted);
        if (r.window) get(windowBuckets, r.window).timely.add(counted);
      }
    }
  }

  for (const c of input.complaints) {
    if (!inPeriod(period, epochOf(c.receivedAt)) || epochOf(c.receivedAt) > at) continue;
    const counted = countedStaff(c);
    const target = counted ?? c.target.staff;
    if (target) {
      const b = get(staffBuckets, target);
      b.received++;
      if (counted) b.verified++;
    }
    if (c.target.window) {
      const b = get(windowBuckets, c.target.window);
      b.received++;
      if (c.verification?.result === 'verified') b.verified++;
    }
  }

  if (input.reviews) {
    const asOf = toIso(at);
    for (const r of input.reviews.records) {
      const given = epochOf(r.at);
      if (!inPeriod(period, given) || given > at) continue;
      const then = reviewAsOf(r, at);
      let v: ReviewView;
      try {
        v = input.reviews.view(then, asOf);
      } catch (e) {
        // A follow-up clock the calendar cannot compute leaves the review counted, its follow-ups not.
        if (!(e instanceof RecordsError)) throw e;
        v = { record: then, bad: policyAt(pack.data.policy, shanghaiDate(given)).reviews.bad.includes(then.grade), struck: isStruck(then), callback: null, rectification: null };
      }
      if (r.staff) get(staffBuckets, r.staff).review(v);
      if (r.window) get(windowBuckets, r.window).review(v);
    }
  }

  const a = policy.assessment;
  const grades = new RuleSet(a.grades.map((g) => g.when));
  const staffIds = [...new Set([...pack.data.center.staff.map((s) => s.id), ...staffBuckets.keys()])];
  const staff: StaffMetrics[] = [];
  for (const id of staffIds) {
    const f = (staffBuckets.get(id) ?? new Bucket()).figures();
    const rate = (r: Ratio): number => r.rate ?? 1;
    const meets =
      rate(f.firstInquiryAcceptance) >= a.standards.firstInquiryAcceptanceRate &&
      rate(f.firstInquiryCompletion) >= a.standards.firstInquiryCompletionRate &&
      rate(f.timelyCompletion) >= a.standards.timelyCompletionRate;
    const fired = await grades.run({
      firstInquiryAcceptanceRate: rate(f.firstInquiryAcceptance),
      firstInquiryCompletionRate: rate(f.firstInquiryCompletion),
      timelyCompletionRate: rate(f.timelyCompletion),
      verifiedComplaints: f.complaints.verified,
      meetsStandards: meets,
    });
    // First matching grade; the last one (without `when`) is the rest.
    const index = a.grades.findIndex((g, i) => !g.when || fired.has(i));
    staff.push({ staff: id, name: staffName(pack, id), ...f, meetsStandards: meets, grade: a.grades[index === -1 ? a.grades.length - 1 : index]!.grade });
  }
  const windowIds = [...new Set([...pack.data.center.windows.map((w) => w.id), ...windowBuckets.keys()])];
  const windows: WindowMetrics[] = windowIds.map((id) => ({ window: id, name: windowName(pack, id), ...(windowBuckets.get(id) ?? new Bucket()).figures() }));
  return { period: describePeriod(period), asOf: toIso(at), standards: a.standards, staff, windows, errors };
}
