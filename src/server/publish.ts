/**
 * Writing a set of rule-pack files all or none, even across a crash between files.
 *
 *  1. every new content is written and fsynced to a hidden staging file beside its target (same
 *     directory, so the final rename is atomic) and stored in pack-blobs/;
 *  2. the journal (<data>/pack-publish.journal.json: each file's target, staging name, hash
 *     before and after, and the publication record) is written durably: the commit point;
 *  3. each staging file is renamed over its target (deleted files are unlinked), directories fsynced;
 *  4. the publication is recorded, then the journal removed.
 *
 * On start, before the pack is loaded, `recoverPublish` rolls a journal found there forward (the
 * staging files, or the blobs, hold every new content) and removes staging files left by a
 * publish that crashed before its commit point. The pack on disk is then wholly the old one or
 * wholly the new one.
 */
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { PackPublicationRecord } from '../pack/index.ts';
import { syncDirectory, writeDurably, writeSynced } from './durable-write.ts';
import type { PackBlobs } from './pack-blobs.ts';
import { sha256 } from './pack-files.ts';

export const JOURNAL = 'pack-publish.journal.json';
const STAGE_PREFIX = '.bianmin-publish-';

/** One file to publish: its new content, or null to delete it. */
export interface FileWrite {
  readonly path: string;
  readonly bytes: Uint8Array | null;
}

interface JournalFile {
  readonly path: string;
  /** Staging file name (in the target's directory), null for a deletion. */
  readonly stage: string | null;
  readonly before: string | null;
  readonly after: string | null;
}

interface Journal {
  readonly id: string;
  readonly files: readonly JournalFile[];
  readonly record: PackPublicationRecord;
}

/** A pause between files (test/server/workbench-crash kills the process in the middle of a publish). Never set in service. */
function testPause(): number {
  const ms = Number(process.env.BIANMIN_TEST_PUBLISH_PAUSE_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function target(rules: string, rel: string): string {
  return path.join(rules, ...rel.split('/'));
}

/**
 * Publishes `writes` into the pack at `rules`. `record` is called once every file is in place
 * (to record the publication); the journal goes after it. Throws (with the pack unchanged) if a
 * file cannot be staged.
 */
export async function writeAll(
  rules: string,
  dataDir: string,
  blobs: PackBlobs,
  writes: readonly FileWrite[],
  publication: PackPublicationRecord,
  record: (r: PackPublicationRecord) => Promise<void>,
): Promise<void> {
  const files: JournalFile[] = [];
  const staged: string[] = [];
  try {
    for (const [n, w] of writes.entries()) {
      const abs = target(rules, w.path);
      const current = await readFile(abs).catch(() => null);
      const before = current ? await blobs.put(current) : null;
      if (w.bytes === null) {
        files.push({ path: w.path, stage: null, before, after: null });
        continue;
      }
      const after = await blobs.put(w.bytes);
      const stage = `${STAGE_PREFIX}${publication.id}-${n}`;
      await mkdir(path.dirname(abs), { recursive: true });
      const stagePath = path.join(path.dirname(abs), stage);
      staged.push(stagePath);
      await writeSynced(stagePath, w.bytes);
      files.push({ path: w.path, stage, before, after });
    }
    for (const dir of new Set(staged.map((s) => path.dirname(s)))) await syncDirectory(dir);
  } catch (e) {
    for (const s of staged) await unlink(s).catch(() => undefined);
    throw e;
  }
  const journal: Journal = { id: publication.id, files, record: publication };
  await writeDurably(path.join(dataDir, JOURNAL), `${JSON.stringify(journal)}\n`);
  // Committed: from here on the publication happens, now or at the next start.
  try {
    await rollForward(rules, blobs, journal);
  } catch (e) {
    // A file could not be put in place (disk full, permissions): put back what was there.
    await rollBack(rules, blobs, journal);
    await removeJournal(dataDir);
    throw e;
  }
  await record(publication);
  await removeJournal(dataDir);
}

/** Restores every file of the journal to its content before (removing added ones). */
async function rollBack(rules: string, blobs: PackBlobs, journal: Journal): Promise<void> {
  for (const f of journal.files) {
    const abs = target(rules, f.path);
    if (f.stage) await unlink(path.join(path.dirname(abs), f.stage)).catch(() => undefined);
    if (f.before === null) {
      await unlink(abs).catch(() => undefined);
      continue;
    }
    const now = await readFile(abs).catch(() => null);
    if (now && sha256(now) === f.before) continue;
    const bytes = await blobs.get(f.before);
    if (bytes) await writeDurably(abs, bytes);
  }
}

/** Puts every file of the journal in place (idempotent: a file already renamed is checked against its hash). */
async function rollForward(rules: string, blobs: PackBlobs, journal: Journal): Promise<void> {
  const pause = testPause();
  const dirs = new Set<string>();
  for (const f of journal.files) {
    if (pause) await sleep(pause);
    const abs = target(rules, f.path);
    dirs.add(path.dirname(abs));
    if (f.after === null) {
      await unlink(abs).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      continue;
    }
    const stagePath = path.join(path.dirname(abs), f.stage!);
    try {
      await rename(stagePath, abs);
      continue;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    // Renamed before a crash, or the staging file lost: the target must hold the new content.
    const now = await readFile(abs).catch(() => null);
    if (now && sha256(now) === f.after) continue;
    const bytes = await blobs.get(f.after);
    if (!bytes) throw new Error(`pack-blobs 中缺少 ${f.path} 的新内容（${f.after}）`);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeDurably(abs, bytes);
  }
  for (const dir of dirs) await syncDirectory(dir).catch(() => undefined);
}

async function removeJournal(dataDir: string): Promise<void> {
  await unlink(path.join(dataDir, JOURNAL)).catch(() => undefined);
  await syncDirectory(dataDir).catch(() => undefined);
}

/** A publication rolled forward at start, still to be recorded once the records are open. */
export interface Recovered {
  readonly record: PackPublicationRecord;
  /** Removes the journal (after the record is stored). */
  done(): Promise<void>;
}

/**
 * Called before the pack is loaded: completes a publish interrupted after its commit point and
 * removes staging files of one interrupted before it. Returns the publication still to record.
 */
export async function recoverPublish(rules: string, dataDir: string, blobs: PackBlobs): Promise<Recovered | null> {
  const text = await readFile(path.join(dataDir, JOURNAL), 'utf8').catch(() => null);
  let recovered: Recovered | null = null;
  if (text !== null) {
    let journal: Journal | null = null;
    try {
      journal = JSON.parse(text) as Journal;
    } catch {
      // A journal is written by rename: a damaged one was never committed.
      journal = null;
    }
    if (journal) {
      await rollForward(rules, blobs, journal);
      const record = journal.record;
      recovered = { record, done: () => removeJournal(dataDir) };
    } else {
      await removeJournal(dataDir);
    }
  }
  await removeStaging(rules);
  return recovered;
}

/** Staging files of publishes that never reached their commit point. */
async function removeStaging(rules: string): Promise<void> {
  const entries = await readdir(rules, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.isFile() && e.name.startsWith(STAGE_PREFIX)) await unlink(path.join(e.parentPath, e.name)).catch(() => undefined);
  }
}
