// Issue 15, danger 8: a year with no calendar file and no chinese-days data still knows the statutory
// holidays of 《全国年节及纪念日放假办法》(2024年修订): 元旦, 春节 (除夕 to 初三), 清明, 劳动节
// 5/1–5/2, 端午, 中秋, 国庆 10/1–10/3, provisional, without 调休 or 补假. And from 1 November
// `validate` warns while next year's file is missing or still `official: false`.
// Before the fix those years counted weekends only (2026-12-31 17:20 + 1 working day was
// 2027-01-01, New Year's Day) and there was no November warning: the tests below fail on that code.
import { describe, expect, test } from 'vitest';
import { addDuration, createCalendar, yearSummary } from '../../src/calendar/index.ts';
import { statutoryDeclaration, statutoryHolidays } from '../../src/calendar/statutory.ts';
import { validatePack } from '../../src/index.ts';
import { RULES, SEED_002_HOURS, chineseDaysData, rulesCalendarFile, rulesCalendarText, tempPack } from './helpers.ts';

const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });

/** Neither pack files nor the package: the statutory rule alone beyond 2026. */
const bare = () => createCalendar({ calendars: [], officeHours: SEED_002_HOURS });

describe('the statutory holidays without a calendar file', () => {
  test('2026-12-31 17:20 + 1 working day skips 元旦 2027 and the weekend: 2027-01-04, provisional', () => {
    const r = addDuration(bare(), '2026-12-31T17:20:00+08:00', wd(1));
    expect(r.due).toBe('2027-01-04T17:30:00+08:00');
    expect(r.warnings.map((w) => w.code)).toContain('calendar-provisional');
    expect(r.warnings.find((w) => w.code === 'calendar-provisional')?.message).toContain('《全国年节及纪念日放假办法》');
  });

  test('2030: 元旦, 春节 2030-02-02 (除夕, 腊月三十) to 02-05, 清明, 劳动节, 端午, 中秋, 国庆', () => {
    const cal = bare();
    expect(cal.sourceOf('2030-06-01')).toBe('statutory');
    const off = ['2030-01-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-04-05', '2030-05-01', '2030-05-02', '2030-06-05', '2030-09-12', '2030-10-01', '2030-10-02', '2030-10-03'];
    for (const date of off) expect(cal.isWorkingDay(date), date).toBe(false);
    // The days around them are ordinary weekdays (no 调休, no 补假 derived).
    for (const date of ['2030-01-02', '2030-02-01', '2030-02-06', '2030-04-04', '2030-05-03', '2030-06-04', '2030-06-06', '2030-09-11', '2030-09-13', '2030-10-04', '2030-10-07']) {
      expect(cal.isWorkingDay(date), date).toBe(true);
    }
    expect(addDuration(cal, '2030-02-01T10:00:00+08:00', wd(1)).due).toBe('2030-02-06T17:30:00+08:00');
    const s = yearSummary(cal, 2030);
    expect(s.source).toBe('statutory');
    expect(s.official).toBe(false);
    expect(s.workdays).toEqual([]);
    expect(s.holidays.find((h) => h.name === '春节')).toEqual({ name: '春节', from: '2030-02-02', to: '2030-02-05', days: 4 });
  });

  test('除夕 is 腊月廿九 when the 12th lunar month is short: 2027-02-05 (matches the sample\'s pre-arranged 2027)', () => {
    expect(statutoryHolidays(2027)!.find((h) => h.name === '春节')?.days).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(statutoryHolidays(2026)!.find((h) => h.name === '春节')?.days[0]).toBe('2026-02-16');
  });

  test('中秋 within 国庆 (2028-10-03) makes one break of 3 days', () => {
    const s = yearSummary(bare(), 2028);
    expect(s.holidays.filter((h) => h.from.startsWith('2028-10') || h.from.startsWith('2028-09'))).toEqual([{ name: '国庆节、中秋节', from: '2028-10-01', to: '2028-10-03', days: 3 }]);
  });

  test('precedence: a pack file beats the package data, which beats the statutory rule', async () => {
    const withFile = createCalendar({ calendars: [await rulesCalendarFile(2027)], officeHours: SEED_002_HOURS });
    expect(withFile.sourceOf('2027-06-01')).toBe('pack');
    expect(bare().sourceOf('2026-06-01')).toBe('package');
    // The package's official 2026 break (10/1–10/7) wins over the statutory 10/1–10/3.
    expect(bare().isWorkingDay('2026-10-05')).toBe(false);
    // Before the 2024 revision took effect the rule does not apply: weekends only where nobody knows.
    expect(bare().sourceOf('2003-06-01')).toBe('weekends-only');
  });

  test('oracle: every statutory day the rule computes for 2025 and 2026 is a holiday in the official schedules (chinese-days data)', async () => {
    const data = await chineseDaysData();
    for (const year of [2025, 2026]) {
      const days = statutoryHolidays(year)!.flatMap((h) => h.days.map((d) => [h.name, d] as const));
      expect(days).toHaveLength(13);
      for (const [name, date] of days) expect(date in data.holidays, `${year} ${name} ${date}`).toBe(true);
    }
  });

  test('oracle: the lunar and solar-term days (春节初一至初三, 清明, 端午, 中秋) are official holidays 2008–2026', async () => {
    // Before 2025 the law differed (除夕 and 5月2日 were not statutory), but these days have been since 2008.
    const data = await chineseDaysData();
    for (let year = 2008; year <= 2026; year++) {
      const h = statutoryHolidays(year)!;
      const days = [...h.find((x) => x.name === '春节')!.days.slice(1), ...['清明节', '端午节', '中秋节', '元旦', '国庆节'].flatMap((n) => h.find((x) => x.name === n)!.days)];
      // The data lists some breaks without the weekend days inside them (2012-06-23, a Saturday):
      // a day off is a listed holiday, or a weekend day that is not a make-up workday.
      for (const date of days) {
        const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
        expect(date in data.holidays || ((dow === 0 || dow === 6) && !(date in data.workdays)), `${year}: ${date}`).toBe(true);
      }
    }
  });
});

