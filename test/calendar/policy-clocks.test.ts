// The other clocks of policy.yaml, run by the same counting code.
import { beforeAll, describe, expect, test } from 'vitest';
import { addDuration, policyClock, policyDue, supplementNotice, type Calendar, type PolicyClockName } from '../../src/calendar/index.ts';
import type { Clocks } from '../../src/pack/schema-types.ts';
import { loadPack } from '../../src/index.ts';
import { RULES, officialCalendar } from './helpers.ts';

let cal: Calendar;
beforeAll(async () => {
  cal = await officialCalendar();
});

// The seeds' limits (DOMAIN.md "Other clocks"), in the units the sample pack uses.
const clocks: Clocks = {
  immediate: { amount: 30, unit: 'minutes' },
  supplementNotice: { amount: 5, unit: 'workingDays' },
  complaintReply: { amount: 1, unit: 'calendarDays' },
  complaintReplyComplex: { amount: 7, unit: 'calendarDays' },
  petitionReply: { amount: 3, unit: 'calendarDays' },
  leaderReception: { amount: 7, unit: 'calendarDays' },
  badReviewCallback: { amount: 1, unit: 'calendarDays' },
  badReviewRectification: { amount: 15, unit: 'workingDays' },
};
const policy = { clocks, warnings: { yellowWhenRemaining: { amount: 2, unit: 'workingDays' as const } } };

describe('supplement notice (行政许可法 Art. 32: within 5 days, else accepted from receipt)', () => {
  const received = '2026-09-29T10:00:00+08:00';

  test('due 5 working days after receipt, across the National Day break', () => {
    expect(policyDue(cal, clocks, 'supplementNotice', received).due).toBe('2026-10-12T17:30:00+08:00');
  });

  test('given in time: no deemed acceptance', () => {
    expect(supplementNotice(cal, clocks, received, '2026-10-12T17:00:00+08:00', '2026-10-20T00:00:00+08:00')).toMatchObject({ status: 'given-in-time', deemedAcceptedAt: null });
    expect(supplementNotice(cal, clocks, received, received, received)).toMatchObject({ status: 'given-in-time' });
  });

  test('not given yet but still in time: pending', () => {
    expect(supplementNotice(cal, clocks, received, null, '2026-10-12T09:00:00+08:00')).toMatchObject({ status: 'pending', deemedAcceptedAt: null });
  });

  test('given late or not at all: the application counts as accepted from receipt', () => {
    expect(supplementNotice(cal, clocks, received, '2026-10-13T09:00:00+08:00', '2026-10-20T00:00:00+08:00')).toMatchObject({ status: 'given-late', deemedAcceptedAt: received });
    expect(supplementNotice(cal, clocks, '2026-09-29T10:00', undefined, '2026-10-12T17:31:00+08:00')).toMatchObject({ status: 'overdue', deemedAcceptedAt: received });
  });
});

describe('complaints, petitions, reviews', () => {
  test('complaint reply the next day; received on a Friday it is due on Monday (holiday rule)', () => {
    expect(policyDue(cal, clocks, 'complaintReply', '2026-06-03T15:00:00+08:00').due).toBe('2026-06-04T17:30:00+08:00');
    expect(policyDue(cal, clocks, 'complaintReply', '2026-06-05T15:00:00+08:00').due).toBe('2026-06-08T17:30:00+08:00');
  });

  test('complex complaint within one week; petition within 3 days; leader reception within a week', () => {
    expect(policyDue(cal, clocks, 'complaintReplyComplex', '2026-06-03T15:00:00+08:00').due).toBe('2026-06-10T17:30:00+08:00');
    expect(policyDue(cal, clocks, 'petitionReply', '2026-09-29T09:00:00+08:00').due).toBe('2026-10-08T17:30:00+08:00');
    expect(policyDue(cal, clocks, 'leaderReception', '2026-06-01T09:00:00+08:00').due).toBe('2026-06-08T17:30:00+08:00');
  });

  test('bad review: callback within 1 day, rectification within 15 working days', () => {
    expect(policyDue(cal, clocks, 'badReviewCallback', '2026-06-01T09:00:00+08:00').due).toBe('2026-06-02T17:30:00+08:00');
    // 15 working days from 2026-09-21: 09-22..24 (3; 09-25 is 中秋), 09-28..30 (6), 10-08..10 (9), 10-12..16 (14), 10-19.
    expect(policyDue(cal, clocks, 'badReviewRectification', '2026-09-21T09:00:00+08:00').due).toBe('2026-10-19T17:30:00+08:00');
  });

  test('policy clocks have levels like case clocks', () => {
    const started = '2026-09-21T09:00:00+08:00';
    expect(policyClock(cal, policy, 'badReviewRectification', started, '2026-10-12T09:00:00+08:00').level).toBe('normal');
    expect(policyClock(cal, policy, 'badReviewRectification', started, '2026-10-15T09:00:00+08:00').level).toBe('yellow');
    expect(policyClock(cal, policy, 'badReviewRectification', started, '2026-10-20T09:00:00+08:00').level).toBe('red');
    expect(policyClock(cal, policy, 'badReviewRectification', started, '2026-10-20T09:00:00+08:00', { completedAt: '2026-10-16T10:00:00+08:00' }).level).toBe('normal');
  });
});

test("the sample pack's own clocks run through the same counting", async () => {
  const pack = await loadPack(RULES);
  // supplementPeriod runs from a supplement notice (documents), and the sample sets none.
  for (const name of Object.keys(pack.data.policy.clocks).filter((n) => n !== 'supplementPeriod') as Array<PolicyClockName>) {
    const start = '2026-09-29T10:00:00+08:00';
    expect(policyDue(pack.calendar, pack.data.policy.clocks, name, start)).toEqual(addDuration(pack.calendar, start, pack.data.policy.clocks[name]));
  }
});
