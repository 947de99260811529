// A mode chosen by a condition (issue 15): 临时救助 (MZ-003 of the sample pack) is immediate up to
// 1,000 元 and promised above; the decision and the trace say which branch applied, an unknown
// amount is asked for. Also danger 3 in the engine: an immediate item without limits runs on the
// policy's immediate clock, and a petition decision carries the reply and leader-reception dues.
import { describe, expect, test } from 'vitest';
import { loadPack } from '../../src/index.ts';
import { schemaValidator } from '../../src/pack/index.ts';
import type { Application, Decision } from '../../src/pack/schema-types.ts';
import { packWith } from '../pack/fixture-pack.ts';
import { lineOf, pack, SAMPLE_PACK } from './helpers.ts';

const validDecision = schemaValidator('decision');
const MZ003 = 'items/mz-003.yaml';
const AT = '2026-11-25T10:00:00+08:00'; // a Wednesday, in office hours
const MATERIALS = ['application', 'id-card', 'accident-proof', 'authorization', 'settlement-slip'];

function relief(amount: number | null, extra: Partial<Application> = {}): Application {
  const applicant = { type: 'person' as const, hukouLocal: true, forDependant: false, ...(amount === null ? {} : { reliefAmount: amount }) };
  return { item: 'MZ-003', intent: 'apply', applicant, materials: MATERIALS, receivedAt: AT, ...extra };
}

async function decideValid(application: Application): Promise<Decision> {
  const d = await (await pack(SAMPLE_PACK)).decide(application);
  expect(validDecision(d), JSON.stringify(validDecision.errors)).toBe(true);
  return d;
}

const modeTrace = (d: Decision) => d.trace.filter((t) => t.rule.startsWith('mode:'));
const immediateLine = lineOf(SAMPLE_PACK, MZ003, '- when: { fact: reliefAmount');
const promisedLine = lineOf(SAMPLE_PACK, MZ003, '- mode: promised');

describe('MZ-003: immediate up to 1,000 元, promised above', () => {
  test('800 元: the first branch applies, accepted on the spot with the 30-minute clock', async () => {
    const d = await decideValid(relief(800));
    expect(d.kind).toBe('accepted');
    expect(d.mode).toBe('immediate');
    expect(d.modeBranch).toEqual({ index: 0, text: '救助金额1000元以下的，当场审批发放', source: { file: MZ003, line: immediateLine } });
    expect(d.deadline?.promised).toEqual({ amount: 30, unit: 'minutes', due: '2026-11-25T10:30:00+08:00' });
    expect(d.deadline?.statutory.due).toBe('2026-11-25T10:30:00+08:00');
    expect(d.notice.document).toBe('immediate');
    expect(modeTrace(d)).toEqual([{ rule: 'mode:0', passed: true, message: expect.stringContaining('适用办理方式：即办件'), source: { file: MZ003, line: immediateLine } }]);
  });

  test('3,000 元: the first branch fails, the default applies with the item limits', async () => {
    const d = await decideValid(relief(3000));
    expect(d.kind).toBe('accepted');
    expect(d.mode).toBe('promised');
    expect(d.modeBranch).toEqual({ index: 1, text: '救助金额超过1000元的', source: { file: MZ003, line: promisedLine } });
    expect(d.deadline?.promised).toMatchObject({ amount: 10, unit: 'workingDays', due: '2026-12-09T17:30:00+08:00' });
    expect(d.deadline?.statutory).toMatchObject({ amount: 20, unit: 'workingDays' });
    expect(modeTrace(d).map((t) => [t.rule, t.passed, t.source.line])).toEqual([
      ['mode:0', false, immediateLine],
      ['mode:1', true, promisedLine],
    ]);
    // The trace sits after the conditions, before the materials.
    const rules = d.trace.map((t) => t.rule);
    expect(rules.indexOf('mode:0')).toBeGreaterThan(rules.indexOf('condition:residence'));
    expect(rules.indexOf('mode:1')).toBeLessThan(rules.indexOf('material:application'));
  });

  test('amount not given: supplement with reason mode:0, asking the amount', async () => {
    const d = await decideValid(relief(null));
    expect(d.kind).toBe('supplement');
    expect(d.mode).toBeNull();
    expect(d.modeBranch).toBeNull();
    expect(d.deadline).toBeNull();
    expect(d.missing).toEqual([]);
    expect(d.reasons).toEqual([{ code: 'mode:0', message: expect.stringContaining('申请救助金额'), source: { file: MZ003, line: immediateLine } }]);
    expect(d.questions).toEqual([expect.objectContaining({ fact: 'reliefAmount', label: '申请救助金额', type: 'number', unit: '元', purpose: 'mode', conditions: [], materials: [], modes: [0] })]);
    expect(modeTrace(d)).toEqual([{ rule: 'mode:0', passed: null, message: expect.stringContaining('缺少申请人事实：申请救助金额'), source: { file: MZ003, line: immediateLine } }]);
  });

  test('a failing eligibility condition still wins over an undecided mode (rejected before supplement)', async () => {
    const d = await decideValid(relief(null, { applicant: { type: 'person', hukouLocal: false, residesLocal: false, forDependant: false } }));
    expect(d.kind).toBe('rejected');
    expect(d.reasons.map((r) => r.code)).toEqual(['condition:residence']);
  });

  test('answering the question decides the mode: decided again with the amount', async () => {
    const first = await decideValid(relief(null));
    const fact = first.questions[0]!.fact;
    const again = await decideValid(relief(null, { applicant: { type: 'person', hukouLocal: true, forDependant: false, [fact]: 1000 } }));
    expect(again.kind).toBe('accepted');
    expect(again.mode).toBe('immediate'); // 1000 is within 1000元以下
  });

  test('a consultation lists every branch with whether it applies; guide mode and limits follow the facts', async () => {
    const p = await pack(SAMPLE_PACK);
    const unknown = await p.decide({ ...relief(null), intent: 'consult' });
    expect(validDecision(unknown)).toBe(true);
    expect(unknown.guide?.mode).toBe('promised'); // the default, while nothing is known
    expect(unknown.guide?.modes).toEqual([
      { index: 0, mode: 'immediate', text: '救助金额1000元以下的，当场审批发放', promised: { amount: 30, unit: 'minutes' }, statutory: { amount: 30, unit: 'minutes' }, applies: null },
      { index: 1, mode: 'promised', text: '救助金额超过1000元的', promised: { amount: 10, unit: 'workingDays' }, statutory: { amount: 20, unit: 'workingDays' }, applies: null },
    ]);
    expect(unknown.questions.map((q) => q.fact)).toEqual(['reliefAmount']);
    const small = await p.decide({ ...relief(500), intent: 'consult' });
    expect(small.guide?.mode).toBe('immediate');
    expect(small.guide?.limits.promised).toEqual({ amount: 30, unit: 'minutes' });
    expect(small.guide?.modes?.map((m) => m.applies)).toEqual([true, false]);
    expect(small.modeBranch?.index).toBe(0);
  });

  test('items with a single mode are unchanged: no modeBranch, no mode trace entries, no guide modes', async () => {
    const p = await pack(SAMPLE_PACK);
    const d = await p.decide({ item: 'MZ-004', intent: 'consult', applicant: { type: 'person', age: 85, hukouLocal: true }, receivedAt: AT });
    expect('modeBranch' in d).toBe(false);
    expect(modeTrace(d)).toEqual([]);
    expect(d.guide?.modes).toBeUndefined();
    expect(p.listItems({ at: AT }).find((i) => i.code === 'MZ-004')).not.toHaveProperty('modes');
  });

  test('the catalog keeps mode a string (the default branch) and adds the branches', async () => {
    const p = await pack(SAMPLE_PACK);
    const entry = p.listItems({ at: AT }).find((i) => i.code === 'MZ-003')!;
    expect(entry.mode).toBe('promised');
    expect(entry.modes).toEqual([
      { mode: 'immediate', text: '救助金额1000元以下的，当场审批发放' },
      { mode: 'promised', text: '救助金额超过1000元的' },
    ]);
  });
});

