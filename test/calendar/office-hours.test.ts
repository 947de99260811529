// Minute and hour limits count office time only; office hours per weekday, make-up days, bad hours.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { addDuration, ClockError, createCalendar } from '../../src/calendar/index.ts';
import { PackLoadError } from '../../src/pack/diagnostics.ts';
import { loadPack } from '../../src/index.ts';
import { OFFICIAL_2025, SEED_001_HOURS, SEED_002_HOURS, officialCalendar, rulesCalendarFile, rulesCalendarText, tempPack } from './helpers.ts';

const min = (amount: number) => ({ amount, unit: 'minutes' as const });
const hrs = (amount: number) => ({ amount, unit: 'hours' as const });

describe('即办 30 minutes, seed 002 hours (08:30–12:00, 13:00–17:30)', () => {
  test('started 11:50 with a 12:00–13:00 break ends 13:20', async () => {
    expect(addDuration(await officialCalendar(), '2026-06-01T11:50:00+08:00', min(30)).due).toBe('2026-06-01T13:20:00+08:00');
  });

  test('started 17:20 with a 17:30 close ends the next working day at 08:50', async () => {
    const cal = await officialCalendar();
    expect(addDuration(cal, '2026-06-01T17:20:00+08:00', min(30)).due).toBe('2026-06-02T08:50:00+08:00');
    // Friday → Monday; and the eve of the National Day break → the first day after it.
    expect(addDuration(cal, '2026-06-05T17:20:00+08:00', min(30)).due).toBe('2026-06-08T08:50:00+08:00');
    expect(addDuration(cal, '2026-09-30T17:20:00+08:00', min(30)).due).toBe('2026-10-08T08:50:00+08:00');
  });

  test('started outside office hours, the count begins at the next opening', async () => {
    const cal = await officialCalendar();
    expect(addDuration(cal, '2026-06-01T07:00:00+08:00', min(30)).due).toBe('2026-06-01T09:00:00+08:00');
    expect(addDuration(cal, '2026-06-01T12:30:00+08:00', min(30)).due).toBe('2026-06-01T13:30:00+08:00');
    expect(addDuration(cal, '2026-06-06T10:00:00+08:00', min(30)).due).toBe('2026-06-08T09:00:00+08:00'); // Saturday
  });

  test('a limit used up exactly at a close ends at the close, not at the next opening', async () => {
    expect(addDuration(await officialCalendar(), '2026-06-01T11:30:00+08:00', min(30)).due).toBe('2026-06-01T12:00:00+08:00');
  });

  test('hours: 8 office hours from 10:00 end the next working day at 10:00', async () => {
    // 10:00–12:00 (2 h) + 13:00–17:30 (4.5 h) = 6.5 h, then 1.5 h from 08:30.
    expect(addDuration(await officialCalendar(), '2026-06-01T10:00:00+08:00', hrs(8)).due).toBe('2026-06-02T10:00:00+08:00');
  });

  test('seconds in the start carry through', async () => {
    expect(addDuration(await officialCalendar(), '2026-06-01T11:50:30+08:00', min(30)).due).toBe('2026-06-01T13:20:30+08:00');
  });
});

describe('other office hours', () => {
  test('seed 001 (09:00–17:00, no lunch break): 11:50 + 30 min is 12:20; 16:50 + 30 min is 09:20 next day', async () => {
    const cal = await officialCalendar(SEED_001_HOURS);
    expect(addDuration(cal, '2026-06-01T11:50:00+08:00', min(30)).due).toBe('2026-06-01T12:20:00+08:00');
    expect(addDuration(cal, '2026-06-01T16:50:00+08:00', min(30)).due).toBe('2026-06-02T09:20:00+08:00');
    // Day limits end at this center's close.
    expect(addDuration(cal, '2026-06-01T10:00:00+08:00', { amount: 1, unit: 'workingDays' }).due).toBe('2026-06-02T17:00:00+08:00');
  });

  test('a weekday override applies on that weekday; a make-up Saturday keeps the default hours', async () => {
    const cal = createCalendar({
      calendars: [await rulesCalendarFile(2026)],
      officeHours: { default: ['08:30-12:00', '13:00-17:30'], fri: ['08:30-12:00'], sat: ['09:00-11:00'] },
    });
    expect(cal.officeHours('2026-06-05')).toEqual([[510, 720]]); // Friday
    expect(cal.officeHours('2026-10-10')).toEqual([[510, 720], [780, 1050]]); // make-up Saturday
    expect(cal.officeHours('2026-10-03')).toEqual([]); // Saturday in the National Day break
    expect(cal.officeHours('2026-06-06')).toEqual([[540, 660]]); // an ordinary Saturday the center opens
    expect(cal.isWorkingDay('2026-06-06')).toBe(false);
    // Friday afternoon closed: 11:50 + 30 min runs into the Saturday opening; day limits end at Friday's 12:00.
    expect(addDuration(cal, '2026-06-05T11:50:00+08:00', min(30)).due).toBe('2026-06-06T09:20:00+08:00');
    expect(addDuration(cal, '2026-06-04T10:00:00+08:00', { amount: 1, unit: 'workingDays' }).due).toBe('2026-06-05T12:00:00+08:00');
  });

  test('a working day without office hours ends day limits at the default close', () => {
    const cal = createCalendar({ calendars: [OFFICIAL_2025], officeHours: { default: ['08:30-17:00'], wed: [] }, fallback: false });
    expect(cal.officeHours('2025-06-04')).toEqual([]);
    expect(addDuration(cal, '2025-06-03T10:00:00+08:00', { amount: 1, unit: 'workingDays' }).due).toBe('2025-06-04T17:00:00+08:00');
    expect(addDuration(cal, '2025-06-03T16:50:00+08:00', min(30)).due).toBe('2025-06-05T08:50:00+08:00');
  });
});

describe('office hours that cannot work', () => {
  test.each([
    [{ default: ['13:00-17:30', '08:30-12:00'] }, 'center.officeHours.default[1]'],
    [{ default: ['08:30-12:00', '11:00-17:30'] }, 'center.officeHours.default[1]'],
    [{ default: ['08:30-12:00'], mon: ['12:00-08:00'] }, 'center.officeHours.mon[0]'],
  ])('%j is refused at %s', (officeHours, where) => {
    expect(() => createCalendar({ calendars: [], officeHours })).toThrow(ClockError);
    try {
      createCalendar({ calendars: [], officeHours });
    } catch (err) {
      expect(err).toBeInstanceOf(ClockError);
      expect((err as ClockError).location.path).toBe(where);
      expect((err as ClockError).message).toMatch(/办公时间段/);
    }
  });

  test('loadPack rejects them with the line and column in center.yaml', async () => {
    const { dir, cleanup } = await tempPack({ '2026.yaml': await rulesCalendarText(2026) }, async (d) => {
      const file = path.join(d, 'center.yaml');
      const doc = parseDocument(await readFile(file, 'utf8'));
      doc.setIn(['center', 'officeHours', 'default'], ['08:30-12:00', '11:30-17:30']);
      await writeFile(file, doc.toString());
    });
    try {
      const err = await loadPack(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PackLoadError);
      const d = (err as PackLoadError).errors[0]!;
      expect(d).toMatchObject({ file: 'center.yaml', path: '$.center.officeHours.default[1]', code: 'E-CENTER-OFFICE-HOURS' });
      expect(d.line).toBeGreaterThan(0);
      const line = (await readFile(path.join(dir, 'center.yaml'), 'utf8')).split('\n')[d.line - 1];
      expect(line).toContain('11:30-17:30');
    } finally {
      await cleanup();
    }
  });
});
