import { readdir } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { completeApplication, decided, onLowdb, recordsPerTest, samplePack } from './helpers.ts';

const { fresh } = recordsPerTest();

describe('case register', () => {
  test('every decision is registered, consultations included, each in the shard of its year', async () => {
    const pack = await samplePack();
    const { records, dir } = await fresh();
    const consult = await pack.decide({ ...completeApplication('2026-12-30T10:00:00+08:00'), intent: 'consult' });
    expect(consult.kind).toBe('consultation');
    const c = await records.cases.register({ decision: consult, staff: 'lin-xiaoyan' });
    expect(c.record.id).toBe('2026-000001');
    expect(c.status).toBe('consultation');
    expect(c.clock).toBeNull();
    expect(c.concludedAt).toBe('2026-12-30T10:00:00+08:00');

    const accepted = await records.cases.register({ decision: await decided(pack, completeApplication('2027-01-04T09:30:00+08:00'), 'accepted'), application: completeApplication('2027-01-04T09:30:00+08:00'), staff: 'chen-li', firstInquiry: 'lin-xiaoyan' });
    expect(accepted.record.id).toBe('2027-000001');
    expect(accepted.record.window).toBe('minzheng-window');
    expect(accepted.record.post).toBe('minzheng-post');
    expect(accepted.record.firstInquiry).toBe('lin-xiaoyan');
    expect(accepted.record.events.map((e) => [e.type, e.staff])).toEqual([
      ['received', 'chen-li'],
      ['accepted', 'chen-li'],
    ]);
    // The clock comes from the calendar: 25 working days from acceptance.
    expect(accepted.clock?.due).toBe(accepted.record.decision.deadline?.promised.due);
    expect(accepted.status).toBe('accepted');
    if (onLowdb) expect(await readdir(dir)).toEqual(expect.arrayContaining(['cases-2026.log', 'cases-2027.log']));
    expect(records.cases.years()).toEqual([2026, 2027]);

    const supplement = await pack.decide({ ...completeApplication('2027-01-05T09:00:00+08:00'), materials: ['application', 'id-card', 'authorization'] });
    expect(supplement.kind).toBe('supplement');
    const s = await records.cases.register({ decision: supplement, staff: 'chen-li' });
    expect(s.status).toBe('supplement');
    expect(s.record.events.map((e) => e.type)).toEqual(['received', 'supplement-notified']);
    expect(s.clock).toBeNull();
  });

  test('events: suspend, resume, extend within the declared maximum, complete; with staff and time', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const v = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-02T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    const id = v.record.id;
    const due0 = Date.parse(v.clock!.due);
    await records.cases.addEvent(id, { type: 'suspended', staff: 'chen-li', at: '2026-11-04T10:00:00+08:00', reason: '入户调查核实家庭财产' });
    const resumed = await records.cases.addEvent(id, { type: 'resumed', staff: 'chen-li', at: '2026-11-11T10:00:00+08:00' });
    // Suspended time does not count: the due time moves later.
    expect(Date.parse(resumed.clock!.due)).toBeGreaterThan(due0);
    const extended = await records.cases.addEvent(id, { type: 'extended', staff: 'wang-jianhua', at: '2026-11-20T09:00:00+08:00', extension: { amount: 10, unit: 'workingDays', approvedBy: '梧溪县民政局', reference: '梧民〔2026〕12号' } });
    expect(Date.parse(extended.clock!.due)).toBeGreaterThan(Date.parse(resumed.clock!.due));
    // The approval recorded by the department head (the post's B holder) is not B covering.
    expect(extended.responsible).toMatchObject({ staff: 'chen-li', role: 'A' });
    // The item (MZ-001) allows at most 15 working days in all: 10 + 10 is refused, in Chinese.
    await expect(records.cases.addEvent(id, { type: 'extended', staff: 'wang-jianhua', at: '2026-11-25T09:00:00+08:00', extension: { amount: 10, unit: 'workingDays', approvedBy: '梧溪县民政局' } })).rejects.toThrow(/超过本事项规定的最长延长期限/);
    const done = await records.cases.addEvent(id, { type: 'completed', staff: 'chen-li', at: '2026-12-01T16:00:00+08:00' });
    expect(done.status).toBe('completed');
    expect(done.overdue).toBe(false);
    expect(done.record.events.map((e) => `${e.type}/${e.staff}`)).toEqual(['received/chen-li', 'accepted/chen-li', 'suspended/chen-li', 'resumed/chen-li', 'extended/wang-jianhua', 'completed/chen-li']);
    expect(done.record.events[4]!.extension).toMatchObject({ approvedBy: '梧溪县民政局', approvedAt: '2026-11-20T09:00:00+08:00' });
  });

  test('impossible events are refused with a Chinese reason', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const consult = await records.cases.register({ decision: await pack.decide({ ...completeApplication('2026-11-02T09:30:00+08:00'), intent: 'consult' }), staff: 'lin-xiaoyan' });
    await expect(records.cases.addEvent(consult.record.id, { type: 'accepted', staff: 'chen-li', at: '2026-11-02T10:00:00+08:00' })).rejects.toThrow(/咨询件已一次性告知/);
    const v = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-02T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    const id = v.record.id;
    await expect(records.cases.addEvent(id, { type: 'resumed', staff: 'chen-li', at: '2026-11-03T10:00:00+08:00' })).rejects.toThrow(/办件未中止计时/);
    await expect(records.cases.addEvent(id, { type: 'completed', staff: 'chen-li', at: '2026-11-01T10:00:00+08:00' })).rejects.toThrow(/早于上一环节/);
    await expect(records.cases.addEvent(id, { type: 'suspended', staff: 'chen-li', at: '2026-11-03T10:00:00+08:00' })).rejects.toThrow(/reason/);
    await expect(records.cases.addEvent(id, { type: 'completed', staff: 'nobody', at: '2026-11-03T10:00:00+08:00' })).rejects.toThrow(/未在 center.yaml 中声明/);
    await records.cases.addEvent(id, { type: 'completed', staff: 'chen-li', at: '2026-11-05T10:00:00+08:00' });
    await expect(records.cases.addEvent(id, { type: 'suspended', staff: 'chen-li', at: '2026-11-06T10:00:00+08:00', reason: 'x' })).rejects.toThrow(/办件已结束（已办结），不能再中止计时/);
    // The refused events left nothing behind.
    expect(records.cases.get(id)!.events.map((e) => e.type)).toEqual(['received', 'accepted', 'completed']);
  });

  test('a supplement notice not given in time: the case counts as accepted from receipt (行政许可法 Art. 32)', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const supplement = await pack.decide({ ...completeApplication('2026-11-02T09:00:00+08:00'), materials: ['application', 'id-card', 'authorization'] });
    const v = await records.cases.register({ decision: supplement, staff: 'chen-li', noticeGiven: false });
    expect(v.status).toBe('received');
    expect(v.clock).toBeNull();
    const later = records.viewCase(records.cases.get(v.record.id)!, '2026-11-20T09:00:00+08:00');
    expect(later.deemedAccepted).toBe(true);
    expect(later.acceptedAt).toBe('2026-11-02T09:00:00+08:00');
    expect(later.clock).not.toBeNull();
  });
});

