// Issue 15, danger 7: a 0-day limit, and the new same-day unit (sameDay, 当日), end at the close of
// the day of acceptance when accepted on a working day before the close, else at the close of the
// next working day (民法典第二百零三条第二款). Before the fix a 0-day limit accepted after the close
// was due at the acceptance instant (red 5 minutes later): the "after close" tests fail on that
// code, and the sameDay ones fail there because the unit did not exist.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDuration, clock, computeDeadline, describeDuration, ClockError } from '../../src/calendar/index.ts';
import { formatDuration } from '../../src/documents/duration.ts';
import { loadPack, validatePack } from '../../src/index.ts';
import { officialCalendar, tempPack, rulesCalendarText, RULES } from './helpers.ts';

const sameDay = { amount: 0, unit: 'sameDay' as const };
const units = [sameDay, { amount: 0, unit: 'workingDays' as const }, { amount: 0, unit: 'calendarDays' as const }];

// 2026-11-27 is a Friday; office hours 08:30–12:00, 13:00–17:30; 2026-10-01..07 is the National Day break.
describe.each(units)('%o', (limit) => {
  test('accepted in office hours on a working day: that day at the close', async () => {
    const cal = await officialCalendar();
    expect(addDuration(cal, '2026-11-27T10:00:00+08:00', limit).due).toBe('2026-11-27T17:30:00+08:00');
    expect(addDuration(cal, '2026-11-27T17:29:00+08:00', limit).due).toBe('2026-11-27T17:30:00+08:00');
    // The lunch break and before opening are still the working day: its business lies ahead.
    expect(addDuration(cal, '2026-11-27T12:30:00+08:00', limit).due).toBe('2026-11-27T17:30:00+08:00');
    expect(addDuration(cal, '2026-11-27T07:00:00+08:00', limit).due).toBe('2026-11-27T17:30:00+08:00');
  });

  test('accepted after the close: the next working day at the close, not the acceptance instant', async () => {
    const cal = await officialCalendar();
    expect(addDuration(cal, '2026-11-27T17:30:00+08:00', limit).due).toBe('2026-11-30T17:30:00+08:00');
    expect(addDuration(cal, '2026-11-26T17:40:00+08:00', limit).due).toBe('2026-11-27T17:30:00+08:00');
    // Not red five minutes later.
    const s = clock(cal, { warnings: { yellowWhenRemaining: { amount: 2, unit: 'workingDays' } } }, { acceptedAt: '2026-11-26T17:40:00+08:00', promised: limit, statutory: limit }, '2026-11-26T17:45:00+08:00');
    expect(s.level).not.toBe('red');
    expect(s.due).toBe('2026-11-27T17:30:00+08:00');
  });

  test('accepted on a weekend or a holiday: the next working day at the close', async () => {
    const cal = await officialCalendar();
    expect(addDuration(cal, '2026-11-28T10:00:00+08:00', limit).due).toBe('2026-11-30T17:30:00+08:00');
    expect(addDuration(cal, '2026-10-03T10:00:00+08:00', limit).due).toBe('2026-10-08T17:30:00+08:00');
    // The last day before a holiday, after close: over the whole break.
    expect(addDuration(cal, '2026-09-30T18:00:00+08:00', limit).due).toBe('2026-10-08T17:30:00+08:00');
  });
});

