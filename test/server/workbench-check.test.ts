// Issue 15: the workbench answers `bianmin check` of the item being edited beside the draft's
// diagnostics (fastify.inject on a copy of the sample pack, real files in temp dirs). Writing an
// item file answers that item's check; GET …/diagnostics?item= answers the named item's; a
// template or facts.yaml written, or a draft with errors answer `check: null`; an unknown item is
// 404 E-ITEM-UNKNOWN with suggestions (review finding: it answered `check: null`, which reads as
// "the draft has errors"; the test below fails on that code).
// A pack consultation template that drops the conditional materials is an E-CHECK- error on the
// item, with a counter-example scenario.
// Fails before issue 15: the diagnostics had no `check` at all.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLERK, copyOfRules, start, tempDir, type Running } from './helpers.ts';

interface Finding {
  file: string;
  line: number;
  column: number;
  path: string;
  code: string;
  message: string;
  scenario: string | null;
}
interface Diagnostics {
  ok: boolean;
  errors: Finding[];
  warnings: Finding[];
  ms: number;
  check: { item: string; errors: Finding[]; warnings: Finding[]; ms: number } | null;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let root: string;
let rules: string;
let s: Running;
let draft: string;

beforeAll(async () => {
  root = await tempDir('workbench-check');
  rules = await copyOfRules(root);
  s = await start({ rules, data: path.join(root, 'data') });
  const res = await s.request('POST', '/v1/drafts', { token: CLERK, body: { name: '静态检查' } });
  expect(res.status).toBe(201);
  draft = res.json<{ id: string }>().id;
}, 60_000);

afterAll(async () => {
  await s?.app.close();
  await rm(root, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<Diagnostics> {
  const res = await s.request('PUT', `/v1/drafts/${draft}/files/${encodeURIComponent(rel)}`, { token: CLERK, raw: text, headers: { 'content-type': 'text/plain' } });
  expect(res.status, res.text).toBe(200);
  return res.json<Diagnostics>();
}

async function get(query = ''): Promise<Diagnostics> {
  const res = await s.request('GET', `/v1/drafts/${draft}/diagnostics${query}`, { token: CLERK });
  expect(res.status, res.text).toBe(200);
  return res.json<Diagnostics>();
}

it('answers the check of the item written, or named, and null otherwise', async () => {
  const mz004 = await readFile(path.join(rules, 'items/mz-004.yaml'), 'utf8');
  const written = await put('items/mz-004.yaml', `${mz004}\n# 改了一行注释\n`);
  expect(written.ok).toBe(true);
  expect(written.check?.item).toBe('MZ-004');
  expect(written.check?.ms).toBeGreaterThanOrEqual(0);
  for (const f of [...written.check!.errors, ...written.check!.warnings]) expect(f.code).toMatch(/^[EW]-CHECK-/);

  expect((await get('?item=MZ-001')).check?.item).toBe('MZ-001');
  expect((await get()).check).toBeNull();
  const unknown = await s.request('GET', `/v1/drafts/${draft}/diagnostics?item=MZ-0001`, { token: CLERK });
  expect(unknown.status, unknown.text).toBe(404);
  const error = unknown.json<{ error: { code: string; path: string; message: string; suggestions: Array<{ code: string | null }> } }>().error;
  expect(error).toMatchObject({ code: 'E-ITEM-UNKNOWN', path: 'query.item' });
  expect(error.message).toContain('MZ-0001');
  expect(error.suggestions.map((x) => x.code)).toContain('MZ-001');
  const facts = await readFile(path.join(rules, 'facts.yaml'), 'utf8');
  expect((await put('facts.yaml', `${facts}\n# 注释\n`)).check).toBeNull();

  // A draft with errors: no check until they are corrected.
  const broken = await put('items/mz-004.yaml', mz004.replace('mode: promised', 'mode: promise'));
  expect(broken.ok).toBe(false);
  expect(broken.check).toBeNull();
  expect((await put('items/mz-004.yaml', mz004)).check?.item).toBe('MZ-004');
});

it('reports a pack template that drops the conditional materials as an incomplete notice, with a scenario', async () => {
  const builtin = await readFile(path.join(ROOT, 'templates/consultation.hbs'), 'utf8');
  const template = builtin.replace(/\{\{#if materials\.conditional\.length\}\}[\s\S]*?<\/table>\s*\{\{\/if\}\}/, '');
  expect(template).not.toBe(builtin);
  expect((await put('templates/consultation.hbs', template)).check).toBeNull();
  const answer = await get('?item=MZ-004');
  expect(answer.ok).toBe(true);
  const finding = answer.check!.errors.find((e) => e.code.startsWith('E-CHECK-') && e.scenario !== null);
  expect(finding, JSON.stringify(answer.check)).toBeDefined();
  expect(finding!.scenario).toContain('MZ-004');
});

// Review finding: W-CHANGE-LOST-SUBMITTED was reported by `bianmin validate` only, though the draft
// diagnostics promise validate --json's answer. A scenario written in the draft (tests/, read
// through the draft's overlay) that still submits a material the 2027 change of MZ-001 removes.
it('reports a change that takes away a material a scenario of the draft still submits, as validate does', async () => {
  const yaml =
    'scenarios:\n' +
    '  - name: 2027年仍交户口簿\n    item: MZ-001\n    applicant: { hukouLocal: true, householdIncomePerCapita: 400, forDependant: false, hasDisabilityCert: false }\n' +
    '    materials: [application, id-card, authorization, household-register, pledge]\n    received: 2027-02-01 10:00\n    expect: { kind: accepted }\n';
  const written = await put('tests/loss.yaml', yaml);
  const lost = written.warnings.filter((w) => w.code === 'W-CHANGE-LOST-SUBMITTED');
  expect(lost.map((w) => w.file)).toEqual(['items/mz-001.yaml']);
  expect(lost[0]!.message).toContain('2027年仍交户口簿');
  expect(lost[0]!.message).toContain('tests/loss.yaml 第 2 行');
  const removed = await s.request('DELETE', `/v1/drafts/${draft}/files/${encodeURIComponent('tests/loss.yaml')}`, { token: CLERK });
  expect(removed.status, removed.text).toBe(200);
  expect(removed.json<Diagnostics>().warnings.filter((w) => w.code === 'W-CHANGE-LOST-SUBMITTED')).toEqual([]);
});
