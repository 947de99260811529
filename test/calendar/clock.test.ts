// The running clock: due with suspensions and extensions, remaining/elapsed, yellow and red levels.
import { beforeAll, describe, expect, test } from 'vitest';
import { clock, ClockError, computeDeadline, sweepClocks, type Calendar, type ClockCase } from '../../src/calendar/index.ts';
import { officialCalendar } from './helpers.ts';

let cal: Calendar;
beforeAll(async () => {
  cal = await officialCalendar();
});

const policy = { warnings: { yellowWhenRemaining: { amount: 2, unit: 'workingDays' as const } } };
const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });
// Accepted Monday 2026-09-28; 10 working days promised → 10-16, 20 statutory → 10-30.
const base: ClockCase = { acceptedAt: '2026-09-28T10:00:00+08:00', promised: wd(10), statutory: wd(20) };

describe('levels', () => {
  test('normal with more than 2 working days left, counting the make-up Saturday', () => {
    const s = clock(cal, policy, base, '2026-10-12T09:00:00+08:00');
    // Counted: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 → 6; left 10-13..10-16 → 4.
    expect(s).toMatchObject({ due: '2026-10-16T17:30:00+08:00', statutoryDue: '2026-10-30T17:30:00+08:00', level: 'normal', suspended: false });
    expect(s.elapsed).toEqual({ amount: 6, unit: 'workingDays' });
    expect(s.remaining).toEqual({ amount: 4, unit: 'workingDays' });
  });

  test('yellow when 2 working days or fewer remain (threshold from policy)', () => {
    expect(clock(cal, policy, base, '2026-10-13T09:00:00+08:00').level).toBe('normal'); // 3 left
    const s = clock(cal, policy, base, '2026-10-14T09:00:00+08:00');
    expect(s.level).toBe('yellow');
    expect(s.remaining.amount).toBe(2);
    const last = clock(cal, policy, base, '2026-10-16T17:29:00+08:00');
    expect([last.level, last.remaining.amount]).toEqual(['yellow', 0]);
    // A stricter policy turns yellow later.
    const strict = { warnings: { yellowWhenRemaining: wd(1) } };
    expect(clock(cal, strict, base, '2026-10-14T09:00:00+08:00').level).toBe('normal');
  });

  test('red once the promised due time has passed, with the days overdue', () => {
    const s = clock(cal, policy, base, '2026-10-16T17:31:00+08:00');
    expect([s.level, s.remaining.amount, s.elapsed.amount]).toEqual(['red', -1, 11]);
    expect(clock(cal, policy, base, '2026-10-20T10:00:00+08:00').remaining.amount).toBe(-2);
    expect(s.warnings).toEqual([]);
  });

  test('past the statutory due as well: a statutory-overdue warning', () => {
    const s = clock(cal, policy, base, '2026-11-02T10:00:00+08:00');
    expect(s.level).toBe('red');
    expect(s.warnings.map((w) => w.code)).toEqual(['statutory-overdue']);
    expect(s.warnings[0]?.message).toContain('2026-10-30');
  });

  test('a completed case stops the clock: normal if in time, red if late', () => {
    expect(clock(cal, policy, { ...base, completedAt: '2026-10-15T11:00:00+08:00' }, '2026-12-01T10:00:00+08:00')).toMatchObject({ level: 'normal', remaining: { amount: 1 } });
    expect(clock(cal, policy, { ...base, completedAt: '2026-10-19T11:00:00+08:00' }, '2026-12-01T10:00:00+08:00')).toMatchObject({ level: 'red', remaining: { amount: -1 } });
  });

  test('a minute clock (即办 30 minutes) uses the office-time threshold, not the day one', () => {
    const p = { warnings: { yellowWhenRemaining: wd(2), yellowWhenRemainingOfficeTime: { amount: 10, unit: 'minutes' as const } } };
    const c: ClockCase = { acceptedAt: '2026-06-01T11:50:00+08:00', promised: { amount: 30, unit: 'minutes' }, statutory: { amount: 30, unit: 'minutes' } };
    expect(clock(cal, p, c, '2026-06-01T12:30:00+08:00')).toMatchObject({ level: 'normal', remaining: { amount: 20, unit: 'minutes' }, elapsed: { amount: 10 } });
    expect(clock(cal, p, c, '2026-06-01T13:10:00+08:00')).toMatchObject({ level: 'yellow', remaining: { amount: 10 } });
    expect(clock(cal, p, c, '2026-06-01T13:21:00+08:00')).toMatchObject({ level: 'red', remaining: { amount: -1 } });
    // Without an office-time threshold a minute clock is never "within 2 working days" yellow: only red when late.
    expect(clock(cal, policy, c, '2026-06-01T13:19:00+08:00')).toMatchObject({ level: 'normal', remaining: { amount: 1 } });
    expect(clock(cal, policy, c, '2026-06-01T13:21:00+08:00').level).toBe('red');
  });
});

