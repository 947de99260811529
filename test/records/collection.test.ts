// One register on disk: a snapshot plus an append-only log. What a data officer relies on: an
// acknowledged write is on disk, a crash at any point loses nothing acknowledged, and a damaged
// or hand-edited file is refused with its location instead of being "repaired".
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { IncidentRecord } from '../../src/pack/index.ts';
import type { CollectionSpec } from '../../src/records/collection.ts';
import { incidentSpec } from '../../src/records/incidents.ts';
import { RecordsError } from '../../src/records/index.ts';
import { LOCK_FILE } from '../../src/records/lock.ts';
import { RecordStore } from '../../src/records/store.ts';
import { tempDir } from './helpers.ts';

const specFor = (name: string): CollectionSpec<unknown> | null => (name === 'incidents' ? (incidentSpec() as CollectionSpec<unknown>) : null);

function incident(n: number, note?: string): IncidentRecord {
  return { id: `J2026-${String(n).padStart(5, '0')}`, kind: 'post-left-empty', staff: 'chen-li', at: '2026-11-23T09:30:00+08:00', recordedBy: 'li-xiuying', ...(note ? { note } : {}) };
}

async function openStore(dir: string, compactAfterBytes = 1 << 30, readonly = false): Promise<RecordStore> {
  return RecordStore.open(dir, { specFor, compactAfterBytes, readonly });
}

async function put(store: RecordStore, r: IncidentRecord): Promise<IncidentRecord> {
  return store.exclusive(() => store.collection<IncidentRecord>('incidents').put(r));
}

/** The data directory as a crash would leave it: files as they are, no lock. */
async function crashCopy(dir: string): Promise<string> {
  const to = path.join(await tempDir(), 'crashed');
  await cp(dir, to, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
  return to;
}

async function openError(dir: string): Promise<RecordsError> {
  const err = await openStore(dir).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordsError);
  return err as RecordsError;
}

describe('writes', () => {
  test('an acknowledged write is in the log on disk before the promise resolves', async () => {
    const dir = path.join(await tempDir(), 'data');
    const store = await openStore(dir);
    await put(store, incident(1));
    const log = (await readFile(path.join(dir, 'incidents.log'), 'utf8')).split('\n');
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[0]!)).toMatchObject({ seq: 1, op: 'put', record: { id: 'J2026-00001' } });
    // Replacing a record is a new operation with the next sequence number.
    await put(store, incident(1, '补记'));
    expect(JSON.parse((await readFile(path.join(dir, 'incidents.log'), 'utf8')).split('\n')[1]!)).toMatchObject({ seq: 2, record: { note: '补记' } });
    expect(store.collection<IncidentRecord>('incidents').get('J2026-00001')?.note).toBe('补记');
    expect(store.collection('incidents').size).toBe(1);
    await store.close();
  });

  test('an invalid record is refused with its JSON path, and nothing is written', async () => {
    const dir = path.join(await tempDir(), 'data');
    const store = await openStore(dir);
    await put(store, incident(1));
    const before = await readFile(path.join(dir, 'incidents.log'), 'utf8');
    const err = await put(store, { ...incident(2), kind: 'late' as IncidentRecord['kind'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordsError);
    expect(err).toMatchObject({ code: 'E-RECORD-INVALID', location: { path: '$.kind' } });
    expect((err as RecordsError).message).toMatch(/"late" 不在允许范围内/);
    expect(await readFile(path.join(dir, 'incidents.log'), 'utf8')).toBe(before);
    expect(store.collection('incidents').get('J2026-00002')).toBeUndefined();
    await store.close();
  });

  test('records handed out cannot be changed behind the store\'s back', async () => {
    const store = await openStore(path.join(await tempDir(), 'data'));
    const saved = await put(store, incident(1));
    expect(Object.isFrozen(saved)).toBe(true);
    expect(() => {
      (saved as { note?: string }).note = '改';
    }).toThrow(TypeError);
    expect(store.collection<IncidentRecord>('incidents').get('J2026-00001')?.note).toBeUndefined();
    await store.close();
  });

  test('a read-only opening refuses writes and changes nothing on disk', async () => {
    const dir = path.join(await tempDir(), 'data');
    const writer = await openStore(dir);
    await put(writer, incident(1));
    await writer.close();
    const before = await readFile(path.join(dir, 'incidents.json'), 'utf8');
    const reader = await openStore(dir, 1 << 30, true);
    await expect(put(reader, incident(2))).rejects.toMatchObject({ code: 'E-STORE-READONLY' });
    await reader.close();
    expect(await readFile(path.join(dir, 'incidents.json'), 'utf8')).toBe(before);
  });
});

