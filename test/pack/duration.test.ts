/**
 * The one wording and the one length comparison of limits (src/pack/duration.ts), shared by the
 * pack checks, the calendar, `bianmin check` and the scenario reports.
 *
 * Before: crossref.ts took 当日 as 24 h − 1 min and a 0-day limit as nothing, while mode-checks.ts
 * took both as 12 h, so a promised limit of 16 office hours under a statutory 当日 passed one check
 * and failed the other; and `bianmin check` wrote 7 calendar days as `7自然日` where every other
 * message writes `7日`.
 */
import { describe, expect, it } from 'vitest';
import { describeDuration, durationSpan, unitName, unitWord } from '../../src/pack/index.ts';
import { describeDuration as calendarDescribe } from '../../src/calendar/index.ts';

describe('limits in words', () => {
  it('spaced for reports, tight for running message text, 当日 without a number', () => {
    expect(describeDuration({ amount: 20, unit: 'workingDays' })).toBe('20 个工作日');
    expect(describeDuration({ amount: 7, unit: 'calendarDays' }, { tight: true })).toBe('7日');
    expect(describeDuration({ amount: 0, unit: 'sameDay' }, { tight: true })).toBe('当日');
    expect(unitWord('hours')).toBe('小时');
    expect(unitName('calendarDays')).toBe('自然日');
    expect(calendarDescribe).toBe(describeDuration);
  });
});

describe('durationSpan', () => {
  it('orders office time, 当日 (and a 0-day limit) and days alike everywhere', () => {
    const sameDay = durationSpan({ amount: 0, unit: 'sameDay' });
    expect(durationSpan({ amount: 0, unit: 'workingDays' })).toBe(sameDay);
    expect(durationSpan({ amount: 8, unit: 'hours' })).toBeLessThan(sameDay);
    expect(durationSpan({ amount: 16, unit: 'hours' })).toBeGreaterThan(sameDay);
    expect(sameDay).toBeLessThan(durationSpan({ amount: 1, unit: 'workingDays' }));
    expect(durationSpan({ amount: 1, unit: 'calendarDays' })).toBe(durationSpan({ amount: 1, unit: 'workingDays' }));
    expect(durationSpan({ amount: 90, unit: 'minutes' })).toBeLessThan(durationSpan({ amount: 2, unit: 'hours' }));
  });
});
