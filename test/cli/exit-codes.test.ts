// One exit-code convention across commands (the README's table is exitCodeTable()), and `--json`
// errors as JSON on stdout for every command that has `--json`. Before: a bad `decide --at` exited 1
// while the other time flags exited 2, an unknown item exited 2 in `deadline` but 1 in `decide` and
// `guide`, and every error was text on stderr even with `--json`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { EXIT, exitCodeTable } from '../../src/cli/exit.ts';
import { buildProgram } from '../../src/cli/program.ts';
import { catalogueEntry } from '../../src/core/index.ts';
import { bianmin, ROOT } from './run.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bianmin-exit-'));
const application = path.join(work, 'application.json');
writeFileSync(application, '{"intent":"consult","applicant":{"type":"person","age":82}}\n');
const broken = path.join(work, 'broken.json');
writeFileSync(broken, '{\n  "intent": "consult",\n  "applicant": { "age": 82, }\n}\n');

/** Every command (with its parents) that has a `--json` option. */
function jsonCommands(): string[][] {
  const program = buildProgram({ stdout: { write: () => true }, stderr: { write: () => true } }, async () => {});
  const out: string[][] = [];
  const walk = (cmd: Command, names: string[]): void => {
    for (const sub of cmd.commands) {
      const here = [...names, sub.name()];
      if (sub.options.some((o) => o.long === '--json')) out.push(here);
      walk(sub, here);
    }
  };
  walk(program, []);
  return out;
}

interface JsonErrorBody {
  error: { code: string; message: string; file?: string; line?: number; column?: number; path?: string; details?: Array<{ code: string; message: string; file?: string; line?: number }>; suggestions?: Array<{ code: string | null }> };
}

function jsonError(stdout: string): JsonErrorBody {
  const body = JSON.parse(stdout) as JsonErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  return body;
}

describe('the README documents one convention', () => {
  test('its exit-code table is the one in src/cli/exit.ts', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const m = /<!-- exit-codes -->\n([\s\S]*?)\n<!-- \/exit-codes -->/.exec(readme);
    expect(m?.[1]?.trim()).toBe(exitCodeTable());
    expect(exitCodeTable()).toContain(`| ${EXIT.usage} |`);
  });

  test('the catalogue agrees: usage errors exit 2, application, clock and document errors 1, internal 3', () => {
    expect(catalogueEntry('E-USAGE-OPTION').exit).toBe(EXIT.usage);
    for (const code of ['E-APP-UNKNOWN-ITEM', 'E-CLOCK-ITEM-UNKNOWN', 'E-DOC-ITEM', 'E-PACK-INVALID'] as const) expect(catalogueEntry(code).exit, code).toBe(EXIT.invalid);
    expect(catalogueEntry('E-INTERNAL').exit).toBe(EXIT.internal);
  });
});

describe('an unknown item exits the same (1) in decide, deadline and guide', () => {
  test.each([
    [['decide', '--item', 'MZ-01', '--input', application], 'E-APP-UNKNOWN-ITEM'],
    [['deadline', '--item', 'MZ-01', '--accepted-at', '2026-09-28T09:30'], 'E-CLOCK-ITEM-UNKNOWN'],
    [['guide', '--item', 'MZ-01'], 'E-DOC-ITEM'],
  ])('%j', async (args, code) => {
    const r = await bianmin(args);
    expect(r.code).toBe(EXIT.invalid);
    expect(r.stderr).toContain('MZ-01');
    expect(r.stderr).toContain('MZ-001'); // the suggestion
    expect(r.stdout).toBe('');
    expect(catalogueEntry(code as 'E-DOC-ITEM').exit).toBe(EXIT.invalid);
  });
});

describe('a bad time or date flag is a usage error (2) in every command', () => {
  const data = path.join(work, 'data');
  test.each([
    ['decide', '--item', 'MZ-004', '--input', application, '--at', '2026-02-30T10:00'],
    ['deadline', '--item', 'MZ-004', '--accepted-at', '2026-02-30T10:00'],
    ['items', '--at', '2026-13-01T00:00'],
    ['guide', '--item', 'MZ-004', '--date', '2026-02-30'],
    ['board', '--date', '2027-02-29'],
    ['render', '--doc', 'consultation', '--input', application, '--date', '2026-04-31'],
    ['cases', 'list', '--data', data, '--at', 'tomorrow'],
    ['complaint', 'list', '--data', data, '--at', '2026-02-30T09:00'],
    ['sanctions', '--data', data, '--at', '2026-02-30T09:00'],
    ['sweep', '--data', data, '--at', '2026-02-30T09:00'],
    ['diff', '--base', 'rules', '--at', '2026-02-30 09:00'],
  ])('%s', async (...args) => {
    const r = await bianmin(args);
    expect(r.code, r.stderr).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/^错误：--(at|accepted-at|date)：/);
  });

  test('decide --at was the odd one out: now the same message and exit code as deadline --accepted-at', async () => {
    const decide = await bianmin(['decide', '--item', 'MZ-004', '--input', application, '--at', '2026-02-30T10:00']);
    const deadline = await bianmin(['deadline', '--item', 'MZ-004', '--accepted-at', '2026-02-30T10:00']);
    expect(decide.code).toBe(deadline.code);
    expect(decide.stderr.replace('--at', '--accepted-at')).toBe(deadline.stderr);
  });
});

