// policy.clocks.supplementPeriod is optional (no law sets how long an applicant has to supplement);
// without it the supplement notice can name no date, so validate warns, located at policy.yaml clocks,
// unless the center declares that it sets none ({ none: true, note }).
import { expect, test } from 'vitest';
import { fixtureText, packWith, replaceOnce, SAMPLE_PACK } from './fixture-pack.ts';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';

const POLICY = 'policy.yaml';

test('no supplement period declared: a located warning, and the pack still loads', async () => {
  const text = replaceOnce('  supplementPeriod: { amount: 10, unit: workingDays }\n', '')(fixtureText(POLICY));
  const warnings = await expectValid(packWith({ [POLICY]: text }));
  const line = text.split('\n').findIndex((l) => l.startsWith('clocks:')) + 2;
  expectExactly(warnings, [{ file: POLICY, line, code: 'W-POLICY-NO-SUPPLEMENT-PERIOD', path: '$.clocks', message: '没有规定补正期限' }]);
});

test('declared, with its basis: no warning', async () => {
  const text = replaceOnce('  supplementPeriod: { amount: 10, unit: workingDays }\n', '  supplementPeriod:\n    amount: 10\n    unit: workingDays\n    basis:\n      - { law: 《某镇便民服务中心补正材料管理规定》, article: 第五条 }\n')(fixtureText(POLICY));
  expect(await expectValid(packWith({ [POLICY]: text }))).toEqual([]);
});

test('decided not to set one, with the reason: no warning (the sample pack: its seeds set no period)', async () => {
  const text = replaceOnce('  supplementPeriod: { amount: 10, unit: workingDays }\n', '  supplementPeriod: { none: true, note: 法律和本中心制度均未规定 }\n')(fixtureText(POLICY));
  expect(await expectValid(packWith({ [POLICY]: text }))).toEqual([]);
  expect(await expectValid(SAMPLE_PACK, new Date('2026-06-01T09:00:00+08:00'))).toEqual([]);
});

test('none without a reason is refused, located', async () => {
  const text = replaceOnce('  supplementPeriod: { amount: 10, unit: workingDays }\n', '  supplementPeriod: { none: true }\n')(fixtureText(POLICY));
  const result = await validate(packWith({ [POLICY]: text }));
  expect(result.ok).toBe(false);
  expect(result.errors[0]).toMatchObject({ file: POLICY, path: expect.stringMatching(/^\$\.clocks\.supplementPeriod/) });
  expect(result.errors[0]!.line).toBeGreaterThan(0);
});
