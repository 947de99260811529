import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, expect } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import type { Application, Decision } from '../../src/pack/schema-types.ts';
export { completeApplication } from './applications.ts';
import { openRecords, RecordsError, type OpenRecordsOptions, type Records } from '../../src/records/index.ts';

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

export async function openTemp(pack: Pack, options: OpenRecordsOptions = {}): Promise<{ records: Records; dir: string }> {
  const dir = path.join(await tempDir(), 'data');
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

/** The RecordsError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function refusal(promise: Promise<unknown>): Promise<RecordsError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordsError);
  return err as RecordsError;
}
