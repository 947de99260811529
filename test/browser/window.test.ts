// The window screen in a real browser (Debian's Chromium through playwright-core), the loop of
// issue 14 as a staff member at the counter does it: sign in with one's own token, search "低保"
// (首问), open the item, answer the questions the decision asks, tick all but one required material,
// see the supplement listing exactly that material, print (the case registered, its notice fetched
// as a PDF: one A4 page), tick the material the applicant brought, accept the same case, see it in
// 我的办件 with its due date, record completion, let the applicant give a bad review, see the
// return-call clock and the staff member's record change; a second review is refused in Chinese.
// A real service on 127.0.0.1 (port 0) over a temp copy of rules/ and a temp data directory.
// Screenshots (1366×768) go to test-artifacts/window/; with BIANMIN_SCREENSHOTS=docs they replace
// the README's, in docs/screenshots/window-*.png (a run never dirties the tree unasked).
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../src/documents/pdf.ts';
import { buildServer } from '../../src/server/app.ts';
import { buildWebIfStale } from './web-build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = process.env.BIANMIN_SCREENSHOTS === 'docs';
const SHOTS = path.join(ROOT, DOCS ? 'docs/screenshots' : 'test-artifacts/window');
const CHEN = 'chen-li-window-token-0123456789'; // 陈丽, 民政窗口 A岗: the token's name is her staff id
const ADMIN = 'window-test-admin-token-0123456789';
const VIEWPORT = { width: 1366, height: 768 };
/** A4 in PDF points (210 × 297 mm). */
const A4 = { width: 595.28, height: 841.89 };


let browser: Browser;
let app: FastifyInstance;
let base = '';
let tmp = '';
let page: Page;
const problems: string[] = [];

/** A complete 低保 application registered for 陈丽 (received now, or at `receivedAt`); its case id. */
async function register(receivedAt?: string): Promise<string> {
  const r = await fetch(`${base}/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${CHEN}` },
    body: JSON.stringify({
      application: {
        item: 'MZ-001',
        intent: 'apply',
        applicant: { type: 'person', hukouLocal: true, householdIncomePerCapita: 300, hasDisabilityCert: false, forDependant: false },
        materials: ['application', 'id-card', 'authorization', 'income-statement', 'bank-account'],
        ...(receivedAt ? { receivedAt } : {}),
      },
      staff: 'chen-li',
    }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { record: { id: string } }).record.id;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `window-${name}.png`), fullPage: false });
}

async function text(testid: string): Promise<string> {
  return (await page.getByTestId(testid).first().textContent()) ?? '';
}

