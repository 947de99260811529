// 情形 (业务办理项): CL-001 of the sample pack has 换领 (holds a certificate: the old card, no
// medical records, 10 working days promised) and 新办 (the assessment form, deferrable); the
// decision names the situation, decides on its variant and traces it; an unknown situation asks.
import { describe, expect, test } from 'vitest';
import { loadPack } from '../../src/index.ts';
import { schemaValidator } from '../../src/pack/index.ts';
import type { Application, Decision } from '../../src/pack/schema-types.ts';
import { packWith } from '../pack/fixture-pack.ts';
import { lineOf, pack, SAMPLE_PACK } from './helpers.ts';

const validDecision = schemaValidator('decision');
const CL001 = 'items/cl-001.yaml';
const AT = '2026-11-30T09:00:00+08:00'; // a Monday

function cl001(applicant: Record<string, unknown>, materials: Application['materials'], intent: 'apply' | 'consult' = 'apply'): Application {
  return { item: 'CL-001', intent, applicant: { type: 'person', hukouLocal: true, forDependant: false, ...applicant }, ...(intent === 'apply' ? { materials } : {}), receivedAt: AT } as Application;
}

async function decideValid(application: Application, dir = SAMPLE_PACK): Promise<Decision> {
  const d = await (await pack(dir)).decide(application);
  expect(validDecision(d), JSON.stringify(validDecision.errors)).toBe(true);
  return d;
}

const situationTrace = (d: Decision) => d.trace.filter((t) => t.rule.startsWith('situation:'));
const renewLine = lineOf(SAMPLE_PACK, CL001, '- id: renew');
const newLine = lineOf(SAMPLE_PACK, CL001, '- id: new');
const BASE = ['application', 'id-card', { id: 'photos', copies: 3 }];

describe('CL-001: 换领 and 新办', () => {
  test('换领: the first situation holds; its variant asks for the old card and runs on 10 working days', async () => {
    const d = await decideValid(cl001({ hasDisabilityCert: true }, [...BASE, 'old-card']));
    expect(d.situation).toEqual({ id: 'renew', name: '换领' });
    expect(d.kind).toBe('accepted');
    const ids = d.materials.map((m) => m.id);
    expect(ids).toContain('old-card');
    // 换领 removes the medical records and does not add the assessment form.
    expect(ids).not.toContain('medical-records');
    expect(ids).not.toContain('assessment');
    expect(d.deadline?.promised).toMatchObject({ amount: 10, unit: 'workingDays', due: '2026-12-14T17:30:00+08:00' });
    expect(d.deadline?.statutory).toMatchObject({ amount: 20, unit: 'workingDays' });
    expect(situationTrace(d)).toEqual([{ rule: 'situation:renew', passed: true, message: expect.stringContaining('适用情形：换领'), source: { file: CL001, line: renewLine } }]);
    // Right after the version, before the conditions.
    expect(d.trace.map((t) => t.rule).slice(0, 3)).toEqual(['version', 'situation:renew', 'condition:hukou']);
    // The old card's trace cites the line where the situation adds it.
    const card = d.trace.find((t) => t.rule === 'material:old-card');
    expect(card?.source).toEqual({ file: CL001, line: lineOf(SAMPLE_PACK, CL001, '- id: old-card') });
  });

  test('换领 without the old card: a supplement for it', async () => {
    const d = await decideValid(cl001({ hasDisabilityCert: true }, BASE));
    expect(d.kind).toBe('supplement');
    expect(d.missing.map((m) => m.id)).toEqual(['old-card']);
  });

  test('新办: the first fails, the second holds; the assessment form is deferred, 15 working days', async () => {
    const d = await decideValid(cl001({ hasDisabilityCert: false }, BASE));
    expect(d.situation).toEqual({ id: 'new', name: '新办' });
    expect(d.kind).toBe('accepted');
    expect(d.deferred).toEqual([{ id: 'assessment', name: '《残疾评定表》（县残联指定医疗机构评定）', due: '2026-12-14T17:30:00+08:00' }]);
    expect(d.materials.map((m) => m.id)).toContain('medical-records');
    expect(d.materials.map((m) => m.id)).not.toContain('old-card');
    expect(d.deadline?.promised).toMatchObject({ amount: 15, unit: 'workingDays' });
    expect(situationTrace(d).map((t) => [t.rule, t.passed, t.source.line])).toEqual([
      ['situation:renew', false, renewLine],
      ['situation:new', true, newLine],
    ]);
  });

  test('a consultation names the situation, lists its materials and its limits in the guide', async () => {
    const d = await decideValid(cl001({ hasDisabilityCert: true }, undefined, 'consult'));
    expect(d.situation).toEqual({ id: 'renew', name: '换领' });
    expect(d.materials.map((m) => m.id)).toContain('old-card');
    expect(d.guide?.limits.promised).toEqual({ amount: 10, unit: 'workingDays' });
  });
});

