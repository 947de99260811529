// Compact snapshots (format 3): what repeats across a year's cases — the material list and trace of
// every decision on one item version — is written once per snapshot, and the records read back are
// the records written, byte for byte as JSON. Older formats still load and are rewritten compact.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CaseRecord } from '../../src/pack/index.ts';
import { CASE_SHARED, caseSpec } from '../../src/records/cases.ts';
import type { CollectionSpec } from '../../src/records/collection.ts';
import { LOCK_FILE } from '../../src/records/lock.ts';
import { SharedReader, SharedWriter } from '../../src/records/shared-values.ts';
import { RecordStore } from '../../src/records/store.ts';
import { writeRegister } from '../scenarios/recorded-register.ts';
import { refusal, samplePack, tempDir } from './helpers.ts';

const specFor = (name: string): CollectionSpec<unknown> | null => (/^cases-\d{4}$/.test(name) ? (caseSpec() as CollectionSpec<unknown>) : null);
const V1 = fileURLToPath(new URL('../fixtures/records-v1', import.meta.url));
const YEAR = 2025;
const NAME = `cases-${YEAR}`;

async function registerOf(count: number): Promise<string> {
  const dir = path.join(await tempDir(), 'data');
  await writeRegister(dir, await samplePack(), [{ year: YEAR, count }]);
  return dir;
}

async function casesIn(dir: string, name = NAME): Promise<CaseRecord[]> {
  const store = await RecordStore.open(dir, { specFor, readonly: true });
  try {
    return [...store.collection<CaseRecord>(name).values()];
  } finally {
    await store.close();
  }
}

