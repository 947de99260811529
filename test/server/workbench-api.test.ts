// The workbench API on a copy of the sample pack (fastify.inject, real files in temp dirs): every
// endpoint, path confinement, 401/403, drafts surviving a new server, incremental diagnostics,
// decisions/previews/tests/diff on a draft, publish (422 invalid, 409 conflict, 422 failing tests
// unless confirmed, 500 when a file cannot be written with the pack unchanged), history and
// rollback restoring the old decision, init from the scaffold, and /schemas/*.json.
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, APPLICATIONS, CLERK, copyOfRules, start, tempDir, type ErrorResponse, type Running } from './helpers.ts';
import { buildServer } from '../../src/server/app.ts';
import { bianmin } from '../cli/run.ts';

interface Diagnostics {
  ok: boolean;
  errors: Array<{ file: string; line: number; column: number; path: string; code: string; message: string }>;
  warnings: unknown[];
  ms: number;
}
interface DraftView {
  id: string;
  base: string;
  changed: string[];
  files: Array<{ path: string; state: string; etag: string; kind: string; item?: { code: string } }>;
}
interface Publication {
  id: string;
  seq: number;
  kind: string;
  by: string;
  versionBefore: string;
  versionAfter: string;
  files: Array<{ path: string; change: string }>;
  diff: string;
  tests: { total: number; passed: number; failed: number };
  reason?: string;
  confirmedFailing?: boolean;
  restoredVersion?: string;
}

const MZ004 = 'items%2Fmz-004.yaml';
let root: string;
let rules: string;
let data: string;
let s: Running;
let original: string;

async function server(): Promise<Running> {
  return start({ rules, data });
}

beforeAll(async () => {
  root = await tempDir('workbench');
  rules = await copyOfRules(root);
  data = path.join(root, 'data');
  original = await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8');
  s = await server();
}, 60_000);

afterAll(async () => {
  await s?.app.close();
  await rm(root, { recursive: true, force: true });
});

async function newDraft(token = CLERK, body: unknown = { name: '测试' }): Promise<DraftView> {
  const res = await s.request('POST', '/v1/drafts', { token, body });
  expect(res.status).toBe(201);
  return res.json<DraftView>();
}

async function put(id: string, rel: string, text: string, type = 'application/yaml'): Promise<Diagnostics> {
  const res = await s.request('PUT', `/v1/drafts/${id}/files/${rel}`, { token: CLERK, raw: text, headers: { 'content-type': type } });
  expect(res.status, res.text).toBe(200);
  return res.json<Diagnostics>();
}

const photoRequired = (text: string): string => text.replace(/(id: photo\n(?:.*\n)*?\s+necessity: )optional/, '$1required');