// Review finding: a year the lunar data cannot place threw `new Error(...)` from the calendar build,
// which computes every year from 2025 to 2100 on each pack load: a gap in the data would have
// crashed every load with a stack trace. Now such a year has no statutory declaration and is
// counted by weekends only, with the calendar-uncovered warning.
describe('a year the lunar data does not cover', () => {
  test('statutoryHolidays answers null for 1899 and 2101 (outside chinese-days), never throws', () => {
    expect(statutoryHolidays(2101)).toBeNull();
    expect(statutoryHolidays(1899)).toBeNull();
    expect(statutoryHolidays(2100)).toHaveLength(7);
  });

  test('its statutory declaration is null, so the calendar leaves the year to weekends only', () => {
    expect(statutoryDeclaration(2101)).toBeNull();
    expect(statutoryDeclaration(2100)?.source).toBe('statutory');
  });
});

describe('the November warning (W-CALENDAR-NEXT-YEAR)', () => {
  const warningsAt = async (calendars: Record<string, string>, now: string) => {
    const { dir, cleanup } = await tempPack(calendars);
    try {
      return (await validatePack(dir, { now: new Date(now) })).warnings;
    } finally {
      await cleanup();
    }
  };

  test('next year still official: false: warns from 1 November (Shanghai), not on 31 October', async () => {
    const files = { '2026.yaml': await rulesCalendarText(2026), '2027.yaml': await rulesCalendarText(2027) };
    // 2026-10-31T16:00Z is already 2026-11-01 in Shanghai.
    const nov = await warningsAt(files, '2026-10-31T16:00:00Z');
    expect(nov.map((w) => [w.file, w.code, w.path])).toEqual([['calendar/2027.yaml', 'W-CALENDAR-NEXT-YEAR', '$.official']]);
    expect(nov[0]!.message).toContain('国务院办公厅通知一般于11月公布，请按通知更新 calendar/2027.yaml');
    expect(await warningsAt(files, '2026-10-31T15:59:00Z')).toEqual([]);
  });

  test('next year missing: one warning asking for the file (not also W-CALENDAR-ENDING)', async () => {
    const files = { '2026.yaml': await rulesCalendarText(2026) };
    const nov = await warningsAt(files, '2026-11-01T09:00:00+08:00');
    expect(nov.map((w) => [w.file, w.code])).toEqual([['calendar/2026.yaml', 'W-CALENDAR-NEXT-YEAR']]);
    expect(nov[0]!.message).toContain('请按通知添加 calendar/2027.yaml');
    expect(nov[0]!.message).toContain('还有 60 天');
    expect(await warningsAt(files, '2026-10-31T09:00:00+08:00')).toEqual([]);
  });

  test('the sample pack on 2026-12-02 warns about its provisional 2027 and still validates', async () => {
    const r = await validatePack(RULES, { now: new Date('2026-12-02T09:00:00+08:00') });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('W-CALENDAR-NEXT-YEAR');
  });
});
