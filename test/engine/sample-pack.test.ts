/**
 * Scenarios on the bundled sample pack (rules/): every kind, mode, necessity and problem, on the
 * items a township center actually handles. Expectations follow from reading the item files.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { addDuration, type Decision, type Pack } from '../../src/index.ts';
import { pack, SAMPLE_PACK } from './helpers.ts';

let p: Pack;
beforeAll(async () => {
  p = await pack(SAMPLE_PACK);
});

const AT = '2026-11-23T09:30:00+08:00';
type Material = string | { id: string; party?: string; form?: 'original' | 'copy' | 'both'; copies?: number };
type Facts = Record<string, string | number | boolean>;

interface Expect {
  kind: Decision['kind'];
  mode?: Decision['mode'];
  /** [id, problem] of every missing entry, in order. */
  missing?: Array<[string, string]>;
  deferred?: string[];
  /** Reason codes in order. */
  reasons?: string[];
  /** `true`: routeTo is the failing condition's / referral's organ; a string: contains it. */
  route?: true | string;
  document?: string;
}

interface Scenario {
  name: string;
  item: string;
  intent?: 'apply' | 'consult';
  facts: Facts;
  materials?: Material[];
  receivedAt?: string;
  expect: Expect;
}

const PERSON = { type: 'person', forDependant: false } as const;
const LOCAL = { ...PERSON, hukouLocal: true } as const;
const both2 = (id: string): Material => ({ id, form: 'both', copies: 2 });