describe('the live pack', () => {
  it('lists every file with kind, etag and schema, and a content version', async () => {
    const res = await s.request('GET', '/v1/pack', { token: CLERK });
    expect(res.status).toBe(200);
    const body = res.json<{ version: string; center: string; files: Array<{ path: string; kind: string; etag: string; schema?: string; item?: { code: string; name: string } }> }>();
    expect(body.version).toMatch(/^[0-9a-f]{12}$/);
    expect(body.center).toBe('青石镇便民服务中心');
    const item = body.files.find((f) => f.path === 'items/mz-004.yaml')!;
    expect(item).toMatchObject({ kind: 'item', schema: '/schemas/item.schema.json', item: { code: 'MZ-004', name: '高龄津贴申领' } });
    expect(item.etag).toMatch(/^[0-9a-f]{16}$/);
    expect(body.files.find((f) => f.path === 'center.yaml')?.kind).toBe('center');
    expect(body.files.some((f) => f.kind === 'test')).toBe(true);
  });

  it('gives a file by an encoded path or a wildcard tail', async () => {
    const a = await s.request('GET', `/v1/pack/files/${MZ004}`, { token: CLERK });
    const b = await s.request('GET', '/v1/pack/files/items/mz-004.yaml', { token: CLERK });
    expect(a.status).toBe(200);
    expect(a.json<{ text: string }>().text).toBe(original);
    expect(b.json()).toEqual(a.json());
    const missing = await s.request('GET', '/v1/pack/files/items%2Fnone.yaml', { token: CLERK });
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe('E-DRAFT-FILE-NOT-FOUND');
  });

  it('needs a token (401) and an admin token to roll back (403)', async () => {
    expect((await s.request('GET', '/v1/pack')).json().error.code).toBe('E-AUTH-MISSING');
    expect((await s.request('GET', '/v1/drafts', { token: 'wrong-token-cccccccccccccccc' })).status).toBe(401);
    const forbidden = await s.request('POST', '/v1/pack/rollback', { token: CLERK, body: { version: 'aaaaaaaaaaaa' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json().error.code).toBe('E-AUTH-FORBIDDEN');
  });

  it('serves the package schemas publicly', async () => {
    const res = await s.request('GET', '/schemas/item.schema.json');
    expect(res.status).toBe(200);
    expect(res.json<{ title: string }>().title).toContain('服务事项');
    expect((await s.request('GET', '/schemas/records/case.schema.json')).status).toBe(200);
    expect((await s.request('GET', '/schemas/nothing.schema.json')).status).toBe(404);
  });
});

describe('path confinement', () => {
  it('refuses traversal, encoded traversal, absolute paths, NUL, backslashes and hidden files at params.path', async () => {
    const d = await newDraft();
    for (const bad of ['..%2Fetc%2Fpasswd', '%2E%2E%2Fcenter.yaml', 'items/../../x.yaml', '%2Fetc%2Fpasswd', 'items%2Fa%00.yaml', 'items%5Cmz-004.yaml', '.git%2Fconfig']) {
      const read = await s.request('GET', `/v1/pack/files/${bad}`, { token: CLERK });
      const write = await s.request('PUT', `/v1/drafts/${d.id}/files/${bad}`, { token: CLERK, raw: 'x: 1\n', headers: { 'content-type': 'text/plain' } });
      for (const res of [read, write]) {
        // A path the router itself normalises away (`/../`) never reaches a file either.
        expect([400, 404], `${bad}: ${res.text}`).toContain(res.status);
        if (res.status === 400) expect(res.json<ErrorResponse>().error).toMatchObject({ code: 'E-DRAFT-PATH', path: 'params.path' });
      }
    }
    const encoded = await s.request('GET', `/v1/pack/files/..%2F..%2Fetc%2Fpasswd`, { token: CLERK });
    expect(encoded.json().error).toMatchObject({ code: 'E-DRAFT-PATH', path: 'params.path' });
  });

  it('refuses a symlink that leads out of the pack', async () => {
    const outside = path.join(root, 'outside');
    await mkdir(outside, { recursive: true });
    await writeFile(path.join(outside, 'secret.yaml'), 'secret: 1\n');
    await symlink(outside, path.join(rules, 'link'));
    try {
      const d = await newDraft();
      const read = await s.request('GET', '/v1/pack/files/link%2Fsecret.yaml', { token: CLERK });
      expect(read.status).toBe(400);
      expect(read.json().error).toMatchObject({ code: 'E-DRAFT-PATH', path: 'params.path' });
      const write = await s.request('PUT', `/v1/drafts/${d.id}/files/link/new.yaml`, { token: CLERK, raw: 'x: 1\n', headers: { 'content-type': 'text/plain' } });
      expect(write.json().error.code).toBe('E-DRAFT-PATH');
    } finally {
      await rm(path.join(rules, 'link'));
    }
  });
});

describe('drafts', () => {
  it('opens, lists, reads, writes (raw YAML or JSON), deletes files and drafts', async () => {
    const d = await newDraft();
    expect(d.base).toMatch(/^[0-9a-f]{12}$/);
    expect(d.changed).toEqual([]);
    expect(d.files.find((f) => f.path === 'items/mz-004.yaml')?.state).toBe('unchanged');

    const edited = `${original}# 备注：草稿修改\n`;
    const diag = await put(d.id, MZ004, edited);
    expect(diag).toMatchObject({ ok: true, errors: [] });
    const file = await s.request('GET', `/v1/drafts/${d.id}/files/${MZ004}`, { token: CLERK });
    expect(file.json()).toMatchObject({ path: 'items/mz-004.yaml', text: edited, state: 'changed' });

    const added = await s.request('PUT', `/v1/drafts/${d.id}/files/items/mz-099.yaml`, { token: CLERK, body: { text: original.replace('code: MZ-004', 'code: MZ-099') } });
    expect(added.status).toBe(200);
    let view = (await s.request('GET', `/v1/drafts/${d.id}`, { token: CLERK })).json<DraftView>();
    expect(view.changed).toEqual(['items/mz-004.yaml', 'items/mz-099.yaml']);
    expect(view.files.find((f) => f.path === 'items/mz-099.yaml')).toMatchObject({ state: 'added', item: { code: 'MZ-099' } });

    const removed = await s.request('DELETE', `/v1/drafts/${d.id}/files/items%2Fmz-001.yaml`, { token: CLERK });
    expect(removed.status).toBe(200);
    view = (await s.request('GET', `/v1/drafts/${d.id}`, { token: CLERK })).json<DraftView>();
    expect(view.files.find((f) => f.path === 'items/mz-001.yaml')?.state).toBe('deleted');
    expect((await s.request('GET', `/v1/drafts/${d.id}/files/items%2Fmz-001.yaml`, { token: CLERK })).status).toBe(404);

    // Writing back the live content takes the file out of the draft.
    await put(d.id, MZ004, original);
    view = (await s.request('GET', `/v1/drafts/${d.id}`, { token: CLERK })).json<DraftView>();
    expect(view.changed).toEqual(['items/mz-001.yaml', 'items/mz-099.yaml']);

    const list = (await s.request('GET', '/v1/drafts', { token: CLERK })).json<{ drafts: Array<{ id: string }> }>();
    expect(list.drafts.some((x) => x.id === d.id)).toBe(true);
    expect((await s.request('DELETE', `/v1/drafts/${d.id}`, { token: CLERK })).status).toBe(204);
    const gone = await s.request('GET', `/v1/drafts/${d.id}`, { token: CLERK });
    expect(gone.status).toBe(404);
    expect(gone.json().error.code).toBe('E-DRAFT-NOT-FOUND');
    // The live pack never changed.
    expect(await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8')).toBe(original);
  });

  it('answers located Chinese diagnostics with suggestions, cross-file checks included, re-parsing only the edited file', async () => {
    const d = await newDraft();
    const wrong = await put(d.id, MZ004, original.replace('\nname: 高龄津贴申领', '\nnmae: 高龄津贴申领'));
    expect(wrong.ok).toBe(false);
    const unknown = wrong.errors.find((e) => e.code === 'E-SCHEMA-UNKNOWN-KEY')!;
    expect(unknown).toMatchObject({ file: 'items/mz-004.yaml', path: '$.nmae' });
    expect(unknown.line).toBeGreaterThan(1);
    expect(unknown.message).toContain('是否应为 `name`？');
    // A cross-file problem: a window center.yaml does not have.
    const cross = await put(d.id, MZ004, original.replace(/window: \S+/, 'window: no-such-window'));
    expect(cross.errors.some((e) => e.file === 'items/mz-004.yaml' && /窗口/.test(e.message))).toBe(true);
    const again = (await s.request('GET', `/v1/drafts/${d.id}/diagnostics`, { token: CLERK })).json<Diagnostics>();
    expect(again.errors).toEqual(cross.errors);
    expect(typeof again.ms).toBe('number');

    const { workbenchOf } = await import('../../src/server/workbench-context.ts');
    const wb = await workbenchOf(s.app);
    const before = wb.cache.misses;
    await put(d.id, MZ004, `${original}# 再改一次\n`);
    expect(wb.cache.misses - before).toBe(1);
  });

  it('survive a new server on the same data directory', async () => {
    const d = await newDraft(CLERK, { name: '重启后仍在' });
    await put(d.id, MZ004, `${original}# 重启\n`);
    await s.app.close();
    s = await server();
    const view = await s.request('GET', `/v1/drafts/${d.id}`, { token: CLERK });
    expect(view.status).toBe(200);
    expect(view.json<DraftView & { name: string }>()).toMatchObject({ name: '重启后仍在', changed: ['items/mz-004.yaml'] });
    await s.request('DELETE', `/v1/drafts/${d.id}`, { token: CLERK });
  }, 60_000);

  it('refuses a file body that is not UTF-8 (400 E-REQ-ENCODING), keeping the draft as it was', async () => {
    const d = await newDraft(CLERK);
    const bytes = Buffer.concat([Buffer.from(`${original}# 注释`, 'utf8'), Buffer.from([0xe4, 0xb8]), Buffer.from('\n')]);
    const res = await s.request('PUT', `/v1/drafts/${d.id}/files/${MZ004}`, { token: CLERK, raw: bytes, headers: { 'content-type': 'application/yaml' } });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'E-REQ-ENCODING', message: expect.stringContaining(`字节偏移 ${Buffer.byteLength(`${original}# 注释`)}`) });
    const view = await s.request('GET', `/v1/drafts/${d.id}`, { token: CLERK });
    expect(view.json<DraftView>().changed).toEqual([]);
    await s.request('DELETE', `/v1/drafts/${d.id}`, { token: CLERK });
  });
});

describe('a draft at work', () => {
  let id: string;
  beforeAll(async () => {
    id = (await newDraft()).id;
    await put(id, MZ004, photoRequired(original));
  });

  it('decides an application on the draft, with a trace into the YAML', async () => {
    const res = await s.request('POST', `/v1/drafts/${id}/decisions`, { token: CLERK, body: APPLICATIONS.accepted });
    expect(res.status).toBe(200);
    const { decision, case: c } = res.json<{ decision: { kind: string; missing: Array<{ id: string }>; trace: Array<{ source?: { file?: string; line?: number } }> }; case: null }>();
    expect(decision.kind).toBe('supplement');
    expect(decision.missing.map((m) => m.id)).toContain('photo');
    expect(decision.trace.some((t) => t.source?.file === 'items/mz-004.yaml' && (t.source.line ?? 0) > 0)).toBe(true);
    expect(c).toBeNull();
    // The live pack still accepts it.
    const live = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
    expect(live.json<{ decision: { kind: string } }>().decision.kind).toBe('accepted');
  });

  it('renders the one-time notice, the guide, the board page and a decision notice from the draft', async () => {
    const notice = await s.request('POST', `/v1/drafts/${id}/render`, { token: CLERK, body: { doc: 'consultation', item: 'MZ-004' } });
    expect(notice.status).toBe(200);
    expect(notice.headers.get('content-type')).toContain('text/html');
    expect(notice.text).toContain('一次性告知单');
    expect(notice.text).toContain('老年人近期免冠彩色照片');
    const guide = await s.request('POST', `/v1/drafts/${id}/render`, { token: CLERK, body: { doc: 'guide', item: 'MZ-004' } });
    expect(guide.text).toContain('办事指南');
    const board = await s.request('POST', `/v1/drafts/${id}/render`, { token: CLERK, body: { doc: 'board-item', item: 'MZ-004' } });
    expect(board.text).toContain('高龄津贴申领');
    expect(board.text).not.toContain('MZ-001');
    const supplement = await s.request('POST', `/v1/drafts/${id}/render`, { token: CLERK, body: { doc: 'supplement', application: APPLICATIONS.accepted } });
    expect(supplement.status, supplement.text).toBe(200);
    expect(supplement.text).toContain('补正');
    const wrongKind = await s.request('POST', `/v1/drafts/${id}/render`, { token: CLERK, body: { doc: 'supplement', item: 'MZ-004' } });
    expect(wrongKind.status).toBeGreaterThanOrEqual(400);
    const unknownDoc = await s.request('POST', `/v1/drafts/${id}/render`, { token: CLERK, body: { doc: 'poster', item: 'MZ-004' } });
    expect(unknownDoc.status).toBe(400);
    const { renderDraft } = await import('../../src/server/draft-eval.ts');
    const { workbenchOf } = await import('../../src/server/workbench-context.ts');
    const wb = await workbenchOf(s.app);
    const pack = await wb.packOf((await wb.drafts.get(id))!);
    await expect(renderDraft(pack, { doc: 'poster', item: 'MZ-004' })).rejects.toMatchObject({ code: 'E-DRAFT-DOC' });
  });

  it('runs the scenarios on the draft: the same JSON as `bianmin test --coverage --json` on the same files', async () => {
    const res = await s.request('POST', `/v1/drafts/${id}/test`, { token: CLERK, body: {} });
    expect(res.status).toBe(200);
    const api = res.json<{ rules: string; failed: number; passed: number; scenarios: Array<{ status: string; trace?: unknown }>; coverage: unknown }>();
    expect(api.failed).toBeGreaterThan(0);
    expect(api.scenarios.find((x) => x.status === 'failed')?.trace).toBeDefined();
    // The CLI on a directory holding the draft's files gives the same answer.
    const copy = await copyOfRules(await tempDir('workbench-cli'));
    await writeFile(path.join(copy, 'items/mz-004.yaml'), photoRequired(original));
    const cli = await bianmin(['test', '--coverage', '--json', '--rules', copy]);
    const expected = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect({ ...api, rules: '' }).toEqual({ ...expected, rules: '' });
    const one = await s.request('POST', `/v1/drafts/${id}/test`, { token: CLERK, body: { files: ['tests/minzheng.yaml'] } });
    expect(one.json<{ scenarios: Array<{ file: string }> }>().scenarios.every((x) => x.file === 'tests/minzheng.yaml')).toBe(true);
  }, 60_000);

  it('shows what changes: a unified diff per file and the what-if report, draft as new', async () => {
    const res = await s.request('GET', `/v1/drafts/${id}/diff`, { token: CLERK });
    expect(res.status).toBe(200);
    const body = res.json<{ files: Array<{ path: string; state: string; unified: string }>; whatIf: { changed: unknown[]; scenarios: number } }>();
    expect(body.files).toHaveLength(1);
    expect(body.files[0]).toMatchObject({ path: 'items/mz-004.yaml', state: 'changed' });
    expect(body.files[0]!.unified).toMatch(/^-\s+necessity: optional$/m);
    expect(body.files[0]!.unified).toMatch(/^\+\s+necessity: required$/m);
    expect(body.whatIf.scenarios).toBeGreaterThan(0);
    expect(body.whatIf.changed.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses decisions on a draft with errors (422 E-DRAFT-INVALID)', async () => {
    const bad = await newDraft();
    await put(bad.id, MZ004, original.replace('\nname: 高龄津贴申领', '\nnmae: 高龄津贴申领'));
    const res = await s.request('POST', `/v1/drafts/${bad.id}/decisions`, { token: CLERK, body: APPLICATIONS.accepted });
    expect(res.status).toBe(422);
    expect(res.json().error.code).toBe('E-DRAFT-INVALID');
  });
});

describe('publish, history and rollback', () => {
  it('refuses to publish a draft with errors (422), a conflicting one (409), failing tests without a reason (422)', async () => {
    const invalid = await newDraft();
    await put(invalid.id, MZ004, original.replace('\nname: 高龄津贴申领', '\nnmae: 高龄津贴申领'));
    expect((await s.request('POST', `/v1/drafts/${invalid.id}/publish`, { token: CLERK, body: {} })).status).toBe(403);
    const refused = await s.request('POST', `/v1/drafts/${invalid.id}/publish`, { token: ADMIN, body: {} });
    expect(refused.status).toBe(422);
    const err = refused.json().error;
    expect(err.code).toBe('E-DRAFT-INVALID');
    expect(err.message).toContain('items/mz-004.yaml');
    expect(err.errors?.[0]).toMatchObject({ file: 'items/mz-004.yaml', code: 'E-SCHEMA-UNKNOWN-KEY' });

    // Someone changes the file on disk after the draft was opened.
    const conflicting = await newDraft();
    await put(conflicting.id, MZ004, photoRequired(original));
    const disk = `${original}# 他人直接修改\n`;
    await writeFile(path.join(rules, 'items/mz-004.yaml'), disk);
    try {
      const res = await s.request('POST', `/v1/drafts/${conflicting.id}/publish`, { token: ADMIN, body: { confirmFailing: true, reason: '测试' } });
      expect(res.status).toBe(409);
      const body = res.json<{ error: { code: string; details: Array<{ path: string; draftBase: string; disk: string }> } }>();
      expect(body.error.code).toBe('E-DRAFT-CONFLICT');
      expect(body.error.details[0]).toMatchObject({ path: 'items/mz-004.yaml', draftBase: conflicting.files.find((f) => f.path === 'items/mz-004.yaml')!.etag });
      expect(body.error.details[0]!.disk).not.toBe(body.error.details[0]!.draftBase);
      expect(await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8')).toBe(disk);
    } finally {
      await writeFile(path.join(rules, 'items/mz-004.yaml'), original);
    }

    const failing = await newDraft();
    await put(failing.id, MZ004, photoRequired(original));
    const noReason = await s.request('POST', `/v1/drafts/${failing.id}/publish`, { token: ADMIN, body: { confirmFailing: true } });
    expect(noReason.status).toBe(422);
    expect(noReason.json().error).toMatchObject({ code: 'E-DRAFT-TESTS-FAIL', path: '$.reason' });
    const empty = await newDraft();
    const nothing = await s.request('POST', `/v1/drafts/${empty.id}/publish`, { token: ADMIN });
    expect(nothing.status).toBe(422);
    expect(nothing.json().error.code).toBe('E-PUBLISH-EMPTY');
  }, 60_000);

  it('publishes with a confirmed reason, reloads, records the publication, and rolls back to the old decision', async () => {
    const before = (await s.request('GET', '/v1/pack', { token: CLERK })).json<{ version: string }>().version;
    const d = await newDraft();
    await put(d.id, MZ004, photoRequired(original));
    const res = await s.request('POST', `/v1/drafts/${d.id}/publish`, { token: ADMIN, body: { confirmFailing: true, reason: '照片改为必交材料' } });
    expect(res.status, res.text).toBe(200);
    const pub = res.json<{ publication: Publication }>().publication;
    expect(pub).toMatchObject({ kind: 'publish', by: 'office', reason: '照片改为必交材料', confirmedFailing: true, versionBefore: before, files: [{ path: 'items/mz-004.yaml', change: 'changed' }] });
    expect(pub.tests.failed).toBeGreaterThan(0);
    expect(pub.diff).toContain('+++ b/items/mz-004.yaml');
    expect(await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8')).toBe(photoRequired(original));
    // The draft is gone, the live service decides by the new rules.
    expect((await s.request('GET', `/v1/drafts/${d.id}`, { token: CLERK })).status).toBe(404);
    const live = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
    expect(live.json<{ decision: { kind: string } }>().decision.kind).toBe('supplement');
    expect(live.headers.get('x-bianmin-pack')).toBe(pub.versionAfter);
    expect((await s.request('GET', '/v1/pack', { token: CLERK })).json<{ version: string }>().version).toBe(pub.versionAfter);

    const unknown = await s.request('POST', '/v1/pack/rollback', { token: ADMIN, body: { version: '000000000000' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json().error.code).toBe('E-PUBLISH-VERSION');
    const back = await s.request('POST', '/v1/pack/rollback', { token: ADMIN, body: { version: before, reason: '恢复' } });
    expect(back.status, back.text).toBe(200);
    const rb = back.json<{ publication: Publication }>().publication;
    expect(rb).toMatchObject({ kind: 'rollback', restoredVersion: before, versionAfter: before, versionBefore: pub.versionAfter, seq: pub.seq + 1 });
    // The restored state's scenarios were run, as for a publication: the old pack passes them all.
    expect(pub.tests.failed).toBeGreaterThan(0);
    expect(rb.tests).toEqual({ total: pub.tests.total, passed: pub.tests.total, failed: 0 });
    expect(await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8')).toBe(original);
    const restored = await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
    expect(restored.json<{ decision: { kind: string } }>().decision.kind).toBe('accepted');
    // The answering version (X-Bianmin-Pack) is the restored one, the same string history names.
    expect(restored.headers.get('x-bianmin-pack')).toBe(before);
    const again = await s.request('POST', '/v1/pack/rollback', { token: ADMIN, body: { version: before } });
    expect(again.json().error.code).toBe('E-PUBLISH-EMPTY');

    // History, newest first, survives a new server; the published state can be restored again.
    await s.app.close();
    s = await server();
    const history = (await s.request('GET', '/v1/pack/history', { token: CLERK })).json<{ publications: Publication[] }>().publications;
    expect(history.slice(0, 2).map((p) => p.kind)).toEqual(['rollback', 'publish']);
    const forward = await s.request('POST', '/v1/pack/rollback', { token: ADMIN, body: { version: pub.versionAfter } });
    expect(forward.status).toBe(200);
    expect(await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8')).toBe(photoRequired(original));
    await s.request('POST', '/v1/pack/rollback', { token: ADMIN, body: { version: before } });
  }, 120_000);

  it('never drops an edit that arrives while the draft is being published: it is published, or refused', async () => {
    const d = await newDraft();
    await put(d.id, MZ004, `${original}# 第一处修改\n`);
    const publishing = s.request('POST', `/v1/drafts/${d.id}/publish`, { token: ADMIN, body: { reason: '并发', confirmFailing: true } });
    // The edit arrives once the publish has begun (it runs the scenarios, which takes a while).
    await new Promise((resolve) => setTimeout(resolve, 150));
    const editing = s.request('PUT', `/v1/drafts/${d.id}/files/${MZ004}`, { token: CLERK, raw: `${original}# 第二处修改\n`, headers: { 'content-type': 'application/yaml' } });
    const [published, edited] = await Promise.all([publishing, editing]);
    expect(published.status, published.text).toBe(200);
    const onDisk = await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8');
    // Answered 200 means kept: on disk (published) or still in the draft; otherwise refused, never lost.
    if (edited.status === 200) {
      const draftLeft = await s.request('GET', `/v1/drafts/${d.id}/files/${MZ004}`, { token: CLERK });
      expect(onDisk === `${original}# 第二处修改\n` || draftLeft.json<{ text: string }>().text === `${original}# 第二处修改\n`).toBe(true);
    } else {
      expect(edited.json().error.code).toBe('E-DRAFT-NOT-FOUND');
      expect(onDisk).toBe(`${original}# 第一处修改\n`);
    }
    const history = (await s.request('GET', '/v1/pack/history', { token: CLERK })).json<{ publications: Publication[] }>().publications;
    await s.request('POST', '/v1/pack/rollback', { token: ADMIN, body: { version: history[0]!.versionBefore } });
  }, 60_000);

  it('leaves the pack unchanged when a file cannot be written (500 E-PUBLISH-FAILED)', async () => {
    await writeFile(path.join(rules, 'notes'), '不是目录\n');
    try {
      const d = await newDraft();
      await put(d.id, 'notes/a.txt', '说明\n', 'text/plain');
      await put(d.id, MZ004, `${original}# 与失败的文件一起发布\n`);
      const res = await s.request('POST', `/v1/drafts/${d.id}/publish`, { token: ADMIN, body: {} });
      expect(res.status).toBe(500);
      expect(res.json().error.code).toBe('E-PUBLISH-FAILED');
      expect(await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8')).toBe(original);
      await s.request('DELETE', `/v1/drafts/${d.id}`, { token: CLERK });
    } finally {
      await rm(path.join(rules, 'notes'));
    }
  }, 60_000);
});

describe('a new pack from the scaffold', () => {
  it('opens a draft whose files are a valid generated pack, replacing every file', async () => {
    const init = {
      center: { name: '新安镇便民服务中心', code: '新便', address: '新安镇人民路1号', phones: { consult: '0571-12345678', complaint: '0571-12345679' } },
      windows: [{ id: 'zonghe', name: '综合窗口' }],
      staff: [
        { id: 'wang', name: '王一', window: 'zonghe', post: 'A' },
        { id: 'li', name: '李二', window: 'zonghe', post: 'B' },
      ],
    };
    const res = await s.request('POST', '/v1/drafts', { token: CLERK, body: { name: '新中心', init } });
    expect(res.status, res.text).toBe(201);
    const d = res.json<DraftView>();
    expect(d.files.find((f) => f.path === 'items/mz-004.yaml')?.state).toBe('deleted');
    expect(d.files.find((f) => f.path === 'center.yaml')?.state).toBe('changed');
    const diag = (await s.request('GET', `/v1/drafts/${d.id}/diagnostics`, { token: CLERK })).json<Diagnostics>();
    expect(diag.errors).toEqual([]);
    const center = (await s.request('GET', `/v1/drafts/${d.id}/files/center.yaml`, { token: CLERK })).json<{ text: string }>().text;
    expect(center).toContain('新安镇便民服务中心');
    expect(center).toMatch(/\$schema=http:\/\/[^ ]+\/schemas\/center\.schema\.json/);
    const bad = await s.request('POST', '/v1/drafts', { token: CLERK, body: { init: { ...init, windows: [] } } });
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe('E-DRAFT-INIT');
    expect(bad.json().error.path).toMatch(/^\$\.init/);
  });
});

describe('the local admin token', () => {
  it('is made once in <data>/admin-token with mode 0600 and reused', async () => {
    const { localAdminToken } = await import('../../src/server/admin-token.ts');
    const dir = path.join(root, 'token-data');
    const first = await localAdminToken(dir);
    expect(first).toMatchObject({ created: true, entry: { name: '本机管理员', role: 'admin' } });
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    const second = await localAdminToken(dir);
    expect(second.created).toBe(false);
    expect(second.entry.token).toBe(first.entry.token);
    const app = await buildServer({ rules, data: path.join(root, 'token-server'), tokens: [first.entry], log: false, watch: 'off', watchExtra: [], rateLimit: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/v1/pack', headers: { authorization: `Bearer ${first.entry.token}` } });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
