// `bianmin test FILE…` and `--name PATTERN` run part of the scenarios; loadScenarios takes the same
// selection (the service's draft tests use it). Before, `bianmin test` took no argument at all.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { loadScenarios, nameMatches } from '../../src/scenarios/index.ts';
import { bianmin, RULES, sampleCopy } from './helpers.ts';

let pack: Pack;
let all: Awaited<ReturnType<typeof loadScenarios>>;
beforeAll(async () => {
  pack = await loadPack(RULES);
  all = await loadScenarios(RULES, pack);
});

describe('loadScenarios with a selection', () => {
  test('files: only those, in the order given', async () => {
    const suite = await loadScenarios(RULES, pack, { files: ['tests/minzheng.yaml', 'tests/discipline.yaml'] });
    expect(suite.files).toEqual(['tests/minzheng.yaml', 'tests/discipline.yaml']);
    expect(suite.scenarios.length).toBe(all.scenarios.filter((s) => suite.files.includes(s.file)).length);
    expect(suite.errors).toEqual([]);
  });

  test('name: the scenarios whose name contains the pattern (ignoring case, * for any text)', async () => {
    const suite = await loadScenarios(RULES, pack, { name: '高龄津贴*承诺' });
    expect(suite.scenarios.length).toBeGreaterThan(0);
    expect(suite.scenarios.every((s) => /高龄津贴.*承诺/.test(s.name))).toBe(true);
    expect(suite.scenarios.length).toBe(all.scenarios.filter((s) => /高龄津贴.*承诺/.test(s.name)).length);
    expect(nameMatches('mz-004', '咨询 MZ-004 高龄津贴')).toBe(true);
    expect(nameMatches('a.b', 'axb')).toBe(false); // not a regular expression
  });

  test('a file outside the pack is an error, never read', async () => {
    const suite = await loadScenarios(RULES, pack, { files: ['../package.json', '/etc/passwd'] });
    expect(suite.scenarios).toEqual([]);
    expect(suite.errors.map((e) => [e.file, e.code])).toEqual([
      ['../package.json', 'E-FILE-READ'],
      ['/etc/passwd', 'E-FILE-READ'],
    ]);
  });
});

describe('bianmin test FILE… --name PATTERN', () => {
  test('files as arguments, relative to the working directory or to the pack', async () => {
    const dir = sampleCopy();
    const inMinzheng = all.scenarios.filter((s) => s.file === 'tests/minzheng.yaml').length;
    const byPath = await bianmin(['test', '--rules', dir, path.join(dir, 'tests', 'minzheng.yaml')]);
    expect(byPath.status).toBe(0);
    expect(byPath.last).toBe(`${inMinzheng} passed, 0 failed`);
    expect(byPath.stdout).toContain(`场景测试：规则包 ${dir}，1 个文件，${inMinzheng} 个场景`);
    const inPack = await bianmin(['test', '--rules', dir, 'tests/minzheng.yaml', 'tests/discipline.yaml']);
    expect(inPack.stdout).toContain('，2 个文件，');
  });

  test('--name: only the matching scenarios; files without one are left out of the report', async () => {
    const r = await bianmin(['test', '--name', '高龄津贴']);
    const expected = all.scenarios.filter((s) => s.name.includes('高龄津贴'));
    expect(r.status).toBe(0);
    expect(r.last).toBe(`${expected.length} passed, 0 failed`);
    expect(r.stdout).toContain('名称含“高龄津贴”的');
    expect(r.stdout).not.toContain('（没有可运行的场景）');
    const json = await bianmin(['test', '--name', '高龄津贴', '--json', 'tests/minzheng.yaml']);
    const out = JSON.parse(json.stdout) as { files: string[]; scenarios: Array<{ name: string }> };
    expect(out.files).toEqual(['tests/minzheng.yaml']);
    expect(out.scenarios.every((s) => s.name.includes('高龄津贴'))).toBe(true);
  });

  test('usage errors (exit 2): a missing file, a file outside the pack, a pattern nothing matches', async () => {
    const missing = await bianmin(['test', 'tests/no-such.yaml']);
    expect([missing.status, missing.stderr]).toEqual([2, '错误：无法读取场景文件 tests/no-such.yaml：文件不存在或不是文件\n（使用 --help 查看用法）\n']);
    const outside = await bianmin(['test', 'package.json']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('不在规则包 rules 之内');
    const none = await bianmin(['test', '--name', '没有这样的场景']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('没有名称包含该文字的场景');
  });

  test('a failing scenario in a chosen file still fails (exit 1); one in another file is not run', async () => {
    const dir = sampleCopy({ 'tests/zz-wrong.yaml': `scenarios:
  - name: 故意写错的期望
    item: MZ-004
    applicant: { age: 82, hukouLocal: true, forDependant: false }
    materials: [id-card, application]
    received: 2026-11-23 09:30
    expect:
      kind: returned
` });
    expect((await bianmin(['test', '--rules', dir, 'tests/zz-wrong.yaml'])).status).toBe(1);
    expect((await bianmin(['test', '--rules', dir, 'tests/minzheng.yaml'])).status).toBe(0);
    expect((await bianmin(['test', '--rules', dir, '--name', '故意写错'])).last).toBe('0 passed, 1 failed');
  });
});