const scenarios: Scenario[] = [
  // CL-001 残疾人证办理 (reported; alternatives; copies; conditional renewal material)
  { name: 'CL-001 complete first application is accepted as reported', item: 'CL-001', facts: { ...LOCAL, hasDisabilityCert: false }, materials: ['application', 'id-card', { id: 'photos', copies: 3 }], expect: { kind: 'accepted', mode: 'reported', missing: [], reasons: [], document: 'accepted' } },
  { name: 'CL-001 identity by the household register (alternative) is enough', item: 'CL-001', facts: { ...LOCAL, hasDisabilityCert: false }, materials: ['application', 'household-register', { id: 'photos', copies: 3 }], expect: { kind: 'accepted', mode: 'reported' } },
  { name: 'CL-001 two photos where three are required: too few copies', item: 'CL-001', facts: { ...LOCAL, hasDisabilityCert: false }, materials: ['application', 'id-card', { id: 'photos', copies: 2 }], expect: { kind: 'supplement', missing: [['photos', 'too-few-copies']], reasons: ['material:photos'], document: 'supplement' } },
  { name: 'CL-001 renewal without the old card: the conditional material is demanded', item: 'CL-001', facts: { ...LOCAL, hasDisabilityCert: true }, materials: ['application', 'id-card', { id: 'photos', copies: 3 }], expect: { kind: 'supplement', missing: [['old-card', 'absent']] } },
  { name: 'CL-001 without the application form (core) is returned', item: 'CL-001', facts: { ...LOCAL, hasDisabilityCert: false }, materials: ['id-card', { id: 'photos', copies: 3 }], expect: { kind: 'returned', mode: null, missing: [['application', 'absent']], reasons: ['material:application'], document: 'returned' } },
  { name: 'CL-001 not registered in the township: rejected and routed', item: 'CL-001', facts: { ...PERSON, hukouLocal: false, hasDisabilityCert: false }, materials: ['application', 'id-card', { id: 'photos', copies: 3 }], expect: { kind: 'rejected', reasons: ['condition:hukou'], route: true, missing: [], document: 'rejected' } },

  // CL-002 残疾人两项补贴 (nested any/all conditions; fetchable; deferrable)
  { name: 'CL-002 severe disability, bank account outstanding: accepted with a deferred material', item: 'CL-002', facts: { ...LOCAL, hasDisabilityCert: true, disabilityLevel: '一级' }, materials: ['application', 'id-card'], expect: { kind: 'accepted', mode: 'reported', deferred: ['bank-account'], missing: [] } },
  { name: 'CL-002 third-grade intellectual disability qualifies through the nested all', item: 'CL-002', facts: { ...LOCAL, hasDisabilityCert: true, disabilityLevel: '三级', disabilityType: '智力残疾', receivesDibao: false }, materials: ['application', 'id-card', 'bank-account'], expect: { kind: 'accepted', deferred: [] } },
  { name: 'CL-002 third-grade physical disability without 低保 is returned', item: 'CL-002', facts: { ...LOCAL, hasDisabilityCert: true, disabilityLevel: '三级', disabilityType: '肢体残疾', receivesDibao: false }, materials: ['application', 'id-card', 'bank-account'], expect: { kind: 'returned', reasons: ['condition:eligible'] } },
  { name: 'CL-002 eligibility undecidable without 低保 status and disability type: supplement asks for them', item: 'CL-002', facts: { ...LOCAL, hasDisabilityCert: true, disabilityLevel: '三级' }, materials: ['application', 'id-card', 'bank-account'], expect: { kind: 'supplement', reasons: ['condition:eligible'], missing: [] } },
  { name: 'CL-002 without a disability certificate is returned', item: 'CL-002', facts: { ...LOCAL, hasDisabilityCert: false, receivesDibao: true }, materials: ['application', 'id-card', 'bank-account'], expect: { kind: 'returned', reasons: ['condition:certified'] } },

  // MZ-001 最低生活保障 (reported)
  { name: 'MZ-001 complete: accepted as reported, bank account deferred', item: 'MZ-001', facts: { ...LOCAL, hasDisabilityCert: false, householdIncomePerCapita: 500 }, materials: ['application', 'id-card', 'authorization', 'income-statement'], expect: { kind: 'accepted', mode: 'reported', deferred: ['bank-account'] } },
  { name: 'MZ-001 income above the standard is returned with the income rule', item: 'MZ-001', facts: { ...LOCAL, hasDisabilityCert: false, householdIncomePerCapita: 700 }, materials: ['application', 'id-card', 'authorization', 'income-statement', 'bank-account'], expect: { kind: 'returned', reasons: ['condition:income'] } },
  { name: 'MZ-001 applying for a relative without proxy documents: both listed at once', item: 'MZ-001', facts: { ...LOCAL, forDependant: true, hasDisabilityCert: false, householdIncomePerCapita: 500 }, materials: ['application', 'id-card', 'authorization', 'income-statement', 'bank-account'], expect: { kind: 'supplement', missing: [['proxy-id-card', 'absent'], ['power-of-attorney', 'absent']], reasons: ['material:proxy-id-card', 'material:power-of-attorney'] } },
  { name: 'MZ-001 two core materials missing: one reason each', item: 'MZ-001', facts: { ...LOCAL, hasDisabilityCert: false, householdIncomePerCapita: 500 }, materials: ['id-card', 'income-statement'], expect: { kind: 'returned', reasons: ['material:application', 'material:authorization'], missing: [['application', 'absent'], ['authorization', 'absent']] } },
  { name: 'MZ-001 household registered elsewhere: rejected and routed', item: 'MZ-001', facts: { ...PERSON, hukouLocal: false, householdIncomePerCapita: 500 }, materials: [], expect: { kind: 'rejected', route: true, reasons: ['condition:hukou'] } },
  { name: 'MZ-001 consultation without facts: conditional materials unresolved, every material listed', item: 'MZ-001', intent: 'consult', facts: { type: 'person' }, expect: { kind: 'consultation', mode: null, missing: [], reasons: [], document: 'consultation' } },

  // MZ-002 特困人员 (all of three facts; any of categories)
  { name: 'MZ-002 elderly with no labour, income or supporter: accepted', item: 'MZ-002', facts: { ...LOCAL, age: 65, noLaborAbility: true, noIncomeSource: true, noSupporter: true, hasDisabilityCert: false }, materials: ['application', 'id-card', 'authorization', 'supporter-statement'], expect: { kind: 'accepted', mode: 'reported' } },
  { name: 'MZ-002 working-age adult without disability is returned (category)', item: 'MZ-002', facts: { ...LOCAL, age: 40, noLaborAbility: true, noIncomeSource: true, noSupporter: true, hasDisabilityCert: false }, materials: ['application', 'id-card', 'authorization', 'supporter-statement'], expect: { kind: 'returned', reasons: ['condition:category'] } },
  { name: 'MZ-002 failing two conditions gives two reasons', item: 'MZ-002', facts: { ...LOCAL, age: 40, noLaborAbility: true, noIncomeSource: true, noSupporter: false, hasDisabilityCert: false }, materials: ['application', 'id-card', 'authorization', 'supporter-statement'], expect: { kind: 'returned', reasons: ['condition:category', 'condition:three-no'] } },

  // MZ-003 临时救助 (promised above 1,000 元; alternatives; deferrable)
  { name: 'MZ-003 resident (not registered) with a hardship proof: accepted as promised, settlement slip deferred', item: 'MZ-003', facts: { ...PERSON, hukouLocal: false, residesLocal: true, reliefAmount: 3000 }, materials: ['application', 'residence-permit', 'village-statement', 'authorization'], expect: { kind: 'accepted', mode: 'promised', deferred: ['settlement-slip'] } },
  { name: 'MZ-003 missing hardship proof and authorization: both in one supplement notice', item: 'MZ-003', facts: { ...LOCAL, reliefAmount: 3000 }, materials: ['application', 'id-card'], expect: { kind: 'supplement', missing: [['hardship-proof', 'absent'], ['authorization', 'absent']] } },
  { name: 'MZ-003 neither registered nor resident: rejected', item: 'MZ-003', facts: { ...PERSON, hukouLocal: false, residesLocal: false }, materials: ['application'], expect: { kind: 'rejected', route: true } },

  // MZ-004 高龄津贴 (dated change; optional materials)
  { name: 'MZ-004 aged 85: accepted, optional photo and bank account not demanded', item: 'MZ-004', facts: { ...LOCAL, age: 85 }, materials: ['id-card', 'application'], expect: { kind: 'accepted', mode: 'promised', missing: [] } },
  { name: 'MZ-004 aged 75 is returned', item: 'MZ-004', facts: { ...LOCAL, age: 75 }, materials: ['id-card', 'application'], expect: { kind: 'returned', reasons: ['condition:age-80'] } },
  { name: 'MZ-004 without the application form (required): supplement', item: 'MZ-004', facts: { ...LOCAL, age: 85 }, materials: ['id-card'], expect: { kind: 'supplement', missing: [['application', 'absent']] } },

  // MZ-005 惠民殡葬补贴
  { name: 'MZ-005 deceased registered elsewhere: rejected', item: 'MZ-005', facts: { ...PERSON, deceasedHukouLocal: false, cremated: true }, materials: [], expect: { kind: 'rejected', route: true } },
  { name: 'MZ-005 not cremated: returned', item: 'MZ-005', facts: { ...PERSON, deceasedHukouLocal: true, cremated: false }, materials: ['application', 'police-death-proof', 'cremation-cert', 'applicant-id-card', 'kinship-proof', 'bank-account'], expect: { kind: 'returned', reasons: ['condition:cremated'] } },
  { name: 'MZ-005 police death proof as the alternative; hukou cancellation deferred 30 days', item: 'MZ-005', facts: { ...PERSON, deceasedHukouLocal: true, cremated: true }, materials: ['application', 'police-death-proof', 'cremation-cert', 'applicant-id-card', 'kinship-proof', 'bank-account'], expect: { kind: 'accepted', mode: 'promised', deferred: ['hukou-cancellation'] } },

  // NY-001 宅基地和建房 (joint; both form and copies)
  { name: 'NY-001 complete joint application: accepted as joint', item: 'NY-001', facts: { ...PERSON, collectiveMember: true, ownsHomestead: false, demolishOldHouse: false }, materials: ['application', 'id-card', 'village-opinion', 'commitment', 'site-plan', both2('design-drawings'), 'construction-contract'], expect: { kind: 'accepted', mode: 'joint', deferred: [] } },
  { name: 'NY-001 drawings as one original and no site plan: every problem, labelled by department', item: 'NY-001', facts: { ...PERSON, collectiveMember: true, ownsHomestead: false, demolishOldHouse: false }, materials: ['application', 'id-card', 'village-opinion', 'commitment', 'design-drawings'], expect: { kind: 'supplement', missing: [['site-plan', 'absent'], ['design-drawings', 'wrong-form'], ['design-drawings', 'too-few-copies']] } },
  { name: 'NY-001 already owns a homestead and keeps it: returned (一户一宅)', item: 'NY-001', facts: { ...PERSON, collectiveMember: true, ownsHomestead: true, demolishOldHouse: false }, materials: ['application', 'id-card', 'village-opinion', 'commitment', 'site-plan', both2('design-drawings')], expect: { kind: 'returned', reasons: ['condition:one-house'] } },
  { name: 'NY-001 rebuilding on the old plot: the exit agreement becomes required', item: 'NY-001', facts: { ...PERSON, collectiveMember: true, ownsHomestead: true, demolishOldHouse: true }, materials: ['application', 'id-card', 'village-opinion', 'commitment', 'site-plan', both2('design-drawings')], expect: { kind: 'supplement', missing: [['old-house-exit', 'absent']] } },

  // RS-001 养老保险参保 (immediate)
  { name: 'RS-001 complete: accepted on the spot (immediate)', item: 'RS-001', facts: { ...LOCAL, age: 30, isStudent: false, employeePensionInsured: false }, materials: ['id-card', 'registration-form'], expect: { kind: 'accepted', mode: 'immediate', document: 'immediate' } },
  { name: 'RS-001 full-time student: returned', item: 'RS-001', facts: { ...LOCAL, age: 19, isStudent: true, employeePensionInsured: false }, materials: ['id-card', 'registration-form'], expect: { kind: 'returned', reasons: ['condition:not-student'] } },
  { name: 'RS-001 under 16 and already insured: one reason per failed rule', item: 'RS-001', facts: { ...LOCAL, age: 15, isStudent: false, employeePensionInsured: true }, materials: ['id-card', 'registration-form'], expect: { kind: 'returned', reasons: ['condition:age-16', 'condition:not-employee-insured'] } },

  // RS-002 医疗保险参保 (not-condition material)
  { name: 'RS-002 resident without local hukou must bring a residence permit', item: 'RS-002', facts: { ...PERSON, hukouLocal: false, residesLocal: true, employeeMedicalInsured: false }, materials: ['id-card', 'registration-form'], expect: { kind: 'supplement', missing: [['residence-permit', 'absent']] } },
  { name: 'RS-002 newborn with a birth certificate (alternative): accepted immediately', item: 'RS-002', facts: { ...LOCAL, employeeMedicalInsured: false }, materials: ['birth-cert', 'registration-form'], expect: { kind: 'accepted', mode: 'immediate' } },

  // RS-003 社保卡补换 (fee)
  { name: 'RS-003 lost card: accepted, the declared fee with its basis', item: 'RS-003', facts: { ...PERSON, cardDamaged: false }, materials: ['id-card', 'application', 'photo'], expect: { kind: 'accepted', mode: 'promised' } },
  { name: 'RS-003 damaged card without the old card: supplement', item: 'RS-003', facts: { ...PERSON, cardDamaged: true }, materials: ['id-card', 'application', 'photo'], expect: { kind: 'supplement', missing: [['old-card', 'absent']] } },

  // RS-004 就业登记 (applicant type decides the materials)
  { name: 'RS-004 employer: organization materials, licence fetched by the center', item: 'RS-004', facts: { type: 'organization', forDependant: false }, materials: ['employment-form', { id: 'labor-contract', form: 'copy' }, 'agent-authorization'], expect: { kind: 'accepted', mode: 'immediate', missing: [] } },
  { name: 'RS-004 employer brings the contract original where a copy is required: wrong form', item: 'RS-004', facts: { type: 'organization', forDependant: false }, materials: ['employment-form', 'labor-contract', 'agent-authorization'], expect: { kind: 'supplement', missing: [['labor-contract', 'wrong-form']] } },
  { name: 'RS-004 person without an ID card (core): returned', item: 'RS-004', facts: { type: 'person', forDependant: false }, materials: ['employment-form'], expect: { kind: 'returned', reasons: ['material:id-card'] } },

  // TJ-001 优待证 (alternatives each original and copy ×2)
  { name: 'TJ-001 veteran with the discharge certificate in both forms: accepted as reported', item: 'TJ-001', facts: { ...LOCAL, isVeteran: true }, materials: ['application', 'id-card', both2('discharge-cert'), 'photo'], expect: { kind: 'accepted', mode: 'reported' } },
  { name: 'TJ-001 discharge certificate as one original only: wrong form and too few copies', item: 'TJ-001', facts: { ...LOCAL, isVeteran: true }, materials: ['application', 'id-card', 'discharge-cert', 'photo'], expect: { kind: 'supplement', missing: [['service-proof', 'wrong-form'], ['service-proof', 'too-few-copies']] } },
  { name: 'TJ-001 not a veteran: returned', item: 'TJ-001', facts: { ...LOCAL, isVeteran: false }, materials: ['application', 'id-card', both2('discharge-cert'), 'photo'], expect: { kind: 'returned', reasons: ['condition:eligible'] } },

  // WJ-001, WJ-002 卫健
  { name: 'WJ-001 married couple: the marriage certificate is fetched, not demanded', item: 'WJ-001', facts: { ...LOCAL, maritalStatus: '已婚' }, materials: [{ id: 'id-card', party: '男方' }, { id: 'id-card', party: '女方' }, 'registration-form'], expect: { kind: 'accepted', mode: 'immediate', missing: [] } },
  { name: 'WJ-002 rural parent of one child aged 62: accepted as reported', item: 'WJ-002', facts: { ...LOCAL, isRural: true, age: 62, childrenCount: 1 }, materials: ['application', 'id-card', both2('only-child-cert'), both2('marriage-cert')], expect: { kind: 'accepted', mode: 'reported' } },
  { name: 'WJ-002 two children not both daughters: returned', item: 'WJ-002', facts: { ...LOCAL, isRural: true, age: 62, childrenCount: 2, daughtersOnly: false }, materials: ['application', 'id-card', 'village-proof', both2('marriage-cert')], expect: { kind: 'returned', reasons: ['condition:children'] } },
  { name: 'WJ-002 marriage certificate copy only: wrong form and too few copies', item: 'WJ-002', facts: { ...LOCAL, isRural: true, age: 62, childrenCount: 1 }, materials: ['application', 'id-card', 'village-proof', { id: 'marriage-cert', form: 'copy' }], expect: { kind: 'supplement', missing: [['marriage-cert', 'wrong-form'], ['marriage-cert', 'too-few-copies']] } },

  // XF-001 信访 (petition)
  { name: 'XF-001 petition without a legal channel: accepted as petition', item: 'XF-001', facts: { ...PERSON, legalChannelAvailable: false }, materials: ['id-card'], expect: { kind: 'accepted', mode: 'petition', missing: [] } },
  { name: 'XF-001 a matter for the courts or arbitration: rejected and routed to the legal channel', item: 'XF-001', facts: { ...PERSON, legalChannelAvailable: true }, materials: ['id-card'], expect: { kind: 'rejected', route: '人民法院' } },
  { name: 'XF-001 no identity document at all: supplement', item: 'XF-001', facts: { ...PERSON, legalChannelAvailable: false }, materials: ['petition-letter'], expect: { kind: 'supplement', missing: [['identity', 'absent']] } },

  // ZH-001 居住证明
  { name: 'ZH-001 living in the township: certificate on the spot', item: 'ZH-001', facts: { ...PERSON, residesLocal: true }, materials: ['id-card', 'commitment'], expect: { kind: 'accepted', mode: 'immediate' } },
  { name: 'ZH-001 not living here: rejected and routed', item: 'ZH-001', facts: { ...PERSON, residesLocal: false }, materials: ['id-card', 'commitment'], expect: { kind: 'rejected', route: true } },

  // Referrals (首问负责: never just refuse)
  { name: 'ZB-001 passport: not this center’s competence, rejected with the organ', item: 'ZB-001', facts: { type: 'person' }, materials: ['id-card'], expect: { kind: 'rejected', route: true, reasons: ['referral:ZB-001'] } },
  { name: 'ZB-004 asking about marriage registration: told where to go', item: 'ZB-004', intent: 'consult', facts: { type: 'person' }, expect: { kind: 'consultation', route: true } },
];