describe('an undecided situation asks and applies none', () => {
  test('an application without hasDisabilityCert: supplement, the fact asked first, the item as written', async () => {
    const d = await decideValid(cl001({}, [...BASE, 'old-card']));
    expect(d.situation).toBeNull();
    expect(d.kind).toBe('supplement');
    const q = d.questions.filter((x) => x.fact === 'hasDisabilityCert');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ label: '持有残疾人证', purpose: 'material' });
    // The materials the situations would add are named by the question, and listed as "may be needed".
    expect(q[0]!.materials).toEqual(['old-card', 'assessment']);
    const pending = d.materials.filter((m) => m.id === 'old-card' || m.id === 'assessment');
    expect(pending.map((m) => [m.id, m.required, m.condition])).toEqual([
      ['old-card', 'unknown', '适用情形“换领”时需要'],
      ['assessment', 'unknown', '适用情形“新办”时需要'],
    ]);
    // The old card, submitted before the situation is known, is not an unknown material.
    expect(d.unknownMaterials).toEqual([]);
    expect(d.warnings.map((w) => w.code)).not.toContain('unknown-material');
    expect(d.reasons.map((r) => r.code)).toContain('situation:renew');
    expect(d.reasons.find((r) => r.code === 'situation:renew')?.message).toContain('持有残疾人证');
    // No situation's patch: the item's own list (medical records still on it), nothing missing for the pending ones.
    expect(d.materials.map((m) => m.id)).toContain('medical-records');
    expect(d.missing.map((m) => m.id)).not.toContain('old-card');
    // The choice stops at the first undecided situation.
    expect(situationTrace(d)).toEqual([{ rule: 'situation:renew', passed: null, message: expect.stringContaining('缺少申请人事实：持有残疾人证'), source: { file: CL001, line: renewLine } }]);
  });

  test('a consultation without the fact asks it and gives the one-time notice of the item as written', async () => {
    const d = await decideValid(cl001({}, undefined, 'consult'));
    expect(d.kind).toBe('consultation');
    expect(d.situation).toBeNull();
    expect(d.questions.map((q) => q.fact)).toContain('hasDisabilityCert');
  });

  test('an item without situations has no `situation` field', async () => {
    const d = await decideValid({ item: 'CL-002', intent: 'consult', applicant: { type: 'person' }, receivedAt: AT } as Application);
    expect('situation' in d).toBe(false);
    expect(situationTrace(d)).toEqual([]);
  });
});

describe('selection order, conditions and limits of a variant (minimal pack)', () => {
  const dir = packWith({
    'items/mz-001.yaml': (old) =>
      `${old.replace(/\nchanges:[\s\S]*$/, '\n')}situations:
  - id: proxy
    name: 代办
    when: { fact: forDependant, operator: equal, value: true }
    materials:
      add:
        - id: agent-id
          name: 代办人居民身份证
          necessity: required
      remove: [proxy-letter]
    conditions:
      add:
        - id: agent-adult
          text: 代办人为成年人
          when: { fact: forDependant, operator: equal, value: true }
          reason: 代办人须为成年人
    limits:
      promised: { amount: 3, unit: workingDays }
  - id: everyone
    name: 一般
    when: { condition: is-person }
    conditions:
      remove: [person-only]
`,
  });
  const app = (forDependant: boolean): Application =>
    ({ item: 'MZ-001', intent: 'apply', applicant: { type: 'person', forDependant }, materials: ['application', 'id-card', 'income-proof', 'agent-id'], receivedAt: '2026-03-02T09:00:00+08:00' }) as Application;

  test('both situations hold: the first written applies, with its added condition and its promised limit', async () => {
    const d = await (await loadPack(dir)).decide(app(true));
    expect(validDecision(d), JSON.stringify(validDecision.errors)).toBe(true);
    expect(d.situation).toEqual({ id: 'proxy', name: '代办' });
    expect(d.kind).toBe('accepted');
    expect(d.trace.map((t) => t.rule)).toContain('condition:agent-adult');
    expect(d.materials.map((m) => m.id)).toEqual(['application', 'identity', 'income-proof', 'agent-id']);
    expect(d.deadline?.promised).toMatchObject({ amount: 3, unit: 'workingDays' });
    expect(d.deadline?.statutory).toMatchObject({ amount: 20, unit: 'workingDays' });
  });

  test('the second applies when the first fails; it removes a condition; the item limits stay', async () => {
    const d = await (await loadPack(dir)).decide(app(false));
    expect(d.situation).toEqual({ id: 'everyone', name: '一般' });
    expect(d.trace.map((t) => t.rule)).not.toContain('condition:person-only');
    expect(d.deadline?.promised).toMatchObject({ amount: 10, unit: 'workingDays' });
  });
});
