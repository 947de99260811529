// The register at the scale of a decade: snapshots read record by record (never one string, so a
// 200,000-case year opens), closed years opened at their first access, and compaction of a large
// snapshot outside the write queue. The 200,000-case figures themselves are in bench/records.bench.ts;
// here the same code paths run on small files with the read chunk and thresholds lowered.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { IncidentRecord } from '../../src/pack/index.ts';
import { COMPACTION, SNAPSHOT_READ, type CollectionSpec } from '../../src/records/collection.ts';
import { incidentSpec } from '../../src/records/incidents.ts';
import { openRecords, RecordsError } from '../../src/records/index.ts';
import { LOCK_FILE } from '../../src/records/lock.ts';
import { isClosedYearShard } from '../../src/records/periods.ts';
import { RecordStore } from '../../src/records/store.ts';
import { samplePack, tempDir } from './helpers.ts';

// Written through openRecords by the store as it was before streamed snapshots (working tree on
// commit 292a0a8): cases-2025 and cases-2026 in format 2, one event folded into cases-2025.json and
// three events of cases-2026 still only in its log (copied while the writer was open).
const V1 = fileURLToPath(new URL('../fixtures/records-v1', import.meta.url));

const specFor = (name: string): CollectionSpec<unknown> | null => (name === 'incidents' || /^incidents-\d{4}$/.test(name) ? (incidentSpec() as CollectionSpec<unknown>) : null);

function incident(n: number, note?: string): IncidentRecord {
  return { id: `J2026-${String(n).padStart(5, '0')}`, kind: 'post-left-empty', staff: 'chen-li', at: '2026-11-23T09:30:00+08:00', recordedBy: 'li-xiuying', ...(note ? { note } : {}) };
}

const saved = { ...SNAPSHOT_READ, ...COMPACTION };
beforeEach(() => {
  // Every snapshot is read 61 bytes at a time (lines span chunks), and none is ever read whole.
  SNAPSHOT_READ.chunkBytes = 61;
  SNAPSHOT_READ.fallbackBytes = 0;
});
afterEach(() => {
  SNAPSHOT_READ.chunkBytes = saved.chunkBytes;
  SNAPSHOT_READ.fallbackBytes = saved.fallbackBytes;
  COMPACTION.backgroundAboveBytes = saved.backgroundAboveBytes;
  COMPACTION.maxLogBytes = saved.maxLogBytes;
});

async function seeded(n: number, options: { compactAfterBytes?: number } = {}): Promise<string> {
  const dir = path.join(await tempDir(), 'data');
  const store = await RecordStore.open(dir, { specFor, compactAfterBytes: options.compactAfterBytes ?? 1 << 30 });
  for (let i = 1; i <= n; i++) await store.exclusive(() => store.collection<IncidentRecord>('incidents').put(incident(i, `第${i}条`)));
  await store.close();
  return dir;
}

async function openError(dir: string): Promise<RecordsError> {
  const err = await RecordStore.open(dir, { specFor, readonly: true }).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordsError);
  return err as RecordsError;
}

