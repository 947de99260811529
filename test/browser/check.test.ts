// Issue 15: `bianmin check` in the workbench, in a real browser (Debian's Chromium through
// playwright-core). A draft whose pack template of the one-time notice drops the table of
// conditional materials (it validates: the template is well formed) makes MZ-004's notice
// incomplete — 委托书 is demanded of whoever applies for someone else, and the notice no longer
// says so. The workbench answers the item's static check beside the draft's diagnostics: opening
// items/mz-004.yaml shows 「静态检查」 with the located E-CHECK- error and its counter-example
// scenario, which the copy button puts on the clipboard ready to paste into tests/; with the
// template gone again the check passes.
// Fails before issue 15: the draft diagnostics had no check, and the workbench showed none.
// A real service on 127.0.0.1 (port 0) over a temp copy of rules/ and a temp data directory.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../../src/documents/pdf.ts';
import { buildServer } from '../../src/server/app.ts';
import { buildWebIfStale } from './web-build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(ROOT, process.env.BIANMIN_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-artifacts/workbench');
const ADMIN = 'check-test-admin-token-0123456789abc';

interface Finding {
  file: string;
  line: number;
  code: string;
  message: string;
  scenario: string | null;
}
interface Answer {
  ok: boolean;
  errors: Finding[];
  warnings: Finding[];
  check: { item: string; errors: Finding[]; warnings: Finding[]; ms: number } | null;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: FastifyInstance;
let base = '';
let tmp = '';
const problems: string[] = [];

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${url}`).toBeLessThan(300);
  return (res.status === 204 ? null : await res.json()) as T;
}

beforeAll(async () => {
  buildWebIfStale('workbench');
  await mkdir(SHOTS, { recursive: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'bianmin-check-wb-'));
  await cp(path.join(ROOT, 'rules'), path.join(tmp, 'rules'), { recursive: true });
  app = await buildServer({
    rules: path.join(tmp, 'rules'),
    data: path.join(tmp, 'data'),
    log: false,
    rateLimit: false,
    tokens: [{ name: '测试管理员', token: ADMIN, role: 'admin' }],
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the static check of the item being edited, with its counter-example scenario to copy', async () => {
  // The draft: a pack consultation template without the table of "may be needed" materials.
  const draft = await api<{ id: string }>('POST', '/v1/drafts', { name: '静态检查' });
  const builtin = await readFile(path.join(ROOT, 'templates/consultation.hbs'), 'utf8');
  const broken = builtin.replace(/\{\{#if materials\.conditional\.length\}\}[\s\S]*?<\/table>\s*\{\{\/if\}\}/, '');
  expect(broken).not.toBe(builtin);
  const put = await api<Answer>('PUT', `/v1/drafts/${draft.id}/files/templates%2Fconsultation.hbs`, { text: broken });
  expect(put.errors).toEqual([]);
  // A template written: no item in focus, so no check with this answer.
  expect(put.check).toBeNull();

  // The API: the item's check beside the diagnostics.
  const answer = await api<Answer>('GET', `/v1/drafts/${draft.id}/diagnostics?item=MZ-004`);
  expect(answer.ok).toBe(true);
  expect(answer.check?.item).toBe('MZ-004');
  const finding = answer.check!.errors.find((e) => e.code.startsWith('E-CHECK-') && e.scenario);
  expect(finding, JSON.stringify(answer.check)).toBeDefined();
  expect(finding!.scenario).toMatch(/item: MZ-004/);

  // The workbench: opening the item shows its static check.
  const res = await page.goto(`${base}/workbench`, { waitUntil: 'networkidle' });
  expect(res?.status()).toBe(200);
  await page.getByTestId('token').fill(ADMIN);
  await page.getByTestId('token').press('Enter');
  await expect.poll(() => page.getByTestId('draft-select').inputValue()).toBe(draft.id);
  await page.getByTestId('file-tree').locator('[data-path="items/mz-004.yaml"]').click();
  const check = page.getByTestId('check');
  await check.getByText('静态检查').waitFor();
  await check.getByText('MZ-004', { exact: false }).first().waitFor();
  const shown = check.getByTestId('check-finding').filter({ hasText: finding!.code }).first();
  await shown.getByText(finding!.message, { exact: false }).waitFor();
  // The whole draft still validates: the diagnostics list holds validate's findings only, the check is counted apart.
  expect(await page.getByTestId('diagnostics').getAttribute('data-count')).toBe(String(answer.errors.length + answer.warnings.length));
  expect(await check.getAttribute('data-count')).toBe(String(answer.check!.errors.length + answer.check!.warnings.length));

  // The counter-example: shown, and copied as is.
  await shown.getByTestId('check-scenario').locator('summary').click();
  expect(await shown.getByTestId('check-scenario-text').textContent()).toBe(finding!.scenario);
  await shown.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'workbench-check.png') });
  await shown.getByTestId('copy-scenario').click();
  await shown.getByTestId('copied').waitFor();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(finding!.scenario);

  // The jump link goes to the finding's place.
  await shown.locator('a').first().click();
  await expect.poll(() => page.locator('.filebar').textContent()).toContain(finding!.file);

  // The template taken out of the draft again: the next edit of the item checks clean.
  await api('DELETE', `/v1/drafts/${draft.id}/files/templates%2Fconsultation.hbs`);
  await page.getByTestId('file-tree').locator('[data-path="items/mz-004.yaml"]').click();
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# 静态检查测试');
  await check.getByText('一次性告知完整', { exact: false }).waitFor({ timeout: 20_000 });
  expect(await check.getAttribute('data-count')).toBe('0');
  expect(problems).toEqual([]);
});
