// The officers' workbench in a real browser (Debian's Chromium through playwright-core), the whole
// loop of issue 13 as an officer does it: open /workbench, open items/mz-004.yaml, make a material
// required by typing in the editor, see no diagnostics and the preview list it as required, run the
// scenarios and see the failing one, see the diff, publish with a reason (confirming the failing
// scenarios) — the live POST /v1/decisions follows — then type a typo and see the located Chinese
// diagnostic with its suggestion, then roll back: the live decision is the old one again.
// A real service on 127.0.0.1 (port 0) over a temp copy of rules/ and a temp data directory.
// Screenshots (1366×768) go to test-artifacts/workbench/; with BIANMIN_SCREENSHOTS=docs they
// replace the README's, in docs/screenshots/ (a run never dirties the tree unasked).
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../src/documents/pdf.ts';
import { buildServer } from '../../src/server/app.ts';
import { buildWebIfStale } from './web-build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(ROOT, process.env.BIANMIN_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-artifacts/workbench');
const ADMIN = 'workbench-test-admin-token-0123456789';
const VIEWPORT = { width: 1366, height: 768 };


let browser: Browser;
let app: FastifyInstance;
let base = '';
let tmp = '';
let page: Page;
const problems: string[] = [];

/** The scenario's application (82, own behalf, ID card and form only): accepted until the photo is required. */
const ELDER = {
  item: 'MZ-004',
  intent: 'apply',
  applicant: { type: 'person', age: 82, hukouLocal: true, forDependant: false },
  materials: ['id-card', 'application'],
  receivedAt: '2026-11-23T09:30:00+08:00',
};

