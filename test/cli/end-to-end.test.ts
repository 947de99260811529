// The few checks that need a real `node bin/bianmin.js` process on the compiled dist/ (which the
// global setup rebuilds when src/ is newer): the start, exit codes, one command of each kind.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtureText, packWith, positionOf, replaceOnce, tempDir } from '../pack/fixture-pack.ts';
import { BIN, ROOT, spawnBianmin } from './run.ts';

/** Modules a command that does no work must not load: they are what makes a start slow. */
const HEAVY = ['fastify', 'ajv', 'yaml', 'handlebars', 'playwright-core', 'lowdb', 'json-rules-engine', 'pino', 'chinese-days'];

describe('node bin/bianmin.js', () => {
  test('--version prints the version and loads only commander and the command line itself', async () => {
    const trace = path.join(tempDir(), 'modules.txt');
    writeFileSync(trace, '');
    const r = await spawnBianmin(['--version'], { nodeArgs: ['--import', path.join(import.meta.dirname, 'trace-imports.mjs')], env: { BIANMIN_TRACE: trace } });
    expect(r).toMatchObject({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const loaded = readFileSync(trace, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
    expect(loaded.some((u) => u.includes('/dist/cli/index.js'))).toBe(true);
    for (const name of HEAVY) expect(loaded.filter((u) => u.includes(`/node_modules/${name}/`))).toEqual([]);
    // Of bianmin itself, only the command line: no pack, engine, records, documents or server.
    expect(loaded.filter((u) => u.includes('/dist/') && !u.includes('/dist/cli/'))).toEqual([]);
  });

  test('validate: a valid pack exits 0, an invalid one exits 1 with each error located', async () => {
    const ok = packWith();
    const passed = await spawnBianmin(['validate', '--rules', ok]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain(`规则包 ${ok} 校验通过，2 个事项`);

    const broken = replaceOnce('mode: promised', 'mode: promissed')(fixtureText('items/mz-001.yaml'));
    const bad = packWith({ 'items/mz-001.yaml': broken });
    const failed = await spawnBianmin(['validate', '--rules', bad]);
    expect(failed.code).toBe(1);
    const { line, column } = positionOf(broken, 'promissed');
    expect(failed.stdout).toContain(`错误 ${bad}/items/mz-001.yaml:${line}:${column} [E-SCHEMA-ENUM] $.mode：`);
    expect(failed.stderr).toBe('');
  });

  test('a usage error: exit 2, in Chinese, no stack trace', async () => {
    const r = await spawnBianmin(['validate', '--rule', 'rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误：未知选项 '--rule'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  test('decide on the sample pack prints the decision', async () => {
    const input = path.join(tempDir(), 'application.json');
    writeFileSync(input, JSON.stringify({ intent: 'consult', applicant: { type: 'person', hukouLocal: true }, receivedAt: '2026-11-23T09:30:00+08:00' }));
    const r = await spawnBianmin(['decide', '--item', 'MZ-001', '--input', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论：咨询件');
    expect(r.stdout).toContain('事项：MZ-001 最低生活保障审核');
  });

  test('without dist/ it says to run npm run build, exit 3, no stack trace', async () => {
    const copy = tempDir();
    mkdirSync(path.join(copy, 'bin'));
    copyFileSync(BIN, path.join(copy, 'bin', 'bianmin.js'));
    const r = await spawnBianmin(['--version'], { bin: path.join(copy, 'bin', 'bianmin.js'), cwd: copy });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('请在 bianmin 目录中运行 npm run build');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a reader that stops early (| head): the output ends there, exit 0, no EPIPE stack trace', async () => {
    // The sample's binder: some 200 KB of HTML on stdout.
    const child = spawn(process.execPath, [BIN, 'board', '--rules', path.join(ROOT, 'rules')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    // The reader goes away before the command writes: every write after that fails with EPIPE.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toContain('提示：');
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