function decideScenario(s: Scenario): Promise<Decision> {
  return p.decide({ item: s.item, intent: s.intent ?? 'apply', applicant: s.facts, materials: s.materials ?? [], receivedAt: s.receivedAt ?? AT });
}

/** The organ the pack routes to for this scenario: the referral's, or the failing rejected condition's. */
function expectedOrgan(s: Scenario): string {
  const referral = p.data.referrals.get(s.item);
  if (referral) return referral.data.organ;
  const conditions = p.data.items.get(s.item)?.data.conditions ?? [];
  return conditions.find((c) => c.onFail === 'rejected')?.routeTo ?? '';
}

describe('sample pack scenarios', () => {
  test('cover every kind, mode, necessity and problem', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.expect.kind))).toEqual(new Set(['consultation', 'supplement', 'returned', 'rejected', 'accepted']));
    expect(new Set(scenarios.flatMap((s) => (s.expect.mode ? [s.expect.mode] : [])))).toEqual(new Set(['immediate', 'promised', 'reported', 'joint', 'petition']));
    expect(new Set(scenarios.flatMap((s) => (s.expect.missing ?? []).map(([, problem]) => problem)))).toEqual(new Set(['absent', 'wrong-form', 'too-few-copies']));
  });

  test.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const d = await decideScenario(s);
    const e = s.expect;
    expect(d.kind).toBe(e.kind);
    if (e.mode !== undefined) expect(d.mode).toBe(e.mode);
    if (e.missing) expect(d.missing.map((m) => [m.id, m.problem])).toEqual(e.missing);
    if (e.deferred) expect(d.deferred.map((m) => m.id)).toEqual(e.deferred);
    if (e.reasons) expect(d.reasons.map((r) => r.code)).toEqual(e.reasons);
    if (e.document) expect(d.notice.document).toBe(e.document);
    if (e.route === true) expect(d.routeTo?.organ).toBe(expectedOrgan(s));
    else if (typeof e.route === 'string') expect(d.routeTo?.organ).toContain(e.route);
    else expect(d.routeTo).toBeNull();
    // Invariants of every decision.
    expect(d.mode === null).toBe(d.kind !== 'accepted');
    expect(d.deadline === null).toBe(d.kind !== 'accepted');
    for (const t of d.trace) expect(t.source.line).toBeGreaterThan(0);
    for (const r of d.reasons) expect(r.source.line).toBeGreaterThan(0);
  });
});

