import { beforeAll, describe, expect, test } from 'vitest';
import { addDuration, ApplicationError, computeDeadline, type Decision, type Pack } from '../../src/index.ts';
import { FIXTURE_PACK, lineOf, pack } from './helpers.ts';

let p: Pack;
beforeAll(async () => {
  p = await pack(FIXTURE_PACK);
});

const AT = '2026-11-23T09:30:00+08:00';
const ELIGIBLE = { type: 'person', hukouLocal: true, age: 85, income: 1000, forDependant: false } as const;
const COMPLETE = ['application', 'id-card', { id: 'photo', copies: 2 }, { id: 'bank-card', form: 'both' }, 'health-record', 'medical'] as const;

function apply(item: string, applicant: object, materials: readonly unknown[], extra: object = {}): Promise<Decision> {
  return p.decide({ item, intent: 'apply', applicant, materials, receivedAt: AT, ...extra });
}

function rules(d: Decision): string[] {
  return d.reasons.map((r) => r.code);
}

describe('accepted', () => {
  test('a complete, eligible application is accepted as the item declares, with its deadlines from acceptance', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, COMPLETE);
    expect(d.kind).toBe('accepted');
    expect(d.mode).toBe('promised');
    expect(d.missing).toEqual([]);
    expect(d.reasons).toEqual([]);
    expect(d.deferred).toEqual([]);
    expect(d.notice.document).toBe('accepted');
    const limits = { statutory: { amount: 20, unit: 'workingDays' as const }, promised: { amount: 10, unit: 'workingDays' as const } };
    expect(d.deadline).toEqual(computeDeadline(p.calendar, limits, AT));
    expect(d.deadline?.acceptedAt).toBe(AT);
    expect(d.fees).toEqual([{ name: '工本费', amount: 10, per: '本', basis: '《测试县收费目录》第三条' }]);
    expect(d.routeTo).toBeNull();
  });

  test('a deferrable material still outstanding is accepted and listed with its due date (5 working days)', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, COMPLETE.filter((m) => m !== 'health-record'));
    expect(d.kind).toBe('accepted');
    expect(d.deferred).toEqual([{ id: 'health-record', name: '体检报告', due: addDuration(p.calendar, AT, { amount: 5, unit: 'workingDays' }).due }]);
    expect(d.missing).toEqual([]);
  });

  test('immediate item: accepted on the spot, 30 office minutes, immediate notice', async () => {
    const d = await apply('T-IMMEDIATE', { type: 'person' }, ['id-card', 'statement']);
    expect(d.kind).toBe('accepted');
    expect(d.mode).toBe('immediate');
    expect(d.notice.document).toBe('immediate');
    expect(d.deadline?.promised).toEqual({ amount: 30, unit: 'minutes', due: '2026-11-23T10:00:00+08:00' });
  });

  test('reported item: accepted as reported; an organization applicant is returned with the failed condition', async () => {
    const ok = await apply('T-REPORTED', { type: 'person', income: 500 }, ['application', 'id-card', 'bank-card']);
    expect([ok.kind, ok.mode]).toEqual(['accepted', 'reported']);
    const org = await apply('T-REPORTED', { type: 'organization', income: 500 }, ['application', 'id-card', 'bank-card']);
    expect([org.kind, org.mode]).toEqual(['returned', null]);
    expect(org.reasons).toEqual([
      { code: 'condition:organization-no', message: '最低生活保障只受理自然人（家庭）的申请。', source: { file: 'items/t-reported.yaml', line: lineOf(FIXTURE_PACK, 'items/t-reported.yaml', 'id: organization-no') } },
    ]);
  });

  test('petition item: any one of the alternatives is enough; accepted as petition with calendar-day limits', async () => {
    const d = await apply('T-PETITION', { type: 'person' }, ['visit-record']);
    expect([d.kind, d.mode]).toEqual(['accepted', 'petition']);
    expect(d.deadline?.promised.unit).toBe('calendarDays');
    const none = await apply('T-PETITION', { type: 'person' }, []);
    expect(none.kind).toBe('supplement');
    expect(none.missing).toEqual([
      expect.objectContaining({ id: 'letter', problem: 'absent', detail: expect.stringContaining('任选其一：《书面信访信》原件、《来访登记表》原件') }),
    ]);
  });
});

