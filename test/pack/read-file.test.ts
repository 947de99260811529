// Only regular files are read from a rule pack: a named pipe (or a directory) where a rule file,
// a scenario file or a template belongs is a located Chinese error at once, never a hang.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT } from '../cli/run.ts';
import { packWith } from './fixture-pack.ts';

/** `bianmin <command> --rules dir` as a real process, killed if it has not finished in `ms` (a hang fails, it does not block the suite). */
function run(command: string, dir: string, ms: number): Promise<{ code: number | null; output: string; killed: boolean }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, command, '--rules', dir], { cwd: ROOT, timeout: ms, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, output: stdout + stderr, killed: err?.killed ?? false });
    });
  });
}

describe('files that are not regular files', () => {
  test('a named pipe as an item, a template or a scenario file: a located error at once, never a hang', async () => {
    // A broken scenario file is exit 2 (EXIT.usage), as for every broken test file.
    const cases: [rel: string, command: string, exit: number, expected: string][] = [
      ['items/x.yaml', 'validate', 1, 'items/x.yaml [E-FILE-READ] 无法读取文件（不是普通文件'],
      ['templates/notice.hbs', 'validate', 1, 'templates/notice.hbs [E-TEMPLATE-READ] 无法读取模板（不是普通文件'],
      ['tests/x.yaml', 'test', 2, 'tests/x.yaml [E-FILE-READ] 无法读取文件（不是普通文件'],
    ];
    for (const [rel, command, exit, expected] of cases) {
      const dir = packWith();
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      execFileSync('mkfifo', [path.join(dir, rel)]);
      const r = await run(command, dir, 20_000);
      expect(r.killed, rel).toBe(false);
      expect(r.code, rel).toBe(exit);
      expect(r.output, rel).toContain(expected);
      expect(r.output, rel).not.toMatch(/\n\s+at /);
    }
  });

  test('a directory named like an item file is a located error', async () => {
    const dir = packWith();
    mkdirSync(path.join(dir, 'items', 'y.yaml'));
    const r = await run('validate', dir, 20_000);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/items\/y\.yaml \[E-FILE-READ\] .*这是一个目录/);
  });
});
