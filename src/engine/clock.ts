/**
 * The engine's one door to the statutory clock (src/calendar/): deadlines of accepted
 * applications and due dates of deferred (容缺) materials, on the pack's working-day calendar.
 * The clock starts at acceptance; on-the-spot acceptance is at receipt.
 */
import { addDuration, ClockError, computeDeadline, type Deadline, type DueResult, type WorkCalendar } from '../calendar/index.ts';
import type { Duration, Limits } from '../pack/index.ts';
import { ApplicationError } from './errors.ts';

export interface EngineClock {
  /** Promised and statutory deadlines of an application accepted at `acceptedAtMs`. */
  deadline(limits: Limits, acceptedAtMs: number): Deadline;
  /** When `duration` counted from `fromMs` runs out. */
  due(duration: Duration, fromMs: number): DueResult;
}

export function clockOf(calendar: WorkCalendar): EngineClock {
  return {
    // Epoch milliseconds straight in: the instant was parsed once, with the application.
    deadline(limits, acceptedAtMs) {
      try {
        return computeDeadline(calendar, limits, acceptedAtMs);
      } catch (err) {
        throw outOfRange(err);
      }
    },
    due(duration, fromMs) {
      try {
        return addDuration(calendar, fromMs, duration);
      } catch (err) {
        throw outOfRange(err);
      }
    },
  };
}

/**
 * The calendar covers 2000–2100; a receipt time far outside it is bad input, not a crash. (Caught
 * in place: no closure per call on the decision path.)
 */
function outOfRange(err: unknown): unknown {
  if (err instanceof ClockError) {
    return new ApplicationError([{ path: '$.receivedAt', code: 'E-APP-TIME', message: `无法从该收件时间计算期限：${err.message}` }]);
  }
  return err;
}
