// The citizen's self-service screen (/kiosk) in a real browser (Debian's Chromium through
// playwright-core), touched as a hall touch screen is: portrait 1080×1920 (and landscape
// 1920×1080), no token. From the first screen to an item's one-time notice in at most three
// touches; body text ≥ 28 px and every button ≥ 48 px, measured from the DOM; the yes/no answers
// change the material list live; the QR code, photographed on the screen, decodes to the item's
// guide at the public address; two minutes without a touch go back to the start.
// A real service on 127.0.0.1 (port 0) over the sample pack and a temp data directory.
// Screenshots go to test-artifacts/kiosk/; with BIANMIN_SCREENSHOTS=docs they replace the
// README's, in docs/screenshots/kiosk-*.png (a run never dirties the tree unasked).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePixels } from '../documents/qr-decode.ts';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../src/documents/pdf.ts';
import { buildServer } from '../../src/server/app.ts';
import { buildWebIfStale } from './web-build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(ROOT, process.env.BIANMIN_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-artifacts/kiosk');
const PUBLIC_URL = 'https://bm.example.gov.cn/qingshi';
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

let browser: Browser;
let app: FastifyInstance;
let base = '';
let tmp = '';

beforeAll(async () => {
  buildWebIfStale('kiosk');
  await mkdir(SHOTS, { recursive: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'bianmin-kiosk-'));
  app = await buildServer({
    rules: path.join(ROOT, 'rules'),
    data: path.join(tmp, 'data'),
    log: false,
    rateLimit: false,
    watch: 'off',
    watchExtra: [],
    publicUrl: PUBLIC_URL,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Screen {
  readonly context: BrowserContext;
  readonly page: Page;
  /** CSP violations, page errors and failed requests seen so far. */
  readonly problems: string[];
}

/** A touch screen of this size (touch events, no mouse hover), with the page clock under the test's control. */
async function touchScreen(viewport: { width: number; height: number }): Promise<Screen> {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.exposeFunction('__cspViolation', (text: string) => problems.push(text));
  await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))");
  await page.clock.install();
  return { context, page, problems };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/**
 * What is too small on the screen as it is now: every visible element with text of its own whose
 * computed font size is under 28 px, and every visible button, link or input under 48×48 px.
 */
async function tooSmall(page: Page): Promise<{ texts: string[]; targets: string[]; checkedTexts: number; checkedTargets: number }> {
  return page.evaluate<{ texts: string[]; targets: string[]; checkedTexts: number; checkedTargets: number }>(TOO_SMALL);
}

/** Runs in the page (a string: the tests are compiled without the DOM library). */
const TOO_SMALL = `(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const texts = [];
  const targets = [];
  let checkedTexts = 0;
  let checkedTargets = 0;
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!visible(el)) continue;
    const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (own || el instanceof HTMLInputElement) {
      checkedTexts++;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 28) texts.push(el.tagName.toLowerCase() + ' ' + size + 'px「' + (el.textContent ?? '').trim().slice(0, 20) + '」');
    }
    if (el.matches('button, a[href], input, select, textarea, [role=button]')) {
      checkedTargets++;
      const r = el.getBoundingClientRect();
      if (r.width < 48 || r.height < 48) targets.push(el.tagName.toLowerCase() + ' ' + Math.round(r.width) + '×' + Math.round(r.height) + '「' + (el.textContent ?? '').trim().slice(0, 20) + '」');
    }
  }
  return { texts, targets, checkedTexts, checkedTargets };
})()`;

async function expectLarge(page: Page, where: string): Promise<void> {
  const found = await tooSmall(page);
  expect(found.checkedTexts, where).toBeGreaterThan(5);
  expect(found.checkedTargets, where).toBeGreaterThan(1);
  expect(found.texts, `${where}：字号小于 28px`).toEqual([]);
  expect(found.targets, `${where}：触摸目标小于 48px`).toEqual([]);
}

/** The ids of the materials listed now, each with whether it is needed (yes) or depends (unknown). */
async function materialList(page: Page): Promise<Record<string, string>> {
  const rows = page.getByTestId('material');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out[(await row.getAttribute('data-material'))!] = (await row.getAttribute('data-required'))!;
  }
  return out;
}

/** Waits until the notice shows the decision of the answers given (no request in flight). */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid=notice][aria-busy=false]').waitFor();
}