describe('supplement: every problem in one notice', () => {
  test('absent, wrong form and too few copies are all listed at once, each with its reason and source line', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, ['application', { id: 'photo', copies: 1 }, { id: 'bank-card', form: 'copy' }]);
    expect(d.kind).toBe('supplement');
    expect(d.mode).toBeNull();
    expect(d.deadline).toBeNull();
    expect(d.missing.map((m) => [m.id, m.problem])).toEqual([
      ['identity', 'absent'],
      ['photo', 'too-few-copies'],
      ['bank-card', 'wrong-form'],
    ]);
    expect(d.missing.find((m) => m.id === 'bank-card')?.detail).toBe('需原件和复印件，只提交了复印件');
    expect(d.missing.find((m) => m.id === 'photo')?.detail).toBe('需 2 份，只提交了 1 份');
    expect(rules(d)).toEqual(['material:identity', 'material:photo', 'material:bank-card']);
    expect(d.reasons[1]?.source).toEqual({ file: 'items/t-promised.yaml', line: lineOf(FIXTURE_PACK, 'items/t-promised.yaml', 'id: photo') });
    // The item names its own supplement template.
    expect(d.notice.document).toBe('custom-supplement');
  });

  test('one material with two problems is listed twice in missing and once in reasons', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, [...COMPLETE.filter((m) => typeof m === 'string' || m.id !== 'bank-card'), { id: 'bank-card', form: 'original', copies: 0 }]);
    expect(d.missing.filter((m) => m.id === 'bank-card').map((m) => m.problem)).toEqual(['wrong-form', 'too-few-copies']);
    expect(rules(d)).toEqual(['material:bank-card']);
  });

  test('several submissions of one material add up: two single copies make two, an original and a copy make both', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, ['application', 'id-card', 'photo', 'photo', 'bank-card', { id: 'bank-card', form: 'copy' }, 'health-record']);
    expect(d.kind).toBe('accepted');
  });

  test('alternatives: a group is satisfied by any one; a wrong form of one alternative is reported against the group', async () => {
    const base = COMPLETE.filter((m) => m !== 'id-card');
    expect((await apply('T-PROMISED', ELIGIBLE, [...base, { id: 'hukou-book', form: 'copy' }])).kind).toBe('accepted');
    expect((await apply('T-PROMISED', ELIGIBLE, [...base, 'identity'])).kind).toBe('accepted');
    expect((await apply('T-PROMISED', ELIGIBLE, [...base, { id: 'id-card', form: 'copy' }, { id: 'hukou-book', form: 'copy' }])).kind).toBe('accepted');
    const wrong = await apply('T-PROMISED', ELIGIBLE, [...base, 'hukou-book']);
    expect(wrong.kind).toBe('supplement');
    expect(wrong.missing).toEqual([
      { id: 'identity', name: '申请对象身份证明', necessity: 'required', problem: 'wrong-form', detail: '所交《户口簿》需复印件，只提交了原件', department: null },
    ]);
  });

  test('a missing eligibility fact makes a supplement asking for it, with the rule undecided (null) in the trace', async () => {
    const { age: _age, ...noAge } = ELIGIBLE;
    const d = await apply('T-PROMISED', noAge, COMPLETE);
    expect(d.kind).toBe('supplement');
    expect(rules(d)).toEqual(['condition:age-80']);
    expect(d.reasons[0]?.message).toContain('年龄（周岁）');
    expect(d.trace.find((t) => t.rule === 'condition:age-80')).toMatchObject({ passed: null, message: expect.stringContaining('缺少申请人事实：年龄（周岁）') });
  });

  test('undecided conditions use three-valued logic: a true branch of `any` decides without the other facts', async () => {
    const { income: _income, ...noIncome } = ELIGIBLE;
    const married = await apply('T-PROMISED', { ...noIncome, maritalStatus: '已婚' }, COMPLETE);
    expect(married.kind).toBe('accepted');
    expect(married.trace.find((t) => t.rule === 'condition:income-limit')?.passed).toBe(true);
    const unknown = await apply('T-PROMISED', noIncome, COMPLETE);
    expect(unknown.trace.find((t) => t.rule === 'condition:income-limit')?.passed).toBeNull();
    const single = await apply('T-PROMISED', { ...noIncome, maritalStatus: '未婚' }, COMPLETE);
    expect(single.trace.find((t) => t.rule === 'condition:income-limit')?.passed).toBeNull();
    expect(single.kind).toBe('supplement');
  });

  test('conditional materials follow the facts; unknown whether needed → the fact is asked for', async () => {
    const proxy = await apply('T-PROMISED', { ...ELIGIBLE, forDependant: true }, [...COMPLETE, 'proxy-id']);
    expect(proxy.kind).toBe('supplement');
    expect(proxy.missing.map((m) => m.id)).toEqual(['proxy-letter']);
    const { forDependant: _f, ...unsaid } = ELIGIBLE;
    const unknown = await apply('T-PROMISED', unsaid, COMPLETE);
    expect(unknown.kind).toBe('supplement');
    expect(rules(unknown)).toEqual(['material:proxy-letter', 'material:proxy-id']);
    expect(unknown.missing).toEqual([]);
    expect(unknown.reasons[0]?.message).toContain('代他人申请');
    // Submitted anyway: nothing left to ask.
    expect((await apply('T-PROMISED', unsaid, [...COMPLETE, 'proxy-letter', 'proxy-id'])).kind).toBe('accepted');
  });

  test('what the center fetches itself is never demanded, and optional materials never block', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, COMPLETE.filter((m) => m !== 'medical'));
    expect(d.kind).toBe('accepted');
    expect(d.materials.find((m) => m.id === 'household')).toMatchObject({ fetchedByCenter: true, required: 'yes' });
    expect(d.trace.find((t) => t.rule === 'material:household')).toMatchObject({ passed: true, message: expect.stringContaining('由中心通过共享调取') });
  });
});

