// `bianmin diff --catalogue`: the sample 青石镇 pack against the county catalogue it extends, in
// text and JSON, and the command line's refusals.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../pack/fixture-pack.ts';
import { bianmin } from './run.ts';

const TOWN = 'examples/qingshi-town';

describe('bianmin diff --catalogue', () => {
  test('text: the one diverging item with both values, the items that agree, own and not adopted', async () => {
    const r = await bianmin(['diff', '--catalogue', '--rules', TOWN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('规则包 examples/qingshi-town 对照基础目录“梧溪县政务服务事项基本目录”（县级，梧溪县，版本 2026.1，examples/wuxi-county）');
    expect(lines[1]).toBe('采用目录事项 15 个，其中 1 个与目录的统一要素不一致（1 处）；本中心自有事项 2 个；目录中未采用的事项 1 个');
    expect(r.stdout).toContain('RS-003 社会保障卡补领、换领（examples/qingshi-town/items/rs-003.yaml，目录 examples/wuxi-county/items/rs-003.yaml）');
    expect(r.stdout).toMatch(/ {2}examples\/qingshi-town\/items\/rs-003\.yaml:\d+:\d+ {2}申请材料“近期免冠白底彩色证件照”（photo）的名称\n/);
    expect(r.stdout).toMatch(/ {4}目录：“近期免冠白底彩色证件照”（examples\/wuxi-county\/items\/rs-003\.yaml:\d+:\d+）\n/);
    expect(r.stdout).toContain('    本中心：“本人近期免冠彩色证件照片（白底）”\n');
    expect(r.stdout).toContain('与目录一致（14 个）：CL-001 残疾人证办理（新办、换领）');
    expect(r.stdout).toContain('本中心自有事项（不在目录中，2 个）：XF-001（items/xf-001.yaml）、ZH-001（items/zh-001.yaml）');
    expect(r.stdout).toContain('目录中未采用的事项（1 个）：MZ-006 孤儿基本生活费发放');
  });

  test('--json: every adopted item with its divergences, both values and both places', async () => {
    const r = await bianmin(['diff', '--catalogue', '--rules', TOWN, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      ok: boolean;
      name: string;
      where: string;
      adopted: { code: string; divergences: { path: string; kind: string; catalogue: unknown; township: unknown; at: { file: string; line: number }; catalogueAt: { file: string } }[] }[];
      own: { code: string }[];
      notAdopted: { code: string }[];
    };
    expect(json).toMatchObject({ ok: true, name: '梧溪县政务服务事项基本目录', where: '../wuxi-county' });
    expect(json.adopted).toHaveLength(15);
    const diverging = json.adopted.filter((a) => a.divergences.length > 0);
    expect(diverging.map((a) => a.code)).toEqual(['RS-003']);
    expect(diverging[0]!.divergences).toEqual([
      expect.objectContaining({ path: '$.materials[2].name', kind: 'changed', catalogue: '近期免冠白底彩色证件照', township: '本人近期免冠彩色证件照片（白底）', at: expect.objectContaining({ file: 'items/rs-003.yaml' }), catalogueAt: expect.objectContaining({ file: '../wuxi-county/items/rs-003.yaml' }) }),
    ]);
    expect(json.own.map((o) => o.code)).toEqual(['XF-001', 'ZH-001']);
    expect(json.notAdopted.map((n) => n.code)).toEqual(['MZ-006']);
  });

  test('a pack without extends, --catalogue with --base, and diff with neither: usage errors', async () => {
    let r = await bianmin(['diff', '--catalogue', '--rules', 'rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有用 extends 指明基础目录');
    r = await bianmin(['diff', '--catalogue', '--base', 'rules', '--rules', TOWN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不能与 --base 同用');
    r = await bianmin(['diff', '--rules', TOWN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--catalogue');
  });

  test('a township whose catalogue is missing: the error, exit 1', async () => {
    const root = tempDir();
    cpSync(path.resolve(TOWN), path.join(root, 'qingshi-town'), { recursive: true });
    const r = await bianmin(['diff', '--catalogue', '--rules', path.join(root, 'qingshi-town')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[E-EXTENDS-CATALOGUE]');
    expect(r.stderr).toContain('无法对照基础目录');
  });
});

describe('bianmin validate on a catalogue folder', () => {
  test('the sample catalogue validates on its own', async () => {
    const r = await bianmin(['validate', '--rules', 'examples/wuxi-county']);
    expect(r.code).toBe(0);
    expect(r.last).toBe('基础目录 examples/wuxi-county（梧溪县政务服务事项基本目录，版本 2026.1）校验通过，16 个事项；采用它的规则包校验时再检查所采用事项的事实、部门和窗口');
  });

  test('a broken catalogue item: located in the catalogue folder, exit 1', async () => {
    const root = tempDir();
    const dir = path.join(root, 'wuxi-county');
    cpSync(path.resolve('examples/wuxi-county'), dir, { recursive: true });
    const file = path.join(dir, 'items', 'mz-002.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('code: MZ-002', 'code: MZ-001'));
    const r = await bianmin(['validate', '--rules', dir, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { ok: boolean; errors: { file: string; code: string; path: string }[] };
    expect(json.ok).toBe(false);
    expect(json.errors).toEqual([expect.objectContaining({ file: 'items/mz-002.yaml', code: 'E-EXTENDS-CATALOGUE', path: '$.code' })]);
  });
});

describe('bianmin diff --base REV on a township pack', () => {
  test('the base revision brings its catalogue along (extends.path, from the same commit)', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'examples'));
    cpSync(path.resolve('examples/wuxi-county'), path.join(root, 'examples', 'wuxi-county'), { recursive: true });
    cpSync(path.resolve(TOWN), path.join(root, 'examples', 'qingshi-town'), { recursive: true });
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    for (const args of [['init', '--quiet'], ['add', '.'], ['commit', '--quiet', '-m', 'sample']]) execFileSync('git', args, { cwd: root, env });
    // After the commit the county shortens a statutory limit: a township scenario's deadline moves.
    const file = path.join(root, 'examples', 'wuxi-county', 'items', 'mz-004.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/statutory: \{ amount: \d+, unit: workingDays \}/, 'statutory: { amount: 15, unit: workingDays }'));
    const r = await bianmin(['diff', '--base', 'HEAD', '--rules', 'examples/qingshi-town', '--at', '2026-12-01 09:00'], { cwd: root });
    expect(r.stderr).not.toContain('无法加载');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('git 版本 HEAD');
  });
});
