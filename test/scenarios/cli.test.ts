// `bianmin test` as an officer and as CI run it (in-process, through runCli) on temp copies of rules/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack } from '../../src/index.ts';
import { loadScenarios } from '../../src/scenarios/index.ts';
import { bianmin, positionOf, RULES, sampleCopy } from './helpers.ts';

let total = 0;
beforeAll(async () => {
  const suite = await loadScenarios(RULES, await loadPack(RULES));
  total = suite.scenarios.length;
  expect(total).toBeGreaterThan(17);
});

const FAILING = `# yaml-language-server: $schema=../../schemas/scenario.schema.json
scenarios:
  - name: 故意写错的期望：材料齐全却期望退回
    item: MZ-004
    applicant: { age: 82, hukouLocal: true, forDependant: false }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect:
      kind: returned
`;

describe('bianmin test', () => {
  test('all sample scenarios pass: exit 0, the last line is exactly "N passed, 0 failed"', async () => {
    const r = await bianmin(['test', '--rules', sampleCopy()]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.last).toBe(`${total} passed, 0 failed`);
    expect(r.stdout).toContain('场景测试：规则包');
  });

  test('a failing expectation: exit 1, expected against actual with the reasons and the trace, failing rules first', async () => {
    const dir = sampleCopy({ 'tests/zz-wrong.yaml': FAILING });
    const r = await bianmin(['test', '--rules', dir]);
    expect(r.status).toBe(1);
    expect(r.last).toBe(`${total} passed, 1 failed`);
    const at = positionOf(FAILING, '- name');
    expect(r.stdout).toContain(`✗ 故意写错的期望：材料齐全却期望退回（${dir}/tests/zz-wrong.yaml:${at.line}:${at.column + 2}）`);
    expect(r.stdout).toContain('分类：期望 returned（退回件），实际 accepted（受理件）');
    const trace = r.stdout.slice(r.stdout.indexOf('判断过程'));
    expect(trace).toContain(`${dir}/items/mz-004.yaml:`);
  });

  test('a broken test file: exit 2 with a located error, other files still run, and the summary line stays last', async () => {
    const broken = FAILING.replace('    expect:\n      kind: returned\n', '    expect:\n      knid: accepted\n');
    const dir = sampleCopy({ 'tests/zz-broken.yaml': broken });
    const r = await bianmin(['test', '--rules', dir]);
    expect(r.status).toBe(2);
    const at = positionOf(broken, 'knid');
    expect(r.stdout).toContain(`${dir}/tests/zz-broken.yaml:${at.line}:${at.column} [E-SCHEMA-UNKNOWN-KEY] $.scenarios[0].expect.knid：未知字段 \`knid\`，是否应为 \`kind\`？`);
    expect(r.last).toBe(`${total} passed, 0 failed`);
  });

  test('--json: machine-readable results on stdout, the summary line on stderr', async () => {
    const dir = sampleCopy({ 'tests/zz-wrong.yaml': FAILING });
    const r = await bianmin(['test', '--rules', dir, '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { passed: number; failed: number; scenarios: Array<{ name: string; status: string; failures: Array<{ key: string; expected: string; actual: string }>; actual: { kind: string } }> };
    expect(out.passed).toBe(total);
    expect(out.failed).toBe(1);
    const bad = out.scenarios.find((s) => s.status === 'failed')!;
    expect(bad.actual.kind).toBe('accepted');
    expect(bad.failures.map((f) => f.key)).toEqual(['kind']);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(`${total} passed, 1 failed`);
  });

  test('--coverage lists what no scenario exercises: an item whose tests are removed, with its file and line', async () => {
    const dir = sampleCopy({ 'tests/xinfang.yaml': null });
    const r = await bianmin(['test', '--rules', dir, '--coverage']);
    expect(r.status).toBe(0);
    const coverage = r.stdout.slice(r.stdout.indexOf('覆盖情况'));
    const item = readFileSync(path.join(dir, 'items/xf-001.yaml'), 'utf8');
    expect(coverage).toContain(`- XF-001 信访事项受理  ${dir}/items/xf-001.yaml:${positionOf(item, 'code: XF-001').line}`);
    // Everything else the sample covers stays covered.
    expect(coverage).toContain('责任追究规则：共 11 项，11 项有场景，全部覆盖');
    expect(r.last).toMatch(/^\d+ passed, 0 failed$/);
  });

  test('no tests/ folder: nothing to run, said in Chinese, "0 passed, 0 failed"', async () => {
    const r = await bianmin(['test', '--rules', sampleCopy({ tests: null })]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('没有场景测试');
    expect(r.last).toBe('0 passed, 0 failed');
  });
});