describe('same day', () => {
  test('a suspension restarts the rule at its end', async () => {
    const cal = await officialCalendar();
    const due = addDuration(cal, '2026-11-26T10:00:00+08:00', sameDay, { suspensions: [{ from: '2026-11-26T11:00:00+08:00', to: '2026-11-27T09:00:00+08:00' }] }).due;
    expect(due).toBe('2026-11-27T17:30:00+08:00');
    // A suspension after the due time does not move it.
    expect(addDuration(cal, '2026-11-26T10:00:00+08:00', sameDay, { suspensions: [{ from: '2026-11-26T18:00:00+08:00', to: '2026-11-27T09:00:00+08:00' }] }).due).toBe('2026-11-26T17:30:00+08:00');
  });

  test('property: the due is the close of the first working day whose close is after the acceptance', async () => {
    const cal = await officialCalendar();
    const start = Date.parse('2026-01-01T00:00:00+08:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 360 * 24 * 60 }), (minute) => {
        const at = new Date(start + minute * 60_000).toISOString();
        const due = Date.parse(addDuration(cal, at, sameDay).due);
        // Walk days from the acceptance day: the first working one whose 17:30 close is still ahead.
        let day = Date.parse(`${new Date(start + minute * 60_000 + 8 * 3_600_000).toISOString().slice(0, 10)}T17:30:00+08:00`);
        while (!cal.isWorkingDay(new Date(day + 8 * 3_600_000).toISOString().slice(0, 10)) || day <= Date.parse(at)) day += 86_400_000;
        expect(due).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  test('is written {amount: 0, unit: sameDay} and described as 当日', () => {
    expect(describeDuration(sameDay)).toBe('当日');
    expect(formatDuration(sameDay)).toBe('当日');
  });

  test('any other amount is refused by the clock and by the schema', async () => {
    const cal = await officialCalendar();
    expect(() => addDuration(cal, '2026-11-27T10:00:00+08:00', { amount: 1, unit: 'sameDay' })).toThrowError(ClockError);
    const { dir, cleanup } = await tempPack({ '2026.yaml': await rulesCalendarText(2026) });
    try {
      const { readFile, writeFile } = await import('node:fs/promises');
      const file = `${dir}/items/mz-001.yaml`;
      const text = await readFile(file, 'utf8');
      const edited = text.replace(/statutory: \{ amount: \d+, unit: \w+ \}/, 'statutory: { amount: 1, unit: sameDay }');
      expect(edited).not.toBe(text);
      await writeFile(file, edited);
      const r = await validatePack(dir, { now: new Date('2026-06-01T09:00:00+08:00') });
      expect(r.errors.map((e) => [e.code, e.path])).toContainEqual(['E-SCHEMA-ENUM', '$.limits.statutory.amount']);
      expect(r.errors.find((e) => e.path === '$.limits.statutory.amount')?.message).toContain('当日（sameDay）的数量应写 0');
    } finally {
      await cleanup();
    }
  });
});

describe('the sample pack', () => {
  test('the 当日办结 items use sameDay: statutory due the same day, or the next working day after close', async () => {
    const pack = await loadPack(RULES);
    for (const code of ['RS-001', 'RS-002', 'RS-004', 'WJ-001', 'ZH-001']) {
      const inHours = pack.deadline(code, '2026-11-27T10:00:00+08:00');
      expect(inHours.statutory).toEqual({ amount: 0, unit: 'sameDay', due: '2026-11-27T17:30:00+08:00' });
      expect(inHours.promised).toEqual({ amount: 30, unit: 'minutes', due: '2026-11-27T10:30:00+08:00' });
      expect(pack.deadline(code, '2026-11-27T17:40:00+08:00').statutory.due).toBe('2026-11-30T17:30:00+08:00');
    }
    // Written as 1 working day before, the statutory due would have been the Monday.
    const cal = await officialCalendar();
    expect(computeDeadline(cal, { promised: { amount: 30, unit: 'minutes' }, statutory: { amount: 1, unit: 'workingDays' } }, '2026-11-27T10:00:00+08:00').statutory.due).toBe('2026-11-30T17:30:00+08:00');
  });
});

// Before the cap, 30 office minutes from Friday 17:20 were due Monday 08:50 while the statutory
// same-day limit ended Friday 17:30: the acceptance notice promised a time the law does not allow.
describe('a promise never outlasts the law', () => {
  const promised = { amount: 30, unit: 'minutes' as const };
  const policy = { warnings: { yellowWhenRemaining: { amount: 2, unit: 'workingDays' as const }, yellowWhenRemainingOfficeTime: { amount: 5, unit: 'minutes' as const } } };
  const c = { acceptedAt: '2026-11-27T17:20:00+08:00', promised, statutory: sameDay };

  test('the deadline and the clock put the promised due at the statutory one', async () => {
    const cal = await officialCalendar();
    const d = computeDeadline(cal, { promised, statutory: sameDay }, c.acceptedAt);
    expect(d.promised.due).toBe('2026-11-27T17:30:00+08:00');
    expect(d.statutory.due).toBe('2026-11-27T17:30:00+08:00');
    const s = clock(cal, policy, c, '2026-11-27T17:22:00+08:00');
    expect(s.due).toBe('2026-11-27T17:30:00+08:00');
    expect(s.remaining).toEqual({ amount: 8, unit: 'minutes' });
    expect(s.level).toBe('normal');
    expect(clock(cal, policy, c, '2026-11-27T17:26:00+08:00').level).toBe('yellow');
  });

  test('overdue under the cap counts the office minutes past the capped due', async () => {
    const cal = await officialCalendar();
    const s = clock(cal, policy, c, '2026-11-30T09:00:00+08:00');
    expect(s.level).toBe('red');
    // Friday 17:30 → Monday 09:00 is 30 office minutes (Monday 08:30–09:00).
    expect(s.remaining).toEqual({ amount: -30, unit: 'minutes' });
  });

  test('a promise that ends first is untouched', async () => {
    const cal = await officialCalendar();
    const d = computeDeadline(cal, { promised, statutory: sameDay }, '2026-11-27T10:00:00+08:00');
    expect(d.promised.due).toBe('2026-11-27T10:30:00+08:00');
  });
});
