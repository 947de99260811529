// A consultation's guide and an accepted decision agree on the policy in force on the day of
// receipt (policy.yaml `changes`): before, the guide's mode limits were precomputed at load under
// the undated base policy, so from a 2027 revision of the immediate clock (30 → 60 minutes) a
// 临时救助 guide still said 30 minutes while the decision's deadline ran on 60.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadPack, type Pack } from '../../src/index.ts';
import type { Application } from '../../src/pack/schema-types.ts';
import { SAMPLE_PACK, tempDir } from '../pack/fixture-pack.ts';

const policy = readFileSync(path.join(SAMPLE_PACK, 'policy.yaml'), 'utf8');
const clocks = (parse(policy) as { clocks: Record<string, unknown> }).clocks;
const set = { clocks: { ...clocks, immediate: { amount: 60, unit: 'minutes' } } };
const revised = `${policy}\nchanges:\n  - ${JSON.stringify({ effectiveFrom: '2027-01-01', reference: '中心制度（2026年12月修订）', set })}\n`;

let loaded: Promise<Pack> | null = null;
function revisedPack(): Promise<Pack> {
  if (!loaded) {
    const dir = path.join(tempDir(), 'rules');
    cpSync(SAMPLE_PACK, dir, { recursive: true });
    writeFileSync(path.join(dir, 'policy.yaml'), revised);
    loaded = loadPack(dir);
  }
  return loaded;
}

const MATERIALS = ['application', 'id-card', 'accident-proof', 'authorization', 'settlement-slip'];
function relief(amount: number, intent: Application['intent'], receivedAt: string): Application {
  return { item: 'MZ-003', intent, applicant: { type: 'person', hukouLocal: true, forDependant: false, reliefAmount: amount }, materials: MATERIALS, receivedAt };
}

describe('the guide follows the policy in force on the day of receipt', () => {
  test('2026: the immediate branch is 30 minutes in the guide and the deadline', async () => {
    const p = await revisedPack();
    const guide = (await p.decide(relief(500, 'consult', '2026-12-07T10:00:00+08:00'))).guide;
    expect(guide?.limits.promised).toEqual({ amount: 30, unit: 'minutes' });
    expect(guide?.modes?.[0]?.promised).toEqual({ amount: 30, unit: 'minutes' });
    const d = await p.decide(relief(500, 'apply', '2026-12-07T10:00:00+08:00'));
    expect(d.deadline?.promised).toMatchObject({ amount: 30, unit: 'minutes' });
  });

  test('2027: guide and deadline both run on the revised 60 minutes', async () => {
    const p = await revisedPack();
    const guide = (await p.decide(relief(500, 'consult', '2027-01-11T10:00:00+08:00'))).guide;
    expect(guide?.limits).toMatchObject({ promised: { amount: 60, unit: 'minutes' }, statutory: { amount: 60, unit: 'minutes' } });
    expect(guide?.modes?.map((m) => m.promised)).toEqual([{ amount: 60, unit: 'minutes' }, { amount: 10, unit: 'workingDays' }]);
    const d = await p.decide(relief(500, 'apply', '2027-01-11T10:00:00+08:00'));
    expect(d.deadline?.promised).toMatchObject({ amount: 60, unit: 'minutes', due: '2027-01-11T11:00:00+08:00' });
  });
});
