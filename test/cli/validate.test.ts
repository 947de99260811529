// `bianmin validate` as an officer runs it: real files, exit codes and output (in-process; the
// real process is checked in end-to-end.test.ts).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtureText, MINIMAL_PACK, packWith, positionOf, replaceOnce, tempDir } from '../pack/fixture-pack.ts';
import { bianmin } from './run.ts';

async function run(args: string[], cwd?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await bianmin(args, cwd === undefined ? {} : { cwd });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOutput {
  ok: boolean;
  errors: Array<Record<string, unknown>>;
  warnings: Array<Record<string, unknown>>;
}

const FIELDS = ['file', 'line', 'column', 'path', 'code', 'message'];
const ITEM = 'items/mz-001.yaml';
const broken = replaceOnce('mode: promised', 'mode: promissed')(fixtureText(ITEM));

describe('exit codes and text output', () => {
  test('a valid pack: exit 0 and a summary', async () => {
    const dir = packWith();
    const r = await run(['validate', '--rules', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`规则包 ${dir} 校验通过，2 个事项`);
    expect(r.stdout).not.toContain('错误 ');
  });

  test('an invalid pack: exit 1 and one located line per error', async () => {
    const dir = packWith({ [ITEM]: broken });
    const r = await run(['validate', '--rules', dir]);
    expect(r.status).toBe(1);
    const { line, column } = positionOf(broken, 'promissed');
    expect(r.stdout).toContain(`错误 ${dir}/${ITEM}:${line}:${column} [E-SCHEMA-ENUM] $.mode：取值 "promissed" 不在允许范围内，是否应为 \`promised\`？`);
    expect(r.stdout).toContain('校验未通过：1 处错误');
    expect(r.stderr).toBe('');
  });

  test('warnings alone still exit 0', async () => {
    const dir = packWith({ 'items/cl-001.yaml': replaceOnce('basis:\n  - law: 《残疾人证管理办法》\n', '')(fixtureText('items/cl-001.yaml')) });
    const r = await run(['validate', '--rules', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/警告 .*items\/cl-001\.yaml:1:7 \[W-ITEM-NO-BASIS\]/);
  });

  test('DIR defaults to rules/ in the working directory', async () => {
    const cwd = tempDir();
    cpSync(MINIMAL_PACK, path.join(cwd, 'rules'), { recursive: true });
    const r = await run(['validate'], cwd);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('规则包 rules 校验通过');
  });

  test('a missing directory is an invalid pack (exit 1) with a Chinese message', async () => {
    const dir = path.join(tempDir(), 'nope');
    const r = await run(['validate', '--rules', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`错误 ${dir} [E-PACK-NOT-FOUND] 找不到或无法打开规则包目录 ${dir}`);
  });

  test('--rules naming a file, not a directory: exit 1, located at that path', async () => {
    const file = path.join(packWith(), 'center.yaml');
    const r = await run(['validate', '--rules', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`错误 ${file} [E-PACK-NOT-DIR]`);
  });

  test('hostile input: exit 1, located, no stack trace', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const dir = packWith({ 'facts.yaml': bomb.join('\n') + '\n' });
    const r = await run(['validate', '--rules', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/错误 .*facts\.yaml:6:\d+ \[E-YAML-ALIAS\]/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});

describe('--json', () => {
  test('a valid pack prints exactly {ok, errors, warnings}', async () => {
    const r = await run(['validate', '--rules', packWith(), '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(Object.keys(out)).toEqual(['ok', 'errors', 'warnings']);
    expect(out.ok).toBe(true);
    expect(out.errors).toEqual([]);
    for (const w of out.warnings) expect(Object.keys(w)).toEqual(FIELDS);
  });

  test('an invalid pack: ok false, each diagnostic with exactly the six fields', async () => {
    const dir = packWith({ [ITEM]: broken, 'center.yaml': replaceOnce('b: li-si', 'b: zhang-san')(fixtureText('center.yaml')) });
    const r = await run(['validate', '--rules', dir, '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => Object.keys(e))).toEqual([FIELDS, FIELDS]);
    expect(out.errors[1]).toEqual({
      file: ITEM,
      ...positionOf(broken, 'promissed'),
      path: '$.mode',
      code: 'E-SCHEMA-ENUM',
      message: expect.stringContaining('是否应为 `promised`？') as unknown,
    });
    expect(out.errors[0]).toMatchObject({ file: 'center.yaml', code: 'E-POST-SAME-HOLDER' });
  });

  test('warnings are listed separately and do not fail', async () => {
    const dir = packWith({ 'referral.yaml': 'referrals: []\n' });
    const out = JSON.parse((await run(['validate', '--rules', dir, '--json'])).stdout) as JsonOutput;
    expect(out.ok).toBe(true);
    expect(out.warnings).toContainEqual({ file: 'referral.yaml', line: 0, column: 0, path: '$', code: 'W-FILE-UNKNOWN', message: expect.stringContaining('referrals.yaml') as unknown });
  });
});

describe('usage errors (exit 2)', () => {
  test('an unknown option', async () => {
    const r = await run(['validate', '--rule', 'rules']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("错误：未知选项 '--rule'");
    expect(r.stderr).toContain('是否应为 --rules');
    expect(r.stdout).toBe('');
  });

  test('--rules without its directory', async () => {
    const r = await run(['validate', '--rules']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("错误：选项 '--rules <目录>' 缺少取值");
  });

  test('an empty --rules', async () => {
    const r = await run(['validate', '--rules', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不能为空');
  });

  test('an extra argument', async () => {
    const r = await run(['validate', 'rules']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('错误：参数过多');
  });
});

test('help is in Chinese', async () => {
  const r = await run(['validate', '--help']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('用法： bianmin validate [选项]');
  expect(r.stdout).toContain('选项：');
  expect(r.stdout).toContain('（默认：rules）');
  expect(r.stdout).not.toMatch(/Usage:|Options:|default:/);
  const top = await run(['--help']);
  expect(top.stdout).toContain('命令：');
  expect(top.stdout).not.toMatch(/Commands:|\[options\]|\[command\]/);
});

test('a sub-folder layout with a broken file deep inside is reported relative to the pack', async () => {
  const dir = packWith();
  mkdirSync(path.join(dir, 'items', 'minzheng'));
  writeFileSync(path.join(dir, 'items', 'minzheng', 'mz-002.yaml'), 'code: MZ-002\nname: [\n');
  const out = JSON.parse((await run(['validate', '--rules', dir, '--json'])).stdout) as JsonOutput;
  expect(out.errors).toEqual([expect.objectContaining({ file: 'items/minzheng/mz-002.yaml', code: 'E-YAML-SYNTAX' })]);
});
