// Danger 10 of issue 15: reason codes were written two ways. Decisions say `condition:hukou` /
// `material:id-card`; scenarios said `reasons: [hukou]` and expect.ts stripped the prefix, so both
// passed. Now a scenario is written exactly in the decision's form, and a bare id is a located
// error at load (E-SCENARIO-REASON) with the prefixed form to write — not a failing expectation.
// Before the fix: the bare id loaded without error and the prefixed and bare forms both passed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { loadScenarios, runSuite } from '../../src/scenarios/index.ts';
import { positionOf, sampleCopy } from './helpers.ts';

let pack: Pack;
let dir: string;
beforeAll(async () => {
  dir = sampleCopy({ tests: null });
  pack = await loadPack(dir);
});

async function load(body: string) {
  const text = `# yaml-language-server: $schema=../../schemas/scenario.schema.json\nscenarios:${body}`;
  rmSync(path.join(dir, 'tests'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'tests'), { recursive: true });
  writeFileSync(path.join(dir, 'tests', 'case.yaml'), text);
  return { suite: await loadScenarios(dir, pack), text };
}

const PROXY = (reasons: string) => `
  - name: 代办未带代办人身份证和委托书
    item: MZ-004
    applicant: { age: 85, hukouLocal: true, forDependant: true }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect:
      kind: supplement
      reasons: ${reasons}
`;

describe('reasons are written in the decision form only', () => {
  test('the prefixed form loads and passes', async () => {
    const { suite } = await load(PROXY('[material:proxy-id-card, material:power-of-attorney]'));
    expect(suite.errors).toEqual([]);
    const run = await runSuite(suite, pack);
    expect(run.results.map((r) => r.status)).toEqual(['passed']);
  });

  test('a bare material id is a located load error suggesting material:<id>', async () => {
    const { suite, text } = await load(PROXY('[proxy-id-card, material:power-of-attorney]'));
    expect(suite.scenarios).toHaveLength(0);
    expect(suite.errors).toHaveLength(1);
    expect(suite.errors[0]).toMatchObject({ code: 'E-SCENARIO-REASON', path: '$.scenarios[0].expect.reasons[0]', ...positionOf(text, 'proxy-id-card') });
    expect(suite.errors[0]!.message).toBe('理由“proxy-id-card”须写明种类：写作 material:proxy-id-card');
  });

  test('a bare condition id suggests condition:<id>', async () => {
    const { suite } = await load(`
  - name: 户籍不在本镇
    item: MZ-004
    applicant: { age: 82, hukouLocal: false, forDependant: false }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect:
      reasons: [hukou]
`);
    expect(suite.errors.map((e) => [e.code, e.message])).toEqual([['E-SCENARIO-REASON', '理由“hukou”须写明种类：写作 condition:hukou']]);
  });

  test('a wrong prefix is not a reason the item can give', async () => {
    const { suite } = await load(PROXY('[condition:proxy-id-card, material:power-of-attorney]'));
    expect(suite.errors.map((e) => e.code)).toEqual(['E-SCENARIO-RULE']);
    expect(suite.errors[0]!.message).toContain('是否应为 material:proxy-id-card');
  });

  test('a referral is written referral:<code>', async () => {
    const ok = await load(`
  - name: 护照
    item: ZB-001
    received: 2026-11-26 14:00
    expect:
      kind: rejected
      reasons: [referral:ZB-001]
`);
    expect(ok.suite.errors).toEqual([]);
    expect((await runSuite(ok.suite, pack)).results.map((r) => r.status)).toEqual(['passed']);
    const bare = await load(`
  - name: 护照
    item: ZB-001
    received: 2026-11-26 14:00
    expect:
      reasons: [ZB-001]
`);
    expect(bare.suite.errors.map((e) => e.message)).toEqual(['理由“ZB-001”须写明种类：写作 referral:ZB-001']);
  });
});
