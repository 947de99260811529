import { afterEach, describe, expect, test } from 'vitest';
import type { Records, StaffMetrics } from '../../src/records/index.ts';
import { completeApplication, decided, editedPack, openTemp, samplePack } from './helpers.ts';

const open: Records[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const DAY = 86_400_000;
const MONTH_END = '2026-12-10T00:00:00+08:00';

/**
 * `total` cases of chen-li accepted in October and falling due in November 2026; `late` of them
 * are completed a day after their due time, the rest a day before.
 */
async function caseload(total: number, late: number, pack = samplePack()): Promise<Records> {
  const p = await pack;
  const { records } = await openTemp(p);
  open.push(records);
  const decision = await decided(p, completeApplication('2026-10-12T09:00:00+08:00'), 'accepted');
  for (let i = 0; i < total; i++) {
    const v = await records.cases.register({ decision, staff: 'chen-li' });
    const due = Date.parse(v.clock!.due);
    expect(new Date(due + 8 * 3_600_000).toISOString().slice(0, 7)).toBe('2026-11');
    await records.cases.addEvent(v.record.id, { type: 'completed', staff: 'chen-li', at: new Date(i < late ? due + DAY : due - DAY).toISOString() });
  }
  return records;
}

function chen(report: { staff: readonly StaffMetrics[] }): StaffMetrics {
  return report.staff.find((s) => s.staff === 'chen-li')!;
}

describe('assessment grades at their thresholds (policy.assessment)', () => {
  test('及时办结率 19/20 = 95% meets the standard: 优秀 without complaints, 称职 with one verified', async () => {
    const records = await caseload(20, 1);
    const m = chen(await records.metrics('2026-11', { now: MONTH_END }));
    expect(m.timelyCompletion).toEqual({ numerator: 19, denominator: 20, rate: 0.95 });
    expect(m.meetsStandards).toBe(true);
    expect(m.grade).toBe('优秀');

    const c = await records.complaints.add({ channel: 'oral', staff: 'chen-li', content: '态度生硬', receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-20T09:00:00+08:00' });
    await records.complaints.verify(c.id, { result: 'verified', handler: 'li-xiuying', at: '2026-11-20T15:00:00+08:00' });
    const after = chen(await records.metrics('2026-11', { now: MONTH_END }));
    expect(after.complaints).toEqual({ received: 1, verified: 1 });
    expect(after.grade).toBe('称职');
    // The complaint belongs to November only.
    expect(chen(await records.metrics('2026-10', { now: MONTH_END })).complaints.received).toBe(0);
  });

  test('18/20 = 90% is below 95%: 不称职', async () => {
    const records = await caseload(20, 2);
    const m = chen(await records.metrics('2026-11', { now: MONTH_END }));
    expect(m.timelyCompletion.rate).toBe(0.9);
    expect(m.meetsStandards).toBe(false);
    expect(m.grade).toBe('不称职');
  });

  test('the thresholds are the YAML: lowering the standard to 90% makes 18/20 称职', async () => {
    const records = await caseload(20, 2, editedPack((yaml) => yaml.replace(/timelyCompletionRate: 0\.95/, 'timelyCompletionRate: 0.9')));
    const m = chen(await records.metrics('2026-11', { now: MONTH_END }));
    expect(m.meetsStandards).toBe(true);
    expect(m.grade).toBe('优秀');
  });
});

describe('first-inquiry figures', () => {
  test('咨询首问受理率: the first person asked must take the matter up (100% standard)', async () => {
    const pack = await samplePack();
    const { records } = await openTemp(pack);
    open.push(records);
    const consult = await pack.decide({ ...completeApplication('2026-11-03T09:00:00+08:00'), intent: 'consult' });
    await records.cases.register({ decision: consult, staff: 'lin-xiaoyan' });
    expect(records.cases.size).toBe(1);
    let lin = (await records.metrics('2026-11', { now: MONTH_END })).staff.find((s) => s.staff === 'lin-xiaoyan')!;
    expect(lin.firstInquiryAcceptance).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(lin.grade).toBe('优秀');
    // Asked first, but the visitor was registered by someone else: 1 of 2 → below 100%.
    await records.cases.register({ decision: consult, staff: 'hu-jing', firstInquiry: 'lin-xiaoyan' });
    const report = await records.metrics('2026-11', { now: MONTH_END });
    lin = report.staff.find((s) => s.staff === 'lin-xiaoyan')!;
    expect(lin.firstInquiryAcceptance.rate).toBe(0.5);
    expect(lin.grade).toBe('不称职');
    const window = report.windows.find((w) => w.window === 'minzheng-window')!;
    expect(window.firstInquiryAcceptance).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  test('首问事项办结率 counts applications concluded, or whose limit has run out', async () => {
    const pack = await samplePack();
    const { records } = await openTemp(pack);
    open.push(records);
    const decision = await decided(pack, completeApplication('2026-11-02T09:00:00+08:00'), 'accepted');
    const a = await records.cases.register({ decision, staff: 'chen-li' });
    const b = await records.cases.register({ decision, staff: 'chen-li' });
    await records.cases.addEvent(a.record.id, { type: 'completed', staff: 'chen-li', at: '2026-11-20T10:00:00+08:00' });
    // Before b's limit runs out it is not counted; afterwards it counts as not concluded.
    const before = chen(await records.metrics('2026-11', { now: '2026-11-30T12:00:00+08:00' }));
    expect(before.firstInquiryCompletion).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    // Within November b's limit (early December) has not run out: still not counted.
    expect(chen(await records.metrics('2026-11', { now: '2027-01-10T00:00:00+08:00' })).firstInquiryCompletion.denominator).toBe(1);
    // Over the quarter, once its limit has run out, it counts as not concluded.
    const q4 = chen(await records.metrics('2026-Q4', { now: new Date(Date.parse(b.clock!.due) + DAY).toISOString() }));
    expect(q4.firstInquiryCompletion).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    // b is overdue and still open: it is counted against timeliness in the month it fell due.
    const dueMonth = new Date(Date.parse(b.clock!.due) + 8 * 3_600_000).toISOString().slice(0, 7);
    const timely = chen(await records.metrics(dueMonth, { now: '2027-01-31T00:00:00+08:00' })).timelyCompletion;
    expect(timely.denominator - timely.numerator).toBe(1);
  });
});
