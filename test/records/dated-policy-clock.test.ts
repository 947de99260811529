// The register runs each case on the policy in force on its day of receipt (policy.yaml
// `changes`), as decide does: the supplement-notice clock that deems a case accepted, the immediate
// clock of a branch, and the warning thresholds. Before, every case ran on the undated base policy,
// so a 2027 revision (notice within 2 working days, immediate clock 60 minutes, yellow from 5
// working days left) changed nothing, and 2026 cases would have changed had the base been edited.
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Pack } from '../../src/index.ts';
import type { Application } from '../../src/pack/schema-types.ts';
import type { Records } from '../../src/records/index.ts';
import { editedPack, openTemp } from './helpers.ts';

/** The sample policy with a revision from 2027-01-01: shorter notice, longer immediate clock, earlier yellow. */
function revisedPolicy(yaml: string): string {
  const p = parse(yaml) as { clocks: Record<string, unknown>; warnings: Record<string, unknown> };
  const set = {
    clocks: { ...p.clocks, supplementNotice: { amount: 2, unit: 'workingDays' }, immediate: { amount: 60, unit: 'minutes' } },
    warnings: { ...p.warnings, yellowWhenRemaining: { amount: 5, unit: 'workingDays' } },
  };
  return `${yaml}\nchanges:\n  - ${JSON.stringify({ effectiveFrom: '2027-01-01', reference: '中心制度（2026年12月修订）', set })}\n`;
}

let pack: Promise<Pack> | null = null;
const opened: Records[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});
async function fresh(): Promise<{ pack: Pack; records: Records }> {
  const p = await (pack ??= editedPack(revisedPolicy));
  const { records } = await openTemp(p);
  opened.push(records);
  return { pack: p, records };
}

function relief(amount: number, materials: string[], receivedAt: string): Application {
  return { item: 'MZ-003', intent: 'apply', applicant: { type: 'person', name: '李四', hukouLocal: true, forDependant: false, reliefAmount: amount }, materials, receivedAt };
}
const INCOMPLETE = ['application', 'id-card', 'accident-proof'];
const COMPLETE = [...INCOMPLETE, 'authorization'];

describe('cases follow the policy in force on their day of receipt', () => {
  test('deemed acceptance: a 2026 case keeps 5 working days for the notice, a 2027 case has 2', async () => {
    const { pack, records } = await fresh();
    const old = await records.cases.register({ decision: await pack.decide(relief(800, INCOMPLETE, '2026-12-07T09:00:00+08:00')), staff: 'chen-li', noticeGiven: false });
    const late = records.viewCase(records.cases.get(old.record.id)!, '2026-12-10T09:00:00+08:00');
    expect(late.deemedAccepted).toBe(false);
    expect(late.acceptedAt).toBeNull();

    const now = await records.cases.register({ decision: await pack.decide(relief(800, INCOMPLETE, '2027-01-11T09:00:00+08:00')), staff: 'chen-li', noticeGiven: false });
    const deemed = records.viewCase(records.cases.get(now.record.id)!, '2027-01-14T09:00:00+08:00');
    expect(deemed.deemedAccepted).toBe(true);
    // Deemed accepted at receipt, on the immediate branch: the 2027 immediate clock (60 minutes).
    expect(deemed.acceptedAt).toBe('2027-01-11T09:00:00+08:00');
    expect(deemed.clock?.due).toBe('2027-01-11T10:00:00+08:00');
  });

  test('a 2026 immediate case accepted after 补正 keeps the 30-minute clock', async () => {
    const { pack, records } = await fresh();
    const v = await records.cases.register({ decision: await pack.decide(relief(800, INCOMPLETE, '2026-12-07T09:00:00+08:00')), staff: 'chen-li' });
    const accepted = await records.cases.addEvent(v.record.id, { type: 'accepted', staff: 'chen-li', at: '2026-12-08T10:00:00+08:00' });
    expect(accepted.clock?.due).toBe('2026-12-08T10:30:00+08:00');
  });

  test('warning thresholds: 4 working days left is normal in 2026, yellow under the 2027 revision', async () => {
    const { pack, records } = await fresh();
    const old = await records.cases.register({ decision: await pack.decide(relief(3000, COMPLETE, '2026-12-07T09:00:00+08:00')), staff: 'chen-li' });
    expect(old.record.decision.kind).toBe('accepted');
    const oldView = records.viewCase(records.cases.get(old.record.id)!, '2026-12-15T09:00:00+08:00');
    expect(oldView.clock?.due).toBe('2026-12-21T17:30:00+08:00');
    expect(oldView.clock?.level).toBe('normal');

    const now = await records.cases.register({ decision: await pack.decide(relief(3000, COMPLETE, '2027-01-11T09:00:00+08:00')), staff: 'chen-li' });
    const nowView = records.viewCase(records.cases.get(now.record.id)!, '2027-01-19T09:00:00+08:00');
    expect(nowView.clock?.due).toBe('2027-01-25T17:30:00+08:00');
    expect(nowView.clock?.level).toBe('yellow');
    // The same remaining time on a 2026 case stays normal after the revision took effect.
    expect(records.viewCase(records.cases.get(old.record.id)!, '2026-12-15T09:00:00+08:00').clock?.level).toBe('normal');
  });
});
