// bianmin export / import --format national through the real CLI (runCli, tmp dirs): the round
// trip on a copy of the sample pack is stable, edits land in YAML, and bad input is refused in
// Chinese, located (E-USAGE-EXCHANGE-FORMAT, E-USAGE-NATIONAL-JSON, E-USAGE-NATIONAL-SHAPE).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderMessage } from '../../src/core/index.ts';
import { EXIT } from '../../src/cli/exit.ts';
import { bianmin, ROOT } from './run.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A work dir with a copy of the sample pack at ./rules. */
function work(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-exchange-'));
  dirs.push(dir);
  cpSync(path.join(ROOT, 'rules'), path.join(dir, 'rules'), { recursive: true });
  return dir;
}

function items(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(path.join(dir, 'rules/items'))) out.set(f, readFileSync(path.join(dir, 'rules/items', f), 'utf8'));
  return out;
}

type Task = Record<string, unknown>;
const read = (file: string): Task[] => JSON.parse(readFileSync(file, 'utf8')) as Task[];

describe('round trip', () => {
  test('export → import → export: identical JSON, no YAML file changes; an edited file lands, and its second import changes no byte', async () => {
    const cwd = work();
    const first = await bianmin(['export', '--format', 'national', '--out', 'a.json'], { cwd });
    expect(first.code, first.stderr).toBe(EXIT.ok);
    expect(first.stdout).toContain('已导出 17 个事项到 a.json');
    const before = items(cwd);
    const imported = await bianmin(['import', '--format', 'national', '--input', 'a.json', '--rules', 'rules'], { cwd });
    expect(imported.code, imported.stderr).toBe(EXIT.ok);
    expect(imported.stdout).toContain('更新 0 个事项文件，新建 0 个');
    expect(items(cwd)).toEqual(before);
    expect((await bianmin(['export', '--format', 'national', '--out', 'b.json'], { cwd })).code).toBe(EXIT.ok);
    expect(readFileSync(path.join(cwd, 'b.json'), 'utf8')).toBe(readFileSync(path.join(cwd, 'a.json'), 'utf8'));

    // Edit the exchange file as the provincial platform would, and a new item.
    const tasks = read(path.join(cwd, 'a.json'));
    const rs = tasks.find((t) => t['LOCAL_CODE'] === 'RS-001')!;
    rs['TASK_NAME'] = '城乡居民基本养老保险参保登记（新）';
    rs['HANDLE_TYPE'] = ['窗口办理', '网上办理', '邮寄办理'];
    tasks.push({ ...rs, LOCAL_CODE: 'RS-009', TASK_NAME: '城乡居民养老保险关系转移接续', TASK_HANDLE_ITEM: '11522731MB1A2B3C4X200099900900001', ACCEPT_CONDITION: undefined });
    writeFileSync(path.join(cwd, 'c.json'), JSON.stringify(tasks, null, 2));
    const edit = await bianmin(['import', '--format', 'national', '--input', 'c.json'], { cwd });
    expect(edit.code, edit.stderr).toBe(EXIT.ok);
    expect(edit.stdout).toContain(`更新 ${path.join('rules', 'items/rs-001.yaml')}`);
    expect(edit.stdout).toContain(`新建 ${path.join('rules', 'items/rs-009.yaml')}`);
    const validated = await bianmin(['validate', '--rules', 'rules'], { cwd });
    expect(validated.code, validated.stdout).toBe(EXIT.ok);
    expect(validated.stdout).toContain('18 个事项');
    expect(readFileSync(path.join(cwd, 'rules/items/rs-001.yaml'), 'utf8')).toContain('forms: [ 窗口办理, 网上办理, 邮寄办理 ]');

    const afterEdit = items(cwd);
    const second = await bianmin(['import', '--format', 'national', '--input', 'c.json'], { cwd });
    expect(second.code).toBe(EXIT.ok);
    expect(second.stdout).toContain('更新 0 个事项文件，新建 0 个');
    expect(items(cwd)).toEqual(afterEdit);
    await bianmin(['export', '--format', 'national', '--out', 'd.json'], { cwd });
    const again = read(path.join(cwd, 'd.json'));
    expect(again.find((t) => t['LOCAL_CODE'] === 'RS-001')).toEqual(rs);
  });
});

describe('refused', () => {
  test('an unknown --format: E-USAGE-EXCHANGE-FORMAT, exit 2', async () => {
    const cwd = work();
    for (const command of [['export', '--out', 'a.json'], ['import', '--input', 'a.json']]) {
      const r = await bianmin([command[0]!, '--format', 'xml', ...command.slice(1)], { cwd });
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toBe('错误：--format "xml"：目前只支持 national（国家实施清单交换格式）\n（使用 --help 查看用法）\n');
    }
  });

  test('not JSON: E-USAGE-NATIONAL-JSON at line and column, exit 1, nothing written', async () => {
    const cwd = work();
    writeFileSync(path.join(cwd, 'bad.json'), '[\n  { "TASK_NAME": "甲",, }\n]');
    const before = items(cwd);
    const r = await bianmin(['import', '--format', 'national', '--input', 'bad.json'], { cwd });
    expect(r.code).toBe(EXIT.invalid);
    expect(r.stderr).toMatch(/^错误：bad\.json:2:22 交换文件不是有效的 JSON：语法错误（此处是 ","）/);
    expect(items(cwd)).toEqual(before);
  });

  test('the wrong shape: E-USAGE-NATIONAL-SHAPE, every problem at its JSON path, exit 1, nothing written', async () => {
    const cwd = work();
    writeFileSync(path.join(cwd, 'bad.json'), JSON.stringify([{ TASK_NAME: '甲', TASK_TYPE: '行政给付', IS_APPOINT: '是', MATERIALS: [{}] }, 5]));
    const before = items(cwd);
    const r = await bianmin(['import', '--format', 'national', '--input', 'bad.json'], { cwd });
    expect(r.code).toBe(EXIT.invalid);
    expect(r.stderr).toContain(`错误：bad.json ${renderMessage('E-USAGE-NATIONAL-SHAPE', { detail: '3 处问题，未写入任何文件' })}`);
    expect(r.stderr).toContain('bad.json $[0].IS_APPOINT：应为true 或 false，实际是文字 "是"');
    expect(r.stderr).toContain('bad.json $[0].MATERIALS[0]：缺少必填字段 MATERIAL_NAME（材料名称）');
    expect(r.stderr).toContain('bad.json $[1]：应为事项对象');
    expect(items(cwd)).toEqual(before);
  });

  test('an import that breaks the pack: its errors, located in the item file, exit 1, nothing written', async () => {
    const cwd = work();
    await bianmin(['export', '--format', 'national', '--out', 'a.json'], { cwd });
    const tasks = read(path.join(cwd, 'a.json'));
    tasks.find((t) => t['LOCAL_CODE'] === 'MZ-001')!['TASK_STATE'] = '废止';
    writeFileSync(path.join(cwd, 'a.json'), JSON.stringify(tasks));
    const before = items(cwd);
    const r = await bianmin(['import', '--format', 'national', '--input', 'a.json'], { cwd });
    expect(r.code).toBe(EXIT.invalid);
    expect(r.stderr).toMatch(/错误 rules\/items\/mz-001\.yaml:\d+:\d+ \[E-SCHEMA-ENUM\]/);
    expect(r.stderr).toContain('未写入任何文件');
    expect(items(cwd)).toEqual(before);
  });

  test('help is Chinese', async () => {
    for (const command of ['export', 'import']) {
      const r = await bianmin([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('国家实施清单交换格式');
    }
  });
});
