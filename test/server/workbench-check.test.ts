// Issue 15: the workbench answers `bianmin check` of the item being edited beside the draft's
// diagnostics (fastify.inject on a copy of the sample pack, real files in temp dirs). Writing an
// item file answers that item's check; GET …/diagnostics?item= answers the named item's; a
// template or facts.yaml written, an unknown item or a draft with errors answer `check: null`.
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
  expect((await get('?item=XX-999')).check).toBeNull();
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
