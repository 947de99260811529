/**
 * The pipeline is readable off the folders: each `src/` folder is entered only through its
 * `index.ts`, and imports only go down the pipeline. A deep import or an upward arrow fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
/** Bottom first: a folder may import only from folders before it. */
const PIPELINE = ['core', 'pack', 'calendar', 'engine', 'records', 'documents', 'scenarios', 'check', 'server', 'cli'] as const;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative module specifier of a file: static imports, re-exports and dynamic `import()`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g)) out.push(m[1]!);
  for (const m of text.matchAll(/(?:^|[\s;])import\s+'(\.[^']+)'/g)) out.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) out.push(m[1]!);
  return out;
}

function folderOf(file: string): string | null {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0]! : null;
}

interface Arrow {
  readonly from: string;
  readonly to: string;
}

function arrows(): Arrow[] {
  return sources(SRC).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).map((spec) => ({ from: file, to: path.resolve(path.dirname(file), spec) })),
  );
}

const rel = (p: string): string => path.relative(SRC, p).split(path.sep).join('/');

describe('folder surfaces', () => {
  const all = arrows();

  it('every src/ folder is one of the pipeline stages and has an index.ts', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !(PIPELINE as readonly string[]).includes(f))).toEqual([]);
    for (const f of folders) expect(sources(path.join(SRC, f)).map(rel)).toContain(`${f}/index.ts`);
  });

  it('another folder is entered only through its index.ts', () => {
    const deep = all
      .filter(({ from, to }) => {
        const target = folderOf(to);
        return target !== null && target !== folderOf(from) && to !== path.join(SRC, target, 'index.ts');
      })
      .map(({ from, to }) => `${rel(from)} → ${rel(to)}`);
    expect(deep).toEqual([]);
  });

  it('imports only go down the pipeline', () => {
    const rank = (f: string | null): number => (f === null ? PIPELINE.length : (PIPELINE as readonly string[]).indexOf(f));
    const upward = all
      .filter(({ from, to }) => {
        const a = folderOf(from);
        const b = folderOf(to);
        return a !== b && rank(b) > rank(a);
      })
      .map(({ from, to }) => `${rel(from)} → ${rel(to)}`);
    expect(upward).toEqual([]);
  });

  it('the library root imports only folder surfaces', () => {
    const root = all.filter(({ from }) => folderOf(from) === null && rel(from) !== 'index.ts' ? false : folderOf(from) === null);
    const deep = root.filter(({ to }) => {
      const f = folderOf(to);
      return f === null || to !== path.join(SRC, f, 'index.ts');
    });
    expect(deep.map(({ to }) => rel(to))).toEqual([]);
  });

  it('catches a deep import and an upward arrow (the check itself can fail)', () => {
    expect(specifiers(`import { x } from '../pack/load.ts';\nexport type { Y } from './y.ts';\nconst m = await import('../cli/main.ts');`)).toEqual([
      '../pack/load.ts',
      './y.ts',
      '../cli/main.ts',
    ]);
  });
});

describe('the front end', () => {
  const WEB = path.resolve(import.meta.dirname, '../../web');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return files(p);
      return /\.(ts|vue)$/.test(e.name) ? [p] : [];
    });

  it('talks to the server only through the API: nothing under web/ imports from outside web/', () => {
    const outside = files(WEB).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => path.relative(WEB, path.resolve(path.dirname(file), s)).startsWith('..'))
        .map((s) => `${path.relative(WEB, file)} → ${s}`),
    );
    expect(files(WEB).length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });
});
