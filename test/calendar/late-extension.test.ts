// Issue 15, danger 6: an extension approved after the statutory period ran out (行政许可法第四十二条
// requires it within the period) never cures the breach: the case stays red and statutory-overdue,
// the extension is recorded and named in an `extension-late` warning, in the clock, the case view
// and the 电子监察 sweep alike. Before the fix the late extension was applied and turned the red
// card back to normal/yellow: every test here fails on that code.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clock, computeDeadline, sweepClocks, type ClockCase } from '../../src/calendar/index.ts';
import type { Pack } from '../../src/index.ts';
import type { Records } from '../../src/records/index.ts';
import { completeApplication, decided, openTemp, samplePack } from '../records/helpers.ts';
import { officialCalendar } from './helpers.ts';

const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });
const policy = { warnings: { yellowWhenRemaining: wd(2) } };
const approval = (approvedAt: string) => ({ amount: 10, unit: 'workingDays' as const, approvedBy: '中心主任', approvedAt });

describe('the clock', () => {
  // Accepted Monday 2026-11-02; 20 working days → statutory due Monday 2026-11-30 17:30.
  const base: ClockCase = { acceptedAt: '2026-11-02T09:30:00+08:00', promised: wd(20), statutory: wd(20), extensionMax: wd(10) };

  test('an extension approved after the statutory due extends nothing: red, statutory-overdue, extension-late', async () => {
    const cal = await officialCalendar();
    const plain = clock(cal, policy, base, '2026-12-02T09:00:00+08:00');
    expect(plain.statutoryDue).toBe('2026-11-30T17:30:00+08:00');
    expect(plain.level).toBe('red');
    const late = clock(cal, policy, { ...base, extensions: [approval('2026-12-01T09:00:00+08:00')] }, '2026-12-02T09:00:00+08:00');
    expect(late.level).toBe('red');
    expect(late.due).toBe(plain.due);
    expect(late.statutoryDue).toBe('2026-11-30T17:30:00+08:00');
    expect(late.remaining.amount).toBeLessThan(0);
    expect(late.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['statutory-overdue', 'extension-late']));
    expect(late.warnings.find((w) => w.code === 'extension-late')?.message).toContain('第四十二条');
  });

  test('the same extension approved in time moves both dues', async () => {
    const cal = await officialCalendar();
    const timely = clock(cal, policy, { ...base, extensions: [approval('2026-11-27T09:00:00+08:00')] }, '2026-12-01T09:00:00+08:00');
    expect(timely.statutoryDue).toBe('2026-12-14T17:30:00+08:00');
    expect(timely.level).toBe('normal');
    expect(timely.warnings.map((w) => w.code)).not.toContain('extension-late');
  });

  test('a second extension counts when approved within the period as already extended', async () => {
    const cal = await officialCalendar();
    const two = { ...base, extensionMax: wd(20), extensions: [approval('2026-11-27T09:00:00+08:00'), approval('2026-12-10T09:00:00+08:00')] };
    expect(clock(cal, policy, two, '2026-12-14T09:00:00+08:00').statutoryDue).toBe('2026-12-28T17:30:00+08:00');
  });

  test('the sweep and computeDeadline agree', async () => {
    const cal = await officialCalendar();
    const late = { ...base, extensions: [approval('2026-12-01T09:00:00+08:00')] };
    expect(sweepClocks(cal, policy, [late], '2026-12-02T09:00:00+08:00').redCases).toEqual([0]);
    const d = computeDeadline(cal, { promised: wd(20), statutory: wd(20), extension: { max: wd(10), approver: '中心主任' } }, base.acceptedAt, { extensions: late.extensions });
    expect(d.statutory).toEqual({ amount: 20, unit: 'workingDays', due: '2026-11-30T17:30:00+08:00' });
  });
});

describe('the register', () => {
  let pack: Pack;
  let records: Records;
  beforeAll(async () => {
    pack = await samplePack();
    records = (await openTemp(pack)).records;
  });
  afterAll(() => records.close());

  test('a late extension is recorded; the case view and the sweep keep it red', async () => {
    const v = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-02T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    const statutoryDue = Date.parse(v.clock!.statutoryDue);
    const approvedAt = new Date(statutoryDue + 15 * 3_600_000).toISOString();
    const after = await records.cases.addEvent(v.record.id, { type: 'extended', staff: 'wang-jianhua', at: approvedAt, extension: { amount: 15, unit: 'workingDays', approvedBy: '梧溪县民政局' } });
    expect(after.record.events.map((e) => e.type)).toContain('extended');
    const now = statutoryDue + 2 * 86_400_000;
    const view = records.viewCase(after.record, now);
    expect(view.clock?.level).toBe('red');
    expect(view.overdue).toBe(true);
    expect(view.clock?.statutoryDue).toBe(v.clock!.statutoryDue);
    expect(view.clock?.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['statutory-overdue', 'extension-late']));
    const sweep = records.sweep({ now });
    expect(sweep.flagged.find((c) => c.case === v.record.id)).toMatchObject({ level: 'red', statutoryDue: v.clock!.statutoryDue });
  });
});