describe('sample pack details', () => {
  test('necessities: a deferred material is due 10 working days after acceptance on the pack calendar', async () => {
    const d = await p.decide({ item: 'MZ-001', intent: 'apply', applicant: { ...LOCAL, hasDisabilityCert: false, householdIncomePerCapita: 500 }, materials: ['application', 'id-card', 'authorization', 'income-statement'], receivedAt: AT });
    expect(d.deferred).toEqual([{ id: 'bank-account', name: expect.any(String), due: addDuration(p.calendar, AT, { amount: 10, unit: 'workingDays' }).due }]);
    const necessities = new Set(d.materials.map((m) => m.necessity));
    expect(necessities).toEqual(new Set(['core', 'required', 'deferrable', 'optional']));
  });

  test('the MZ-004 change of 2027-01-01 applies from that day, with its reference', async () => {
    const item = p.data.items.get('MZ-004')!.data;
    const change = item.changes![0]!;
    const facts = { ...LOCAL, age: 85 };
    const before = await p.decide({ item: 'MZ-004', intent: 'apply', applicant: facts, materials: ['id-card', 'application'], receivedAt: '2026-12-31T16:00:00+08:00' });
    const after = await p.decide({ item: 'MZ-004', intent: 'apply', applicant: facts, materials: ['id-card', 'application'], receivedAt: '2027-01-04T09:00:00+08:00' });
    expect(before.version).toBeNull();
    expect(before.deadline?.promised.amount).toBe(item.limits!.promised.amount);
    expect(after.version).toEqual({ effectiveFrom: change.effectiveFrom, reference: change.reference });
    expect(after.deadline?.promised.amount).toBe(change.set!.limits!.promised.amount);
  });

  test('RS-003: the fee is declared with its basis; items without fees charge nothing', async () => {
    const d = await p.decide({ item: 'RS-003', intent: 'apply', applicant: { ...PERSON, cardDamaged: false }, materials: ['id-card', 'application', 'photo'], receivedAt: AT });
    expect(d.fees).toEqual([{ name: '社会保障卡补换卡工本费', amount: 20, per: '每张', basis: expect.stringContaining('社会保障卡工本费') }]);
    const free = await p.decide({ item: 'MZ-004', intent: 'consult', applicant: { type: 'person' }, receivedAt: AT });
    expect(free.fees).toEqual([]);
  });

  test('NY-001 consultation gathers every department’s materials, labelled by department', async () => {
    const d = await p.decide({ item: 'NY-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: AT });
    const departments = new Set(d.materials.map((m) => m.department));
    expect(departments).toEqual(new Set(['农业农村服务中心', '自然资源所', '村镇建设办']));
    expect(d.materials.find((m) => m.id === 'site-plan')?.department).toBe('自然资源所');
    expect(d.materials.find((m) => m.id === 'old-house-exit')).toMatchObject({ required: 'unknown', condition: expect.any(String) });
    expect(d.guide?.departments).toEqual(['自然资源所', '村镇建设办']);
  });

  test('MZ-001 consultation: the complete one-time notice', async () => {
    const d = await p.decide({ item: 'MZ-001', intent: 'consult', applicant: { type: 'person', forDependant: true }, receivedAt: AT });
    expect(d.materials.map((m) => m.id)).toEqual(p.data.items.get('MZ-001')!.data.materials.map((m) => m.id));
    expect(d.materials.find((m) => m.id === 'power-of-attorney')?.required).toBe('yes');
    expect(d.materials.find((m) => m.id === 'disability-cert')).toMatchObject({ required: 'unknown', condition: '家庭成员持有残疾人证的提供' });
    expect(d.materials.find((m) => m.id === 'household-register')?.fetchedByCenter).toBe(true);
    expect(d.guide).toMatchObject({ mode: 'reported', reportTo: '梧溪县民政局', window: { number: 2 }, phones: { complaint: '0856-2336001' } });
    expect(d.guide?.basis.length).toBeGreaterThan(0);
    expect(d.guide?.procedure.length).toBeGreaterThan(0);
  });
});
