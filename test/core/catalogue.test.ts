/**
 * The one error catalogue is complete and the only source of codes: every entry is documented in
 * Chinese with a sensible status and exit code, every code bianmin writes is in it, every code in
 * it is produced and asserted by some test, and the README's tables are generated from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { README_FILE, renderErrorTables } from '../../scripts/error-tables-render.ts';
import { CATALOGUE, isErrorCode, renderMessage, type CatalogueEntry } from '../../src/core/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const THIS_FILE = path.resolve(import.meta.filename);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const entries = Object.entries(CATALOGUE) as Array<[string, CatalogueEntry]>;
const CHINESE = /[\u4e00-\u9fff]/;
/** A code written as a string literal: quoted, or alone in a template literal. */
const LITERAL = /['"`]([EW]-[A-Z0-9]+(?:-[A-Z0-9]+)*)['"`]/g;
/** A code put together at run time, e.g. `E-CLOCK-${x.toUpperCase()}` (types such as `E-CLOCK-${string}` aside). */
const BUILT = /\b[EW]-[A-Z0-9-]*\$\{(?!string\})/g;
const rel = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

describe('the error catalogue', () => {
  it('documents every code in Chinese: a message template and a one-line description', () => {
    const undocumented = entries
      .filter(([, e]) => !CHINESE.test(e.message) || !CHINESE.test(e.description) || e.description.includes('\n'))
      .map(([code]) => code);
    expect(undocumented).toEqual([]);
  });

  it('gives every code an HTTP error status and a CLI exit code of 1 to 3', () => {
    const odd = entries.filter(([, e]) => !(e.status >= 400 && e.status <= 599 && Number.isInteger(e.status)) || ![1, 2, 3].includes(e.exit)).map(([code]) => code);
    expect(odd).toEqual([]);
  });

  it('spells warnings W-… and errors E-…', () => {
    const misspelt = entries.filter(([code, e]) => (e.severity === 'warning') !== code.startsWith('W-') || !/^[EW]-[A-Z0-9]+(-[A-Z0-9]+)*$/.test(code)).map(([code]) => code);
    expect(misspelt).toEqual([]);
  });

  it('fills message templates from named parameters and leaves a missing one visible', () => {
    expect(renderMessage('E-ROSTER-DATE', { date: '2026-11-31', month: '2026-11' })).toBe('日期 2026-11-31 不在 2026-11 月内');
    expect(renderMessage('E-ROSTER-DATE', { date: '2026-11-31' })).toBe('日期 2026-11-31 不在 {month} 月内');
  });

  it('holds every code that src/ writes, and no code is put together at run time', () => {
    const unknown: string[] = [];
    const built: string[] = [];
    for (const file of filesUnder(path.join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(LITERAL)) if (!isErrorCode(m[1]!)) unknown.push(`${rel(file)}: ${m[1]}`);
      for (const m of text.matchAll(BUILT)) built.push(`${rel(file)}: ${m[0]}`);
    }
    expect(unknown).toEqual([]);
    expect(built).toEqual([]);
  });

  it('has no code that no test produces and names', () => {
    const tests = filesUnder(path.join(ROOT, 'test'))
      .filter((f) => path.resolve(f) !== THIS_FILE)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const untested = entries.map(([code]) => code).filter((code) => !new RegExp(`(?<![A-Z0-9-])${code}(?![A-Z0-9-])`).test(tests));
    expect(untested).toEqual([]);
  });

  it('is what the README error tables say (run `npm run gen:errors`)', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme).toBe(renderErrorTables(readme));
  });
});