describe('snapshots read record by record', () => {
  test('a snapshot read in 61-byte chunks, never whole, opens with every record', async () => {
    const dir = await seeded(300);
    const text = await readFile(path.join(dir, 'incidents.json'), 'utf8');
    expect(text.length).toBeGreaterThan(300 * 61);
    const store = await RecordStore.open(dir, { specFor, readonly: true });
    const c = store.collection<IncidentRecord>('incidents');
    expect(c.size).toBe(300);
    expect(c.get('J2026-00217')?.note).toBe('第217条');
    expect(c.lastSeq).toBe(300);
    await store.close();
  });

  test('a byte order mark, an empty snapshot and a snapshot of the first format stream too', async () => {
    const dir = await seeded(3);
    const file = path.join(dir, 'incidents.json');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(file)]));
    let store = await RecordStore.open(dir, { specFor, readonly: true });
    expect(store.collection('incidents').size).toBe(3);
    await store.close();
    const empty = path.join(await tempDir(), 'data');
    store = await RecordStore.open(empty, { specFor });
    await store.collection('incidents').compact(true);
    await store.close();
    store = await RecordStore.open(empty, { specFor, readonly: true });
    expect(store.collection('incidents').size).toBe(0);
    await store.close();
    const v1 = path.join(await tempDir(), 'data');
    await cp(dir, v1, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    const records = [1, 2].map((i) => JSON.stringify(incident(i)));
    await writeFile(path.join(v1, 'incidents.json'), `{"format":1,"collection":"incidents","seq":0,"records":[\n${records.join(',\n')}\n]}\n`);
    await writeFile(path.join(v1, 'incidents.log'), '');
    store = await RecordStore.open(v1, { specFor });
    expect(store.collection('incidents').size).toBe(2);
    await store.close();
    // Rewritten in the current format (with checksums) by the writer, and it streams.
    expect((await readFile(path.join(v1, 'incidents.json'), 'utf8')).startsWith('{"format":3,')).toBe(true);
    store = await RecordStore.open(v1, { specFor, readonly: true });
    expect(store.collection('incidents').size).toBe(2);
    await store.close();
  });

  test('a damaged record line of a large snapshot is located by file, line and column', async () => {
    const dir = await seeded(50);
    const file = path.join(dir, 'incidents.json');
    const lines = (await readFile(file, 'utf8')).split('\n');
    // Record 20 is line 21 (the head is line 1): a syntax error at column 6, where the colon is missing.
    lines[20] = lines[20]!.replace('"id":', '"id"');
    await writeFile(file, lines.join('\n'));
    const err = await openError(dir);
    expect(err.code).toBe('E-STORE-CORRUPT');
    expect(err.details[0]).toMatchObject({ file: path.join(dir, 'incidents.json'), line: 21, column: 6 });
    expect(err.message).toMatch(/JSON 语法错误/);
  });

  test('a changed value is found by its record checksum, and an invalid field by its path', async () => {
    const dir = await seeded(40);
    const file = path.join(dir, 'incidents.json');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[10] = lines[10]!.replace('第10条', '第11条');
    lines[30] = lines[30]!.replace('"post-left-empty"', '"no-such-kind"');
    await writeFile(file, lines.join('\n'));
    const err = await openError(dir);
    const found = err.details.map((d) => [d.code, d.line, d.path]);
    expect(found).toContainEqual(['E-STORE-CHECKSUM', 11, '$.records[9]']);
    expect(found).toContainEqual(['E-STORE-CORRUPT', 31, '$.records[29].kind']);
    expect(err.details.find((d) => d.path === '$.records[29].kind')?.column).toBe(lines[30]!.indexOf('"no-such-kind"') + 1);
  });

  test('a large snapshot of another register is refused at its head, without reading it whole', async () => {
    const dir = await seeded(5);
    const file = path.join(dir, 'incidents.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"collection":"incidents"', '"collection":"reviews"'));
    const err = await openError(dir);
    expect(err.details[0]).toMatchObject({ file, line: 1 });
    expect(err.message).toMatch(/快照属于登记簿 reviews，与文件名 incidents 不符/);
  });

  test('a snapshot cut off after its records is refused as truncated, not read as empty', async () => {
    const dir = await seeded(10);
    const file = path.join(dir, 'incidents.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.indexOf('\n],')));
    const err = await openError(dir);
    expect(err.code).toBe('E-STORE-CORRUPT');
    expect(err.message).toMatch(/快照不完整（文件被截断）/);
  });

  test('when small enough, a snapshot not laid out as written is read whole, as before', async () => {
    SNAPSHOT_READ.fallbackBytes = saved.fallbackBytes;
    const dir = await seeded(3);
    const file = path.join(dir, 'incidents.json');
    const snap = JSON.parse(await readFile(file, 'utf8')) as { records: unknown[] };
    // Pretty-printed by an editor: still the same records, but no longer one per line (so its checksum differs).
    await writeFile(file, JSON.stringify(snap, null, 2));
    const err = await openError(dir);
    expect(err.details[0]?.code).toBe('E-STORE-CHECKSUM');
  });
});