describe('compaction', () => {
  test('a log grown past the limit is folded into the snapshot, which then names its last operation', async () => {
    const dir = path.join(await tempDir(), 'data');
    const store = await openStore(dir, 600);
    for (let i = 1; i <= 6; i++) await put(store, incident(i));
    const snap = JSON.parse(await readFile(path.join(dir, 'incidents.json'), 'utf8')) as { seq: number; records: unknown[] };
    expect(snap.seq).toBeGreaterThan(0);
    expect(snap.records).toHaveLength(snap.seq);
    // What is not in the snapshot is still in the log: together they hold every write.
    const logLines = (await readFile(path.join(dir, 'incidents.log'), 'utf8')).split('\n').filter(Boolean);
    expect(snap.seq + logLines.length).toBe(6);
    await store.close();
    // Closing folds the rest: one record per line, the log empty.
    expect((await stat(path.join(dir, 'incidents.log'))).size).toBe(0);
    const text = await readFile(path.join(dir, 'incidents.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 3, collection: 'incidents', seq: 6, count: 6, log: { file: 'incidents.log', from: 7 } });
    expect(text.split('\n').filter((l) => l.includes('"id":"J2026-'))).toHaveLength(6);
  });

  test('a crash between writing the snapshot and emptying the log: the entries already in it are skipped', async () => {
    const dir = path.join(await tempDir(), 'data');
    const store = await openStore(dir);
    for (let i = 1; i <= 3; i++) await put(store, incident(i));
    const log = await readFile(path.join(dir, 'incidents.log'), 'utf8');
    await store.close();
    // The snapshot holds all three; the log still has them, plus one later write.
    const crashed = await crashCopy(dir);
    const fourth = JSON.stringify({ seq: 4, op: 'put', record: incident(4) });
    await writeFile(path.join(crashed, 'incidents.log'), `${log}${fourth}\n`);
    const reopened = await openStore(crashed);
    expect([...reopened.collection<IncidentRecord>('incidents').values()].map((r) => r.id)).toEqual(['J2026-00001', 'J2026-00002', 'J2026-00003', 'J2026-00004']);
    expect(reopened.collection('incidents').lastSeq).toBe(4);
    expect(reopened.warnings).toEqual([]);
    await reopened.close();
  });
});

describe('damage is refused, located, and left as it is', () => {
  async function closedWith(n: number): Promise<string> {
    const dir = path.join(await tempDir(), 'data');
    const store = await openStore(dir);
    for (let i = 1; i <= n; i++) await put(store, incident(i));
    await store.close();
    return dir;
  }

  test('a snapshot that belongs to another register', async () => {
    const dir = await closedWith(1);
    const file = path.join(dir, 'incidents.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"collection":"incidents"', '"collection":"reviews"'));
    const err = await openError(dir);
    expect(err.code).toBe('E-STORE-CORRUPT');
    expect(err.details[0]).toMatchObject({ path: '$.collection', line: 1 });
    expect(err.message).toMatch(/快照属于登记簿 reviews，与文件名 incidents 不符/);
  });

  test('the same record number twice in a snapshot', async () => {
    const dir = await closedWith(2);
    const file = path.join(dir, 'incidents.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('J2026-00002', 'J2026-00001'));
    const err = await openError(dir);
    expect(err.details[0]).toMatchObject({ path: '$.records[1]', line: 3 });
    expect(err.message).toMatch(/编号 J2026-00001 重复/);
    expect(await readFile(file, 'utf8')).toBe(text.replace('J2026-00002', 'J2026-00001'));
  });

  test('an empty line or an event on a register that has none, in the log', async () => {
    const dir = path.join(await tempDir(), 'data');
    await openStore(dir).then((s) => s.close());
    await writeFile(path.join(dir, 'incidents.log'), `${JSON.stringify({ seq: 1, op: 'put', record: incident(1) })}\n\n`);
    expect((await openError(dir)).details[0]).toMatchObject({ line: 2, message: expect.stringMatching(/空行/) });
    await writeFile(path.join(dir, 'incidents.log'), `${JSON.stringify({ seq: 1, op: 'put', record: incident(1) })}\n${JSON.stringify({ seq: 2, op: 'event', id: 'J2026-00001', event: { type: 'accepted' } })}\n`);
    const err = await openError(dir);
    expect(err.details[0]).toMatchObject({ line: 2, path: '$.op' });
    expect(err.message).toMatch(/该登记簿没有环节（event）操作/);
  });

  test('every problem is listed, up to twenty', async () => {
    const dir = await closedWith(25);
    const file = path.join(dir, 'incidents.json');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('"kind":"post-left-empty"', '"kind":"late"'));
    const err = await openError(dir);
    expect(err.details).toHaveLength(20);
    expect(err.details.map((p) => p.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });
});
