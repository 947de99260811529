// 告知承诺制 in a decision (issue 16): a committed material counts as provided and is listed;
// a commitment for a material that does not accept one is a located application error; an
// excluded applicant's commitments are refused (materials stay missing, the reason is said).
import { describe, expect, test } from 'vitest';
import { ApplicationError } from '../../src/index.ts';
import type { Application } from '../../src/pack/schema-types.ts';
import { pack, SAMPLE_PACK } from './helpers.ts';

const ALL_BUT_KINSHIP = ['application', 'medical-death-cert', 'cremation-cert', 'applicant-id-card', 'hukou-cancellation', 'bank-account'];

function burial(extra: Partial<Application> = {}): Application {
  return {
    item: 'MZ-005',
    intent: 'apply',
    applicant: { type: 'person', name: '李四', idNumber: '320102198001011234', deceasedHukouLocal: true, cremated: true },
    materials: ALL_BUT_KINSHIP,
    receivedAt: '2026-11-23T09:00:00+08:00',
    ...extra,
  };
}

async function rejection(input: unknown): Promise<ApplicationError> {
  const p = await pack(SAMPLE_PACK);
  const err = await p.decide(input).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApplicationError);
  return err as ApplicationError;
}

describe('告知承诺 in the decision', () => {
  test('a commitment replaces 亲属关系证明: accepted, committed listed, traced', async () => {
    const p = await pack(SAMPLE_PACK);
    const d = await p.decide(burial({ commitments: ['kinship-proof'] }));
    expect(d.kind).toBe('accepted');
    expect(d.missing).toEqual([]);
    expect(d.committed).toEqual([{ id: 'kinship-proof', name: '申请人与逝者的亲属关系证明' }]);
    const t = d.trace.find((x) => x.rule === 'material:kinship-proof');
    expect(t).toMatchObject({ passed: true });
    expect(t?.message).toContain('告知承诺');
  });

  test('without a commitment the same application needs a 补正; no committed list is added', async () => {
    const p = await pack(SAMPLE_PACK);
    const d = await p.decide(burial());
    expect(d.kind).toBe('supplement');
    expect(d.missing.map((m) => m.id)).toEqual(['kinship-proof']);
    expect(d).not.toHaveProperty('committed');
  });

  test('a commitment for a material that accepts none is E-APP-COMMITMENT at $.commitments[i]', async () => {
    const err = await rejection(burial({ materials: ALL_BUT_KINSHIP.filter((m) => m !== 'bank-account'), commitments: ['kinship-proof', 'bank-account'] }));
    expect(err.details).toEqual([expect.objectContaining({ path: '$.commitments[1]', code: 'E-APP-COMMITMENT' })]);
    expect(err.details[0]!.message).toContain('不接受告知承诺');
  });

  test('an unknown material, or an alternative of a group, is refused with a hint', async () => {
    const unknown = await rejection(burial({ commitments: ['kinship'] }));
    expect(unknown.details[0]).toMatchObject({ path: '$.commitments[0]', code: 'E-APP-COMMITMENT' });
    expect(unknown.details[0]!.message).toContain('不在事项 MZ-005 的材料清单中');
    const alt = await rejection(burial({ commitments: ['police-death-proof'] }));
    expect(alt.details[0]!.message).toContain('death-proof');
  });

  test('a commitments list that is not a list of ids is a schema error', async () => {
    const err = await rejection({ ...burial(), commitments: 'kinship-proof' });
    expect(err.details[0]!.path).toBe('$.commitments');
  });

  test('an excluded applicant: the commitment is refused, the material stays missing, the reason is cited', async () => {
    const p = await pack(SAMPLE_PACK);
    const d = await p.decide(burial({ commitments: ['kinship-proof'] }), { commitmentExcluded: { reason: '登记簿中有虚假承诺记录：办件 2026-000001' } });
    expect(d.kind).toBe('supplement');
    expect(d.committed).toEqual([]);
    expect(d.missing.map((m) => m.id)).toEqual(['kinship-proof']);
    const w = d.warnings.find((x) => x.code === 'commitment-excluded');
    expect(w?.message).toContain('办件 2026-000001');
    expect(w?.message).toContain('《申请人与逝者的亲属关系证明》须提交材料本身');
  });

  test('a consultation ignores commitments; a rejected application replaces nothing', async () => {
    const p = await pack(SAMPLE_PACK);
    const consult = await p.decide(burial({ intent: 'consult', commitments: ['kinship-proof'] }));
    expect(consult.kind).toBe('consultation');
    expect(consult).not.toHaveProperty('committed');
    const rejected = await p.decide(burial({ applicant: { type: 'person', deceasedHukouLocal: false, cremated: true }, commitments: ['kinship-proof'] }));
    expect(rejected.kind).toBe('rejected');
    expect(rejected.committed).toEqual([]);
  });
});
