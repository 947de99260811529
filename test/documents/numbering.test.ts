import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DocumentError, fileSequence, formatDocumentNumber, memorySequence, numbering } from '../../src/documents/index.ts';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-numbers-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('prefix, year in 〔〕 and a four-digit sequence', () => {
  expect(formatDocumentNumber('青便', 2026, 1)).toBe('青便〔2026〕0001号');
  expect(formatDocumentNumber('青便', 2026, 12345)).toBe('青便〔2026〕12345号');
});

test('each center and year counts on its own', async () => {
  const store = memorySequence();
  const a = numbering('青便', store);
  const b = numbering('石便', store);
  expect([await a.next(2026), await a.next(2026), await b.next(2026), await a.next(2027), await a.next(2026)]).toEqual([
    '青便〔2026〕0001号',
    '青便〔2026〕0002号',
    '石便〔2026〕0001号',
    '青便〔2027〕0001号',
    '青便〔2026〕0003号',
  ]);
  await expect(a.next(26)).rejects.toThrow(DocumentError);
});

test('the file-backed counter survives a restart', async () => {
  const file = path.join(dir, 'sub', 'numbers.json');
  const first = numbering('青便', fileSequence(file));
  expect(await first.next(2026)).toBe('青便〔2026〕0001号');
  expect(await first.next(2026)).toBe('青便〔2026〕0002号');
  const second = numbering('青便', fileSequence(file));
  expect(await second.next(2026)).toBe('青便〔2026〕0003号');
  expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ '青便/2026': 3 });
});

test('numbers taken at the same time in one process are all different', async () => {
  const n = numbering('青便', fileSequence(path.join(dir, 'numbers.json')));
  const got = await Promise.all(Array.from({ length: 60 }, () => n.next(2026)));
  expect(new Set(got).size).toBe(60);
  expect([...got].sort()).toEqual(Array.from({ length: 60 }, (_, i) => formatDocumentNumber('青便', 2026, i + 1)));
});

test('numbers taken by several processes at once are all different', async () => {
  const file = path.join(dir, 'numbers.json');
  const script = [
    `import { fileSequence, numbering } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../src/documents/numbering.ts'))};`,
    `const n = numbering('青便', fileSequence(${JSON.stringify(file)}));`,
    'const out = [];',
    'for (let i = 0; i < 15; i++) out.push(await n.next(2026));',
    'console.log(JSON.stringify(out));',
  ].join('\n');
  // .mts: an ES module outside the project's package.json, so top-level await works.
  const scriptFile = path.join(dir, 'take.mts');
  await writeFile(scriptFile, script);
  const runs = await Promise.all(Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', scriptFile], { cwd: path.resolve(import.meta.dirname, '../..') })));
  const all = runs.flatMap((r) => JSON.parse(r.stdout) as string[]);
  expect(all).toHaveLength(60);
  expect(new Set(all).size).toBe(60);
  expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ '青便/2026': 60 });
}, 60_000);

test('a damaged counter file is an error, never a restart from 1', async () => {
  const file = path.join(dir, 'numbers.json');
  await writeFile(file, '{"青便/2026": 41');
  const n = numbering('青便', fileSequence(file));
  await expect(n.next(2026)).rejects.toThrow(/已损坏/);
  await writeFile(file, '{"青便/2026": "x"}');
  await expect(n.next(2026)).rejects.toThrow(/无效/);
});
