// Reporting periods and the discipline counting window, in Beijing time whatever the machine's zone.
import { describe, expect, test } from 'vitest';
import { assessmentPeriodAt, countingWindow, parsePeriod, RecordsError, type Period } from '../../src/records/index.ts';

const iso = (p: Period) => [new Date(p.from).toISOString(), new Date(p.to).toISOString(), p.label];

describe('periods as officers write them', () => {
  test('year, month, quarter and half year start and end at Beijing midnight', () => {
    expect(iso(parsePeriod('2026'))).toEqual(['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026年']);
    expect(iso(parsePeriod('2026-02'))).toEqual(['2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z', '2026年2月']);
    expect(iso(parsePeriod('2026-q4'))).toEqual(['2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026年第四季度']);
    expect(iso(parsePeriod(' 2026-H1 '))).toEqual(['2025-12-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z', '2026年上半年']);
  });

  test('anything else is a Chinese error naming the accepted forms', () => {
    for (const bad of ['2026-13', '2026-Q5', '26-11', '2026/11', '十一月']) {
      const err = (() => {
        try {
          parsePeriod(bad);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err, bad).toBeInstanceOf(RecordsError);
      expect((err as RecordsError).code).toBe('E-PERIOD');
      expect((err as RecordsError).message).toContain('2026-Q4');
    }
  });

  test('the assessment period containing an instant, as policy.assessment.period names it', () => {
    // 2026-07-01 00:30 in Beijing is still 30 June in UTC.
    const at = Date.parse('2026-07-01T00:30:00+08:00');
    expect(assessmentPeriodAt('month', at).label).toBe('2026年7月');
    expect(assessmentPeriodAt('quarter', at).label).toBe('2026年第三季度');
    expect(assessmentPeriodAt('halfYear', at).label).toBe('2026年下半年');
    expect(assessmentPeriodAt('year', at).label).toBe('2026年');
  });
});

describe('the counting window of verified complaints and violations', () => {
  const now = Date.parse('2026-03-15T10:00:00+08:00');

  test('calendar year: from 1 January up to and including now', () => {
    const w = countingWindow('calendarYear', 'month', now);
    expect(new Date(w.from).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(w.to).toBe(now + 1);
    expect(w.label).toBe('2026年（自然年，截至 2026-03-15）');
  });

  test('rolling 12 months: the same moment a year earlier; 29 February falls back to the 28th', () => {
    expect(new Date(countingWindow('rolling12Months', 'month', now).from).toISOString()).toBe('2025-03-15T02:00:00.000Z');
    const leap = Date.parse('2028-02-29T09:00:00+08:00');
    const w = countingWindow('rolling12Months', 'month', leap);
    expect(new Date(w.from).toISOString()).toBe('2027-02-28T01:00:00.000Z');
    expect(w.label).toBe('滚动12个月（2027-02-28 至 2028-02-29）');
  });

  test('assessment period: from the start of the current one', () => {
    const w = countingWindow('assessmentPeriod', 'quarter', now);
    expect(new Date(w.from).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(w.label).toBe('考评期 2026年第一季度（截至 2026-03-15）');
  });
});