describe('returned and rejected', () => {
  test('a failed eligibility condition returns the application with that rule’s reason', async () => {
    const d = await apply('T-PROMISED', { ...ELIGIBLE, age: 70 }, COMPLETE);
    expect(d.kind).toBe('returned');
    expect(d.notice.document).toBe('returned');
    expect(d.reasons).toEqual([
      { code: 'condition:age-80', message: '申请对象未满80周岁，不符合高龄津贴申领条件。', source: { file: 'items/t-promised.yaml', line: lineOf(FIXTURE_PACK, 'items/t-promised.yaml', 'id: age-80') } },
    ]);
  });

  test('one reason per failed rule and per absent core material; every other problem still listed', async () => {
    const d = await apply('T-PROMISED', { ...ELIGIBLE, age: 70, forDependant: true }, ['id-card']);
    expect(d.kind).toBe('returned');
    expect(rules(d)).toEqual(['condition:age-80', 'material:application', 'material:proxy-id']);
    expect(d.missing.map((m) => m.id)).toEqual(['application', 'photo', 'bank-card', 'proxy-letter', 'proxy-id']);
  });

  test('a core material present in the wrong form is a supplement, not a return', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, [{ id: 'application', form: 'copy' }, ...COMPLETE.filter((m) => m !== 'application')]);
    expect(d.kind).toBe('supplement');
    expect(d.missing).toEqual([expect.objectContaining({ id: 'application', necessity: 'core', problem: 'wrong-form' })]);
  });

  test('a condition with onFail rejected routes the applicant elsewhere, and wins over returned', async () => {
    const d = await apply('T-PROMISED', { ...ELIGIBLE, hukouLocal: false, age: 70 }, []);
    expect(d.kind).toBe('rejected');
    expect(d.routeTo).toEqual({ organ: '户籍所在地乡镇便民服务中心', window: null, address: null, phone: null });
    expect(rules(d)).toEqual(['condition:local']);
    expect(d.missing).toEqual([]);
    expect(d.notice.document).toBe('rejected');
  });

  test('a referral code (not this center’s competence) is rejected with the organ, address and phone', async () => {
    const d = await apply('ZB-001', { type: 'person' }, ['passport-photo']);
    expect(d.kind).toBe('rejected');
    expect(d.itemName).toBe('普通护照签发');
    expect(d.routeTo).toEqual({ organ: '测试县公安局出入境管理大队', window: null, address: '测试县政务服务中心二楼', phone: '0856-2321110' });
    expect(d.trace).toEqual([{ rule: 'referral:ZB-001', passed: false, message: expect.stringContaining('不属本中心职权'), source: { file: 'referrals.yaml', line: lineOf(FIXTURE_PACK, 'referrals.yaml', 'code: ZB-001') } }]);
    const c = await p.decide({ item: 'ZB-001', intent: 'consult', applicant: { type: 'person' } });
    expect([c.kind, c.routeTo?.organ]).toEqual(['consultation', '测试县公安局出入境管理大队']);
  });
});

