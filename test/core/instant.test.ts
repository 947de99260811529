// The one parser of input instants and dates: what it accepts, what it refuses and how it says so.
import { describe, expect, test } from 'vitest';
import { formatInstant } from '../../src/calendar/index.ts';
import { BianminError, createAjv, parseDate, parseInstant, tryParseDate, tryParseInstant } from '../../src/core/index.ts';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('accepted instants', () => {
  test.each([
    ['2026-09-28T09:30:00+08:00', utc(2026, 9, 28, 1, 30)],
    ['2026-09-28T01:30:00Z', utc(2026, 9, 28, 1, 30)],
    ['2026-09-28t01:30:00z', utc(2026, 9, 28, 1, 30)],
    ['2026-09-27T20:30:00-05:00', utc(2026, 9, 28, 1, 30)],
    ['2026-09-28T09:30:00+0800', utc(2026, 9, 28, 1, 30)],
    ['2026-09-28T09:30:00+08', utc(2026, 9, 28, 1, 30)],
    ['2026-09-28T07:00:00+05:30', utc(2026, 9, 28, 1, 30)],
    // Without seconds, with or without a zone.
    ['2026-09-30T16:00+08:00', utc(2026, 9, 30, 8)],
    ['2026-09-30T16:00Z', utc(2026, 9, 30, 16)],
    ['2026-09-30T16:00', utc(2026, 9, 30, 8)],
    // Without a zone: Shanghai time, with `T` or a space as scenario files write it.
    ['2026-11-23 09:30', utc(2026, 11, 23, 1, 30)],
    ['2026-11-23T09:30:15', utc(2026, 11, 23, 1, 30, 15)],
    // Fractions: milliseconds kept, finer digits cut (never rounded into the next second).
    ['2026-10-08T09:30:00.250+08:00', utc(2026, 10, 8, 1, 30, 0, 250)],
    ['2026-10-08T09:30:00,5Z', utc(2026, 10, 8, 9, 30, 0, 500)],
    ['2026-10-08T09:30:59.999999999Z', utc(2026, 10, 8, 9, 30, 59, 999)],
    // A bare date where an instant is expected: Shanghai midnight.
    ['2026-10-08', utc(2026, 10, 7, 16)],
    // Surrounding blanks, as a pasted value has them.
    [' 2026-10-08T09:30+08:00 ', utc(2026, 10, 8, 1, 30)],
    // The offset range ends at ±14:00 inclusive (Kiribati, Baker Island).
    ['2026-10-08T14:00:00+14:00', utc(2026, 10, 8)],
    ['2026-10-07T10:00:00-14:00', utc(2026, 10, 8)],
    ['2026-10-08T00:00:00-00:00', utc(2026, 10, 8)],
  ])('%j', (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
    expect(tryParseInstant(input)).toBe(expected);
  });

  test('leap days exist in leap years only (2000 yes, 2100 no)', () => {
    expect(parseInstant('2028-02-29T10:00:00+08:00')).toBe(utc(2028, 2, 29, 2));
    expect(parseInstant('2000-02-29')).toBe(utc(2000, 2, 28, 16));
    expect(tryParseInstant('2100-02-29T10:00:00+08:00')).toBeNull();
    expect(tryParseInstant('2027-02-29T10:00:00+08:00')).toBeNull();
    expect(tryParseInstant('1900-02-29')).toBeNull();
  });

  test('the canonical fast path and the general path agree on every minute form', () => {
    for (let i = 0; i < 400; i++) {
      // Whole seconds across 2000–2100, deterministic.
      const ms = utc(2000, 1, 1) + ((i * 2_654_435_761) % 3_155_760_000) * 1000;
      const canonical = formatInstant(ms);
      expect(canonical).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(parseInstant(canonical)).toBe(ms);
      expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      expect(parseInstant(canonical.replace('+08:00', ''))).toBe(ms);
    }
  });
});