describe('danger 3 in decisions: one source per clock', () => {
  test('an immediate item without limits is due on the policy immediate clock', async () => {
    // Before: `limits` was required, so this pack did not load; an immediate item's decision
    // counted whatever limits it declared (20 working days validated too).
    const dir = packWith({ 'items/cl-001.yaml': (old: string) => old.replace(/limits:\n(  .*\n)+/, '') });
    const p = await loadPack(dir);
    const d = await p.decide({ item: 'CL-001', intent: 'apply', applicant: { type: 'person' }, materials: [{ id: 'photo', copies: 2 }], receivedAt: '2026-03-04T09:00:00+08:00' });
    expect(d.kind).toBe('accepted');
    expect(d.deadline?.promised).toEqual({ amount: 30, unit: 'minutes', due: '2026-03-04T09:30:00+08:00' });
    expect(d.deadline?.statutory.due).toBe('2026-03-04T09:30:00+08:00');
    expect(p.deadline('CL-001', '2026-03-04T09:00:00+08:00').promised.due).toBe('2026-03-04T09:30:00+08:00');
  });

  test('a petition decision carries the reply and leader-reception dues of policy.yaml', async () => {
    // Before: the petition clocks (3-day reply, 7-day leader reception) never appeared in the decision.
    const d = await decideValid({ item: 'XF-001', intent: 'apply', applicant: { type: 'person', legalChannelAvailable: false }, materials: ['id-card'], receivedAt: AT });
    expect(d.kind).toBe('accepted');
    expect(d.mode).toBe('petition');
    // 3 calendar days from Wednesday 25 November: Saturday the 28th, moved to Monday the 30th.
    expect(d.deadline?.reply).toEqual({ amount: 3, unit: 'calendarDays', due: '2026-11-30T17:30:00+08:00' });
    expect(d.deadline?.leaderReception).toEqual({ amount: 7, unit: 'calendarDays', due: '2026-12-02T17:30:00+08:00' });
    expect(d.deadline?.promised).toMatchObject({ amount: 30, unit: 'calendarDays' });
  });

  test('other modes carry no petition dues', async () => {
    const d = await decideValid(relief(3000));
    expect(d.deadline).not.toHaveProperty('reply');
    expect(d.deadline).not.toHaveProperty('leaderReception');
  });
});