describe('joint items', () => {
  test('every department’s materials are gathered and labelled with the department name', async () => {
    const d = await apply('T-JOINT', { type: 'person', village: '石门村' }, ['application']);
    expect(d.kind).toBe('supplement');
    expect(d.missing.map((m) => [m.id, m.department])).toEqual([
      ['plan', '自然资源所'],
      ['consent', '农业农村服务中心'],
    ]);
    expect(d.materials.map((m) => m.department)).toEqual(['农业农村服务中心', '自然资源所', '农业农村服务中心']);
    const ok = await apply('T-JOINT', { type: 'person', village: '石门村' }, ['application', { id: 'plan', copies: 2 }, 'consent']);
    expect([ok.kind, ok.mode]).toEqual(['accepted', 'joint']);
  });
});

describe('consultation: the complete one-time notice', () => {
  test('lists every material with conditional ones resolved or explained, fees, limits, basis, place and phones', async () => {
    const d = await p.decide({ item: 'T-PROMISED', intent: 'consult', applicant: { type: 'person', hukouLocal: true }, receivedAt: AT });
    expect(d.kind).toBe('consultation');
    expect(d.mode).toBeNull();
    expect(d.notice.document).toBe('consultation');
    expect(d.materials.map((m) => [m.id, m.required])).toEqual([
      ['application', 'yes'],
      ['identity', 'yes'],
      ['photo', 'yes'],
      ['bank-card', 'yes'],
      ['proxy-letter', 'unknown'],
      ['proxy-id', 'unknown'],
      ['household', 'yes'],
      ['health-record', 'yes'],
      ['medical', 'yes'],
    ]);
    expect(d.materials.find((m) => m.id === 'proxy-letter')?.condition).toBe('代他人申请时提供');
    expect(d.materials.find((m) => m.id === 'health-record')?.due).toEqual({ amount: 5, unit: 'workingDays' });
    expect(d.materials.find((m) => m.id === 'identity')?.alternatives).toEqual([
      { id: 'id-card', name: '居民身份证' },
      // An alternative asked for in another form than the material's says so on the notice.
      { id: 'hukou-book', name: '户口簿', form: 'copy', copies: 1 },
    ]);
    expect(d.fees).toHaveLength(1);
    expect(d.guide).toMatchObject({
      mode: 'promised',
      department: '民政办',
      window: { number: 2, name: '民政窗口', location: '大厅东侧' },
      basis: ['《老年人权益保障法》第三十三条'],
      limits: { promised: { amount: 10, unit: 'workingDays' }, statutory: { amount: 20, unit: 'workingDays' }, extension: { max: { amount: 10, unit: 'workingDays' }, approver: '中心主任' } },
      procedure: [{ step: '受理', description: null, limit: null }, { step: '审核', description: null, limit: { amount: 5, unit: 'workingDays' } }],
      phones: { consult: '0856-2336000', complaint: '0856-2336001' },
    });
    expect(d.guide?.conditions).toEqual([
      { id: 'local', text: '申请对象户籍在本镇', met: true },
      { id: 'age-80', text: '申请对象年满80周岁', met: null },
      { id: 'income-limit', text: expect.any(String), met: null },
    ]);
    expect(d.deadline).toBeNull();
    expect(d.missing).toEqual([]);
  });

  test('facts given resolve conditional materials; a failed routing condition says where to go', async () => {
    const d = await p.decide({ item: 'T-PROMISED', intent: 'consult', applicant: { type: 'person', forDependant: false, hukouLocal: false }, receivedAt: AT });
    expect(d.materials.find((m) => m.id === 'proxy-letter')?.required).toBe('no');
    expect(d.routeTo?.organ).toBe('户籍所在地乡镇便民服务中心');
  });
});