/** The ids listed in the live decision's missing materials, once the decision has settled. */
async function settledDecision(): Promise<{ kind: string; missing: string[] }> {
  const panel = page.getByTestId('decision');
  await expect.poll(async () => panel.getAttribute('data-busy')).toBe('false');
  const kind = (await panel.getAttribute('data-kind')) ?? '';
  const missing = await page.getByTestId('missing-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  return { kind, missing };
}

beforeAll(async () => {
  buildWebIfStale('window');
  await mkdir(SHOTS, { recursive: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'bianmin-window-'));
  await cp(path.join(ROOT, 'rules'), path.join(tmp, 'rules'), { recursive: true });
  app = await buildServer({
    rules: path.join(tmp, 'rules'),
    data: path.join(tmp, 'data'),
    log: false,
    rateLimit: false,
    watch: 'off',
    watchExtra: [],
    tokens: [
      { name: 'chen-li', token: CHEN, role: 'clerk' },
      { name: '测试管理员', token: ADMIN, role: 'admin' },
    ],
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
  await page.exposeFunction('__cspViolation', (t: string) => problems.push(t));
  await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the window screen', () => {
  test('首问 → intake → supplement printed (one A4 PDF) → accepted → my cases → completed → bad review → refused second review', async () => {
    // The landing page links the window screen now.
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    expect(await page.getByTestId('link-window').getAttribute('href')).toBe('/window');

    const res = await page.goto(`${base}/window`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-src 'self' blob:");
    expect(csp).not.toContain('unsafe-eval');
    expect(await text('hint')).toContain('令牌');

    // Sign in: the session names the staff member and her window.
    await page.getByTestId('token').fill(CHEN);
    await page.getByTestId('sign-in').click();
    await expect.poll(() => text('who')).toContain('陈丽');
    expect(await text('who')).toContain('2号民政窗口');

    // 首问: search "低保", the item with its window.
    await page.getByTestId('search').fill('我要办低保');
    await page.getByTestId('search-go').click();
    const match = page.locator('[data-testid=route-match][data-code="MZ-001"]');
    await match.waitFor();
    expect(await match.textContent()).toContain('2号民政窗口');
    await shot('inquiry');
    await match.getByTestId('choose-item').click();
    await page.getByTestId('intake').waitFor();
    expect(await text('first-inquiry')).toBe('陈丽');

    // The questions the decision asks, in its order (eligibility first); answer them all.
    await expect.poll(async () => page.getByTestId('question').count()).toBeGreaterThan(0);
    const asked = await page.getByTestId('question').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')));
    expect(asked.slice(0, 2)).toEqual(['hukouLocal', 'householdIncomePerCapita']);
    await page.getByTestId('answer-hukouLocal-yes').click();
    await page.getByTestId('answer-householdIncomePerCapita').fill('480');
    // Material-deciding questions, answered as they are shown.
    for (let round = 0; round < 6; round++) {
      await settledDecision();
      const open = Number(await page.getByTestId('questions').getAttribute('data-open'));
      if (open === 0) break;
      const next = page.locator('[data-testid=question][data-answered=false]').first();
      const fact = await next.getAttribute('data-fact');
      const no = page.getByTestId(`answer-${fact}-no`);
      if (await no.count()) await no.click();
      else throw new Error(`未预料的问题：${fact}`);
    }
    expect(Number(await page.getByTestId('questions').getAttribute('data-open'))).toBe(0);
    const answered = await page.getByTestId('question').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')));
    expect(answered).toEqual(expect.arrayContaining(['hukouLocal', 'householdIncomePerCapita', 'hasDisabilityCert', 'forDependant']));

    // The checklist: the fetched material needs nothing; no material left undecided.
    expect(await text('fetched-household-register')).toBe('中心调取，无需提交');
    expect(await page.locator('[data-testid=material][data-required=unknown]').count()).toBe(0);
    // Tick every required material but one (家庭收入和财产情况声明).
    const tickable = await page.locator('[data-testid=material]').evaluateAll((rows) =>
      rows.filter((r) => r.querySelector('input[type=checkbox]')).map((r) => ({ id: r.getAttribute('data-id')!, necessity: r.getAttribute('data-necessity')! })),
    );
    const required = tickable.filter((m) => m.necessity === 'core' || m.necessity === 'required').map((m) => m.id);
    expect(required).toEqual(expect.arrayContaining(['application', 'id-card', 'authorization', 'income-statement']));
    for (const id of required) if (id !== 'income-statement') await page.getByTestId(`tick-${id}`).check();
    let decision = await settledDecision();
    expect(decision).toEqual({ kind: 'supplement', missing: ['income-statement'] });
    expect(await text('decision-kind')).toBe('补正件');
    expect(await text('missing')).toContain('家庭收入和财产情况声明');

    // The applicant's identity, for the register only.
    await page.getByTestId('applicant-name').fill('王小明');
    await page.getByTestId('applicant-id').fill('320101194001011234');
    await page.getByTestId('applicant-phone').fill('13912345678');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('intake');

    // One click: registered, the supplement notice fetched as PDF and shown in the frame.
    const printed = page.waitForResponse((r) => r.url().includes('/notices/') && r.request().method() === 'GET');
    await page.getByTestId('print').click();
    const pdfResponse = await printed;
    expect(pdfResponse.status()).toBe(200);
    expect(pdfResponse.headers()['content-type']).toContain('application/pdf');
    const registered = page.getByTestId('registered');
    await registered.waitFor();
    const caseId = (await registered.getAttribute('data-case'))!;
    expect(caseId).toMatch(/^\d{4}-\d{6}$/);
    expect(await registered.getAttribute('data-kind')).toBe('supplement');
    const notice = (await registered.getAttribute('data-notice'))!;
    expect(notice).toMatch(/^青便〔\d{4}〕\d+号$/);
    const frame = page.getByTestId('pdf-frame');
    await frame.waitFor();
    const blobUrl = (await frame.getAttribute('src'))!;
    expect(blobUrl.startsWith('blob:')).toBe(true);
    // The frame shows the PDF the service answers for that number (the page's CSP lets the test
    // read nothing from the blob itself: the same notice is fetched again with the token).
    const again = await fetch(`${base}/notices/${encodeURIComponent(notice)}`, { headers: { accept: 'application/pdf', authorization: `Bearer ${CHEN}` } });
    expect(again.headers.get('content-type')).toContain('application/pdf');
    const bytes = Buffer.from(await again.arrayBuffer());
    expect(Math.abs(Number(await frame.getAttribute('data-bytes')) - bytes.length)).toBeLessThan(bytes.length * 0.05);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const size = pdf.getPage(0).getSize();
    expect(Math.abs(size.width - A4.width)).toBeLessThan(2);
    expect(Math.abs(size.height - A4.height)).toBeLessThan(2);
    // The identity went to the register and left the screen.
    expect(await page.getByTestId('applicant').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('王小明');
    // For the screenshot only: the browser's PDF viewer draws the page after the frame has loaded.
    await frame.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await shot('printed');

    // The register has the whole identity; the case was numbered with that notice, first inquiry recorded.
    const stored = (await (await fetch(`${base}/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${CHEN}` } })).json()) as {
      record: { firstInquiry: string; noticeNumber: string; application: { applicant: { name: string } } };
      status: string;
    };
    expect(stored.record).toMatchObject({ firstInquiry: 'chen-li', noticeNumber: notice, application: { applicant: { name: '王小明' } } });
    expect(stored.status).toBe('supplement');

    // The applicant brings the statement: tick it, the decision is an acceptance, accept the same case.
    await page.getByTestId('tick-income-statement').check();
    decision = await settledDecision();
    expect(decision).toEqual({ kind: 'accepted', missing: [] });
    expect(await text('decision-mode')).toContain('上报件');
    expect(await text('due-promised')).toMatch(/25 个工作日，\d{4}-\d{2}-\d{2} \d{2}:\d{2} 前/);
    await page.getByTestId('accept-supplement').click();
    await page.getByTestId('accepted-result').waitFor();
    const acceptedDue = await text('accepted-due');
    expect(acceptedDue).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // 我的办件: the case with its due date and events; applicant masked.
    await page.getByTestId('go-cases').click();
    const card = page.locator(`[data-testid=case-card][data-id="${caseId}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('accepted');
    expect(await card.getByTestId('due').textContent()).toBe(acceptedDue);
    expect(await card.getByTestId('remaining').textContent()).toMatch(/^剩余 /);
    expect(await card.getByTestId('applicant-masked').textContent()).toBe('王*明');
    expect(await card.getByTestId('event').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual(['received', 'supplement-notified', 'accepted']);
    expect(await page.getByTestId('record-bad-reviews').textContent()).toBe('0');
    expect(await page.locator('body').textContent()).not.toContain('320101194001011234');
    await shot('cases');

    // Record completion: one action; the case moves to today's concluded, waiting for its review.
    await card.getByTestId('event-completed').click();
    const done = page.locator(`[data-testid=concluded-card][data-id="${caseId}"]`);
    await done.waitFor();
    expect(await card.count()).toBe(0);

    // 好差评: the applicant presses 不满意 (bad), with one indicator.
    await done.getByTestId('open-review').click();
    const panel = page.getByTestId('review-panel');
    await panel.waitFor();
    const grades = await panel.locator('.grade').evaluateAll((els) => els.map((e) => e.textContent?.trim()));
    expect(grades).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await page.getByTestId('grade-3').click();
    await page.getByTestId('indicators').locator('summary').click();
    await page.getByTestId('indicator-attitude').selectOption('不满意');
    await page.getByTestId('review-submit').click();
    const result = page.getByTestId('review-result');
    await result.waitFor();
    expect(await result.getAttribute('data-bad')).toBe('true');
    expect(await text('callback-due')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await text('rectification-due')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect.poll(() => text('record-change')).toContain('差评 0 → 1 次');
    await shot('review');

    // A second review of the same case is refused, the service's Chinese error shown with its place.
    await page.getByTestId('grade-0').click();
    await page.getByTestId('review-submit').click();
    const refused = page.getByTestId('review-error');
    await refused.waitFor();
    const message = (await refused.textContent()) ?? '';
    expect(message).toContain('E-REVIEW-DUPLICATE');
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('review-close').click();
    // The record the staff member sees counts the bad review.
    await expect.poll(() => text('record-bad-reviews')).toBe('1');
    expect(await page.locator(`[data-testid=concluded-card][data-id="${caseId}"]`).getByTestId('reviewed').textContent()).toContain('不满意');
    expect(problems).toEqual([]);
  });

  test('a red card stays on screen; others fold away', async () => {
    // A case accepted long ago: red. One accepted today: normal.
    const red = await register('2026-01-05T09:00:00+08:00');
    const normal = await register();
    await page.getByTestId('tab-cases').click();
    await page.getByTestId('refresh').click();
    const redCard = page.locator(`[data-testid=case-card][data-id="${red}"]`);
    await redCard.waitFor();
    expect(await redCard.getAttribute('data-level')).toBe('red');
    expect(await redCard.getByTestId('remaining').textContent()).toMatch(/^已超期 /);
    // Red first, and it has no way to be hidden.
    expect(await page.getByTestId('case-card').first().getAttribute('data-id')).toBe(red);
    expect(await redCard.getByTestId('hide-card').count()).toBe(0);
    expect(Number(await text('red-count'))).toBeGreaterThanOrEqual(1);
    await shot('red-card');
    const normalCard = page.locator(`[data-testid=case-card][data-id="${normal}"]`);
    await normalCard.getByTestId('hide-card').click();
    expect(await normalCard.count()).toBe(0);
    expect(await redCard.count()).toBe(1);
    await page.getByTestId('show-hidden').click();
    await normalCard.waitFor();
    // Suspending needs a reason: one action with its reason, refused without.
    await normalCard.getByTestId('event-suspended').click();
    await normalCard.getByTestId('event-reason').fill('入户调查核实家庭经济状况');
    await normalCard.getByTestId('event-confirm').click();
    await expect.poll(async () => normalCard.getAttribute('data-status')).toBe('suspended');
    await normalCard.getByTestId('event-resumed').click();
    await expect.poll(async () => normalCard.getAttribute('data-status')).toBe('accepted');
    expect(problems).toEqual([]);
  });

  test('more open cases than the page lists: the most urgent shown, the rest counted and said', async () => {
    const mine = async (): Promise<{ totals: { open: number }; cases: unknown[] }> => (await fetch(`${base}/v1/staff/chen-li/cases`, { headers: { authorization: `Bearer ${CHEN}` } })).json() as Promise<{ totals: { open: number }; cases: unknown[] }>;
    const before = (await mine()).totals.open;
    for (let i = before; i < 305; i++) await register();
    expect((await mine()).totals.open).toBe(Math.max(before, 305));
    await page.getByTestId('tab-cases').click();
    await page.getByTestId('refresh').click();
    const open = Math.max(before, 305);
    await expect.poll(async () => text('open-count')).toBe(String(open));
    expect(await page.getByTestId('case-card').count()).toBe(300);
    expect(await text('unlisted-cases')).toContain(`按紧急程度列出最前的 300 件，另有 ${open - 300} 件在办未列出`);
    await shot('cases-unlisted');
    expect(problems).toEqual([]);
  });

  test('首问 of a matter for an outside organ: its address and phone, and the refusal notice that names it; a consultation prints the one-time notice', async () => {
    await page.getByTestId('tab-intake').click();
    await page.getByTestId('search').fill('办护照');
    await page.getByTestId('search-go').click();
    const referral = page.locator('[data-testid=route-match][data-kind=referral]').first();
    await referral.waitFor();
    const where = (await referral.getByTestId('referral').textContent()) ?? '';
    expect(where).toContain('梧溪县公安局出入境管理大队');
    expect(where).toContain('0856-2321110');
    await referral.getByTestId('choose-referral').click();
    await page.getByTestId('intake').waitFor();
    expect((await settledDecision()).kind).toBe('rejected');
    expect(await text('route-to')).toContain('梧溪县公安局出入境管理大队');
    await page.getByTestId('print').click();
    const refused = page.getByTestId('registered');
    await refused.waitFor();
    expect(await refused.getAttribute('data-kind')).toBe('rejected');
    await page.getByTestId('pdf-frame').waitFor();

    // A consultation: the one-time notice, registered as a consultation (咨询件也要登记).
    await page.getByTestId('search').fill('高龄津贴');
    await page.getByTestId('search-go').click();
    await page.locator('[data-testid=route-match][data-code="MZ-004"]').getByTestId('choose-item').click();
    await page.getByTestId('intent-consult').check();
    await expect.poll(async () => page.getByTestId('decision').getAttribute('data-kind')).toBe('consultation');
    expect(await page.getByTestId('materials').count()).toBe(0);
    await page.getByTestId('print').click();
    const consulted = page.getByTestId('registered');
    await consulted.waitFor();
    expect(await consulted.getAttribute('data-kind')).toBe('consultation');
    const number = (await consulted.getAttribute('data-notice'))!;
    const pdf = await fetch(`${base}/notices/${encodeURIComponent(number)}`, { headers: { accept: 'application/pdf', authorization: `Bearer ${CHEN}` } });
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const doc = await PDFDocument.load(Buffer.from(await pdf.arrayBuffer()));
    expect(Math.abs(doc.getPage(0).getSize().width - A4.width)).toBeLessThan(2);
    await page.getByTestId('pdf-frame').waitFor();
    expect(problems).toEqual([]);
  });

  test('API errors are shown in Chinese with their location', async () => {
    // A wrong token: the service's located Chinese error, in the banner.
    await page.getByTestId('token').fill('not-a-configured-token-000000');
    await page.getByTestId('sign-in').click();
    const banner = page.getByTestId('problem');
    await banner.waitFor();
    const message = (await banner.textContent()) ?? '';
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toContain('位置：header.authorization');
    expect(message).toContain('E-AUTH-INVALID');
    // A token that is not a staff member's: told so, no intake.
    await page.getByTestId('token').fill(ADMIN);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('not-staff').waitFor();
    expect(await page.getByTestId('intake').count()).toBe(0);
  });
});
