// ISO 8601 in and out, always Asia/Shanghai.
import { describe, expect, test } from 'vitest';
import { ClockError, clockInstant, formatInstant, shanghaiDate } from '../../src/calendar/index.ts';

describe('clockInstant', () => {
  test.each([
    ['2026-10-08T09:30:00+08:00', '2026-10-08T09:30:00+08:00'],
    ['2026-10-08T01:30:00Z', '2026-10-08T09:30:00+08:00'],
    ['2026-10-07T20:30:00-05:00', '2026-10-08T09:30:00+08:00'],
    ['2026-10-08T09:30', '2026-10-08T09:30:00+08:00'],
    ['2026-10-08 09:30:15', '2026-10-08T09:30:15+08:00'],
    ['2026-10-08T09:30:00.250+0800', '2026-10-08T09:30:00.250+08:00'],
    ['2026-10-08', '2026-10-08T00:00:00+08:00'],
  ])('%s → %s', (input, expected) => {
    expect(formatInstant(clockInstant(input))).toBe(expected);
  });

  test.each(['2026-02-29T10:00:00+08:00', '2026-10-08T24:00', '2026-1-8', '明天', '', '2026-10-08T09:30:00+25:00'])('refuses %j with a Chinese message', (input) => {
    expect(() => clockInstant(input, 'acceptedAt')).toThrowError(ClockError);
    expect(() => clockInstant(input, 'acceptedAt')).toThrowError(/^acceptedAt：时间 .*(无效|不是真实存在)/);
  });

  test('the Shanghai date of an instant late in the UTC day is the next day', () => {
    expect(shanghaiDate(clockInstant('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
  });
});
