// Temp copies of the sample pack (rules/, with its scenarios) and the CLI run on them (in-process).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { bianmin as runCli, type Ran as CliRan } from '../cli/run.ts';
import { applyEdits } from '../pack/fixture-pack.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RULES = path.join(ROOT, 'rules');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'bianmin-scen-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of rules/ in a temp dir; `edits` replace files (text) or delete them (null). */
export function sampleCopy(edits: Record<string, string | null | ((old: string) => string)> = {}, name = 'rules'): string {
  const dir = path.join(tempDir(), name);
  cpSync(RULES, dir, { recursive: true });
  applyEdits(dir, edits, false);
  return dir;
}

/** Replaces exactly one occurrence (failing loudly when the sample no longer has it). */
export function replaceOnce(from: string, to: string): (old: string) => string {
  return (old) => {
    const at = old.indexOf(from);
    if (at === -1 || old.indexOf(from, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
    return old.slice(0, at) + to + old.slice(at + from.length);
  };
}

export interface Ran {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Last non-empty line of stdout. */
  readonly last: string;
}

/** `bianmin ARGS` with relative paths taken from `cwd`, through runCli in this process. */
export async function bianmin(args: readonly string[], cwd = ROOT): Promise<Ran> {
  const r: CliRan = await runCli(args, { cwd });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr, last: r.last };
}

/** 1-based line and column where `marker` starts in `text`. */
export function positionOf(text: string, marker: string): { line: number; column: number } {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`marker ${JSON.stringify(marker)} not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
