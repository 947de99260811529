// Years the pack does not declare: the chinese-days fallback, the statutory holidays, weekends only, provisional schedules.
import { describe, expect, test } from 'vitest';
import { addDuration, computeDeadline, createCalendar, yearSummary } from '../../src/calendar/index.ts';
import { loadPack } from '../../src/index.ts';
import { OFFICIAL_2025, SEED_002_HOURS, chineseDaysData, datesOf, rulesCalendarFile, rulesCalendarText, tempPack } from './helpers.ts';

const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });

describe('a pack that declares only 2027 (provisional)', () => {
  test('2026 comes from the data package, with calendar-fallback on results that used it', async () => {
    const { dir, cleanup } = await tempPack({ '2027.yaml': await rulesCalendarText(2027) });
    try {
      const pack = await loadPack(dir);
      const cal = pack.calendar;
      expect(cal.sourceOf('2026-10-09')).toBe('package');
      expect(cal.sourceOf('2027-03-01')).toBe('pack');
      // Neither the pack nor the package knows 2028: the statutory holidays of 《全国年节及纪念日放假办法》.
      expect(cal.sourceOf('2028-03-01')).toBe('statutory');
      // The package knows the 2026 National Day break and its make-up days.
      expect(cal.isWorkingDay('2026-10-05')).toBe(false);
      expect(cal.isWorkingDay('2026-10-10')).toBe(true);
      const d = pack.deadline('MZ-001', '2026-09-28T09:00:00+08:00');
      expect(d.warnings.map((w) => w.code)).toEqual(['calendar-fallback']);
      expect(d.warnings[0]?.message).toContain('2026');
      expect(d.warnings[0]?.message).toContain('calendar/2026.yaml');
      // Same days as with the pack's own 2026 file.
      const withPack = createCalendar({ calendars: [await rulesCalendarFile(2026)], officeHours: SEED_002_HOURS, fallback: false });
      expect(withPack.sourceOf('2026-10-09')).toBe('pack');
      expect(d.statutory.due).toBe(computeDeadline(withPack, { promised: wd(5), statutory: wd(20) }, '2026-09-28T09:00:00+08:00').statutory.due);
      expect(d.statutory.due).toBe('2026-10-30T17:30:00+08:00');
    } finally {
      await cleanup();
    }
  });

  test('past the last known year: the statutory holidays, calendar-provisional on every result relying on them', async () => {
    const { dir, cleanup } = await tempPack({ '2027.yaml': await rulesCalendarText(2027) });
    try {
      const pack = await loadPack(dir);
      const inside = addDuration(pack.calendar, '2027-03-01T09:00:00+08:00', wd(5));
      expect(inside.warnings.map((w) => w.code)).toEqual(['calendar-provisional']);
      const across = addDuration(pack.calendar, '2027-12-24T09:00:00+08:00', wd(10));
      // One for the pack's pre-arranged 2027, one for 2028 from the statutory rule.
      expect(across.warnings.map((w) => w.code)).toEqual(['calendar-provisional', 'calendar-provisional']);
      expect(across.warnings[1]?.message).toContain('2028 年');
      expect(across.warnings[1]?.message).toContain('《全国年节及纪念日放假办法》');
      // 2028-01-01 (元旦) is a Saturday, no 补假 derived: 12-27..31, 01-03..07 → 10th is 2028-01-07.
      expect(across.due).toBe('2028-01-07T17:30:00+08:00');
      // 2030-05-01/02 are statutory holidays; 05-06 + 1 working day is 05-07.
      const later = addDuration(pack.calendar, '2030-04-30T09:00:00+08:00', wd(1));
      expect(later).toEqual({ due: '2030-05-03T17:30:00+08:00', warnings: [expect.objectContaining({ code: 'calendar-provisional' })] });
      // A result that used no provisional day carries no such warning.
      expect(addDuration(pack.calendar, '2026-06-01T09:00:00+08:00', wd(5)).warnings.map((w) => w.code)).toEqual(['calendar-fallback']);
    } finally {
      await cleanup();
    }
  });

  test('without the statutory rule: weekends only, calendar-uncovered on every result relying on it', async () => {
    const cal = createCalendar({ calendars: [await rulesCalendarFile(2027)], officeHours: SEED_002_HOURS, statutory: false });
    expect(cal.sourceOf('2028-03-01')).toBe('weekends-only');
    const across = addDuration(cal, '2027-12-24T09:00:00+08:00', wd(10));
    expect(across.warnings.map((w) => w.code).sort()).toEqual(['calendar-provisional', 'calendar-uncovered']);
    expect(across.warnings.find((w) => w.code === 'calendar-uncovered')?.message).toContain('2028');
    const later = addDuration(cal, '2030-04-30T09:00:00+08:00', wd(1));
    expect(later).toEqual({ due: '2030-05-01T17:30:00+08:00', warnings: [expect.objectContaining({ code: 'calendar-uncovered' })] });
  });
});

describe('a calendar built without the fallback', () => {
  test('years the pack omits are weekends only and say so', () => {
    const cal = createCalendar({ calendars: [OFFICIAL_2025], officeHours: SEED_002_HOURS, fallback: false, statutory: false });
    expect(cal.sourceOf('2026-10-01')).toBe('weekends-only');
    expect(cal.isWorkingDay('2026-10-01')).toBe(true); // unknown holiday: a Thursday counts
    const summary = yearSummary(cal, 2026);
    expect(summary.source).toBe('weekends-only');
    expect(summary.holidays).toEqual([]);
    expect(summary.warnings.map((w) => w.code)).toEqual(['calendar-uncovered']);
    expect(yearSummary(cal, 2025).warnings).toEqual([]);
  });
});

describe('the fallback data itself', () => {
  test('covers 2004–2026 and matches the package day by day for 2024', async () => {
    const cal = createCalendar({ calendars: [], officeHours: SEED_002_HOURS });
    expect(cal.sourceOf('2004-06-01')).toBe('package');
    expect(cal.sourceOf('2003-06-01')).toBe('weekends-only');
    const data = await chineseDaysData();
    for (const date of datesOf(2024)) {
      const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect(cal.isWorkingDay(date)).toBe(date in data.workdays || (!(date in data.holidays) && dow !== 0 && dow !== 6));
    }
  });
});
