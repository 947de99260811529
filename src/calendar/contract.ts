/**
 * The statutory clock's public contract, fixed before its implementation so that the engine,
 * documents and records can be written against it. Times are ISO 8601 strings; every result is
 * in Asia/Shanghai (UTC+8, no daylight saving) whatever the machine's zone.
 */
import type { DecisionWarning, Duration } from '../pack/index.ts';

export type { DecisionWarning, Duration };

/** Working days and office hours of one center, from the pack's calendars and center.yaml. */
export interface WorkCalendar {
  /** `YYYY-MM-DD` (Shanghai) is a working day: not a weekend or holiday, or a make-up workday. */
  isWorkingDay(date: string): boolean;
  /**
   * Where the day's status came from: the pack, the fallback data package, the statutory holidays
   * of 《全国年节及纪念日放假办法》 (no 调休), or weekends only.
   */
  sourceOf(date: string): 'pack' | 'package' | 'statutory' | 'weekends-only';
  /** Office periods of a date in minutes since midnight, e.g. [[510, 720], [780, 1050]]. */
  officeHours(date: string): ReadonlyArray<readonly [number, number]>;
}

/** The result of adding a limit to a start time. */
export interface DueResult {
  /** ISO 8601 with +08:00, e.g. `2026-12-04T17:30:00+08:00`. */
  readonly due: string;
  /** e.g. `calendar-uncovered` when a day past the known calendars was counted. */
  readonly warnings: readonly DecisionWarning[];
}

/** An interval during which the clock does not run (补正, 听证, 检验检测, 专家评审 …). */
export interface Suspension {
  readonly from: string;
  /** Absent while still suspended. */
  readonly to?: string;
  readonly reason?: string;
}

/** An approved extension (延长), never beyond the item's declared maximum. */
export interface Extension {
  readonly amount: number;
  readonly unit: Duration['unit'];
  readonly approvedBy: string;
  readonly approvedAt: string;
}

/** What a running case needs for its clock. */
export interface ClockCase {
  readonly acceptedAt: string;
  readonly promised: Duration;
  readonly statutory: Duration;
  /** The item's declared extension maximum, if any. */
  readonly extensionMax?: Duration;
  readonly suspensions?: readonly Suspension[];
  readonly extensions?: readonly Extension[];
  /** Set when the case is finished; the clock then stops. */
  readonly completedAt?: string;
}

export type ClockLevel = 'normal' | 'yellow' | 'red';

export interface ClockState {
  /** Promised due time, suspensions and extensions applied. */
  readonly due: string;
  readonly statutoryDue: string;
  /** Time left to `due` in the limit's unit (negative when overdue). */
  readonly remaining: Duration & { readonly amount: number };
  /** Time counted so far in the limit's unit. */
  readonly elapsed: Duration & { readonly amount: number };
  readonly level: ClockLevel;
  readonly suspended: boolean;
  readonly warnings: readonly DecisionWarning[];
}
