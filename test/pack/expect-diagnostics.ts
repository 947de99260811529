// Assertions on validator output: exactly these diagnostics, each with its file, line and code.
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/pack/diagnostics.ts';
import { validatePack, type ValidationResult } from '../../src/pack/load.ts';

/** A fixed "today" for the date-relative warnings: far from the end of the fixture's 2026 calendar. */
export const NOW = new Date('2026-03-02T10:00:00+08:00');

export interface Expected {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly code: string;
  readonly path?: string;
  /** Substring or pattern the Chinese message must contain. */
  readonly message?: string | RegExp;
}

export async function validate(dir: string, now: Date = NOW): Promise<ValidationResult> {
  return validatePack(dir, { now });
}

/** `list` has exactly the expected diagnostics, in this order. */
export function expectExactly(list: readonly Diagnostic[], expected: readonly Expected[]): void {
  const shape = (d: Diagnostic, e: Expected | undefined) => ({
    file: d.file,
    line: d.line,
    ...(e?.column !== undefined ? { column: d.column } : {}),
    code: d.code,
    ...(e?.path !== undefined ? { path: d.path } : {}),
  });
  expect(list.map((d, i) => shape(d, expected[i]))).toEqual(
    expected.map((e) => ({
      file: e.file,
      line: e.line,
      ...(e.column !== undefined ? { column: e.column } : {}),
      code: e.code,
      ...(e.path !== undefined ? { path: e.path } : {}),
    })),
  );
  expected.forEach((e, i) => {
    if (e.message === undefined) return;
    if (typeof e.message === 'string') expect(list[i]!.message).toContain(e.message);
    else expect(list[i]!.message).toMatch(e.message);
  });
  for (const d of list) expectChinese(d);
}

/** Every message is Chinese and free of stack traces or English parser text. */
export function expectChinese(d: Diagnostic): void {
  expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  expect(d.message).not.toMatch(/\bat \S+:\d+|Error:|undefined|\[object/);
}

/** The pack validates: no errors; returns the warnings. */
export async function expectValid(dir: string, now: Date = NOW): Promise<readonly Diagnostic[]> {
  const result = await validate(dir, now);
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(true);
  return result.warnings;
}