describe('closed years opened at their first access', () => {
  test('isClosedYearShard: case shards of the years before now, nothing else', () => {
    const now = Date.parse('2026-01-01T00:30:00+08:00');
    expect(isClosedYearShard('cases-2025', now)).toBe(true);
    expect(isClosedYearShard('cases-2026', now)).toBe(false);
    expect(isClosedYearShard('complaints', now)).toBe(false);
  });

  test('a closed year is not read at start, loads on first access, and takes writes', async () => {
    const dir = path.join(await tempDir(), 'data');
    let store = await RecordStore.open(dir, { specFor });
    for (const y of ['incidents-2024', 'incidents-2025']) await store.exclusive(() => store.collection<IncidentRecord>(y).put(incident(1, y)));
    await store.close();
    const lazy = (n: string): boolean => n === 'incidents-2024';
    store = await RecordStore.open(dir, { specFor, lazy });
    expect(store.names()).toEqual(['incidents-2024', 'incidents-2025']);
    expect(store.loadedNames()).toEqual(['incidents-2025']);
    expect(store.collection<IncidentRecord>('incidents-2024').get('J2026-00001')?.note).toBe('incidents-2024');
    expect(store.loadedNames()).toEqual(['incidents-2024', 'incidents-2025']);
    await store.exclusive(() => store.collection<IncidentRecord>('incidents-2024').put(incident(2)));
    await store.close();
    // A write to a closed year not read yet loads it first.
    store = await RecordStore.open(dir, { specFor, lazy });
    await store.exclusive(() => store.collection<IncidentRecord>('incidents-2024').put(incident(3)));
    expect(store.collection('incidents-2024').size).toBe(3);
    await store.close();
    store = await RecordStore.open(dir, { specFor, readonly: true });
    expect(store.collection('incidents-2024').size).toBe(3);
    await store.close();
  });

  test('a damaged closed year does not stop the start; its first access is refused with the location', async () => {
    const dir = path.join(await tempDir(), 'data');
    let store = await RecordStore.open(dir, { specFor });
    for (const y of ['incidents-2024', 'incidents-2025']) await store.exclusive(() => store.collection<IncidentRecord>(y).put(incident(1, y)));
    await store.close();
    await writeFile(path.join(dir, 'incidents-2024.log'), '{"seq":1,"op":"put"\n');
    store = await RecordStore.open(dir, { specFor, lazy: (n) => n === 'incidents-2024' });
    expect(store.collection('incidents-2025').size).toBe(1);
    const read = (): unknown => store.collection('incidents-2024').get('J2026-00001');
    expect(read).toThrow(RecordsError);
    try {
      read();
    } catch (e) {
      expect((e as RecordsError).code).toBe('E-STORE-CORRUPT');
      expect((e as RecordsError).details[0]).toMatchObject({ file: path.join(dir, 'incidents-2024.log'), line: 1 });
    }
    await expect(store.exclusive(() => store.collection<IncidentRecord>('incidents-2024').put(incident(2)))).rejects.toThrow(RecordsError);
    await store.close();
    // Nothing was changed on disk.
    expect(await readFile(path.join(dir, 'incidents-2024.log'), 'utf8')).toBe('{"seq":1,"op":"put"\n');
  });
});