describe('--json: errors as JSON on stdout, nothing on stderr', () => {
  const commands = jsonCommands();

  test('the commands that have --json', () => {
    expect(commands.map((c) => c.join(' '))).toEqual(expect.arrayContaining(['validate', 'decide', 'deadline', 'items', 'route', 'test', 'diff', 'calendar', 'backup', 'cases list', 'complaint list', 'sanctions', 'metrics', 'sweep']));
  });

  test('a wrong command line, for every one of them: { error: { code: E-USAGE-…, message } }, exit 2', async () => {
    for (const names of commands) {
      const r = await bianmin([...names, '--json', '--bogus']);
      expect(r.code, names.join(' ')).toBe(EXIT.usage);
      expect(r.stderr, names.join(' ')).toBe('');
      expect(jsonError(r.stdout).error.code, names.join(' ')).toMatch(/^E-USAGE-/);
    }
  });

  test('an invalid pack: E-PACK-INVALID with each diagnostic located in details, exit 1', async () => {
    const r = await bianmin(['items', '--rules', path.join(work, 'no-such-pack'), '--json']);
    expect(r.code).toBe(EXIT.invalid);
    expect(r.stderr).toBe('');
    const { error } = jsonError(r.stdout);
    expect(error.code).toBe('E-PACK-INVALID');
    expect(error.details?.[0]).toMatchObject({ file: '.', line: 0 });
  });

  test('decide: a syntax error in the input file, located at file:line:column', async () => {
    const r = await bianmin(['decide', '--item', 'MZ-004', '--input', broken, '--json']);
    expect(r.code).toBe(EXIT.invalid);
    const { error } = jsonError(r.stdout);
    expect(error).toMatchObject({ file: broken, line: 3 });
    expect(error.message).toContain('JSON 语法错误');
  });

  test('decide: an unknown item keeps the suggestions, as the service answers them', async () => {
    const r = await bianmin(['decide', '--item', 'MZ-01', '--input', application, '--json']);
    expect(r.code).toBe(EXIT.invalid);
    const { error } = jsonError(r.stdout);
    expect(error).toMatchObject({ code: 'E-APP-UNKNOWN-ITEM', path: '--item' });
    expect(error.suggestions?.[0]?.code).toBe('MZ-001');
  });

  test('decide: application problems are each located in the input file', async () => {
    const bad = path.join(work, 'bad-age.json');
    writeFileSync(bad, '{\n  "intent": "consult",\n  "applicant": { "type": "person", "age": "八十二" }\n}\n');
    const r = await bianmin(['decide', '--item', 'MZ-004', '--input', bad, '--json']);
    expect(r.code).toBe(EXIT.invalid);
    const { error } = jsonError(r.stdout);
    expect(error).toMatchObject({ code: 'E-APP-FACT', path: '$.applicant.age', file: bad, line: 3 });
  });

  test('deadline and test: their own errors too', async () => {
    const d = await bianmin(['deadline', '--item', 'ZZ-999', '--accepted-at', '2026-09-28T09:30', '--json']);
    expect([d.code, jsonError(d.stdout).error.code, jsonError(d.stdout).error.path]).toEqual([EXIT.invalid, 'E-CLOCK-ITEM-UNKNOWN', '--item']);
    const t = await bianmin(['test', 'tests/no-such.yaml', '--json']);
    expect([t.code, jsonError(t.stdout).error.code]).toEqual([EXIT.usage, 'E-USAGE-FILE']);
    const a = await bianmin(['decide', '--item', 'MZ-004', '--input', application, '--at', '2026-02-30T10:00', '--json']);
    expect([a.code, jsonError(a.stdout).error.code]).toEqual([EXIT.usage, 'E-USAGE-OPTION']);
  });

  test('without --json the same errors stay Chinese text on stderr', async () => {
    const r = await bianmin(['deadline', '--item', 'ZZ-999', '--accepted-at', '2026-09-28T09:30']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^错误：--item：规则包 rules 中没有事项 ZZ-999/);
  });
});
