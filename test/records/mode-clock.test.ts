// A case's clock runs on the mode branch its decision chose (issue 15, conditional modes): 临时救助
// (MZ-003) is immediate up to 1,000 元. Cases accepted later than receipt (补正, or deemed accepted
// when the notice came late) have no deadline in their decision, so the register must read the
// branch: before, it took the item's limits (10 working days) for every such case.
import { describe, expect, test } from 'vitest';
import type { Application, Decision } from '../../src/pack/schema-types.ts';
import { recordsPerTest, samplePack } from './helpers.ts';

const { fresh } = recordsPerTest();

function relief(amount: number, materials: string[], receivedAt: string): Application {
  return { item: 'MZ-003', intent: 'apply', applicant: { type: 'person', name: '李四', hukouLocal: true, forDependant: false, reliefAmount: amount }, materials, receivedAt };
}

const INCOMPLETE = ['application', 'id-card', 'accident-proof']; // no authorization: 补正

describe('case clock from the decision mode branch', () => {
  test('a supplement for 800 元, accepted after 补正, is due 30 office minutes after acceptance', async () => {
    // Fails on the code before: the register took MZ-003's item limits (10 working days).
    const pack = await samplePack();
    const { records } = await fresh();
    const d = await pack.decide(relief(800, INCOMPLETE, '2026-11-25T09:00:00+08:00'));
    expect(d.kind).toBe('supplement');
    expect(d.modeBranch?.index).toBe(0);
    const v = await records.cases.register({ decision: d, staff: 'chen-li' });
    const accepted = await records.cases.addEvent(v.record.id, { type: 'accepted', staff: 'chen-li', at: '2026-11-26T10:00:00+08:00' });
    expect(accepted.clock?.due).toBe('2026-11-26T10:30:00+08:00');
    expect(accepted.clock?.statutoryDue).toBe('2026-11-26T10:30:00+08:00');
  });

  test('the same for 3,000 元 runs on the promised branch: 10 working days', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const d = await pack.decide(relief(3000, INCOMPLETE, '2026-11-25T09:00:00+08:00'));
    expect(d.modeBranch?.index).toBe(1);
    const v = await records.cases.register({ decision: d, staff: 'chen-li' });
    const accepted = await records.cases.addEvent(v.record.id, { type: 'accepted', staff: 'chen-li', at: '2026-11-26T10:00:00+08:00' });
    expect(accepted.clock?.due).toBe('2026-12-10T17:30:00+08:00');
  });

  test('deemed accepted (notice not given in time) also takes the branch', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const d = await pack.decide(relief(800, INCOMPLETE, '2026-11-02T09:00:00+08:00'));
    const v = await records.cases.register({ decision: d, staff: 'chen-li', noticeGiven: false });
    const later = records.viewCase(records.cases.get(v.record.id)!, '2026-11-20T09:00:00+08:00');
    expect(later.deemedAccepted).toBe(true);
    expect(later.clock?.due).toBe('2026-11-02T09:30:00+08:00');
  });

  test('a decision stored without modeBranch (before conditional modes) runs on the default branch', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const { modeBranch: _dropped, ...old } = await pack.decide(relief(800, INCOMPLETE, '2026-11-25T09:00:00+08:00'));
    const v = await records.cases.register({ decision: old as Decision, staff: 'chen-li' });
    const accepted = await records.cases.addEvent(v.record.id, { type: 'accepted', staff: 'chen-li', at: '2026-11-26T10:00:00+08:00' });
    expect(accepted.clock?.due).toBe('2026-12-10T17:30:00+08:00');
  });

  test('an accepted decision keeps the deadline it was issued with', async () => {
    const pack = await samplePack();
    const { records } = await fresh();
    const d = await pack.decide(relief(800, ['application', 'id-card', 'accident-proof', 'authorization'], '2026-11-25T09:00:00+08:00'));
    expect(d.kind).toBe('accepted');
    const v = await records.cases.register({ decision: d, staff: 'chen-li' });
    expect(v.clock?.due).toBe(d.deadline?.promised.due);
    expect(v.clock?.due).toBe('2026-11-25T09:30:00+08:00');
  });
});
