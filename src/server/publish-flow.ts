/**
 * Publishing a draft and rolling back to an earlier version (admin): the checks (valid, no file
 * changed on disk since the draft was opened, scenarios passing or a confirmed reason), the
 * all-or-none write (publish.ts), one hot reload, and the publication record.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatInstant } from '../calendar/index.ts';
import { renderMessage } from '../core/index.ts';
import type { PackPublicationRecord } from '../pack/index.ts';
import { packPublicationId } from '../records/index.ts';
import type { Caller } from './auth.ts';
import { testDraft, unified } from './draft-eval.ts';
import type { DraftRecord } from './drafts-store.ts';
import { HttpError } from './http-error.ts';
import { etagOf, sha256, versionOf } from './pack-files.ts';
import { writeAll, type FileWrite } from './publish.ts';
import type { RecordsHolder } from './records-holder.ts';
import { invalidDraft, type Workbench } from './workbench.ts';

/** A publication as the API shows it (without the internal manifest hashes). */
export type Publication = Omit<PackPublicationRecord, 'manifestBefore' | 'manifestAfter' | 'files'> & { readonly files: ReadonlyArray<{ path: string; change: 'added' | 'changed' | 'deleted' }> };

export function publicationView(r: PackPublicationRecord): Publication {
  const { manifestBefore: _b, manifestAfter: _a, files, ...rest } = r;
  return { ...rest, files: files.map((f) => ({ path: f.path, change: f.change })) };
}

let chain: Promise<unknown> = Promise.resolve();

/** One publish or rollback at a time (per process: the data directory has one writer). */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const next = chain.then(fn, fn);
  chain = next.catch(() => undefined);
  return next;
}

/** 409 E-DRAFT-CONFLICT with the etags of both sides, sent directly: its details carry more than the common shape. */
export function sendConflict(request: FastifyRequest, reply: FastifyReply, conflicts: ReadonlyArray<{ path: string; draftBase: string | null; disk: string | null }>): FastifyReply {
  const files = conflicts.map((c) => c.path).join('、');
  const message = renderMessage('E-DRAFT-CONFLICT', { files });
  request.errorCode = 'E-DRAFT-CONFLICT';
  const details = conflicts.map((c) => ({ code: 'E-DRAFT-CONFLICT', message: `${c.path}：草稿打开时为 ${c.draftBase ?? '（不存在）'}，现为 ${c.disk ?? '（已删除）'}`, path: c.path, draftBase: c.draftBase, disk: c.disk }));
  return reply.code(409).type('application/json; charset=utf-8').send({ error: { code: 'E-DRAFT-CONFLICT', message, path: '$', details } });
}

export interface PublishBody {
  readonly reason?: string;
  readonly confirmFailing?: boolean;
}

export type PublishOutcome = { readonly publication: Publication } | { readonly conflicts: ReadonlyArray<{ path: string; draftBase: string | null; disk: string | null }> };

export function publishDraft(wb: Workbench, records: RecordsHolder, id: string, caller: Caller, body: PublishBody): Promise<PublishOutcome> {
  // The draft is read once it is held: an edit accepted while this publish waited for an earlier
  // one is published with the rest, and none arrives while it runs.
  return exclusive(() => wb.drafts.hold(id, async () => {
    const record = await wb.drafts.require(id);
    const { result } = await wb.validate(record.overlay);
    if (!result.ok) throw invalidDraft(result.errors);
    const conflicts: Array<{ path: string; draftBase: string | null; disk: string | null }> = [];
    for (const rel of record.overlay.keys()) {
      const disk = await readFile(path.join(wb.rules, rel)).then(etagOf, () => null);
      const base = record.baseEtags.get(rel) ?? null;
      if (disk !== base) conflicts.push({ path: rel, draftBase: base, disk });
    }
    if (conflicts.length > 0) return { conflicts };
    if (record.overlay.size === 0) throw HttpError.of('E-PUBLISH-EMPTY', { detail: '草稿没有任何修改' });
    const { run } = await testDraft(wb, record);
    const failed = run.failed + run.errors.length;
    const reason = body.reason?.trim() ?? '';
    if (failed > 0 && !(body.confirmFailing === true && reason !== '')) {
      throw HttpError.of('E-DRAFT-TESTS-FAIL', { failed }, { path: body.confirmFailing ? '$.reason' : '$.confirmFailing' });
    }
    const writes: FileWrite[] = [];
    for (const [rel, file] of record.overlay) writes.push({ path: rel, bytes: file === null ? null : await readFile(file) });
    const tests = { total: run.results.length, passed: run.passed, failed };
    const publication = await commit(wb, records, writes, caller, {
      kind: 'publish',
      tests,
      ...(reason ? { reason } : {}),
      ...(failed > 0 ? { confirmedFailing: true } : {}),
      draft: record.meta.id,
    });
    await wb.drafts.discard(id);
    wb.forget(id);
    return { publication };
  }));
}

