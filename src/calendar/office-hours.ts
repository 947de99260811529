/**
 * A center's office hours (center.yaml `officeHours`): `default` for every working day, make-up
 * workdays included; `mon` … `sun` override one weekday. Which days are open at all is the
 * calendar's business (see work-calendar.ts); this file only reads and checks the periods.
 */
import type { OfficeHours } from '../pack/index.ts';
import { ClockError } from './errors.ts';

/** One office period in minutes since midnight, start inclusive, end exclusive: `[510, 720]`. */
export type Period = readonly [number, number];
export type DayPeriods = readonly Period[];

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface CompiledOfficeHours {
  readonly default: DayPeriods;
  /** Index 0 = Sunday … 6 = Saturday; undefined when the weekday has no override. */
  readonly overrides: ReadonlyArray<DayPeriods | undefined>;
}

/**
 * Parses and checks the periods: each `HH:MM-HH:MM` must end after it starts, and the periods of a
 * day must be in order without overlapping. Errors carry the JSON path under `officeHours`.
 */
export function compileOfficeHours(hours: OfficeHours, basePath = 'center.officeHours'): CompiledOfficeHours {
  const overrides = WEEKDAY_KEYS.map((key) => {
    const list = hours[key];
    return list === undefined ? undefined : parseDay(list, `${basePath}.${key}`);
  });
  return { default: parseDay(hours.default, `${basePath}.default`), overrides };
}

function parseDay(list: readonly string[], path: string): DayPeriods {
  const out: Period[] = [];
  list.forEach((text, i) => {
    const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
    const where = `${path}[${i}]`;
    if (!m) throw new ClockError('E-CLOCK-OFFICE-HOURS-INVALID', `办公时间段 '${text}' 格式不正确，应写成 08:30-12:00`, where);
    const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) throw new ClockError('E-CLOCK-OFFICE-HOURS-INVALID', `办公时间段 '${text}' 不是有效的时刻`, where);
    const period: Period = [h1 * 60 + m1, h2 * 60 + m2];
    if (period[1] <= period[0]) throw new ClockError('E-CLOCK-OFFICE-HOURS-INVALID', `办公时间段 '${text}' 的结束时刻不晚于开始时刻`, where);
    const prev = out.at(-1);
    if (prev && period[0] < prev[1]) {
      throw new ClockError('E-CLOCK-OFFICE-HOURS-INVALID', `办公时间段 '${text}' 与前一段重叠或顺序颠倒；请按先后顺序写，例如 ["08:30-12:00", "13:00-17:30"]`, where);
    }
    out.push(period);
  });
  return out;
}