describe('compact snapshots', () => {
  test('a year of cases written by the store repeats no material list or trace, and reads back unchanged', async () => {
    const cases = await casesIn(await registerOf(240));
    expect(cases).toHaveLength(240);
    // Through the store's own log and compaction.
    const dir = path.join(await tempDir(), 'data');
    const store = await RecordStore.open(dir, { specFor, compactAfterBytes: 1 << 30 });
    for (const c of cases) await store.exclusive(() => store.collection<CaseRecord>(NAME).put(JSON.parse(JSON.stringify(c)) as CaseRecord));
    await store.close();
    const text = await readFile(path.join(dir, `${NAME}.json`), 'utf8');
    expect(text.startsWith(`{"format":3,"collection":"${NAME}"`)).toBe(true);
    const full = cases.map((c) => JSON.stringify(c)).join('\n').length;
    // Each distinct material entry and trace line once: the file is a fraction of the records' JSON.
    expect(text.length).toBeLessThan(full / 3);
    const name = cases[0]!.decision.materials[0]!.name;
    expect(text.split(JSON.stringify(name)).length - 1).toBeLessThan(10);
    const back = await casesIn(dir);
    expect(back.map((c) => JSON.stringify(c))).toEqual(cases.map((c) => JSON.stringify(c)));
    // Read back, a repeated part is one object for every case that has it.
    expect(back[0]!.decision.materials[0]).toBe(back[100]!.decision.materials[0]);
    expect(Object.isFrozen(back[0]!.decision.trace[0])).toBe(true);
  });

  test('a register of format 2 opens as it is and its writer rewrites it compact, the cases unchanged', async () => {
    const dir = path.join(await tempDir(), 'data');
    await cp(V1, dir, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    const before = (await casesIn(dir, 'cases-2026')).map((c) => JSON.stringify(c));
    expect(before.length).toBeGreaterThan(0);
    expect((await readFile(path.join(dir, 'cases-2026.json'), 'utf8')).startsWith('{"format":2,')).toBe(true);
    const store = await RecordStore.open(dir, { specFor });
    await store.collection('cases-2026').compact(true);
    await store.close();
    const text = await readFile(path.join(dir, 'cases-2026.json'), 'utf8');
    expect(text.startsWith('{"format":3,')).toBe(true);
    expect(text).toContain('"$shared":[');
    expect((await casesIn(dir, 'cases-2026')).map((c) => JSON.stringify(c))).toEqual(before);
  });

  test('a reference to a shared part that is not in the file is located by line and path', async () => {
    const dir = await registerOf(12);
    const file = path.join(dir, `${NAME}.json`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    // Line 7 holds the 6th case (index 5), its material list by reference only.
    expect(lines[6]).toContain('"materials":[0,1,');
    lines[6] = lines[6]!.replace(/"materials":\[\d+/, '"materials":[99999');
    await writeFile(file, lines.join('\n'));
    const e = await refusal(RecordStore.open(dir, { specFor, readonly: true }).then((s) => s.close()));
    expect(e.code).toBe('E-STORE-CORRUPT');
    expect(e.message).toContain(`${NAME}.json:7:`);
    expect(e.message).toContain('records[5].decision.materials[0]');
    expect(e.message).toContain('引用的共享内容 99999 不存在');
  });

  test('a shared part made invalid is reported where it is written, and every case using it fails', async () => {
    const dir = await registerOf(12);
    const file = path.join(dir, `${NAME}.json`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[1]).toContain('"$shared":[{"id":"application"');
    lines[1] = lines[1]!.replace('"necessity":"core"', '"necessity":"bogus"');
    await writeFile(file, lines.join('\n'));
    const e = await refusal(RecordStore.open(dir, { specFor, readonly: true }).then((s) => s.close()));
    expect(e.code).toBe('E-STORE-CORRUPT');
    expect(e.message).toContain(`${NAME}.json:2:`);
    expect(e.message).toContain('records[0].decision.materials[0].necessity');
    expect(e.message).toContain('records[11].decision.materials[0].necessity');
  });

  test('every array a case shares holds objects only (a number there is a reference)', async () => {
    const schema = JSON.parse(await readFile(new URL('../../schemas/decision.schema.json', import.meta.url), 'utf8')) as { properties: Record<string, { type?: unknown; items?: { type?: string; $ref?: string }; properties?: Record<string, { type?: unknown; items?: { type?: string; $ref?: string } }> }>; $defs: Record<string, { type?: string }> };
    for (const { path: p, items: [file, pointer] } of CASE_SHARED) {
      expect(p[0]).toBe('decision');
      const node = p.length === 2 ? schema.properties[p[1]!]! : schema.properties[p[1]!]!.properties![p[2]!]!;
      // Nothing about the array but its elements: valid with it empty and each element valid is valid.
      expect(Object.keys(node).filter((k) => k !== 'type' && k !== 'items' && k !== 'description'), p.join('.')).toEqual([]);
      expect(node.type).toBe('array');
      const items = node.items!;
      const type = items.$ref ? schema.$defs[items.$ref.replace('#/$defs/', '')]!.type : items.type;
      expect(type, p.join('.')).toBe('object');
      expect([file, pointer]).toEqual(['decision', p.length === 2 ? `/properties/${p[1]}/items` : `/properties/${p[1]}/properties/${p[2]}/items`]);
    }
  });

  test('only object elements of the named arrays are shared; anything else stays in place', () => {
    const paths = [{ path: ['d', 'list'], items: ['decision', '/properties/trace/items'] as const }];
    const w = new SharedWriter(paths);
    const r = new SharedReader(paths);
    const a = { id: 'a', d: { list: [{ x: 1 }, 'text', null, { x: 1 }], other: [{ x: 1 }] } };
    const b = { id: 'b', d: { list: [{ x: 1 }, { x: 2 }] } };
    const c = { id: 'c', d: { list: 'not an array' } };
    const stored = [a, b, c].map((x) => JSON.parse(JSON.stringify(w.encode(x))) as unknown);
    expect(stored[0]).toEqual({ $shared: [{ x: 1 }], id: 'a', d: { list: [0, 'text', null, 0], other: [{ x: 1 }] } });
    expect(stored[1]).toEqual({ $shared: [{ x: 2 }], id: 'b', d: { list: [0, 1] } });
    expect(stored[2]).toEqual(c);
    expect(stored.map((s) => r.decode(s))).toEqual([a, b, c].map((record) => ({ record })));
  });
});