describe('refused instants', () => {
  test.each([
    ['2026-02-31T09:30:00+08:00', '不是真实存在的日期：2026 年 2 月只有 28 天'],
    ['2026-02-30', '2026 年 2 月只有 28 天'],
    ['2026-04-31T09:30', '2026 年 4 月只有 30 天'],
    ['2026-13-01T09:30', '月份应为 01–12'],
    ['2026-00-10T09:30', '月份应为 01–12'],
    ['2026-10-00T09:30', '2026 年 10 月只有 31 天'],
    ['2026-10-08T24:00:00+08:00', '小时应为 00–23'],
    ['2026-10-08T09:60+08:00', '分钟应为 00–59'],
    ['2026-12-31T23:59:60Z', '秒应为 00–59'],
    ['2026-10-08T09:30:00+19:00', '时区偏移 +19:00 无效，应在 -14:00 到 +14:00 之间'],
    ['2026-10-08T09:30:00+14:01', '时区偏移 +14:01'],
    ['2026-10-08T09:30:00-1430', '时区偏移 -14:30'],
    ['2026-10-08T09:30:00+08:75', '时区偏移 +08:75'],
    ['2026-1-8', 'ISO 8601'],
    ['2026-10-08Z', 'ISO 8601'],
    ['2026-10-08T9:30', 'ISO 8601'],
    ['2026-10-08T09:30:00+8', 'ISO 8601'],
    ['2026-10-08T09:30:00.', 'ISO 8601'],
    ['20261008T093000', 'ISO 8601'],
    ['明天', 'ISO 8601'],
    ['', 'ISO 8601'],
  ])('%j: %s', (input, reason) => {
    expect(tryParseInstant(input)).toBeNull();
    let err: unknown;
    try {
      parseInstant(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BianminError);
    const e = err as BianminError;
    expect(e.code).toBe('E-TIME-INVALID');
    // Names the value and shows an example of what is accepted.
    expect(e.detail).toContain(`时间 '${input}'`);
    expect(e.detail).toContain(reason);
    expect(e.detail).toContain('例如 2026-09-28T09:30:00+08:00');
  });

  test.each([
    [null, '为空'],
    [undefined, '为空'],
    [20261008, '实际是数字'],
    [{ at: '2026-10-08' }, '实际是对象'],
    [['2026-10-08'], '实际是列表'],
  ])('%j is not text', (input, reason) => {
    expect(tryParseInstant(input)).toBeNull();
    expect(() => parseInstant(input)).toThrowError(reason);
  });

  test("the error carries the caller's code and location; status and exit code come from the catalogue", () => {
    const err = (() => {
      try {
        parseInstant('2026-02-31T09:30:00+08:00', { code: 'E-RECORD-TIME', file: 'data/cases-2026.json', line: 12, column: 7, path: '$.records[3].receivedAt' });
      } catch (e) {
        return e as BianminError;
      }
      throw new Error('accepted');
    })();
    expect([err.code, err.kind, err.status, err.exitCode]).toEqual(['E-RECORD-TIME', 'records', 400, 1]);
    expect(err.location).toEqual({ file: 'data/cases-2026.json', line: 12, column: 7, path: '$.records[3].receivedAt' });
    expect(err.message).toMatch(/^data\/cases-2026\.json:12:7 \$\.records\[3\]\.receivedAt：时间 '2026-02-31T09:30:00\+08:00' 不是真实存在的日期/);
    expect(err.details).toEqual([{ code: 'E-RECORD-TIME', message: err.detail, file: 'data/cases-2026.json', line: 12, column: 7, path: '$.records[3].receivedAt' }]);
  });

  test.each(['E-APP-TIME', 'E-SCENARIO-TIME', 'E-COMPLAINT-TIME', 'E-REVIEW-TIME', 'E-CLOCK-TIME-INVALID'] as const)('reports as %s when the caller says so', (code) => {
    expect(() => parseInstant('2026-10-08T24:00', { code, path: 'at' })).toThrowError(expect.objectContaining({ code, location: { path: 'at' } }));
  });

  test('a long value is cut in the message', () => {
    const long = `2026-10-08T09:30:00+08:00${'x'.repeat(10_000)}`;
    expect(() => parseInstant(long)).toThrowError(expect.objectContaining({ detail: expect.stringMatching(/^时间 '2026-10-08T09:30:00\+08:00x{15}…' 无效/) }));
  });
});

describe('dates', () => {
  test('YYYY-MM-DD is a day number; impossible dates are refused, leap years respected', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('2026-10-08')).toBe(utc(2026, 10, 8) / 86_400_000);
    expect(parseDate('2028-02-29')).toBe(utc(2028, 2, 29) / 86_400_000);
    for (const bad of ['2026-02-30', '2027-02-29', '2100-02-29', '2026-13-01', '2026-10-08T09:30', '2026-1-8', '明天', '']) {
      expect(tryParseDate(bad), bad).toBeNull();
    }
  });

  test('a bad date names itself, the reason and an example, with the caller’s code and path', () => {
    expect(() => parseDate('2027-02-29', { code: 'E-REQ-FORMAT', path: 'query.date' })).toThrowError(
      expect.objectContaining({ code: 'E-REQ-FORMAT', location: { path: 'query.date' }, detail: "日期 '2027-02-29' 不是真实存在的日期：2027 年 2 月只有 28 天，例如 2026-10-08" }),
    );
    expect(() => parseDate('2026-10-08T09:30')).toThrowError(expect.objectContaining({ code: 'E-TIME-INVALID', detail: expect.stringContaining('应为 YYYY-MM-DD 格式的日期') }));
  });
});

describe('independent of the machine zone', () => {
  test.each(['America/New_York', 'Asia/Shanghai', 'UTC', 'Pacific/Kiritimati'])('TZ=%s', (tz) => {
    const saved = process.env.TZ;
    process.env.TZ = tz;
    try {
      // 02:30 on 2026-03-08 does not exist in New York (DST gap); in Shanghai it is an ordinary time.
      expect(parseInstant('2026-03-08T02:30')).toBe(utc(2026, 3, 7, 18, 30));
      expect(parseInstant('2026-03-08')).toBe(utc(2026, 3, 7, 16));
      expect(parseInstant('2026-11-01 01:30')).toBe(utc(2026, 10, 31, 17, 30));
      expect(parseDate('2026-03-08')).toBe(utc(2026, 3, 8) / 86_400_000);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("ajv's date-time and date formats are the parser", () => {
  const ajv = createAjv();
  const instant = ajv.compile({ type: 'string', format: 'date-time' });
  const date = ajv.compile({ type: 'string', format: 'date' });

  test.each([
    ['2026-09-30T16:00+08:00', true],
    ['2026-09-30T16:00:00', true],
    ['2026-02-31T09:30:00+08:00', false],
    ['2026-09-30T16:00:00+19:00', false],
    ['2026-12-31T23:59:60Z', false],
  ])('date-time %j → %s', (value, ok) => {
    expect(instant(value)).toBe(ok);
    expect(tryParseInstant(value) !== null).toBe(ok);
  });

  test.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-02-30', false],
  ])('date %j → %s', (value, ok) => {
    expect(date(value)).toBe(ok);
  });
});
