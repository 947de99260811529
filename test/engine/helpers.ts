import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPack, type Pack } from '../../src/index.ts';

export const FIXTURE_PACK = fileURLToPath(new URL('../fixtures/engine-pack/', import.meta.url));
export const SAMPLE_PACK = fileURLToPath(new URL('../../rules/', import.meta.url));

const cache = new Map<string, Promise<Pack>>();

/** Loads (once per test file) a pack; loading is the expensive part and packs are immutable. */
export function pack(dir: string): Promise<Pack> {
  let p = cache.get(dir);
  if (!p) {
    p = loadPack(dir);
    cache.set(dir, p);
  }
  return p;
}

/** 1-based line of the first line of `file` (in `dir`) that contains `text`. */
export function lineOf(dir: string, file: string, text: string): number {
  const lines = readFileSync(`${dir}/${file}`, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${file} has no line containing ${text}`);
  return i + 1;
}