type Extra = Pick<PackPublicationRecord, 'kind' | 'tests'> & Partial<Pick<PackPublicationRecord, 'reason' | 'confirmedFailing' | 'draft' | 'restoredVersion'>>;

/** Writes the files all or none, records the publication, reloads once. */
async function commit(wb: Workbench, records: RecordsHolder, writes: readonly FileWrite[], caller: Caller, extra: Extra): Promise<Publication> {
  const before = await wb.live();
  // Every file of the state before is kept, so that it can be restored later.
  for (const [rel, hash] of before.manifest) {
    if (!(await wb.blobs.has(hash))) await wb.blobs.put(await readFile(path.join(wb.rules, rel)), hash);
  }
  const after = new Map(before.manifest);
  const files: PackPublicationRecord['files'] = [];
  const diffs: string[] = [];
  for (const w of writes) {
    const old = before.manifest.get(w.path) ?? null;
    const now = w.bytes === null ? null : sha256(w.bytes);
    if (old === now) continue;
    if (now === null) after.delete(w.path);
    else after.set(w.path, now);
    files.push({ path: w.path, change: now === null ? 'deleted' : old === null ? 'added' : 'changed', before: old, after: now });
    const oldText = old === null ? null : await readFile(path.join(wb.rules, w.path), 'utf8');
    diffs.push(unified(w.path, oldText, w.bytes === null ? null : Buffer.from(w.bytes).toString('utf8')));
  }
  if (files.length === 0) throw HttpError.of('E-PUBLISH-EMPTY', { detail: '与现行规则包相同' });
  const manifestBefore = await wb.blobs.putManifest(before.manifest);
  const manifestAfter = await wb.blobs.putManifest(after);
  const seq = await records.use((r) => r.packPublications.nextSeq());
  const record: PackPublicationRecord = {
    id: packPublicationId(seq),
    seq,
    at: formatInstant(Date.now()),
    by: caller.name,
    ...extra,
    files,
    diff: diffs.join(''),
    versionBefore: before.version,
    versionAfter: versionOf(after),
    manifestBefore,
    manifestAfter,
  };
  const changed = writes.filter((w) => files.some((f) => f.path === w.path));
  try {
    await wb.packs.afterWriting(() =>
      writeAll(wb.rules, wb.dataDir, wb.blobs, changed, record, async (r) => {
        await records.use((x) => x.packPublications.add(r));
      }),
    );
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw HttpError.of('E-PUBLISH-FAILED', { detail: e instanceof Error ? e.message : String(e) });
  }
  wb.scanner.forget(files.map((f) => f.path));
  return publicationView(record);
}

export async function history(records: RecordsHolder): Promise<Publication[]> {
  return records.use((r) => r.packPublications.all().map(publicationView));
}

/** Restores the pack to `version` (any versionBefore or versionAfter in the history), recorded as a rollback. */
export function rollback(wb: Workbench, records: RecordsHolder, caller: Caller, version: string, reason: string | undefined): Promise<Publication> {
  return exclusive(async () => {
    const all = await records.use((r) => r.packPublications.all());
    const manifestHash = all.find((p) => p.versionAfter === version)?.manifestAfter ?? all.find((p) => p.versionBefore === version)?.manifestBefore;
    if (!manifestHash) throw HttpError.of('E-PUBLISH-VERSION', { version: version.slice(0, 40) }, { path: '$.version' });
    const target = await wb.blobs.getManifest(manifestHash);
    if (!target) throw HttpError.of('E-PUBLISH-FAILED', { detail: `pack-blobs 中缺少版本 ${version} 的文件清单` });
    const { manifest, version: current } = await wb.live();
    if (current === version) throw HttpError.of('E-PUBLISH-EMPTY', { detail: `现行版本就是 ${version}` });
    const overlay = new Map<string, string | null>();
    const writes: FileWrite[] = [];
    for (const [rel, hash] of target) {
      if (manifest.get(rel) === hash) continue;
      const bytes = await wb.blobs.get(hash);
      if (!bytes) throw HttpError.of('E-PUBLISH-FAILED', { detail: `pack-blobs 中缺少 ${rel} 的内容` });
      overlay.set(rel, wb.blobs.pathOf(hash));
      writes.push({ path: rel, bytes });
    }
    for (const rel of manifest.keys()) {
      if (target.has(rel)) continue;
      overlay.set(rel, null);
      writes.push({ path: rel, bytes: null });
    }
    // The restored state must still load (it did when it was published; the package may have changed
    // since), and its scenarios are run, so that the history says how it tested, as for a publication.
    const { result } = await wb.validate(overlay);
    if (!result.ok) throw invalidDraft(result.errors);
    const state = { meta: { id: `rollback:${manifestHash}` }, revision: manifestHash, overlay };
    const { run } = await testDraft(wb, state).finally(() => wb.forget(state.meta.id));
    const tests = { total: run.results.length, passed: run.passed, failed: run.failed + run.errors.length };
    return commit(wb, records, writes, caller, { kind: 'rollback', tests, restoredVersion: version, ...(reason?.trim() ? { reason: reason.trim() } : {}) });
  });
}
