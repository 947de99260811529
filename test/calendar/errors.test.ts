// The clock's refusals: ClockErrors with catalogue codes, located at the input that is wrong,
// never a silent guess (a negative duration, a suspension that ends before it starts …).
import { beforeAll, describe, expect, test } from 'vitest';
import { addDuration, ClockError, computeDeadline, createCalendar, type Calendar } from '../../src/calendar/index.ts';
import type { ErrorCode } from '../../src/core/index.ts';
import { loadPack, type Pack } from '../../src/index.ts';
import type { Duration } from '../../src/pack/schema-types.ts';
import { OFFICIAL_2025, RULES, SEED_002_HOURS } from './helpers.ts';

/** The ClockError `f` throws, checked to carry `code` and to be located at `path`. */
function refusal(f: () => unknown, code: ErrorCode, path: string): ClockError {
  let thrown: unknown = null;
  try {
    f();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ClockError);
  const err = thrown as ClockError;
  expect([err.code, err.location.path]).toEqual([code, path]);
  expect(err.detail).toMatch(/[\u4e00-\u9fff]/);
  return err;
}

let cal: Calendar;
beforeAll(() => {
  cal = createCalendar({ calendars: [OFFICIAL_2025], officeHours: SEED_002_HOURS });
});

const START = '2025-06-03T10:00:00+08:00';

describe('durations and suspensions', () => {
  test('a negative or fractional amount, or an unknown unit, is refused where it is written', () => {
    refusal(() => addDuration(cal, START, { amount: -1, unit: 'workingDays' }), 'E-CLOCK-DURATION-INVALID', 'duration.amount');
    refusal(() => addDuration(cal, START, { amount: 1.5, unit: 'workingDays' }), 'E-CLOCK-DURATION-INVALID', 'duration.amount');
    const unit = refusal(() => addDuration(cal, START, { amount: 1, unit: 'weeks' } as unknown as Duration), 'E-CLOCK-DURATION-INVALID', 'duration.unit');
    expect(unit.detail).toContain('workingDays（工作日）');
  });

  test('a suspension resumed before it began is refused at its end', () => {
    const limits = { promised: { amount: 5, unit: 'workingDays' as const }, statutory: { amount: 20, unit: 'workingDays' as const } };
    const err = refusal(
      () => computeDeadline(cal, limits, START, { suspensions: [{ from: '2025-06-04T10:00:00+08:00', to: '2025-06-04T09:00:00+08:00' }] }),
      'E-CLOCK-SUSPENSION-INVALID',
      'suspensions[0].to',
    );
    expect(err.message).toBe('suspensions[0].to：恢复计时时间 2025-06-04T09:00:00+08:00 早于暂停时间 2025-06-04T10:00:00+08:00');
  });
});

describe('office hours', () => {
  test.each([
    [{ default: ['8:30-12'] }, 'center.officeHours.default[0]', /格式不正确/],
    [{ default: ['08:30-24:00'] }, 'center.officeHours.default[0]', /不是有效的时刻/],
  ])('%j is refused at %s', (officeHours, where, why) => {
    const err = refusal(() => createCalendar({ calendars: [], officeHours }), 'E-CLOCK-OFFICE-HOURS-INVALID', where);
    expect(err.detail).toMatch(why);
  });
});

describe('a deadline on a pack', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await loadPack(RULES);
  });

  test('for an item the pack does not have: E-CLOCK-ITEM-UNKNOWN, a 404 over HTTP', () => {
    const err = refusal(() => pack.deadline('ZZ-999', '2026-09-28T09:30:00+08:00'), 'E-CLOCK-ITEM-UNKNOWN', 'item');
    expect([err.detail, err.status]).toEqual(['规则包中没有事项 ZZ-999', 404]);
  });
});