describe('a data directory written before streamed snapshots (test/fixtures/records-v1)', () => {
  test('opens: the closed year on first access, the log entries not yet folded applied', async () => {
    SNAPSHOT_READ.fallbackBytes = 0;
    const dir = await tempDir();
    await cp(V1, dir, { recursive: true });
    const records = await openRecords(dir, await samplePack(), { lazy: (n) => n === 'cases-2025' });
    try {
      expect(records.cases.years()).toEqual([2025, 2026]);
      expect(records.cases.get('2026-000001')?.events.map((e) => e.type)).toEqual(['received', 'accepted', 'suspended', 'resumed']);
      expect(records.cases.get('2026-000003')?.events.at(-1)?.type).toBe('completed');
      expect(records.cases.get('2025-000002')?.events.at(-1)?.type).toBe('completed');
      expect(records.cases.size).toBe(7);
      await records.cases.addEvent('2025-000001', { type: 'completed', staff: 'chen-li', at: '2025-11-21T10:00:00+08:00' });
    } finally {
      await records.close();
    }
    const again = await openRecords(dir, await samplePack(), { readonly: true });
    try {
      expect(again.cases.get('2025-000001')?.events.at(-1)?.type).toBe('completed');
      expect(again.cases.get('2026-000001')?.events).toHaveLength(4);
    } finally {
      await again.close();
    }
  });
});

describe('compaction outside the write queue', () => {
  test('a write that makes the log due returns before the snapshot is written; writes go on meanwhile', async () => {
    COMPACTION.backgroundAboveBytes = 0;
    COMPACTION.maxLogBytes = 2_000;
    const dir = await seeded(200);
    const store = await RecordStore.open(dir, { specFor, compactAfterBytes: 2_000 });
    const c = store.collection<IncidentRecord>('incidents');
    const running = (): boolean => (c as unknown as { job: unknown }).job !== null;
    let seen = 0;
    // Each log line is ~200 bytes: a compaction is due every ~10 writes, and runs beside them.
    for (let i = 201; i <= 400; i++) {
      await store.exclusive(() => c.put(incident(i)));
      if (running()) seen++;
    }
    expect(seen).toBeGreaterThan(10);
    expect(c.size).toBe(400);
    await store.close();
    expect(store.warnings.filter((w) => w.includes('整理日志失败'))).toEqual([]);
    const back = await RecordStore.open(dir, { specFor, readonly: true });
    expect(back.collection('incidents').size).toBe(400);
    expect(back.collection('incidents').lastSeq).toBe(400);
    await back.close();
    expect((await readFile(path.join(dir, 'incidents.json'), 'utf8')).startsWith('{"format":3,"collection":"incidents","seq":400,"count":400,')).toBe(true);
    expect(await readFile(path.join(dir, 'incidents.log'), 'utf8')).toBe('');
  });

  test('a crash after the new snapshot and before the log is folded loses nothing; later writes keep their place', async () => {
    COMPACTION.backgroundAboveBytes = 0;
    COMPACTION.maxLogBytes = 2_000;
    const dir = await seeded(100);
    const store = await RecordStore.open(dir, { specFor, compactAfterBytes: 2_000 });
    const c = store.collection<IncidentRecord>('incidents');
    const running = (): boolean => (c as unknown as { job: unknown }).job !== null;
    let i = 100;
    while (!running()) await store.exclusive(() => c.put(incident(++i)));
    const due = i;
    // The queue is held: the log cannot be folded, while the snapshot is written beside it.
    let release!: () => void;
    const hold = store.exclusive(() => new Promise<void>((r) => (release = r)));
    const snapFile = path.join(dir, 'incidents.json');
    for (let n = 0; n < 500 && !(await readFile(snapFile, 'utf8')).includes(`"seq":${due},`); n++) await new Promise((r) => setTimeout(r, 10));
    expect(await readFile(snapFile, 'utf8')).toContain(`"seq":${due},`);
    const crashed = path.join(await tempDir(), 'crashed');
    await cp(dir, crashed, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    release();
    await hold;
    // Writes made while the snapshot was written stay in the log after it is folded.
    await store.exclusive(() => c.put(incident(++i)));
    await store.exclusive(() => c.put(incident(++i)));
    const copy2 = path.join(await tempDir(), 'crashed2');
    await cp(dir, copy2, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    await store.close();
    for (const [d, n] of [[crashed, due], [copy2, i], [dir, i]] as const) {
      const s = await RecordStore.open(d, { specFor, readonly: true });
      expect(s.collection('incidents').size).toBe(n);
      expect(s.collection('incidents').lastSeq).toBe(n);
      await s.close();
    }
  });
});
