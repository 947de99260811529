// Working days and deadlines against the State Council's official 2025 and 2026 schedules.
import { beforeAll, describe, expect, test } from 'vitest';
import { addDuration, computeDeadline, createCalendar, yearSummary, type Calendar } from '../../src/calendar/index.ts';
import { OFFICIAL_2025, SEED_002_HOURS, chineseDaysData, datesOf, officialCalendar, rulesCalendarFile } from './helpers.ts';

let cal: Calendar;
beforeAll(async () => {
  cal = await officialCalendar();
});

const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });
const cd = (amount: number) => ({ amount, unit: 'calendarDays' as const });
const due = (start: string, d: Parameters<typeof addDuration>[2]) => addDuration(cal, start, d).due;

describe('the official schedules', () => {
  test.each([2025, 2026])('every day of %i agrees with the chinese-days data package', async (year) => {
    const data = await chineseDaysData();
    for (const date of datesOf(year)) {
      const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
      const expected = date in data.workdays || (!(date in data.holidays) && dow !== 0 && dow !== 6);
      expect({ date, working: cal.isWorkingDay(date) }).toEqual({ date, working: expected });
    }
  });

  test('2026 National Day: 10-01..10-07 off, make-up Sunday 09-20 and Saturday 10-10', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
  });

  test('2025: 春节 with make-up 01-26 and 02-08, 劳动节 with 04-27, 国庆中秋 with 09-28 and 10-11', () => {
    expect(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'].map((d) => cal.isWorkingDay(d))).toEqual([true, true, true, true, true]);
    expect(['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-05-05', '2025-05-31', '2025-06-02', '2025-10-01', '2025-10-08'].some((d) => cal.isWorkingDay(d))).toBe(false);
    expect(cal.isWorkingDay('2025-02-05')).toBe(true);
  });

  test('working days per year: 248 in both 2025 and 2026', () => {
    expect(yearSummary(cal, 2025).workingDays).toBe(248);
    expect(yearSummary(cal, 2026).workingDays).toBe(248);
    expect(yearSummary(cal, 2026).months.find((m) => m.month === 10)?.workingDays).toBe(18);
  });

  test('the 2025 schedule from the pack and from the fallback package give the same days', () => {
    const fromPack = createCalendar({ calendars: [OFFICIAL_2025], officeHours: SEED_002_HOURS, fallback: false });
    for (const date of datesOf(2025)) expect(fromPack.isWorkingDay(date)).toBe(cal.isWorkingDay(date));
    expect(fromPack.sourceOf('2025-06-01')).toBe('pack');
  });
});

describe('deadlines across long holidays', () => {
  test('2026 National Day: the day before the break + 1 working day is the first day after it', () => {
    expect(due('2026-09-30T10:00:00+08:00', wd(1))).toBe('2026-10-08T17:30:00+08:00');
    expect(due('2026-09-30T10:00:00+08:00', wd(3))).toBe('2026-10-10T17:30:00+08:00'); // make-up Saturday
    expect(due('2026-09-30T10:00:00+08:00', wd(4))).toBe('2026-10-12T17:30:00+08:00');
  });

  test('a make-up Sunday is counted: Friday 2026-09-18 + 1 working day is Sunday 09-20', () => {
    expect(due('2026-09-18T15:00:00+08:00', wd(1))).toBe('2026-09-20T17:30:00+08:00');
    expect(due('2026-09-18T15:00:00+08:00', wd(2))).toBe('2026-09-21T17:30:00+08:00');
  });

  test('20 working days across the 2026 National Day break', () => {
    // 09-29, 09-30, 10-08, 10-09, 10-10, 10-12..16, 10-19..23, 10-26..30
    expect(due('2026-09-28T09:00:00+08:00', wd(20))).toBe('2026-10-30T17:30:00+08:00');
  });

  test('2025 Spring Festival and National Day with their make-up days', () => {
    expect(due('2025-01-24T10:00:00+08:00', wd(1))).toBe('2025-01-26T17:30:00+08:00');
    expect(due('2025-01-24T10:00:00+08:00', wd(2))).toBe('2025-01-27T17:30:00+08:00');
    expect(due('2025-01-24T10:00:00+08:00', wd(3))).toBe('2025-02-05T17:30:00+08:00');
    expect(due('2025-09-26T10:00:00+08:00', wd(1))).toBe('2025-09-28T17:30:00+08:00');
    expect(due('2025-09-30T10:00:00+08:00', wd(1))).toBe('2025-10-09T17:30:00+08:00');
    expect(due('2025-09-30T10:00:00+08:00', wd(3))).toBe('2025-10-11T17:30:00+08:00');
  });

  test('calendar days ending in a holiday move to the first working day after it', () => {
    expect(due('2026-09-24T10:00:00+08:00', cd(7))).toBe('2026-10-08T17:30:00+08:00');
    expect(due('2026-09-23T10:00:00+08:00', cd(1))).toBe('2026-09-24T17:30:00+08:00');
    // Saturday 10-10 is a make-up workday: no move.
    expect(due('2026-10-03T10:00:00+08:00', cd(7))).toBe('2026-10-10T17:30:00+08:00');
    // An ordinary Saturday moves to Monday.
    expect(due('2026-11-20T10:00:00+08:00', cd(1))).toBe('2026-11-23T17:30:00+08:00');
  });
});

describe('deadlines across year ends', () => {
  test('2025-12-31 + 1 working day skips 元旦 2026 (01-01..01-03) to make-up Sunday 01-04', () => {
    expect(due('2025-12-31T16:00:00+08:00', wd(1))).toBe('2026-01-04T17:30:00+08:00');
    expect(due('2025-12-20T10:00:00+08:00', wd(20))).toBe('2026-01-19T17:30:00+08:00');
  });

  test('into the provisional 2027: 元旦 2027-01-01 is skipped, with a calendar-provisional warning', () => {
    const r = addDuration(cal, '2026-12-31T10:00:00+08:00', wd(1));
    expect(r.due).toBe('2027-01-04T17:30:00+08:00');
    expect(r.warnings.map((w) => w.code)).toEqual(['calendar-provisional']);
    expect(r.warnings[0]?.message).toContain('2027');
  });

  test('computeDeadline fills promised and statutory due from acceptance', async () => {
    const d = computeDeadline(cal, { promised: wd(10), statutory: wd(20) }, '2026-09-28T09:00:00+08:00');
    expect(d).toEqual({
      acceptedAt: '2026-09-28T09:00:00+08:00',
      promised: { amount: 10, unit: 'workingDays', due: '2026-10-16T17:30:00+08:00' },
      statutory: { amount: 20, unit: 'workingDays', due: '2026-10-30T17:30:00+08:00' },
      warnings: [],
    });
    // The 2026 file in the sample pack is the official one.
    expect((await rulesCalendarFile(2026)).official).toBe(true);
  });
});
