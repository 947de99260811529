import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Pack, Question } from '../../src/index.ts';
import { bianmin } from '../cli/run.ts';
import { pack, SAMPLE_PACK } from './helpers.ts';

let p: Pack;
beforeAll(async () => {
  p = await pack(SAMPLE_PACK);
});

const AT = '2026-11-23T09:30:00+08:00';

function apply(item: string, applicant: Record<string, string | number | boolean>, materials: string[] = []) {
  return p.decide({ item, intent: 'apply', applicant: { type: 'person', ...applicant }, materials, receivedAt: AT });
}

const facts = (qs: readonly Question[]) => qs.map((q) => q.fact);

describe('questions on sample items', () => {
  test('低保 MZ-001 with no facts: eligibility facts first, with labels, types and what each decides', async () => {
    const d = await apply('MZ-001', {});
    expect(facts(d.questions)).toEqual(['hukouLocal', 'householdIncomePerCapita', 'hasDisabilityCert', 'forDependant']);
    expect(d.questions[0]).toEqual({
      fact: 'hukouLocal',
      label: '本镇户籍',
      type: 'boolean',
      unit: null,
      values: null,
      description: '申请对象的户籍是否在本镇。',
      purpose: 'eligibility',
      conditions: ['hukou'],
      materials: [],
    });
    expect(d.questions[1]).toMatchObject({ label: '家庭人均月收入', type: 'number', unit: '元', purpose: 'eligibility', conditions: ['income'] });
    expect(d.questions[2]).toMatchObject({ purpose: 'material', conditions: [], materials: ['disability-cert'] });
    // One fact can decide several materials.
    expect(d.questions[3]).toMatchObject({ purpose: 'material', materials: ['proxy-id-card', 'power-of-attorney'] });
  });

  test('a consultation asks the same questions', async () => {
    const d = await p.decide({ item: 'MZ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: AT });
    expect(d.kind).toBe('consultation');
    expect(facts(d.questions)).toEqual(['hukouLocal', 'householdIncomePerCapita', 'hasDisabilityCert', 'forDependant']);
  });

  test('fully specified: no questions, no undecided entry', async () => {
    const d = await apply(
      'MZ-001',
      { hukouLocal: true, householdIncomePerCapita: 500, hasDisabilityCert: false, forDependant: false },
      ['application', 'id-card', 'authorization', 'income-statement', 'bank-account'],
    );
    expect(d.kind).toBe('accepted');
    expect(d.questions).toEqual([]);
    expect(d.trace.some((t) => t.passed === null)).toBe(false);
  });

  test('answered facts are not asked again, and the rest keep their order', async () => {
    const d = await apply('MZ-001', { householdIncomePerCapita: 500, forDependant: true });
    expect(facts(d.questions)).toEqual(['hukouLocal', 'hasDisabilityCert']);
  });

  test('through a shared condition, only the undecided branch is asked', async () => {
    // RS-002: residence is the shared `local-or-resident` (hukouLocal or residesLocal); the
    // residence permit is required when `not local-resident`.
    const none = await apply('RS-002', {});
    expect(facts(none.questions)).toEqual(['hukouLocal', 'residesLocal', 'employeeMedicalInsured', 'forDependant']);
    // A fact deciding a condition and a material is an eligibility question listing both.
    expect(none.questions[0]).toMatchObject({ purpose: 'eligibility', conditions: ['residence'], materials: ['residence-permit'] });

    // Local hukou decides the any: residing locally no longer matters.
    const local = await apply('RS-002', { hukouLocal: true });
    expect(facts(local.questions)).toEqual(['employeeMedicalInsured', 'forDependant']);

    // Not local: whether the applicant resides here decides it.
    const outside = await apply('RS-002', { hukouLocal: false });
    expect(facts(outside.questions)).toEqual(['residesLocal', 'employeeMedicalInsured', 'forDependant']);
    expect(outside.questions[0]).toMatchObject({ conditions: ['residence'], materials: [] });
  });

  test('a branch already false is not asked about', async () => {
    // CL-002 eligible: receivesDibao, or 一级/二级 (shared severe-disability), or 三级 and 智力/精神残疾.
    const d = await apply('CL-002', { disabilityLevel: '四级' });
    expect(d.questions.find((q) => q.conditions.includes('eligible'))?.fact).toBe('receivesDibao');
    expect(facts(d.questions)).not.toContain('disabilityType');
    const three = await apply('CL-002', { disabilityLevel: '三级' });
    expect(three.questions.filter((q) => q.conditions.includes('eligible')).map((q) => q.fact)).toEqual(['receivesDibao', 'disabilityType']);
  });

  test('what the center fetches itself is not asked about', async () => {
    // WJ-001: the marriage certificate (requiredWhen married) is fetched by the center.
    const d = await apply('WJ-001', {});
    expect(facts(d.questions)).not.toContain('maritalStatus');
    expect(d.materials.find((m) => m.fetchedByCenter && m.required === 'unknown')).toBeDefined();
  });

  test('a rejected application still lists what stays undecided; a referral asks nothing', async () => {
    const d = await apply('MZ-001', { hukouLocal: false });
    expect(d.kind).toBe('rejected');
    expect(facts(d.questions)).toEqual(['householdIncomePerCapita', 'hasDisabilityCert', 'forDependant']);
    const referral = await p.decide({ item: 'ZB-001', intent: 'apply', applicant: { type: 'person' }, receivedAt: AT });
    expect(referral.questions).toEqual([]);
  });

  test('enum facts carry their allowed values; applicantType is described as a builtin', async () => {
    const d = await apply('CL-002', {});
    const level = d.questions.find((q) => q.fact === 'disabilityLevel');
    expect(level).toMatchObject({ type: 'enum', values: ['一级', '二级', '三级', '四级'] });
    expect(p.engine.facts.definition('applicantType')).toMatchObject({ label: '申请人类型', type: 'enum', values: ['person', 'organization'] });
  });
});

test('bianmin decide names what is still to ask, in order; nothing when all is known', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-questions-'));
  try {
    const open = path.join(dir, 'open.json');
    const known = path.join(dir, 'known.json');
    await writeFile(open, JSON.stringify({ intent: 'consult', applicant: { type: 'person', forDependant: false }, receivedAt: AT }));
    await writeFile(known, JSON.stringify({ intent: 'consult', applicant: { type: 'person', hukouLocal: true, age: 82, forDependant: false }, receivedAt: AT }));
    const r = await bianmin(['decide', '--item', 'MZ-004', '--input', open, '--rules', SAMPLE_PACK]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('尚需了解：本镇户籍、年龄（周岁）\n');
    const done = await bianmin(['decide', '--item', 'MZ-004', '--input', known, '--rules', SAMPLE_PACK]);
    expect(done.code).toBe(0);
    expect(done.stdout).not.toContain('尚需了解');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
