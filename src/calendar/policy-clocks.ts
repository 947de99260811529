/**
 * The other clocks of policy.yaml `clocks` (补正告知, 投诉答复, 信访答复, 领导接访, 差评回访与整改,
 * 即办), run by the same counting as item deadlines: the limits are policy, not code.
 */
import type { Clocks, DecisionWarning } from '../pack/index.ts';
import type { ClockState, Suspension, WorkCalendar } from './contract.ts';
import { clock, toMs, type ClockPolicy, type InstantInput } from './clock.ts';
import { addDuration } from './due.ts';
import type { DueResult } from './contract.ts';
import { clockInstant } from './clock-input.ts';
import { formatInstant } from './shanghai-time.ts';

/** The case clocks; the optional supplementPeriod runs from a supplement notice (documents), not from a case. */
export type PolicyClockName = Exclude<keyof Clocks, 'supplementPeriod'>;

/** What each clock is, in Chinese, for messages and listings. */
export const POLICY_CLOCK_LABELS: Readonly<Record<PolicyClockName, string>> = {
  immediate: '即办件办结',
  supplementNotice: '补正告知',
  complaintReply: '投诉答复',
  complaintReplyComplex: '复杂投诉答复',
  petitionReply: '信访件答复',
  leaderReception: '领导接访答复',
  badReviewCallback: '差评回访',
  badReviewRectification: '差评整改反馈',
};

/** The due time of a policy clock started at `startedAt` (e.g. a complaint's receipt). */
export function policyDue(cal: WorkCalendar, clocks: Clocks, name: PolicyClockName, startedAt: string, suspensions?: readonly Suspension[]): DueResult {
  return addDuration(cal, startedAt, clocks[name], suspensions ? { suspensions } : {});
}

export interface PolicyClockOptions {
  readonly suspensions?: readonly Suspension[];
  /** When the reply, callback … was given: the clock stops. */
  readonly completedAt?: string;
}

/** The running state (due, remaining, yellow/red) of a policy clock. */
export function policyClock(
  cal: WorkCalendar,
  policy: ClockPolicy & { readonly clocks: Clocks },
  name: PolicyClockName,
  startedAt: string,
  now: InstantInput,
  options: PolicyClockOptions = {},
): ClockState {
  const limit = policy.clocks[name];
  return clock(cal, policy, { acceptedAt: startedAt, promised: limit, statutory: limit, ...options }, now);
}

export interface SupplementNoticeState {
  /** The latest time the one-time supplement notice may be given. */
  readonly due: string;
  /**
   * given-in-time: notice given by `due`; given-late / overdue: given after `due`, or not given and
   * `due` has passed; pending: not given yet, still in time.
   */
  readonly status: 'given-in-time' | 'given-late' | 'pending' | 'overdue';
  /**
   * 行政许可法 Art. 32: when the notice is not given in time the application counts as accepted
   * from receipt; this is then the receipt time (the clock of the item starts there). Else null.
   */
  readonly deemedAcceptedAt: string | null;
  readonly warnings: readonly DecisionWarning[];
}

/** Whether a supplement notice was given in time, and if not, the deemed acceptance. */
export function supplementNotice(cal: WorkCalendar, clocks: Pick<Clocks, 'supplementNotice'>, receivedAt: string, noticeGivenAt: string | null | undefined, now: InstantInput): SupplementNoticeState {
  const { due, warnings } = addDuration(cal, receivedAt, clocks.supplementNotice);
  const dueMs = clockInstant(due);
  const received = formatInstant(clockInstant(receivedAt, 'receivedAt'));
  if (noticeGivenAt) {
    const given = clockInstant(noticeGivenAt, 'noticeGivenAt');
    return given <= dueMs ? { due, status: 'given-in-time', deemedAcceptedAt: null, warnings } : { due, status: 'given-late', deemedAcceptedAt: received, warnings };
  }
  return toMs(now, 'now') <= dueMs ? { due, status: 'pending', deemedAcceptedAt: null, warnings } : { due, status: 'overdue', deemedAcceptedAt: received, warnings };
}
