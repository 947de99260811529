/**
 * Drafts of the rule pack, kept in <data>/drafts/<id>/: `meta.json` (name, owner, times, the pack
 * version it was opened on, which files it writes and which it deletes), `base.json` (the etag of
 * every pack file when it was opened, for the conflict check at publish) and `files/<path>` (the
 * draft's own content of each file it writes). Everything is written durably, so drafts survive a
 * restart; several may exist side by side. Changes to one draft are applied one at a time.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { formatInstant } from '../calendar/index.ts';
import { writeDurably } from './durable-write.ts';
import { HttpError } from './http-error.ts';

export const DRAFTS_DIR = 'drafts';
export const DRAFT_ID = /^[0-9a-f]{12}$/;

/** A draft as the API shows it. */
export interface Draft {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly created: string;
  readonly updated: string;
  /** The pack version when it was opened. */
  readonly base: string;
  /** Paths the draft writes or deletes, sorted. */
  readonly changed: readonly string[];
}

interface Meta {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly created: string;
  readonly updated: string;
  readonly base: string;
  readonly written: readonly string[];
  readonly deleted: readonly string[];
}

/**
 * What evaluating a set of pack changes needs (a draft, or the state a rollback restores): an id for
 * caches, a revision they key on, and the files that differ from the pack on disk.
 */
export interface DraftState {
  readonly meta: { readonly id: string };
  readonly revision: string;
  readonly overlay: ReadonlyMap<string, string | null>;
}

export interface DraftRecord extends DraftState {
  readonly meta: Meta;
  readonly draft: Draft;
  /** The etag of each pack file when the draft was opened. */
  readonly baseEtags: ReadonlyMap<string, string>;
  /** Pack-relative path → the draft's copy, or null for a deleted file. */
  readonly overlay: ReadonlyMap<string, string | null>;
  /** Bumped with every change: caches of validation results key on it. */
  readonly revision: string;
}

export interface NewDraft {
  readonly name: string;
  readonly owner: string;
  readonly base: string;
  readonly baseEtags: ReadonlyMap<string, string>;
  /** Files the draft starts with (a scaffolded pack), and pack files it starts by deleting. */
  readonly files?: ReadonlyMap<string, string>;
  readonly deleted?: readonly string[];
}

