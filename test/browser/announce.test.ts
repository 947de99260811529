// 预公开 and the hall screen in a real browser (Debian's Chromium through playwright-core), served
// by a real service on 127.0.0.1 (port 0) over the sample rules and a temp data directory: a change
// announced for 2027-01-01 shows its old → new values on the guide, the board and the hall screen;
// the screen marks today's duty leader, shows conditional materials with their condition, and is
// legible on a portrait 1080×1920 screen (body ≥ 28 px) as on a landscape 1920×1080 one.
// Screenshots go to test-artifacts/announce/; with BIANMIN_SCREENSHOTS=docs they go to
// docs/screenshots/ (screen-landscape.png, screen-portrait.png) — a run never dirties the tree unasked.
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../src/documents/pdf.ts';
import { buildServer } from '../../src/server/app.ts';
import { shanghaiToday } from '../../src/server/today.ts';
import { loadPack } from '../../src/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES = path.join(ROOT, 'rules');
const SHOTS = path.join(ROOT, process.env.BIANMIN_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-artifacts/announce');
/** A Wednesday with a roster entry (李秀英 leads, 郭磊 on duty), a month before the changes apply. */
const DAY = '2026-12-02';
const LIMIT_LINE = '承诺期限：10个工作日 → 7个工作日';
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

let browser: Browser;
let app: FastifyInstance;
let base = '';
let dataDir = '';

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  dataDir = path.join(os.tmpdir(), `bianmin-browser-announce-${process.pid}`);
  app = await buildServer({ rules: RULES, data: dataDir, log: false, watch: 'off', rateLimit: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Opens `url` at `viewport`, the hall screen's slow scroll held still (reduced motion). */
async function open(url: string, viewport = LANDSCAPE): Promise<Page> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(`${base}${url}`, { waitUntil: 'networkidle' });
  expect(res?.status()).toBe(200);
  expect(errors).toEqual([]);
  return page;
}

/** What the page shows as text (rendered, not the markup). */
function shown(page: Page): Promise<string> {
  return page.evaluate<string>('document.body.innerText');
}

describe('a pre-disclosed change shows its old and new values', () => {
  test('on the guide: the computed line, the officer’s note, the date and the reference', async () => {
    const page = await open(`/v1/items/MZ-004/guide?date=${DAY}`);
    const text = await shown(page);
    expect(text).toMatch(/即将施行的变更（预公开）\s+自2027年1月1日起，本事项调整以下内容：/);
    expect(text).toContain(LIMIT_LINE);
    expect(text).toContain('法定时限不变');
    expect(text).toContain('梧府办发〔2026〕18号');
    expect(text).not.toContain('起调整：办理时限');
    // Still today's value in the facts table.
    expect(text).toMatch(/承诺时限\s*10个工作日/);
    await page.close();
  });

  test('on the board: in each changing item’s section', async () => {
    const page = await open(`/board?date=${DAY}`);
    const text = await shown(page);
    expect(text).toContain(LIMIT_LINE);
    expect(text).toContain('新增材料：家庭收入和财产状况诚信承诺书（必要）');
    expect(text).toContain('取消材料：居民户口簿');
    expect(text).toContain('材料要求变更：本人银行账户（社会保障卡金融账户或“一卡通”存折）（容缺，受理后10个工作日内补交 → 可选）');
    await page.close();
  });

  test('on the hall screen: a card per change, and a line on the item’s card', async () => {
    const page = await open(`/board?screen=1&date=${DAY}`);
    const cards = await page.locator('.card.change').allInnerTexts();
    const mz004 = cards.find((c) => c.startsWith('高龄津贴申领'));
    expect(mz004).toContain(LIMIT_LINE);
    expect(mz004).toContain('依据：《梧溪县人民政府办公室关于进一步压缩政务服务事项办理时限的通知》');
    const mz001 = cards.find((c) => c.startsWith('最低生活保障审核'));
    expect(mz001).toContain('取消材料：居民户口簿');
    // The item's own card points to it.
    expect(await page.locator('.window .card', { hasText: '高龄津贴申领' }).locator('.soon').innerText()).toBe('2027年1月1日起本事项有调整，详见“预公开”');
    await page.close();
  });
});

describe('the hall screen', () => {
  test("marks today's duty leader, landscape 1920×1080", async () => {
    const page = await open(`/board?screen=1&date=${DAY}`);
    const banner = page.locator('#duty-today');
    expect(await banner.innerText()).toMatch(/今日带班领导\s+李秀英（.+）\s+值班\s+郭磊/);
    // In view at the top, not somewhere down the roster.
    const box = await banner.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(LANDSCAPE.height);
    const today = page.locator('.card.today');
    expect(await today.count()).toBe(1);
    expect(await today.innerText()).toMatch(/^2026年12月2日\s+星期三（今日）\s+带班：李秀英\s+值班：郭磊$/);
    // Set apart by its colour from the other days.
    const colours = await page.evaluate<string[]>(
      "[document.querySelector('.roster .card.today'), document.querySelector('.roster .card:not(.today)')].map((e) => getComputedStyle(e).backgroundColor)",
    );
    expect(colours[0]).not.toBe(colours[1]);
    const body = await page.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)');
    expect(body).toBeGreaterThanOrEqual(28);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(LANDSCAPE.width);
    await page.screenshot({ path: path.join(SHOTS, 'screen-landscape.png') });
    await page.close();
  });

  test('portrait 1080×1920: body and the smallest text ≥ 28 px, one column, nothing wider than the screen', async () => {
    const page = await open(`/board?screen=1&date=${DAY}`, PORTRAIT);
    const body = await page.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)');
    expect(body).toBeGreaterThanOrEqual(28);
    // Every element holding text directly: none smaller than 28 px.
    const smallest = await page.evaluate<number>(
      "Math.min(...[...document.querySelectorAll('main *, .bar *')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize)))",
    );
    expect(smallest).toBeGreaterThanOrEqual(28);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PORTRAIT.width);
    const columns = await page.evaluate<string>("getComputedStyle(document.querySelector('.window .grid')).gridTemplateColumns");
    expect(columns.trim().split(/\s+/)).toHaveLength(1);
    expect(await page.locator('#duty-today').innerText()).toContain('李秀英');
    expect(await page.locator('.card.today').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'screen-portrait.png') });
    await page.close();
  });

  test('conditional materials show their condition, not a plain 必要', async () => {
    const page = await open(`/board?screen=1&date=${DAY}`);
    const card = await page.locator('.window .card', { hasText: '高龄津贴申领' }).innerText();
    expect(card).toContain('代办人居民身份证（子女或其他亲属代老年人申请时提供）');
    expect(card).toContain('老年人居民身份证（主件）');
    expect(card).not.toMatch(/代办人居民身份证（必要）/);
    await page.close();
  });

  test("without a date the screen is today's (Beijing) and marks today exactly when the roster has it", async () => {
    const today = shanghaiToday();
    const pack = (await loadPack(RULES)).data;
    const onRoster = (pack.center.dutyRoster ?? []).some((m) => m.days.some((d) => d.date === today));
    const page = await open('/board?screen=1');
    expect(await page.locator('.card.today').count()).toBe(onRoster ? 1 : 0);
    expect(await page.locator('#duty-today').count()).toBe(onRoster ? 1 : 0);
    await page.close();
  });
});