describe('versions, times and warnings', () => {
  test('the version in force on the Shanghai date of receipt applies, and is reported', async () => {
    // 2026-12-01 00:30 in Shanghai is still 30 November in UTC.
    const after = await apply('T-PROMISED', { ...ELIGIBLE, age: 77 }, COMPLETE, { receivedAt: '2026-11-30T16:30:00Z' });
    expect(after.version).toEqual({ effectiveFrom: '2026-12-01', reference: '测民发〔2026〕9号' });
    expect(after.itemName).toBe('高龄津贴申领（2026年12月起）');
    expect(after.kind).toBe('accepted');
    expect(after.deadline?.promised.amount).toBe(5);
    expect(after.trace[0]).toEqual({ rule: 'version', passed: true, message: expect.stringContaining('2026-12-01'), source: { file: 'items/t-promised.yaml', line: lineOf(FIXTURE_PACK, 'items/t-promised.yaml', 'effectiveFrom: "2026-12-01"') } });
    // The replaced conditions cite their lines inside the change.
    expect(after.trace.find((t) => t.rule === 'condition:age-75')?.source.line).toBe(lineOf(FIXTURE_PACK, 'items/t-promised.yaml', 'id: age-75'));
    const before = await apply('T-PROMISED', { ...ELIGIBLE, age: 77 }, COMPLETE, { receivedAt: '2026-11-30T23:59:00+08:00' });
    expect([before.version, before.kind]).toEqual([null, 'returned']);
  });

  test('receipt times are reported in Shanghai time whatever zone they came in; `at` stands in when absent', async () => {
    expect((await apply('T-IMMEDIATE', { type: 'person' }, [], { receivedAt: '2026-11-23T01:30:00Z' })).receivedAt).toBe(AT);
    const d = await p.decide({ item: 'T-IMMEDIATE', intent: 'apply', applicant: { type: 'person' } }, { at: '2026-11-24T02:00:00Z' });
    expect(d.receivedAt).toBe('2026-11-24T10:00:00+08:00');
  });

  test('a receipt time without a zone or without seconds is Shanghai time, as everywhere else', async () => {
    expect((await apply('T-IMMEDIATE', { type: 'person' }, [], { receivedAt: '2026-11-23T09:30:00' })).receivedAt).toBe(AT);
    expect((await apply('T-IMMEDIATE', { type: 'person' }, [], { receivedAt: '2026-11-23T09:30+08:00' })).receivedAt).toBe(AT);
    const d = await p.decide({ item: 'T-IMMEDIATE', intent: 'apply', applicant: { type: 'person' } }, { at: '2026-11-23 09:30' });
    expect(d.receivedAt).toBe(AT);
  });

  test('unknown material ids are reported with a suggestion, not ignored', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, [...COMPLETE, 'phto', 'zzz']);
    expect(d.unknownMaterials).toEqual(['phto', 'zzz']);
    expect(d.warnings).toEqual([
      { code: 'unknown-material', message: expect.stringContaining('是否应为 photo（近期免冠照片）') },
      { code: 'unknown-material', message: expect.stringContaining('zzz') },
    ]);
    expect(d.kind).toBe('accepted');
  });

  test('an undeclared applicant fact is a warning with a suggestion and takes no part', async () => {
    const { age: _age, ...rest } = ELIGIBLE;
    const d = await apply('T-PROMISED', { ...rest, agee: 85 }, COMPLETE);
    expect(d.warnings).toContainEqual({ code: 'unknown-fact', message: expect.stringContaining('是否应为 age') });
    expect(d.kind).toBe('supplement');
  });
});