/** The live service's decision on the scenario's application. */
async function liveDecision(): Promise<{ kind: string; missing: { id: string }[] }> {
  const res = await fetch(`${base}/v1/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ELDER),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { decision: { kind: string; missing: { id: string }[] } }).decision;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Moves the editor's cursor to the end of `line` the way a keyboard user does (Ctrl+G, line, Enter, End). */
async function gotoLineEnd(line: number): Promise<void> {
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
}

async function openTab(id: string): Promise<void> {
  await page.getByTestId(`tab-${id}`).click();
}

beforeAll(async () => {
  buildWebIfStale('workbench');
  await mkdir(SHOTS, { recursive: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'bianmin-workbench-'));
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
  page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.exposeFunction('__cspViolation', (text: string) => problems.push(text));
  await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))");
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the landing page', () => {
  test('links every screen, in Chinese, under the strict CSP', async () => {
    const res = await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res?.headers()['content-security-policy']).not.toContain('worker-src');
    // Every link answers (a screen not built yet would be listed without a link: none is left).
    for (const [id, href] of [['workbench', '/workbench'], ['window', '/window'], ['kiosk', '/kiosk'], ['board', '/board'], ['docs', '/docs']] as const) {
      expect(await page.getByTestId(`link-${id}`).getAttribute('href')).toBe(href);
      expect((await fetch(`${base}${href}`)).status, href).toBe(200);
    }
    expect(await page.getByText('尚未开放').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toContain('便民服务中心');
    await shot('landing');
    expect(problems).toEqual([]);
  });
});

describe('the workbench loop', () => {
  test('edit → preview → test → diff → publish → live; typo → located diagnostic; rollback → live again', async () => {
    expect((await liveDecision()).kind).toBe('accepted');

    // Open the workbench and give it the token.
    const res = await page.goto(`${base}/workbench`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
    await page.getByTestId('token').fill(ADMIN);
    await page.getByTestId('token').press('Enter');
    await page.getByTestId('file-tree').locator('[data-path="items/mz-004.yaml"]').waitFor();

    // Search narrows the items; open MZ-004.
    await page.getByTestId('file-search').fill('高龄');
    expect(await page.getByTestId('file-tree').locator('a.file').count()).toBe(1);
    await page.getByTestId('file-tree').locator('[data-path="items/mz-004.yaml"]').click();
    await page.locator('[data-testid=editor] .view-lines').getByText('高龄津贴申领', { exact: false }).first().waitFor();
    await page.getByTestId('diagnostics').getByText('检查通过').waitFor();
    // The sample's warnings depend on the date (from 1 November: next year's holidays still provisional).
    const baseline = await page.getByTestId('diagnostics').getAttribute('data-count');
    expect(await page.getByTestId('diagnostic').evaluateAll((els) => els.filter((e) => e.classList.contains('error')).length)).toBe(0);

    // The photo: optional → required, typed in the editor.
    const text = await readFile(path.join(tmp, 'rules/items/mz-004.yaml'), 'utf8');
    const lines = text.split('\n');
    const photo = lines.findIndex((l) => l.includes('- id: photo'));
    const necessity = lines.findIndex((l, i) => i > photo && l.includes('necessity: optional')) + 1;
    await gotoLineEnd(necessity);
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.type('required');
    await page.getByTestId('file-tree').locator('[data-path="items/mz-004.yaml"] .state').waitFor();
    await page.getByTestId('diagnostics').getByText('检查通过').waitFor();
    expect(await page.getByTestId('diagnostics').getAttribute('data-count')).toBe(baseline);
    // The draft holds the text verbatim: comments and layout kept, only the one word changed.
    const draftId = await page.getByTestId('draft-select').inputValue();
    const draftFile = await (await fetch(`${base}/v1/drafts/${draftId}/files/items%2Fmz-004.yaml`, { headers: { authorization: `Bearer ${ADMIN}` } })).json() as { text: string };
    expect(draftFile.text).toBe(lines.map((l, i) => (i === necessity - 1 ? l.replace('optional', 'required') : l)).join('\n'));

    // The preview (one-time notice from the draft) lists the photo as required.
    const notice = page.frameLocator('[data-testid=preview]');
    await expect.poll(async () => notice.locator('tr', { hasText: '老年人近期免冠彩色照片' }).first().textContent().catch(() => ''), { timeout: 15_000 }).toContain('必要');
    await page.getByTestId('materials-needed').locator('[data-material=photo]').getByText('必要', { exact: false }).waitFor();
    // Facts form: applying for someone else makes the proxy's materials appear, applying in person makes them go.
    await page.getByTestId('facts-form').locator('[data-fact=forDependant]').selectOption('false');
    await expect.poll(() => page.getByTestId('materials-needed').locator('[data-material=proxy-id-card]').count()).toBe(0);
    await page.getByTestId('facts-form').locator('[data-fact=forDependant]').selectOption('true');
    await page.getByTestId('materials-needed').locator('[data-material=proxy-id-card]').waitFor();
    await page.getByTestId('facts-form').locator('[data-fact=forDependant]').selectOption('false');
    await expect.poll(() => page.getByTestId('materials-needed').locator('[data-material=proxy-id-card]').count()).toBe(0);
    await shot('workbench-edit-preview');

    // Try an application on the draft: the ID card and the form only → supplement, the photo missing; the trace links into the editor.
    await page.getByTestId('facts-form').locator('[data-fact=age]').fill('82');
    await page.getByTestId('facts-form').locator('[data-fact=hukouLocal]').selectOption('true');
    await page.getByTestId('try').locator('input[data-material=id-card]').check();
    await page.getByTestId('try').locator('input[data-material=application]').check();
    await page.getByTestId('try-decide').click();
    await page.getByTestId('decision').getByText('补正件').waitFor();
    await page.getByTestId('trace').getByText('items/mz-004.yaml:', { exact: false }).first().waitFor();

    // Run the scenarios: the failing one is shown with what differs.
    await openTab('tests');
    await page.getByTestId('run-tests').click();
    await page.getByTestId('test-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('test-summary').textContent()).toMatch(/[1-9]\d* 个未通过/);
    await page.getByTestId('failing-scenario').filter({ hasText: '本镇82岁老人本人申请高龄津贴' }).first().waitFor();
    await page.getByTestId('failing-scenario').first().getByText('期望').waitFor();
    await shot('workbench-tests');

    // The diff: the file and the what-if table.
    await openTab('diff');
    await page.getByTestId('diff').getByText('items/mz-004.yaml').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('whatif').getByText('补正件', { exact: false }).first().waitFor();
    await shot('workbench-diff');

    // Publish with a reason: refused first for the failing scenarios, then confirmed.
    await openTab('publish');
    await page.getByTestId('publish-reason').fill('按县民政局通知，申领高龄津贴须提交近期照片');
    await page.getByTestId('publish-button').click();
    await page.getByTestId('publish-confirm-box').waitFor({ timeout: 60_000 });
    await page.getByTestId('publish-confirm').check();
    await page.getByTestId('publish-button').click();
    await page.getByTestId('published').waitFor({ timeout: 60_000 });
    await shot('workbench-publish');
    await expect.poll(async () => (await liveDecision()).kind, { timeout: 15_000 }).toBe('supplement');
    expect((await liveDecision()).missing.map((m) => m.id)).toContain('photo');

    // A typo in the new draft: the located Chinese diagnostic with its suggestion, and a red mark in the editor.
    await page.locator('[data-testid=editor] .view-lines').getByText('高龄津贴申领', { exact: false }).first().waitFor();
    const windowLine = lines.findIndex((l) => l.startsWith('window:')) + 1;
    await gotoLineEnd(windowLine);
    await page.keyboard.press('Backspace');
    const diagnostic = page.getByTestId('diagnostic').filter({ hasText: '是否应为' });
    await diagnostic.first().waitFor();
    expect(await diagnostic.first().textContent()).toContain(`items/mz-004.yaml:${windowLine}:`);
    expect(await diagnostic.first().textContent()).toContain('minzheng-window');
    await page.locator('[data-testid=editor] .squiggly-error').first().waitFor();
    await shot('workbench-diagnostic');

    // History and rollback: the live decision is the old one again.
    await openTab('history');
    await page.getByTestId('publication').first().waitFor();
    expect(await page.getByTestId('history').textContent()).toContain('按县民政局通知');
    await page.getByTestId('rollback-reason').fill('撤回：照片改回可选');
    await page.getByTestId('publication').first().getByTestId('rollback-before').click();
    await page.getByTestId('rollback-done').waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await liveDecision()).kind, { timeout: 15_000 }).toBe('accepted');
    await page.getByTestId('publication').filter({ hasText: '回滚' }).first().waitFor();
    await shot('workbench-history');

    expect(problems).toEqual([]);
  });
});

describe('新建规则包 in the workbench', () => {
  test('a bad answer shows its located error at the field; good answers open a valid draft of the generated pack (not published)', async () => {
    const before = (await (await fetch(`${base}/v1/pack`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { version: string; center: string };
    const res = await page.goto(`${base}/workbench`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    if (!(await page.getByTestId('token').inputValue())) {
      await page.getByTestId('token').fill(ADMIN);
      await page.getByTestId('token').press('Enter');
    }
    await page.getByTestId('file-tree').locator('[data-path="center.yaml"]').waitFor();

    // The questions of `bianmin init`, answered with two mistakes: a consult phone that is no phone
    // number and a window id in Chinese characters.
    await page.getByTestId('new-pack').click();
    const dialog = page.getByTestId('new-pack-dialog');
    await dialog.waitFor();
    const field = (p: string) => dialog.locator(`[data-field="${p}"]`);
    await field('center.name').fill('新安镇便民服务中心');
    await field('center.code').fill('新便');
    await field('center.address').fill('新安镇人民路1号');
    await field('center.phones.consult').fill('请拨总机');
    await field('center.phones.complaint').fill('0571-12345679');
    await field('windows[0].id').fill('综合');
    await field('windows[0].name').fill('综合窗口');
    await field('staff[0].id').fill('wang-yi');
    await field('staff[0].name').fill('王一');
    await field('staff[1].id').fill('li-er');
    await field('staff[1].name').fill('李二');
    await dialog.getByTestId('new-pack-create').click();

    // Each located Chinese error is beside its field (in the field's own label / table cell), the field marked.
    const phoneError = dialog.locator('label', { has: page.locator('[data-field="center.phones.consult"]') }).getByTestId('new-pack-field-error');
    await phoneError.waitFor();
    expect(await phoneError.getAttribute('data-for')).toBe('center.phones.consult');
    expect(await phoneError.textContent()).toContain('格式不正确："请拨总机"（咨询电话：只能有数字');
    expect(await field('center.phones.consult').getAttribute('aria-invalid')).toBe('true');
    const windowError = dialog.locator('[data-testid=new-pack-field-error][data-for="windows[0].id"]');
    expect(await windowError.textContent()).toContain('只能用小写字母、数字和连字符');
    expect(await field('windows[0].id').getAttribute('aria-invalid')).toBe('true');
    expect(await field('center.name').getAttribute('aria-invalid')).toBe('false');
    // The window id is wrong where the staff's windows refer to it too: four problems, each at its place.
    expect(await dialog.locator('[data-testid=new-pack-field-error][data-for="staff[1].window"]').textContent()).toContain('格式不正确："综合"（所在窗口');
    expect(await dialog.getByTestId('new-pack-error').textContent()).toContain('4 处问题');
    await page.screenshot({ path: path.join(SHOTS, 'workbench-new-pack.png') });

    // Corrected: the draft of the new pack opens, valid, its example items in the tree.
    await field('center.phones.consult').fill('0571-12345678');
    await field('windows[0].id').fill('zonghe');
    await dialog.getByTestId('new-pack-create').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    const tree = page.getByTestId('file-tree');
    for (const n of [1, 2, 3, 4, 5]) await tree.locator(`[data-path="items/ex-00${n}.yaml"]`).waitFor();
    expect(await tree.locator('[data-path="items/ex-001.yaml"]').textContent()).toContain('EX-001');
    expect(await tree.locator('[data-path="items/mz-004.yaml"]').getAttribute('class')).toContain('deleted');
    // The one thing a new center must still decide: how long applicants have to supplement.
    await page.getByTestId('diagnostic').filter({ hasText: 'W-POLICY-NO-SUPPLEMENT-PERIOD' }).waitFor();
    // Besides it only the date-dependent calendar reminder (next year's file is provisional until the State Council's notice).
    const codes = await page.getByTestId('diagnostic').locator('.code').allTextContents();
    expect(codes.filter((c) => c !== 'W-CALENDAR-NEXT-YEAR')).toEqual(['W-POLICY-NO-SUPPLEMENT-PERIOD']);
    await page.locator('[data-testid=editor] .view-lines').getByText('新安镇便民服务中心', { exact: false }).first().waitFor();
    expect(await page.getByTestId('draft-select').locator('option:checked').textContent()).toContain('新安镇便民服务中心');

    // Nothing is published: the live pack is the one before.
    const after = (await (await fetch(`${base}/v1/pack`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { version: string; center: string };
    expect(after).toMatchObject({ version: before.version, center: before.center });
    expect((await liveDecision()).kind).toBe('accepted');
    expect(problems).toEqual([]);
  });
});

describe('修改对比 over a busy register', () => {
  test('lists the first 200 changed cases by number, says how many more changed, and sums up all of them', async () => {
    // 230 applications registered in the last hour (inside the 30 days replayed), all of them
    // accepted today and turned into supplements by the draft below.
    const received = new Date(Date.now() + 8 * 3_600_000 - 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const auth = { authorization: `Bearer ${ADMIN}` };
    for (let i = 0; i < 230; i++) {
      const res = await fetch(`${base}/v1/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ ...ELDER, receivedAt: received, record: true, staff: 'chen-li' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(((await res.json()) as { decision: { kind: string } }).decision.kind).toBe('accepted');
    }
    // The draft, through the API the workbench itself uses: the photo made required.
    const created = await fetch(`${base}/v1/drafts`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ name: '照片改为必要（大量办件）' }) });
    expect(created.status).toBe(201);
    const draftId = ((await created.json()) as { id: string }).id;
    const text = await readFile(path.join(tmp, 'rules/items/mz-004.yaml'), 'utf8');
    const lines = text.split('\n');
    const photo = lines.findIndex((l) => l.includes('- id: photo'));
    const necessity = lines.findIndex((l, i) => i > photo && l.includes('necessity: optional'));
    const changed = lines.map((l, i) => (i === necessity ? l.replace('optional', 'required') : l)).join('\n');
    const put = await fetch(`${base}/v1/drafts/${draftId}/files/items%2Fmz-004.yaml`, { method: 'PUT', headers: { 'content-type': 'text/yaml', ...auth }, body: changed });
    expect(put.status, await put.clone().text()).toBeLessThan(300);

    await page.goto(`${base}/workbench`, { waitUntil: 'networkidle' });
    if (!(await page.getByTestId('token').inputValue())) {
      await page.getByTestId('token').fill(ADMIN);
      await page.getByTestId('token').press('Enter');
    }
    await page.getByTestId('draft-select').selectOption(draftId);
    await openTab('diff');
    const unlisted = page.getByTestId('whatif-unlisted');
    await unlisted.waitFor({ timeout: 120_000 });
    expect(await unlisted.textContent()).toContain('办件只列出按编号最前的 200 件，另有 30 件的处理结果也有变化');
    // The summary counts every change, the 30 left out too: all 230 cases by item, and each move of classification.
    const tally = (await page.getByTestId('whatif-tally').textContent()) ?? '';
    expect(tally).toContain('按事项 MZ-004 高龄津贴申领 230 件');
    expect(Number(/受理件 → 补正件 (\d+) 个/.exec(tally)?.[1])).toBeGreaterThanOrEqual(230);
    const cases = await page.getByTestId('whatif').locator('td.subject').evaluateAll((tds) => tds.map((td) => /^办件：(\S+)/.exec(td.textContent?.trim() ?? '')?.[1]).filter((id): id is string => id !== undefined));
    expect(cases).toHaveLength(200);
    // The first 200 by number: ascending, and the 200th before the 30 left out.
    expect([...cases].sort()).toEqual(cases);
    await shot('workbench-diff-many');
    expect(problems).toEqual([]);
  }, 300_000);
});
