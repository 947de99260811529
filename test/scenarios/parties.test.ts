// Scenarios for materials required per party (`id-card@女方`), for problems corrected on the spot
// (`kind: correctable`, `expect.correctable`) and for 容缺 dues after a later acceptance. None of
// these forms existed before issue 15: each test below fails on the code before the change.
import { describe, expect, test } from 'vitest';
import { bianmin, sampleCopy } from './helpers.ts';

const HEAD = `scenarios:
`;
const COUPLE = `    item: WJ-001
    applicant: { hukouLocal: true, maritalStatus: 已婚, forDependant: false }
    received: 2026-11-25 09:20
`;

function file(body: string): Record<string, string> {
  return { 'tests/zz-parties.yaml': HEAD + body };
}

describe('bianmin test: one party, corrected on the spot', () => {
  test('a wrong party in the expectation fails, naming the party actually missing', async () => {
    const dir = sampleCopy(file(`  - name: 女方的带了，期望却写成缺女方的
${COUPLE}    materials: [{ id: id-card, party: 女方 }, registration-form]
    expect:
      missing: [id-card@女方]
`));
    const r = await bianmin(['test', '--rules', dir, 'tests/zz-parties.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('没有列出：id-card@女方');
    expect(r.stdout).toContain('多出：id-card@男方《男方居民身份证》');
  });

  test('a bare id stands for the material whatever the party', async () => {
    const dir = sampleCopy(file(`  - name: 两方都缺，只写材料标识
${COUPLE}    materials: [registration-form]
    expect:
      missing: [id-card]
`));
    const r = await bianmin(['test', '--rules', dir, 'tests/zz-parties.yaml']);
    expect(r.last).toBe('1 passed, 0 failed');
  });

  test('a party the material does not list, or a party on a material not per party, is a located load error', async () => {
    const dir = sampleCopy(file(`  - name: 写错了一方
${COUPLE}    materials: [registration-form]
    expect:
      missing: [id-card@妻子, registration-form@男方]
`));
    const r = await bianmin(['test', '--rules', dir, 'tests/zz-parties.yaml']);
    expect(r.status).toBe(2);
    const out = r.stdout + r.stderr;
    expect(out).toContain('“妻子”不是材料“id-card”所列的一方；可写：id-card@男方、id-card@女方');
    expect(out).toContain('材料“registration-form”不是每一方各需一份的材料');
  });

  test('a submission without its party cannot run: E-APP-PARTY placed at the material', async () => {
    const dir = sampleCopy(file(`  - name: 没写哪一方
${COUPLE}    materials: [id-card, registration-form]
    expect:
      kind: accepted
`));
    const r = await bianmin(['test', '--rules', dir, 'tests/zz-parties.yaml']);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('E-APP-PARTY');
  });

  test('kind correctable and expect.correctable are checked like missing', async () => {
    const dir = sampleCopy(file(`  - name: 期望当场更正，却写成补正
${COUPLE}    materials: [{ id: id-card, party: 男方 }, { id: id-card, party: 女方 }]
    expect:
      kind: supplement
      correctable: []
`));
    const r = await bianmin(['test', '--rules', dir, 'tests/zz-parties.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('correctable（当场更正）');
    expect(r.stdout).toContain('多出：registration-form《生育登记服务单》');
  });
});