describe('the kiosk, portrait 1080×1920', () => {
  test('first screen → the one-time notice of 高龄津贴 in two touches; large type and targets; answers refine the list; QR decodes; idle reset', async () => {
    const { context, page, problems } = await touchScreen(PORTRAIT);
    const res = await page.goto(`${base}/kiosk`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    // The landing page's CSP, unchanged: scripts only from the service, images from it (the QR code).
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('unsafe-eval');

    // The first screen: 我要办什么, a button per life event of center.yaml and per window with items, one search box.
    await page.getByTestId('life-event').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('我要办什么');
    const events = await page.getByTestId('life-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(events).toEqual(['shengyu', 'jiuye', 'yanglao', 'jiuzhu', 'canji', 'tuiyi', 'jianfang', 'shenhou', 'suqiu']);
    expect(await page.getByTestId('window').count()).toBe(8);
    expect(await page.locator('input').count()).toBe(1);
    await expectLarge(page, '首屏（竖屏）');
    await shot(page, 'kiosk-home');

    // Touch 1: 养老保障; touch 2: 高龄津贴申领 → its notice.
    let touches = 0;
    await page.locator('[data-testid=life-event][data-event=yanglao]').tap();
    touches++;
    await page.locator('[data-testid=item][data-item="MZ-004"]').tap();
    touches++;
    await page.getByTestId('item-name').waitFor();
    await settled(page);
    expect(touches).toBeLessThanOrEqual(3);
    expect(await page.getByTestId('item-name').textContent()).toBe('高龄津贴申领');

    // What to bring: the conditional materials with their condition; where; how long; what it costs.
    const before = await materialList(page);
    expect(before).toMatchObject({ 'id-card': 'yes', application: 'yes', 'proxy-id-card': 'unknown', 'power-of-attorney': 'unknown' });
    const proxy = page.locator('[data-testid=material][data-material=proxy-id-card]');
    expect(await proxy.getByTestId('material-condition').textContent()).toContain('代老年人申请时提供');
    expect(await page.getByTestId('where').textContent()).toContain('2号窗口 · 民政窗口');
    expect(await page.getByTestId('where').textContent()).toContain('大厅东侧');
    expect(await page.getByTestId('where').textContent()).toContain('人民路88号');
    expect(await page.getByTestId('how-long').textContent()).toContain('受理后 10个工作日内办结');
    expect(await page.getByTestId('free').textContent()).toBe('免费');
    // The questions of the decision: eligibility first (户籍, 年龄), then the material one (代他人申请).
    const asked = await page.getByTestId('question').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
    expect(asked).toEqual(['hukouLocal', 'age', 'forDependant']);
    await expectLarge(page, '一次性告知（竖屏）');
    await shot(page, 'kiosk-notice');

    // 否 to 代他人申请: the proxy's ID card and the power of attorney leave the list at once.
    await page.locator('[data-question=forDependant] [data-answer=false]').tap();
    await settled(page);
    await page.locator('[data-testid=material][data-material=proxy-id-card]').waitFor({ state: 'detached' });
    const ownBehalf = await materialList(page);
    expect(ownBehalf['proxy-id-card']).toBeUndefined();
    expect(ownBehalf['power-of-attorney']).toBeUndefined();
    expect(Object.keys(ownBehalf).length).toBe(Object.keys(before).length - 2);
    expect(await page.locator('[data-question=forDependant]').count()).toBe(0);
    // Undo, then 是: both are needed, no longer "if".
    await page.locator('[data-testid=answered-fact][data-fact=forDependant]').tap();
    await settled(page);
    await page.locator('[data-question=forDependant] [data-answer=true]').tap();
    await settled(page);
    await page.locator('[data-testid=material][data-material=proxy-id-card][data-required=yes]').waitFor();
    const forOther = await materialList(page);
    expect(forOther).toMatchObject({ 'proxy-id-card': 'yes', 'power-of-attorney': 'yes' });

    // The age on the keypad (touches, no typing): 7, 5, 确定 → the age condition is not met.
    await page.locator('[data-question=age] [data-key="7"]').tap();
    await page.locator('[data-question=age] [data-key="5"]').tap();
    expect(await page.getByTestId('keyed-age').textContent()).toContain('75');
    await page.locator('[data-question=age] [data-key=ok]').tap();
    await settled(page);
    expect(await page.getByTestId('unmet').textContent()).toContain('申请对象年满80周岁');
    expect(await page.locator('[data-question=age]').count()).toBe(0);
    await expectLarge(page, '回答问题后（竖屏）');
    await page.getByTestId('questions').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'kiosk-questions');

    // The QR code, as the screen shows it, decodes to the same guide online at the public address.
    const qr = page.getByTestId('qr-image');
    await qr.scrollIntoViewIfNeeded();
    await page.waitForFunction("(() => { const img = document.querySelector('[data-testid=qr-image]'); return img !== null && img.complete && img.naturalWidth > 0; })()");
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = decodePixels(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(decoded).toBe(`${PUBLIC_URL}/v1/items/MZ-004/guide`);

    // Two minutes without a touch: back to the first screen, the answers forgotten.
    // (The page clock also runs on its own: a touch first, so the two minutes start now.)
    await page.getByTestId('item-name').tap();
    await page.clock.fastForward(110_000);
    expect(await page.getByTestId('notice').count()).toBe(1);
    await page.clock.fastForward(15_000);
    await page.getByTestId('home').waitFor();
    await page.locator('[data-testid=life-event][data-event=yanglao]').tap();
    await page.locator('[data-testid=item][data-item="MZ-004"]').tap();
    await settled(page);
    expect(await page.getByTestId('question').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')))).toEqual(['hukouLocal', 'age', 'forDependant']);

    // 返回首页 is always there.
    await page.getByTestId('home-button').tap();
    await page.getByTestId('home').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('search (the only typing) finds an item, and says where to go for what is not handled here', async () => {
    const { context, page, problems } = await touchScreen(PORTRAIT);
    await page.goto(`${base}/kiosk`, { waitUntil: 'networkidle' });
    await page.getByTestId('search-input').tap();
    await page.keyboard.type('社保卡');
    await page.getByTestId('search-button').tap();
    await page.locator('[data-testid=item][data-item="RS-003"]').tap();
    await settled(page);
    // A fee is said in yuan, with nothing else charged.
    expect(await page.getByTestId('fee').first().textContent()).toContain('20元');
    expect(await page.getByTestId('cost').textContent()).toContain('除此以外不收任何费用');
    // 原卡损坏: the old card is needed only when it is damaged.
    expect((await materialList(page))['old-card']).toBe('unknown');
    await page.locator('[data-question=cardDamaged] [data-answer=false]').tap();
    await settled(page);
    expect((await materialList(page))['old-card']).toBeUndefined();
    await expectLarge(page, '收费事项（竖屏）');
    await page.getByTestId('home-button').tap();
    await page.getByTestId('home').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    // 护照 is not handled here: the organ, its address and phone instead (首问负责: never just "no").
    await page.getByTestId('search-input').tap();
    await page.keyboard.type('办护照');
    await page.keyboard.press('Enter');
    const elsewhere = page.getByTestId('elsewhere');
    await elsewhere.waitFor();
    expect(await elsewhere.textContent()).toContain('请到：梧溪县公安局出入境管理大队');
    expect(await elsewhere.textContent()).toContain('电话：0856-2321110');
    await expectLarge(page, '不归本中心办理（竖屏）');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the kiosk, landscape 1920×1080', () => {
  test('the same sizes hold: first screen, a window, and a notice in two columns', async () => {
    const { context, page, problems } = await touchScreen(LANDSCAPE);
    await page.goto(`${base}/kiosk`, { waitUntil: 'networkidle' });
    await page.getByTestId('life-event').first().waitFor();
    await expectLarge(page, '首屏（横屏）');
    await shot(page, 'kiosk-landscape-home');
    // By window: 5号 残联窗口 → 残疾人证办理.
    await page.locator('[data-testid=window][data-window=canlian-window]').tap();
    await expectLarge(page, '窗口的事项（横屏）');
    await page.locator('[data-testid=item][data-item="CL-001"]').tap();
    await settled(page);
    await page.getByTestId('item-name').waitFor();
    await expectLarge(page, '一次性告知（横屏）');
    // Two columns: what to bring on the left, where / how long / cost / QR on the right.
    const left = await page.getByTestId('materials').boundingBox();
    const right = await page.getByTestId('where').boundingBox();
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    await shot(page, 'kiosk-landscape-notice');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the kiosk without a public address', () => {
  test('shows no QR code (and asks for none) when serve has no --public-url', async () => {
    const other = await buildServer({ rules: path.join(ROOT, 'rules'), data: path.join(tmp, 'data-plain'), log: false, rateLimit: false, watch: 'off', watchExtra: [] });
    await other.listen({ host: '127.0.0.1', port: 0 });
    const address = other.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { context, page, problems } = await touchScreen(PORTRAIT);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${url}/kiosk`, { waitUntil: 'networkidle' });
      await page.locator('[data-testid=life-event][data-event=shenhou]').tap();
      await page.locator('[data-testid=item][data-item="MZ-005"]').tap();
      await settled(page);
      await page.getByTestId('item-name').waitFor();
      expect(await page.getByTestId('qr').count()).toBe(0);
      expect(asked.filter((p) => p.endsWith('/qr.svg'))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await other.close();
    }
  });
});
