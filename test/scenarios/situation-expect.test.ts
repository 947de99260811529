// Scenario tests name the situation (情形) they expect: `situation: 换领` (by name or id), or
// `situation: null` for none; a mismatch fails with the situation trace as the reason; the reason
// code of an undecided situation (`situation:<id>`) and a situation's own materials are known ids.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { loadScenarios, runSuite } from '../../src/scenarios/index.ts';
import { sampleCopy } from './helpers.ts';

let pack: Pack;
let dir: string;
beforeAll(async () => {
  dir = sampleCopy({ tests: null });
  pack = await loadPack(dir);
});

async function run(expectYaml: string, applicant = '{ hukouLocal: true, hasDisabilityCert: true, forDependant: false }') {
  const text = `scenarios:
  - name: 换领
    item: CL-001
    applicant: ${applicant}
    materials: [application, id-card, { id: photos, copies: 3 }, old-card]
    received: 2026-11-30 09:00
    expect:
${expectYaml}
`;
  rmSync(path.join(dir, 'tests'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'tests'), { recursive: true });
  writeFileSync(path.join(dir, 'tests', 'case.yaml'), text);
  const suite = await loadScenarios(dir, pack);
  expect(suite.errors).toEqual([]);
  return (await runSuite(suite, pack)).results[0]!;
}

describe('expect.situation', () => {
  test('by name and by id: passed', async () => {
    expect((await run('      situation: 换领')).status).toBe('passed');
    expect((await run('      situation: renew')).status).toBe('passed');
  });

  test('the wrong situation fails, saying which applied and why', async () => {
    const r = await run('      situation: 新办');
    expect(r.status).toBe('failed');
    expect(r.failures).toEqual([expect.objectContaining({ key: 'situation', label: '适用情形', expected: '新办', actual: '换领（renew）', because: [expect.stringContaining('适用情形：换领')] })]);
  });

  test('null: none applied (the fact not given), with the situation reason code accepted', async () => {
    const r = await run('      situation: null\n      kind: supplement\n      reasons: [situation:renew]', '{ hukouLocal: true, forDependant: false }');
    expect(r.status).toBe('passed');
    const wrong = await run('      situation: null');
    expect(wrong.status).toBe('failed');
    expect(wrong.failures[0]).toMatchObject({ key: 'situation', expected: '不适用任何情形' });
  });
});