export class DraftStore {
  readonly dir: string;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly cache = new Map<string, DraftRecord>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, DRAFTS_DIR);
  }

  private draftDir(id: string): string {
    return path.join(this.dir, id);
  }

  /** The draft's copy of `rel` (inside its files/ folder). */
  fileOf(id: string, rel: string): string {
    return path.join(this.draftDir(id), 'files', ...rel.split('/'));
  }

  /** Runs `fn` after every earlier change of the same draft. */
  private serial<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  async create(input: NewDraft): Promise<DraftRecord> {
    const id = randomBytes(6).toString('hex');
    const now = formatInstant(Date.now());
    const written = [...(input.files?.keys() ?? [])].sort();
    for (const [rel, text] of input.files ?? []) await writeDurably(this.fileOf(id, rel), text);
    await writeDurably(path.join(this.draftDir(id), 'base.json'), `${JSON.stringify(Object.fromEntries(input.baseEtags))}\n`);
    const meta: Meta = { id, name: input.name, owner: input.owner, created: now, updated: now, base: input.base, written, deleted: [...(input.deleted ?? [])].filter((d) => !written.includes(d)).sort() };
    await this.saveMeta(meta);
    return (await this.get(id))!;
  }

  async list(): Promise<Draft[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: Draft[] = [];
    for (const id of names.filter((n) => DRAFT_ID.test(n))) {
      const r = await this.get(id);
      if (r) out.push(r.draft);
    }
    return out.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  }

  async get(id: string): Promise<DraftRecord | null> {
    if (!DRAFT_ID.test(id)) return null;
    const cached = this.cache.get(id);
    if (cached) return cached;
    const metaText = await readFile(path.join(this.draftDir(id), 'meta.json'), 'utf8').catch(() => null);
    if (metaText === null) return null;
    const meta = JSON.parse(metaText) as Meta;
    const baseText = await readFile(path.join(this.draftDir(id), 'base.json'), 'utf8').catch(() => '{}');
    const baseEtags = new Map(Object.entries(JSON.parse(baseText) as Record<string, string>));
    const record = this.recordOf(meta, baseEtags);
    this.cache.set(id, record);
    return record;
  }

  /** The draft or 404 at params.id. */
  async require(id: string): Promise<DraftRecord> {
    const r = await this.get(id);
    if (!r) throw HttpError.of('E-DRAFT-NOT-FOUND', { id }, { path: 'params.id' });
    return r;
  }

  async remove(id: string): Promise<void> {
    await this.require(id);
    await this.serial(id, () => this.discard(id));
  }

  /**
   * Runs `fn` with the draft held: no change to it runs meanwhile (a publish reads, tests, writes and
   * removes one state of the draft, never a mix). Inside, remove it with `discard`, not `remove`.
   */
  hold<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.serial(id, fn);
  }

  /** Removes a held draft (see `hold`). */
  async discard(id: string): Promise<void> {
    this.cache.delete(id);
    await rm(this.draftDir(id), { recursive: true, force: true });
  }

  /** Writes the draft's content of `rel`; `same` (the text equals the pack's and nothing else differs) drops it from the draft instead. */
  write(id: string, rel: string, bytes: Uint8Array, same: boolean): Promise<DraftRecord> {
    return this.serial(id, async () => {
      const { meta } = await this.require(id);
      if (same) {
        await unlink(this.fileOf(id, rel)).catch(() => undefined);
        return this.saveMeta({ ...meta, written: meta.written.filter((w) => w !== rel), deleted: meta.deleted.filter((d) => d !== rel) });
      }
      await writeDurably(this.fileOf(id, rel), bytes);
      return this.saveMeta({ ...meta, written: [...new Set([...meta.written, rel])].sort(), deleted: meta.deleted.filter((d) => d !== rel) });
    });
  }

  /** Deletes `rel` in the draft: a file the pack has is marked deleted; one only the draft added is simply dropped. */
  delete(id: string, rel: string, inPack: boolean): Promise<DraftRecord> {
    return this.serial(id, async () => {
      const { meta } = await this.require(id);
      await unlink(this.fileOf(id, rel)).catch(() => undefined);
      const deleted = inPack ? [...new Set([...meta.deleted, rel])].sort() : meta.deleted.filter((d) => d !== rel);
      return this.saveMeta({ ...meta, written: meta.written.filter((w) => w !== rel), deleted });
    });
  }

  private async saveMeta(meta: Meta): Promise<DraftRecord> {
    const updated: Meta = { ...meta, updated: formatInstant(Date.now()) };
    await writeDurably(path.join(this.draftDir(meta.id), 'meta.json'), `${JSON.stringify(updated, null, 1)}\n`);
    const prev = this.cache.get(meta.id);
    const baseEtags = prev?.baseEtags ?? (await this.get(meta.id))?.baseEtags ?? new Map<string, string>();
    const record = this.recordOf(updated, baseEtags);
    this.cache.set(meta.id, record);
    return record;
  }

  private recordOf(meta: Meta, baseEtags: ReadonlyMap<string, string>): DraftRecord {
    const overlay = new Map<string, string | null>();
    for (const rel of meta.written) overlay.set(rel, this.fileOf(meta.id, rel));
    for (const rel of meta.deleted) overlay.set(rel, null);
    const changed = [...overlay.keys()].sort();
    const draft: Draft = { id: meta.id, name: meta.name, owner: meta.owner, created: meta.created, updated: meta.updated, base: meta.base, changed };
    return { meta, draft, baseEtags, overlay, revision: `${meta.updated}|${changed.join(',')}|${revisionCounter++}` };
  }
}

let revisionCounter = 0;