describe('overdue sweep', () => {
  test('open cases by level, with the person responsible: A, or B when covering', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const byA = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-02T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    const byB = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-16T09:30:00+08:00'), 'accepted'), staff: 'wang-jianhua' });
    const fresh2 = await records.cases.register({ decision: await decided(pack, completeApplication('2026-12-07T09:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    const done = await records.cases.register({ decision: await decided(pack, completeApplication('2026-11-02T10:30:00+08:00'), 'accepted'), staff: 'chen-li' });
    await records.cases.addEvent(done.record.id, { type: 'completed', staff: 'chen-li', at: '2026-11-20T10:00:00+08:00' });

    // Just past the first case's due: it is red; the second (B covering) yellow when it nears its due.
    const at = Date.parse(byA.clock!.due) + 60_000;
    const report = records.sweep({ now: at });
    expect(report.open).toBe(3);
    const red = report.flagged.find((f) => f.case === byA.record.id);
    expect(red).toMatchObject({ level: 'red', responsible: { staff: 'chen-li', role: 'A', name: '陈丽' } });
    expect(report.flagged.some((f) => f.case === fresh2.record.id)).toBe(false);
    expect(report.flagged.some((f) => f.case === done.record.id)).toBe(false);

    const nearB = Date.parse(byB.clock!.due) - 60 * 60_000;
    const report2 = records.sweep({ now: nearB });
    expect(report2.flagged.find((f) => f.case === byB.record.id)).toMatchObject({ level: 'yellow', responsible: { staff: 'wang-jianhua', role: 'B' } });
    // Once A acts on it again, A answers for it.
    await records.cases.addEvent(byB.record.id, { type: 'suspended', staff: 'chen-li', at: '2026-11-17T09:00:00+08:00', reason: '专家评审' });
    await records.cases.addEvent(byB.record.id, { type: 'resumed', staff: 'chen-li', at: '2026-11-18T09:00:00+08:00' });
    expect(records.viewCase(records.cases.get(byB.record.id)!, nearB).responsible).toMatchObject({ staff: 'chen-li', role: 'A' });
  });
});