describe('suspensions', () => {
  test('the working days a suspension touches do not count, the start and resume days included', () => {
    // Suspended Friday 10-09 10:00 → Wednesday 10-14 15:00: 10-09, 10-10, 10-12, 10-13, 10-14 do not count.
    const c: ClockCase = { ...base, suspensions: [{ from: '2026-10-09T10:00:00+08:00', to: '2026-10-14T15:00:00+08:00', reason: '补正' }] };
    const s = clock(cal, policy, c, '2026-10-15T09:00:00+08:00');
    // Counted: 09-29, 09-30, 10-08, then 10-15, 10-16, 10-19 … 10-23 (the tenth).
    expect(s.due).toBe('2026-10-23T17:30:00+08:00');
    expect(s.statutoryDue).toBe('2026-11-06T17:30:00+08:00');
    expect(s.elapsed.amount).toBe(4);
    expect(s.suspended).toBe(false);
  });

  test('while suspended the remaining time is frozen and the due is the one if resumed now', () => {
    const c: ClockCase = { ...base, suspensions: [{ from: '2026-10-12T09:00:00+08:00' }] };
    const a = clock(cal, policy, c, '2026-10-14T09:00:00+08:00');
    const b = clock(cal, policy, c, '2026-10-20T09:00:00+08:00');
    expect(a.suspended && b.suspended).toBe(true);
    expect(a.remaining.amount).toBe(5);
    expect(b.remaining.amount).toBe(5);
    expect(a.due).toBe('2026-10-21T17:30:00+08:00');
    expect(b.due > a.due).toBe(true);
    expect(a.level).toBe('normal');
  });

  test('a suspension that begins after the due time does not rescue an overdue case', () => {
    const late: ClockCase = { ...base, suspensions: [{ from: '2026-10-16T18:00:00+08:00', to: '2026-10-20T09:00:00+08:00' }] };
    expect(clock(cal, policy, late, '2026-10-21T09:00:00+08:00').due).toBe('2026-10-16T17:30:00+08:00');
  });

  test('a suspension on the last day, before the close, moves the due past the resume day', () => {
    const lastDay: ClockCase = { ...base, suspensions: [{ from: '2026-10-16T10:00:00+08:00', to: '2026-10-19T09:00:00+08:00' }] };
    expect(clock(cal, policy, lastDay, '2026-10-21T09:00:00+08:00').due).toBe('2026-10-20T17:30:00+08:00');
  });

  test('minute clocks: suspended office time does not count', () => {
    const c: ClockCase = {
      acceptedAt: '2026-06-01T10:00:00+08:00',
      promised: { amount: 2, unit: 'hours' },
      statutory: { amount: 2, unit: 'hours' },
      suspensions: [{ from: '2026-06-01T11:00:00+08:00', to: '2026-06-01T14:00:00+08:00' }],
    };
    expect(clock(cal, policy, c, '2026-06-01T14:30:00+08:00')).toMatchObject({ due: '2026-06-01T15:00:00+08:00', remaining: { amount: 0.5, unit: 'hours' } });
  });

  test('a suspension ending before it starts is refused, with its path', () => {
    const bad: ClockCase = { ...base, suspensions: [{ from: '2026-10-12T09:00:00+08:00', to: '2026-10-09T09:00:00+08:00' }] };
    expect(() => clock(cal, policy, bad, '2026-10-14T09:00:00+08:00')).toThrowError(/suspensions\[0\]\.to：恢复计时时间/);
  });
});