describe('trace', () => {
  test('every condition and material has one entry, in Chinese, with the YAML file and line it came from', async () => {
    const d = await apply('T-PROMISED', ELIGIBLE, COMPLETE);
    const ids = ['local', 'age-80', 'income-limit'].map((c) => `condition:${c}`);
    const mats = ['application', 'identity', 'photo', 'bank-card', 'proxy-letter', 'proxy-id', 'household', 'health-record', 'medical'].map((m) => `material:${m}`);
    expect(d.trace.map((t) => t.rule)).toEqual(['version', ...ids, ...mats]);
    for (const t of d.trace.slice(1)) {
      const id = t.rule.split(':')[1]!;
      expect(t.source).toEqual({ file: 'items/t-promised.yaml', line: lineOf(FIXTURE_PACK, 'items/t-promised.yaml', `id: ${id}`) });
      expect(t.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(d.trace.find((t) => t.rule === 'material:proxy-letter')).toMatchObject({ passed: true, message: expect.stringContaining('本次不需要') });
  });
});

describe('bad input', () => {
  async function rejection(input: unknown): Promise<ApplicationError> {
    const err = await p.decide(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplicationError);
    return err as ApplicationError;
  }

  test('an unknown item is a typed error at $.item with routing suggestions', async () => {
    const err = await rejection({ item: 'T-PROMISE', intent: 'apply', applicant: { type: 'person' } });
    expect([err.code, err.location.path]).toEqual(['E-APP-UNKNOWN-ITEM', '$.item']);
    expect(err.message).toContain('T-PROMISE');
    expect(err.suggestions[0]?.code).toBe('T-PROMISED');
    const byName = await rejection({ item: '高龄津贴', intent: 'apply', applicant: { type: 'person' } });
    expect(byName.suggestions[0]).toMatchObject({ code: 'T-PROMISED', window: { number: 2 } });
  });

  test('missing fields and wrong types are located by JSON path, in Chinese, all at once', async () => {
    const err = await rejection({ intent: 'apply', applicant: { type: 'person', age: 'eighty' }, materials: [{ id: 'photo', copies: '2' }, 7], receivedAt: 'yesterday' });
    expect(err.details).toEqual([
      { path: '$.item', code: 'E-APP-REQUIRED', message: expect.stringContaining('缺少必填字段 item') },
      { path: '$.materials[0].copies', code: 'E-APP-TYPE', message: expect.stringContaining('应为整数') },
      { path: '$.materials[1]', code: 'E-APP-TYPE', message: expect.stringContaining('材料应为材料标识') },
      { path: '$.receivedAt', code: 'E-APP-TIME', message: expect.stringContaining('ISO 8601') },
      { path: '$.applicant.age', code: 'E-APP-FACT', message: expect.stringContaining('应为数字') },
    ]);
  });

  test.each([
    [null, '$', 'E-APP-TYPE'],
    ['MZ-001', '$', 'E-APP-TYPE'],
    [{ item: 'T-PROMISED', intent: 'apply' }, '$.applicant', 'E-APP-REQUIRED'],
    [{ item: 'T-PROMISED', intent: 'aply', applicant: { type: 'person' } }, '$.intent', 'E-APP-ENUM'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person' }, extra: 1 }, '$.extra', 'E-APP-UNKNOWN-KEY'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person', nested: { a: 1 } } }, '$.applicant.nested', 'E-APP-TYPE'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person', maritalStatus: '结婚' } }, '$.applicant.maritalStatus', 'E-APP-FACT'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person', birthDate: '2026-02-30' } }, '$.applicant.birthDate', 'E-APP-FACT'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person', hukouLocal: 'yes' } }, '$.applicant.hukouLocal', 'E-APP-FACT'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person' }, materials: [{ id: 'photo', from: 'copy' }] }, '$.materials[0].from', 'E-APP-UNKNOWN-KEY'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person' }, receivedAt: '2026-11-23T09:30:00+19:00' }, '$.receivedAt', 'E-APP-TIME'],
    [{ item: 'T-PROMISED', intent: 'apply', applicant: { type: 'person' }, receivedAt: '2026-02-30T09:30:00+08:00' }, '$.receivedAt', 'E-APP-TIME'],
  ])('%j → %s %s', async (input, path, code) => {
    const err = await rejection(input);
    expect(err.details[0]).toMatchObject({ path, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  test('a receipt time the clock cannot count from is a located input error; an hour-only offset is fine', async () => {
    const err = await rejection({ item: 'T-IMMEDIATE', intent: 'apply', applicant: { type: 'person' }, materials: ['id-card', 'statement'], receivedAt: '2150-01-01T09:00:00+08:00' });
    expect([err.location.path, err.code]).toEqual(['$.receivedAt', 'E-APP-TIME']);
    const d = await p.decide({ item: 'T-IMMEDIATE', intent: 'apply', applicant: { type: 'person' }, materials: ['id-card', 'statement'], receivedAt: '2026-11-23T09:30:00+08' });
    expect(d.receivedAt).toBe(AT);
  });

  test('an invalid `at` option is reported, not thrown as anything else', async () => {
    const err = await p.decide({ item: 'T-IMMEDIATE', intent: 'apply', applicant: { type: 'person' } }, { at: 'now' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationError);
    expect((err as ApplicationError).location.path).toBe('at');
  });
});

test('concurrent decisions on one compiled engine give the same answers as sequential ones', async () => {
  const inputs = Array.from({ length: 300 }, (_, i) => ({
    item: 'T-PROMISED',
    intent: i % 5 === 0 ? 'consult' : 'apply',
    applicant: { ...ELIGIBLE, age: 60 + (i % 40), ...(i % 7 === 0 ? { hukouLocal: false } : {}) },
    materials: COMPLETE.slice(0, 2 + (i % 5)),
    receivedAt: AT,
  }));
  const sequential: Decision[] = [];
  for (const input of inputs) sequential.push(await p.decide(input));
  // Staggered starts: runs begin while others on the same Engine are mid-way or finishing.
  const concurrent = await Promise.all(inputs.map(async (input, i) => {
    for (let k = 0; k < i % 50; k++) await Promise.resolve();
    return p.decide(input);
  }));
  expect(concurrent).toEqual(sequential);
});
