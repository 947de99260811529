import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, expect } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import type { Application, Decision } from '../../src/pack/schema-types.ts';
export { completeApplication } from './applications.ts';
import { openRecords, RecordsError, type OpenRecordsOptions, type Records } from '../../src/records/index.ts';
import { isDatabaseUrl } from '../../src/records/index.ts';
import { freshDatabaseUrl, hasPostgres, withDatabase } from '../support/postgres.ts';

export const RULES = fileURLToPath(new URL('../../rules', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let sample: Promise<Pack> | null = null;

/** The bundled sample pack (rules/), loaded once per test file. */
export function samplePack(): Promise<Pack> {
  sample ??= loadPack(RULES);
  return sample;
}

const created: string[] = [];
// Registered when a test file imports this module: its temporary directories go with it.
afterAll(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(prefix = 'bianmin-records-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A copy of the sample pack with policy.yaml edited as text (a YAML edit, not a code change). */
export async function editedPack(edit: (policyYaml: string) => string): Promise<Pack> {
  const dir = path.join(await tempDir('bianmin-pack-'), 'rules');
  await cp(RULES, dir, { recursive: true });
  const file = path.join(dir, 'policy.yaml');
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('policy.yaml edit changed nothing');
  await writeFile(file, after);
  return loadPack(dir);
}

export async function decided(pack: Pack, application: Application, kind: Decision['kind']): Promise<Decision> {
  const d = await pack.decide(application);
  if (d.kind !== kind) throw new Error(`expected a ${kind} decision, got ${d.kind}: ${d.reasons.map((r) => r.message).join('; ')}`);
  return d;
}

/**
 * Which backend the records suites run on: a data directory (default), or PostgreSQL when
 * BIANMIN_RECORDS_BACKEND=postgres (`npm run test:postgres`), each test in a schema of its own.
 */
export const BACKEND: 'lowdb' | 'postgres' = process.env.BIANMIN_RECORDS_BACKEND === 'postgres' ? 'postgres' : 'lowdb';
if (BACKEND === 'postgres' && !hasPostgres) throw new Error('BIANMIN_RECORDS_BACKEND=postgres needs BIANMIN_TEST_PG (a postgres:// URL)');
/** For tests of the data directory's files themselves (snapshots, logs, the lock): skipped on PostgreSQL. */
export const onLowdb = BACKEND === 'lowdb';

/** A new, empty place for records on the backend under test: a directory path or a database URL. */
export async function freshLocation(): Promise<string> {
  return BACKEND === 'postgres' ? freshDatabaseUrl() : path.join(await tempDir(), 'data');
}

export async function openTemp(pack: Pack, options: OpenRecordsOptions = {}): Promise<{ records: Records; dir: string }> {
  const dir = await freshLocation();
  return { records: await openRecords(dir, pack, options), dir };
}

/** Data directories on the sample pack for one test file; every handle opened is closed after each test. */
export interface RecordsPerTest {
  /** A new, empty data directory. */
  fresh(): Promise<{ records: Records; dir: string }>;
  /** Closes the last handle opened and opens `dir` again, as a restart of the service does. */
  reopen(dir: string): Promise<Records>;
}

/** Call at the top level of a test file. */
export function recordsPerTest(): RecordsPerTest {
  const open: Records[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  return {
    async fresh() {
      const opened = await openTemp(await samplePack());
      open.push(opened.records);
      return opened;
    },
    async reopen(dir) {
      await open.pop()?.close();
      const again = await openRecords(dir, await samplePack());
      open.push(again);
      return again;
    },
  };
}

/** Names of the archived contents stored at `dir` (the data directory's publications/, or the database's bianmin_contents). */
export async function storedContents(dir: string): Promise<string[]> {
  if (!isDatabaseUrl(dir)) return (await readdir(path.join(dir, 'publications')).catch(() => [] as string[])).sort();
  return withDatabase(dir, async (c) => (await c.query<{ name: string }>('SELECT name FROM bianmin_contents ORDER BY name')).rows.map((r) => r.name));
}

/**
 * Alters (or, with null, removes) an archived content behind the store's back, as damage on disk
 * or in the database would; returns where the store says the content is.
 */
export async function tamperContent(records: Records, dir: string, name: string, bytes: string | null): Promise<string> {
  if (!isDatabaseUrl(dir)) {
    const file = path.join(dir, 'publications', name);
    if (bytes === null) await rm(file);
    else await writeFile(file, bytes);
    return file;
  }
  await withDatabase(dir, (c) =>
    bytes === null ? c.query('DELETE FROM bianmin_contents WHERE name = $1', [name]) : c.query('UPDATE bianmin_contents SET bytes = $2 WHERE name = $1', [name, Buffer.from(bytes)]),
  );
  return `${records.dir} 表 bianmin_contents 中的 ${name}`;
}

/** The RecordsError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function refusal(promise: Promise<unknown>): Promise<RecordsError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordsError);
  return err as RecordsError;
}
