// Builds rule packs for tests: a copy of test/fixtures/minimal-pack in a temp dir, with edits.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const MINIMAL_PACK = fileURLToPath(new URL('../fixtures/minimal-pack/', import.meta.url));
export const SAMPLE_PACK = fileURLToPath(new URL('../../rules/', import.meta.url));

/** New content for a file: text, raw bytes, a function of the old text, or null to delete it. */
export type Edit = string | Uint8Array | ((old: string) => string) | null;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp copy of the minimal pack with `edits` applied (paths relative to the pack). */
export function packWith(edits: Record<string, Edit> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-pack-'));
  made.push(dir);
  cpSync(MINIMAL_PACK, dir, { recursive: true });
  applyEdits(dir, edits);
  return dir;
}

/**
 * Applies `edits` to the files of a pack copied into `dir`. With `strict`, a function edit that
 * changes nothing fails loudly: the fixture no longer has what the test meant to break.
 */
export function applyEdits(dir: string, edits: Record<string, Edit>, strict = true): void {
  for (const [rel, edit] of Object.entries(edits)) {
    const file = path.join(dir, rel);
    if (edit === null) {
      rmSync(file, { recursive: true, force: true });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof edit === 'function') {
      const old = readFileSync(file, 'utf8');
      const next = edit(old);
      if (strict && next === old) throw new Error(`edit of ${rel} changed nothing`);
      writeFileSync(file, next);
    } else {
      writeFileSync(file, edit);
    }
  }
}

/** An empty temp directory (for packs built from nothing, or non-pack paths). */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-tmp-'));
  made.push(dir);
  return dir;
}

/** The fixture's text of `rel`. */
export function fixtureText(rel: string): string {
  return readFileSync(path.join(MINIMAL_PACK, rel), 'utf8');
}

/** Replaces exactly one occurrence of `from` (failing loudly when the fixture no longer has it). */
export function replaceOnce(from: string, to: string): (old: string) => string {
  return (old) => {
    const at = old.indexOf(from);
    if (at === -1 || old.indexOf(from, at + 1) !== -1) throw new Error(`fixture must contain exactly one ${JSON.stringify(from)}`);
    return old.slice(0, at) + to + old.slice(at + from.length);
  };
}

/** 1-based line and column where `marker` starts in `text` (columns in UTF-16 units, as reported). */
export function positionOf(text: string, marker: string, offsetInMarker = 0): { line: number; column: number } {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`marker ${JSON.stringify(marker)} not in text`);
  const before = text.slice(0, at + offsetInMarker).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The text of `rel` after the same edit a test applies, for computing expected positions. */
export function edited(rel: string, edit: (old: string) => string): string {
  return edit(fixtureText(rel));
}
