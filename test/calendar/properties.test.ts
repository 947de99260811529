// Property tests (fast-check) of the counting convention, against brute-force day-by-day and
// minute-by-minute recounts that do not use the day index.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDuration, formatInstant, type Calendar, type Suspension } from '../../src/calendar/index.ts';
import { parseInstant } from '../../src/core/index.ts';
import type { Duration } from '../../src/pack/schema-types.ts';
import { officialCalendar } from './helpers.ts';

let cal: Calendar;
beforeAll(async () => {
  cal = await officialCalendar();
});

const MIN = 60_000;
const DAY = 86_400_000;
const SH = 8 * 3_600_000;
const FROM = Date.UTC(2025, 0, 1) - SH;
const TO = Date.UTC(2027, 5, 30) - SH;

const shDay = (ms: number) => Math.floor((ms + SH) / DAY);
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayStart = (day: number) => day * DAY - SH;

/** Start instants on whole minutes, 2025-01-01 … 2027-06-30 (Shanghai). */
const instant = fc.integer({ min: FROM / MIN, max: TO / MIN }).map((m) => m * MIN);
const dayUnit = fc.constantFrom<Duration['unit']>('workingDays', 'calendarDays');
const anyUnit = fc.constantFrom<Duration['unit']>('workingDays', 'calendarDays', 'hours', 'minutes');
const amountFor = (unit: Duration['unit']) => fc.integer({ min: 0, max: unit === 'minutes' ? 900 : unit === 'hours' ? 40 : 60 });
/** Suspensions relative to a start: begin within 40 days after it, last up to 10 days. */
const relSuspensions = fc.array(fc.record({ after: fc.integer({ min: 0, max: 40 * 1440 }), length: fc.integer({ min: 1, max: 10 * 1440 }) }), { maxLength: 3 });
const absolute = (start: number, rel: ReadonlyArray<{ after: number; length: number }>): Suspension[] =>
  rel.map((r) => ({ from: formatInstant(start + r.after * MIN), to: formatInstant(start + (r.after + r.length) * MIN) }));

const dueMs = (start: number, d: Duration, suspensions: Suspension[] = []) => parseInstant(addDuration(cal, formatInstant(start), d, { suspensions }).due);

describe('monotonic', () => {
  test('a later start never gives an earlier due', () => {
    fc.assert(
      fc.property(anyUnit.chain((unit) => fc.tuple(fc.constant(unit), amountFor(unit))), instant, fc.integer({ min: 0, max: 20 * 1440 }), relSuspensions, ([unit, amount], s1, delta, rel) => {
        const s2 = s1 + delta * MIN;
        // The same suspensions (fixed instants) for both starts.
        const sus = absolute(s1, rel);
        expect(dueMs(s2, { amount, unit }, sus)).toBeGreaterThanOrEqual(dueMs(s1, { amount, unit }, sus));
      }),
      { numRuns: 400 },
    );
  });

  test('a larger amount never gives an earlier due', () => {
    fc.assert(
      fc.property(anyUnit.chain((unit) => fc.tuple(fc.constant(unit), amountFor(unit), amountFor(unit))), instant, relSuspensions, ([unit, a, b], start, rel) => {
        const sus = absolute(start, rel);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(dueMs(start, { amount: hi, unit }, sus)).toBeGreaterThanOrEqual(dueMs(start, { amount: lo, unit }, sus));
      }),
      { numRuns: 400 },
    );
  });

  test('adding a suspension never gives an earlier due', () => {
    fc.assert(
      fc.property(anyUnit.chain((unit) => fc.tuple(fc.constant(unit), amountFor(unit))), instant, relSuspensions, relSuspensions, ([unit, amount], start, rel, more) => {
        const before = absolute(start, rel);
        const after = [...before, ...absolute(start, more.slice(0, 1))];
        expect(dueMs(start, { amount, unit }, after)).toBeGreaterThanOrEqual(dueMs(start, { amount, unit }, before));
      }),
      { numRuns: 400 },
    );
  });

  test('the due time is never before the start', () => {
    fc.assert(
      fc.property(anyUnit.chain((unit) => fc.tuple(fc.constant(unit), amountFor(unit))), instant, relSuspensions, ([unit, amount], start, rel) => {
        expect(dueMs(start, { amount, unit }, absolute(start, rel))).toBeGreaterThanOrEqual(start);
      }),
    );
  });
});

describe('recounted by brute force', () => {
  test('the working days counted between acceptance and due equal the amount (suspended days excluded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), instant, relSuspensions, (amount, start, rel) => {
        const sus = absolute(start, rel).map((s) => ({ from: parseInstant(s.from), to: parseInstant(s.to!) }));
        const due = dueMs(start, { amount, unit: 'workingDays' }, absolute(start, rel));
        // Suspensions that began before the due time exclude every day they touch.
        const touched = (day: number) => sus.some((s) => s.from < due && s.from < dayStart(day + 1) && s.to > dayStart(day));
        let counted = 0;
        for (let d = shDay(start) + 1; d <= shDay(due); d++) if (cal.isWorkingDay(dateOf(d)) && !touched(d)) counted++;
        expect(counted).toBe(amount);
        // …and the due day is itself a counted working day, ending at its close.
        expect(cal.isWorkingDay(dateOf(shDay(due))) && !touched(shDay(due))).toBe(true);
        expect(formatInstant(due).slice(11, 16)).toBe('17:30');
      }),
      { numRuns: 300 },
    );
  });

  // 0 days is the same-day rule (same-day.test.ts), not "the 0th day after".
  test('calendar days: the due day is the first working day on or after the N-th day after acceptance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), instant, (amount, start) => {
        const due = dueMs(start, { amount, unit: 'calendarDays' });
        let day = shDay(start) + amount;
        while (!cal.isWorkingDay(dateOf(day))) day++;
        expect(shDay(due)).toBe(day);
      }),
      { numRuns: 300 },
    );
  });

  test('office minutes counted between start and due equal the amount (suspended minutes excluded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 900 }), instant, relSuspensions, (amount, start, rel) => {
        const sus = absolute(start, rel).map((s) => ({ from: parseInstant(s.from), to: parseInstant(s.to!) }));
        const due = dueMs(start, { amount, unit: 'minutes' }, absolute(start, rel));
        let counted = 0;
        for (let t = start; t < due; t += MIN) {
          const day = shDay(t);
          const m = (t - dayStart(day)) / MIN;
          const open = cal.officeHours(dateOf(day)).some(([s, e]) => m >= s && m < e);
          if (open && !sus.some((s) => t >= s.from && t < s.to)) counted++;
        }
        expect(counted).toBe(amount);
      }),
      { numRuns: 150 },
    );
  });
});
