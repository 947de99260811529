// Issue 15, danger 5: one wrong `year:` in a calendar file is one error at `year:`, not one per date.
// Before the fix the sample's 2027.yaml with `year: 2072` gave 8 E-CALENDAR-YEAR errors (one for
// `year:` and one per holiday); the first test fails on that code.
import { describe, expect, test } from 'vitest';
import { validatePack } from '../../src/index.ts';
import { rulesCalendarText, tempPack } from './helpers.ts';

// A fixed day well before November, so that no freshness warning joins in.
const NOW = new Date('2026-06-01T09:00:00+08:00');

async function errorsOf(calendars: Record<string, string>): Promise<ReadonlyArray<{ file: string; line: number; path: string; code: string; message: string }>> {
  const { dir, cleanup } = await tempPack(calendars);
  try {
    return (await validatePack(dir, { now: NOW })).errors;
  } finally {
    await cleanup();
  }
}

describe('a calendar file whose year disagrees', () => {
  test('a mistyped year: one root-cause error at `year:`, the dates are not reported', async () => {
    const text = (await rulesCalendarText(2027)).replace('year: 2027', 'year: 2072');
    const errors = await errorsOf({ '2026.yaml': await rulesCalendarText(2026), '2027.yaml': text });
    expect(errors).toHaveLength(1);
    const [e] = errors;
    expect(e).toMatchObject({ file: 'calendar/2027.yaml', path: '$.year', code: 'E-CALENDAR-YEAR' });
    expect(e!.message).toBe('年份不符：文件 calendar/2027.yaml 的 year 写的是 2072，与文件名和其中的日期不符；应为 2027');
    expect(e!.line).toBe(text.split('\n').findIndex((l) => l.startsWith('year:')) + 1);
  });

  test('a year that collides with another file is still one error (not also a duplicate)', async () => {
    const text = (await rulesCalendarText(2027)).replace('year: 2027', 'year: 2026');
    const errors = await errorsOf({ '2026.yaml': await rulesCalendarText(2026), '2027.yaml': text });
    expect(errors.map((e) => [e.file, e.code, e.path])).toEqual([['calendar/2027.yaml', 'E-CALENDAR-YEAR', '$.year']]);
  });

  test('a misnamed file (year and dates agree): one error asking for the right name', async () => {
    const errors = await errorsOf({ '2026.yaml': await rulesCalendarText(2026), '2028.yaml': await rulesCalendarText(2027) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'calendar/2028.yaml', path: '$.year', code: 'E-CALENDAR-YEAR' });
    expect(errors[0]!.message).toContain('请把文件改名为 calendar/2027.yaml');
  });

  test('a file copied from another year with only `year:` changed: one error at the first holiday', async () => {
    const text = (await rulesCalendarText(2027)).replace('year: 2027', 'year: 2028');
    const errors = await errorsOf({ '2026.yaml': await rulesCalendarText(2026), '2028.yaml': text });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'calendar/2028.yaml', path: '$.holidays[0].from', code: 'E-CALENDAR-YEAR' });
    expect(errors[0]!.message).toContain('放假日期都在 2027 年');
  });

  test('one stray date in a right file is still reported on its own', async () => {
    const text = (await rulesCalendarText(2027)).replace('{ name: 端午节, from: "2027-06-09" }', '{ name: 端午节, from: "2026-06-09" }');
    const errors = await errorsOf({ '2026.yaml': await rulesCalendarText(2026), '2027.yaml': text });
    expect(errors.map((e) => [e.code, e.path])).toEqual([['E-CALENDAR-YEAR', '$.holidays[4].from']]);
    expect(errors[0]!.message).toBe('年份不符：放假日期 2026-06-09 不在 2027 年');
  });
});
