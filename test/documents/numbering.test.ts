import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DocumentError, formatDocumentNumber, memorySequence, numbering } from '../../src/documents/index.ts';
import { openRecords, RecordsError } from '../../src/records/index.ts';
import { RULES, sampleDecision, samplePack } from './sample.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
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

test('the counter kept in the data directory survives a restart', async () => {
  const data = path.join(dir, 'sub', 'data');
  const pack = await samplePack();
  const first = await openRecords(data, pack);
  const n1 = numbering('青便', first.sequences);
  expect(await n1.next(2026)).toBe('青便〔2026〕0001号');
  expect(await n1.next(2026)).toBe('青便〔2026〕0002号');
  await first.close();
  const second = await openRecords(data, pack);
  expect(await numbering('青便', second.sequences).next(2026)).toBe('青便〔2026〕0003号');
  expect(second.sequences.last('青便', 2026)).toBe(3);
  await second.close();
  // Kept by the store itself, in its own collection: no counter file beside it.
  const files = (await readdir(data)).filter((f) => !f.startsWith('.'));
  expect(files).toContain('sequences.json');
  expect(files.filter((f) => !/^sequences\.(json|log)$/.test(f))).toEqual([]);
});

test('numbers taken at the same time in one process are all different', async () => {
  const records = await openRecords(path.join(dir, 'data'), await samplePack());
  const n = numbering('青便', records.sequences);
  const got = await Promise.all(Array.from({ length: 60 }, () => n.next(2026)));
  await records.close();
  expect(new Set(got).size).toBe(60);
  expect([...got].sort()).toEqual(Array.from({ length: 60 }, (_, i) => formatDocumentNumber('青便', 2026, i + 1)));
});

test('one writer per data directory: a second process is refused cleanly, and processes one after another never repeat a number', async () => {
  const data = path.join(dir, 'data');
  const script = [
    `import { loadPack } from ${JSON.stringify(path.join(ROOT, 'src/index.ts'))};`,
    `import { numbering } from ${JSON.stringify(path.join(ROOT, 'src/documents/index.ts'))};`,
    `import { openRecords } from ${JSON.stringify(path.join(ROOT, 'src/records/index.ts'))};`,
    'let records;',
    'try {',
    `  records = await openRecords(${JSON.stringify(data)}, await loadPack(${JSON.stringify(RULES)}));`,
    '} catch (e) {',
    '  process.stderr.write(`${e.code} ${e.message}\\n`);',
    '  process.exit(1);',
    '}',
    "const n = numbering('青便', records.sequences);",
    'const out = [];',
    'for (let i = 0; i < 15; i++) out.push(await n.next(2026));',
    'await records.close();',
    'console.log(JSON.stringify(out));',
  ].join('\n');
  // .mts: an ES module outside the project's package.json, so top-level await works.
  const scriptFile = path.join(dir, 'take.mts');
  await writeFile(scriptFile, script);
  const take = () => run(process.execPath, ['--import', 'tsx', scriptFile], { cwd: ROOT });

  const holder = await openRecords(data, await samplePack());
  const held = numbering('青便', holder.sequences);
  const mine = [await held.next(2026)];
  const refused = await take().then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(refused?.code).toBe(1);
  expect(refused?.stderr).toMatch(/^E-STORE-LOCKED /);
  expect(refused?.stderr).toContain(`正由进程 ${process.pid}`);
  expect(refused?.stderr).toContain('只允许一个写入进程');
  // The refused process changed nothing: the holder's series goes on where it was.
  mine.push(await held.next(2026));
  await holder.close();

  const all = [...mine];
  for (let i = 0; i < 2; i++) all.push(...(JSON.parse((await take()).stdout) as string[]));
  expect(all).toHaveLength(32);
  expect(all).toEqual(Array.from({ length: 32 }, (_, i) => formatDocumentNumber('青便', 2026, i + 1)));
}, 60_000);

test('a damaged counter is an error, never a restart from 1', async () => {
  const data = path.join(dir, 'data');
  const pack = await samplePack();
  const r = await openRecords(data, pack);
  for (let i = 0; i < 41; i++) await r.sequences.next('青便', 2026);
  await r.close();
  const file = path.join(data, 'sequences.json');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('"last":41', '"last":"x"'));
  const err = await openRecords(data, pack).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RecordsError);
  expect((err as RecordsError).code).toBe('E-STORE-CORRUPT');
  expect((err as RecordsError).message).toMatch(/sequences\.json:\d+:\d+ \$\.records\[0\]\.last：应为整数/);
  await writeFile(file, text.slice(0, -5));
  await expect(openRecords(data, pack)).rejects.toThrow(/sequences\.json:\d+:\d+ .*JSON 语法错误/);
});

test('counts of the earlier counter file (data/document-numbers.json) are taken over, so no number issued before comes again', async () => {
  const data = path.join(dir, 'data');
  const pack = await samplePack();
  await mkdir(data);
  await writeFile(path.join(data, 'document-numbers.json'), JSON.stringify({ '青便/2026': 41, '青便/2025': 7 }));
  const r = await openRecords(data, pack);
  expect(await numbering('青便', r.sequences).next(2026)).toBe('青便〔2026〕0042号');
  expect(await numbering('青便', r.sequences).next(2025)).toBe('青便〔2025〕0008号');
  await r.close();
  // Taken over once: opening again does not lower or repeat anything.
  const again = await openRecords(data, pack);
  expect(await numbering('青便', again.sequences).next(2026)).toBe('青便〔2026〕0043号');
  await again.close();
  await writeFile(path.join(data, 'document-numbers.json'), '{"青便/2026": 41');
  await expect(openRecords(data, pack)).rejects.toThrow(/document-numbers\.json .*文书编号计数文件不是有效的 JSON/);
  await writeFile(path.join(data, 'document-numbers.json'), '{"青便/2026": "x"}');
  await expect(openRecords(data, pack)).rejects.toThrow(/青便\/2026 的值 "x" 不是非负整数/);
});

test('one series: the notice of a registered case and a rendered document never share a number', async () => {
  const pack = await samplePack();
  const r = await openRecords(path.join(dir, 'data'), pack);
  const decision = await sampleDecision('accepted');
  const first = await r.cases.register({ decision, staff: 'chen-li' });
  expect(first.record.noticeNumber).toBe('青便〔2026〕0001号');
  expect(await numbering(pack.data.center.center.code, r.sequences).next(2026)).toBe('青便〔2026〕0002号');
  const second = await r.cases.register({ decision, staff: 'chen-li' });
  expect(second.record.noticeNumber).toBe('青便〔2026〕0003号');
  expect(r.cases.byNoticeNumber('青便〔2026〕0003号')?.id).toBe(second.record.id);
  // The rendered document's number belongs to no case.
  expect(r.cases.byNoticeNumber('青便〔2026〕0002号')).toBeUndefined();
  await r.close();
});
