// The hostile-pack suite (issue 12): each file an attack run put into a rule pack is refused by a
// real `bianmin validate` process with a located Chinese error, in bounded time. Every run is
// killed at a deadline, so a hang fails its case instead of blocking the suite.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT } from '../cli/run.ts';
import { fixtureText, packWith, positionOf } from './fixture-pack.ts';

/** A run that has not finished by then is killed (and fails): far above any honest run's time. */
const KILL_MS = 60_000;
/**
 * What a refusal may take, process start (node, the CLI, the schemas' compilation) included, on a
 * shared two-core machine. In-process figures are in bench/hostile.bench.ts: the 40,000-key
 * mapping is parsed in well under a second on an idle core; every other case in milliseconds.
 */
const BOUND_MS = 30_000;

interface Run {
  readonly code: number | null;
  readonly output: string;
  readonly killed: boolean;
  readonly ms: number;
}

/** `bianmin validate --rules dir` as a real process, as an officer runs it. */
function validate(dir: string): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'validate', '--rules', dir],
      { cwd: ROOT, timeout: KILL_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, output: stdout + stderr, killed: err?.killed ?? false, ms: performance.now() - started });
      },
    );
  });
}

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);
const CHINESE = /[\u4e00-\u9fff]/;

/** The fixture item with a 40,000-key mapping appended (quoted keys: the full YAML parser reads them). */
function fortyThousandKeys(): string {
  const keys = Array.from({ length: 40_000 }, (_, i) => `  "k${String(i).padStart(5, '0')}": v${i}`);
  return `${itemText}notes2:\n${keys.join('\n')}\n`;
}

/** The line of the key after the first 1,000 in `fortyThousandKeys()`. */
const firstKeyOverLimit = (): number => itemText.split('\n').length + 1 + 1_000;

type Case = readonly [name: string, prepare: (dir: string) => void, expected: RegExp];

const cases: readonly Case[] = [
  [
    'a named pipe (FIFO) as an item file',
    (dir) => execFileSync('mkfifo', [path.join(dir, 'items', 'x.yaml')]),
    /\/items\/x\.yaml \[E-FILE-READ\] 无法读取文件（不是普通文件/m,
  ],
  [
    'a directory as an item file (items/mz-001.yaml)',
    (dir) => {
      rmSync(path.join(dir, ITEM));
      mkdirSync(path.join(dir, ITEM));
    },
    /\/items\/mz-001\.yaml \[E-FILE-READ\] 无法读取文件（这是一个目录/m,
  ],
  [
    'a directory as the official calendar (calendar/2026.yaml): never the built-in data instead',
    (dir) => {
      rmSync(path.join(dir, 'calendar', '2026.yaml'));
      mkdirSync(path.join(dir, 'calendar', '2026.yaml'));
    },
    /\/calendar\/2026\.yaml \[E-FILE-READ\] 无法读取文件（这是一个目录/m,
  ],
  [
    'a file as the items folder: never a pack of 0 items',
    (dir) => {
      rmSync(path.join(dir, 'items'), { recursive: true });
      writeFileSync(path.join(dir, 'items'), 'code: MZ-001\n');
    },
    /\/items\/ \[E-PACK-FOLDER\] items\/ 不能作为目录读取：它是一个文件，不是目录/m,
  ],
  [
    'a file as the calendar folder',
    (dir) => {
      rmSync(path.join(dir, 'calendar'), { recursive: true });
      writeFileSync(path.join(dir, 'calendar'), 'year: 2026\n');
    },
    /\/calendar\/ \[E-PACK-FOLDER\] calendar\/ 不能作为目录读取：它是一个文件，不是目录/m,
  ],
  [
    'a mapping of 40,000 keys (about 650 KB)',
    (dir) => writeFileSync(path.join(dir, ITEM), fortyThousandKeys()),
    new RegExp(`/items/mz-001\\.yaml:${firstKeyOverLimit()}:3 \\[E-YAML-KEYS\\] \\$\\.notes2：同一层级有 40,000 个键，超过 1,000 个的上限`, 'm'),
  ],
  [
    'a %YAML directive',
    (dir) => writeFileSync(path.join(dir, ITEM), `%YAML 1.2\n---\n${itemText}`),
    /\/items\/mz-001\.yaml:1:1 \[E-YAML-DIRECTIVE\] 不支持 % 指令（%YAML）/m,
  ],
  [
    'a %TAG directive after a comment',
    (dir) => writeFileSync(path.join(dir, ITEM), `# 事项\n%TAG !e! tag:example.com,2000:\n---\n${itemText}`),
    /\/items\/mz-001\.yaml:2:1 \[E-YAML-DIRECTIVE\] 不支持 % 指令（%TAG）/m,
  ],
  [
    'a NUL byte inside a value',
    (dir) => writeFileSync(path.join(dir, ITEM), itemText.replace('name: 临时救助申请', 'name: 临时救助\0申请')),
    new RegExp(`/items/mz-001\\.yaml:${positionOf(itemText, 'name: 临时救助申请').line}:11 \\[E-YAML-CONTROL\\] 含有控制字符 U\\+0000（NUL）`, 'm'),
  ],
  [
    'a NUL written as an escape in a quoted value',
    (dir) => writeFileSync(path.join(dir, ITEM), itemText.replace('name: 临时救助申请', 'name: "临时救助\\0申请"')),
    new RegExp(`/items/mz-001\\.yaml:${positionOf(itemText, 'name: 临时救助申请').line}:7 \\[E-YAML-CONTROL\\] \\$\\.name：含有控制字符 U\\+0000（NUL）`, 'm'),
  ],
];

describe('hostile rule packs', () => {
  test.each(cases)('%s: a located Chinese error from bianmin validate, in bounded time', async (_name, prepare, expected) => {
    const dir = packWith();
    prepare(dir);
    const r = await validate(dir);
    expect(r.killed, '运行超时被终止').toBe(false);
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(expected);
    const line = r.output.split('\n').find((l) => expected.test(l))!;
    expect(line).toMatch(CHINESE);
    // No stack trace, no English from a library.
    expect(r.output).not.toMatch(/\n\s+at |Error:/);
    expect(r.ms).toBeLessThan(BOUND_MS);
  }, KILL_MS + 10_000);
});