describe('extensions', () => {
  const max = wd(10);
  const ext = (amount: number, approvedAt = '2026-10-14T09:00:00+08:00') => ({ amount, unit: 'workingDays' as const, approvedBy: '中心主任', approvedAt });

  test('an approved extension moves both promised and statutory due', () => {
    const s = clock(cal, policy, { ...base, extensionMax: max, extensions: [ext(10)] }, '2026-10-15T09:00:00+08:00');
    expect(s.due).toBe('2026-10-30T17:30:00+08:00');
    expect(s.statutoryDue).toBe('2026-11-13T17:30:00+08:00');
    expect(s.remaining.amount).toBe(11);
    // Not yet approved at "now": not applied.
    expect(clock(cal, policy, { ...base, extensionMax: max, extensions: [ext(10)] }, '2026-10-13T09:00:00+08:00').due).toBe('2026-10-16T17:30:00+08:00');
  });

  test('beyond the declared maximum it is refused with a typed Chinese error', () => {
    const c: ClockCase = { ...base, extensionMax: max, extensions: [ext(6), ext(5)] };
    let err: unknown;
    try {
      clock(cal, policy, c, '2026-10-15T09:00:00+08:00');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClockError);
    expect((err as ClockError).code).toBe('E-CLOCK-EXTENSION-EXCEEDS-MAX');
    expect((err as ClockError).location.path).toBe('extensions[1]');
    expect((err as ClockError).message).toContain('超过本事项规定的最长延长期限 10 个工作日');
  });

  test('without an approval record, or on an item that declares no extension, it is refused', () => {
    const unapproved = { amount: 5, unit: 'workingDays' as const, approvedBy: ' ', approvedAt: '2026-10-14T09:00:00+08:00' };
    expect(() => clock(cal, policy, { ...base, extensionMax: max, extensions: [unapproved] }, '2026-10-15T09:00:00+08:00')).toThrowError(expect.objectContaining({ code: 'E-CLOCK-EXTENSION-UNAPPROVED' }));
    expect(() => clock(cal, policy, { ...base, extensions: [ext(5)] }, '2026-10-15T09:00:00+08:00')).toThrowError(expect.objectContaining({ code: 'E-CLOCK-EXTENSION-NOT-ALLOWED' }));
    const calendarDays = { ...ext(5), unit: 'calendarDays' as const };
    expect(() => clock(cal, policy, { ...base, extensionMax: max, extensions: [calendarDays] }, '2026-10-15T09:00:00+08:00')).toThrowError(expect.objectContaining({ code: 'E-CLOCK-EXTENSION-UNIT-MISMATCH' }));
  });

  test('an extension approved after the statutory limit ran out carries a warning', () => {
    const s = clock(cal, policy, { ...base, extensionMax: max, extensions: [ext(10, '2026-11-02T09:00:00+08:00')] }, '2026-11-03T09:00:00+08:00');
    expect(s.warnings.map((w) => w.code)).toContain('extension-late');
  });

  test('computeDeadline applies extensions and reports the extended amounts', () => {
    const d = computeDeadline(cal, { promised: wd(10), statutory: wd(20), extension: { max, approver: '中心主任' } }, base.acceptedAt, { extensions: [ext(10)] });
    expect(d.promised).toEqual({ amount: 20, unit: 'workingDays', due: '2026-10-30T17:30:00+08:00' });
    expect(d.statutory).toEqual({ amount: 30, unit: 'workingDays', due: '2026-11-13T17:30:00+08:00' });
  });
});

describe('bad input', () => {
  test('bad times name the field', () => {
    expect(() => clock(cal, policy, { ...base, acceptedAt: '2026-09-31T10:00' }, '2026-10-01')).toThrowError(/^acceptedAt：时间 '2026-09-31T10:00' 不是真实存在的日期/);
    expect(() => clock(cal, policy, base, 'tomorrow')).toThrowError(/^now：时间 'tomorrow' 无效/);
    expect(() => clock(cal, policy, { ...base, acceptedAt: '1999-12-31T10:00:00+08:00' }, '2026-10-01')).toThrowError(expect.objectContaining({ code: 'E-CLOCK-DATE-OUT-OF-RANGE' }));
  });

  test('the sweep reports bad cases without stopping', () => {
    const cases: ClockCase[] = [base, { ...base, acceptedAt: 'x' }, { ...base, acceptedAt: '2026-10-08T10:00:00+08:00' }];
    const r = sweepClocks(cal, policy, cases, '2026-10-14T09:00:00+08:00');
    expect([r.normal, r.yellow, r.red]).toEqual([1, 1, 0]);
    expect([r.yellowCases, r.redCases]).toEqual([[0], []]);
    expect(r.errors.map((e) => [e.index, e.error.code])).toEqual([[1, 'E-CLOCK-TIME-INVALID']]);
  });
});
