// Writes that survive a crash: a reader only ever sees the old or the new file, never a mix.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DurableJsonFile, isTempFile, writeFileDurably } from '../../src/records/durable-file.ts';
import type { IncidentRecord } from '../../src/pack/index.ts';
import type { CollectionSpec } from '../../src/records/collection.ts';
import { incidentSpec } from '../../src/records/incidents.ts';
import { RecordsError } from '../../src/records/index.ts';
import { RecordStore } from '../../src/records/store.ts';
import { tempDir } from './helpers.ts';

describe('writeFileDurably', () => {
  test('replaces the file whole and leaves no temp file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'complaints.json');
    await writeFile(file, 'old');
    expect(await writeFileDurably(file, '新内容')).toBe(Buffer.byteLength('新内容'));
    expect(await readFile(file, 'utf8')).toBe('新内容');
    expect(await readdir(dir)).toEqual(['complaints.json']);
  });

  test('writes of one file at the same time (two requests saving one draft file) each land whole, in order', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mz-004.yaml');
    const versions = Array.from({ length: 6 }, (_, i) => `版本 ${i}\n`.repeat(200_000));
    await Promise.all(versions.map((v) => writeFileDurably(file, v)));
    expect(await readFile(file, 'utf8')).toBe(versions.at(-1));
    expect(await readdir(dir)).toEqual(['mz-004.yaml']);
  });

  test('content given in chunks (a large snapshot) arrives in order, byte-exact', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'cases-2026.json');
    const chunks = Array.from({ length: 3000 }, (_, i) => `{"id":"2026-${String(i).padStart(6, '0')}","note":"${'办'.repeat(200)}"}\n`);
    const bytes = await writeFileDurably(file, chunks);
    const text = await readFile(file, 'utf8');
    expect(text).toBe(chunks.join(''));
    expect(bytes).toBe(Buffer.byteLength(text));
  });

  test('a failed write leaves the old file and no temp file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'reviews.json');
    await writeFile(file, 'old');
    function* failing(): Generator<string> {
      yield 'partial';
      throw new Error('disk full');
    }
    await expect(writeFileDurably(file, failing())).rejects.toThrow('disk full');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['reviews.json']);
  });

  test('its temp files are recognised, and nothing else is', () => {
    expect(isTempFile('.complaints.json.tmp-12345')).toBe(true);
    expect(isTempFile('complaints.json')).toBe(false);
    expect(isTempFile('.complaints.json.tmp-')).toBe(false);
    expect(isTempFile('.bianmin.lock')).toBe(false);
  });
});

describe('DurableJsonFile', () => {
  test('a missing file reads as nothing; a byte-order mark is ignored', async () => {
    const dir = await tempDir();
    const file = new DurableJsonFile<{ a: number }>(path.join(dir, 'x.json'), 'data/x.json');
    expect(await file.read()).toBeNull();
    await writeFile(path.join(dir, 'x.json'), '\ufeff{"a": 1}');
    expect(await file.read()).toEqual({ a: 1 });
    expect(file.takeText()).toBe('{"a": 1}');
    // The text is kept for one error report only.
    expect(file.takeText()).toBeNull();
  });

  test('a damaged file is E-STORE-CORRUPT at its line and column, under the name the user gave', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'x.json'), '{\n  "a": 1,\n  "b": tru\n}');
    const file = new DurableJsonFile(path.join(dir, 'x.json'), 'data/x.json');
    const err = await file.read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordsError);
    expect(err).toMatchObject({ code: 'E-STORE-CORRUPT', location: { file: 'data/x.json', line: 3, column: 11 } });
    expect((err as RecordsError).message).toMatch(/^data\/x\.json:3:11 .*JSON 语法错误/);
    await writeFile(path.join(dir, 'x.json'), '  \n');
    await expect(file.read()).rejects.toThrow(/文件为空（可能被截断）/);
  });

  test('writes go through the durable path and record their size', async () => {
    const dir = await tempDir();
    const file = new DurableJsonFile<{ a: string }>(path.join(dir, 'x.json'), 'x.json');
    await file.write({ a: '办' });
    expect(JSON.parse(await readFile(path.join(dir, 'x.json'), 'utf8'))).toEqual({ a: '办' });
    expect(file.bytes).toBe((await readFile(path.join(dir, 'x.json'))).length);
  });
});

test('a temp file left by a crash between write and rename is removed on opening, and the old file is intact', async () => {
  const dir = path.join(await tempDir(), 'data');
  const specFor = (name: string): CollectionSpec<unknown> | null => (name === 'incidents' ? (incidentSpec() as CollectionSpec<unknown>) : null);
  const store = await RecordStore.open(dir, { specFor });
  const record: IncidentRecord = { id: 'J2026-00001', kind: 'post-left-empty', staff: 'chen-li', at: '2026-11-23T09:30:00+08:00', recordedBy: 'li-xiuying' };
  await store.exclusive(() => store.collection<IncidentRecord>('incidents').put(record));
  await store.close();
  await writeFile(path.join(dir, '.incidents.json.tmp-99999'), '{"format":1,"collection":"incid');
  const reopened = await RecordStore.open(dir, { specFor });
  try {
    expect(reopened.collection<IncidentRecord>('incidents').get('J2026-00001')).toEqual(record);
    expect(await readdir(dir)).not.toContain('.incidents.json.tmp-99999');
  } finally {
    await reopened.close();
  }
});
