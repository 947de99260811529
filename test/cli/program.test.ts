// The command line itself: every command in the Chinese help, the values the help restates (so that
// it loads no library) equal to the library's, and commander's errors reported as usage errors.
import { CommanderError } from 'commander';
import { describe, expect, test } from 'vitest';
import { FIRST_YEAR, LAST_YEAR } from '../../src/calendar/index.ts';
import { catalogueEntry } from '../../src/core/index.ts';
import { NOTICE_TYPES } from '../../src/documents/index.ts';
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS } from '../../src/records/index.ts';
import { DEFAULT_RATE_LIMIT } from '../../src/server/index.ts';
import { fromCommander, reportError } from '../../src/cli/report-error.ts';
import { bianmin } from './run.ts';

const COMMANDS = ['init', 'validate', 'check', 'cases', 'complaint', 'review', 'sanctions', 'metrics', 'sweep', 'backup', 'restore', 'migrate', 'deadline', 'calendar', 'decide', 'route', 'items', 'render', 'guide', 'board', 'serve', 'test', 'diff', 'export', 'import'];

describe('help', () => {
  test('bianmin --help lists every command, in Chinese, and exits 0', async () => {
    const r = await bianmin(['--help']);
    expect(r.code).toBe(0);
    const listed = r.stdout
      .slice(r.stdout.indexOf('命令：'))
      .split('\n')
      .map((l) => /^ {2}(\S+)/.exec(l)?.[1])
      .filter((c) => c !== undefined);
    expect(listed).toEqual([...COMMANDS, 'help']);
    expect(r.stdout).toContain('-V, --version');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|default:/);
  });

  test.each(COMMANDS)('bianmin %s --help is Chinese help of that command', async (command) => {
    const r = await bianmin([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`用法： bianmin ${command} `);
    expect(r.stdout).not.toMatch(/Usage:|Options:|default:/);
    expect(r.stderr).toBe('');
  });

  test('the values the help restates are the library’s', async () => {
    expect((await bianmin(['calendar', '--help'])).stdout).toContain(`年份（${FIRST_YEAR}–${LAST_YEAR}）`);
    expect((await bianmin(['cases', 'list', '--help'])).stdout.replace(/\s+/g, '')).toContain(`按状态筛选：${Object.keys(CASE_STATUS_LABELS).join('、')}`);
    const events = Object.keys(CASE_EVENT_LABELS).filter((e) => e !== 'received');
    expect((await bianmin(['cases', 'event', '--help'])).stdout.replace(/\s+/g, '')).toContain(events.join('、'));
    expect((await bianmin(['render', '--help'])).stdout.replace(/\s+/g, '')).toContain(`文书类型：${[...NOTICE_TYPES, 'announcement', 'complaint-result'].join('|')}`);
    expect((await bianmin(['serve', '--help'])).stdout.replace(/\s+/g, '')).toContain(`（持令牌的请求不受限）（默认：${DEFAULT_RATE_LIMIT.max}）`);
  });
});

describe('usage errors', () => {
  test.each([
    [['nope'], "错误：未知命令 'nope'"],
    [['validate', '--rule', 'rules'], "错误：未知选项 '--rule'\n（是否应为 --rules？）"],
    [['route'], "错误：缺少参数 '关键词'"],
    [['decide', '--input', 'x.json'], "错误：必须提供选项 '--item <编码>'"],
  ])('%j: Chinese message, the hint, exit 2, nothing on stdout', async (args, message) => {
    const r = await bianmin(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n（使用 --help 查看用法）\n`);
    expect(r.stdout).toBe('');
  });

  test('commander’s errors take the usage codes of the catalogue, whose exit code is 2', () => {
    const cases: Array<[string, string, string, string]> = [
      ['commander.unknownCommand', "error: unknown command 'nope'", 'E-USAGE-COMMAND', "未知命令 'nope'"],
      ['commander.unknownOption', "error: unknown option '--rule'\n(Did you mean --rules?)", 'E-USAGE-OPTION', "未知选项 '--rule'\n（是否应为 --rules？）"],
      ['commander.optionMissingArgument', "error: option '--rules <目录>' argument missing", 'E-USAGE-OPTION', "选项 '--rules <目录>' 缺少取值"],
      ['commander.missingMandatoryOptionValue', "error: required option '--item <编码>' not specified", 'E-USAGE-OPTION', "必须提供选项 '--item <编码>'"],
      ['commander.missingArgument', "error: missing required argument '关键词'", 'E-USAGE-ARGUMENT', "缺少参数 '关键词'"],
      ['commander.excessArguments', 'error: too many arguments for \'validate\'. Expected 0 arguments but got 1.', 'E-USAGE-ARGUMENT', '参数过多'],
    ];
    for (const [commanderCode, message, code, detail] of cases) {
      const e = fromCommander(new CommanderError(1, commanderCode, message));
      expect([e.code, e.detail, e.exitCode]).toEqual([code, detail, 2]);
    }
    expect(catalogueEntry('E-USAGE-FILE')).toMatchObject({ kind: 'usage', exit: 2 });
  });

  test('a file named on the command line that cannot be read: E-USAGE-FILE, exit 2', async () => {
    const r = await bianmin(['decide', '--item', 'MZ-001', '--input', 'no-such-application.json']);
    expect(r.code).toBe(catalogueEntry('E-USAGE-FILE').exit);
    expect(r.stderr).toBe('错误：无法读取输入文件 no-such-application.json\n（使用 --help 查看用法）\n');
  });

  test('an unexpected failure is one Chinese line with exit 3, never a stack trace', () => {
    let stderr = '';
    const ctx = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {}, output: { json: false }, stdin: () => process.stdin, file: (p: string) => p };
    expect(reportError(ctx, new TypeError('Cannot read properties of undefined'))).toBe(3);
    expect(stderr).toBe('bianmin：内部错误：Cannot read properties of undefined\n');
  });
});
