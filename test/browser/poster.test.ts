// The board as posted, in the system Chromium: every window poster of the sample on A3 is one A3
// page (pdf-lib reads the page size), holds its window's items, and each QR code on it — photographed
// from the rendered poster and decoded with jsQR — opens that item's guide under the public URL. The
// center board fills one A3 page, and the binder's contents give the pages its items start on.
// Screenshots go to test-artifacts/posters/; with
// BIANMIN_SCREENSHOTS=docs they replace docs/screenshots/center-board.png and window-poster.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { decodePixels } from '../documents/qr-decode.ts';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PdfRenderer, renderBoard, type BoardReviewsInput } from '../../src/documents/index.ts';
import { launchChromium } from '../../src/documents/pdf.ts';
import type { PackData } from '../../src/pack/index.ts';
import { samplePack } from '../documents/sample.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, process.env.BIANMIN_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-artifacts/posters');
const PUBLIC_URL = 'https://bm.example.gov.cn/qingshi';
const DATE = '2026-12-01';
/** A3 in PDF points (1/72 inch). */
const A3 = { width: (297 / 25.4) * 72, height: (420 / 25.4) * 72 };


let browser: Browser;
let renderer: PdfRenderer;
// Loaded before the tests are collected: there is one test per window of the pack.
const pack: PackData = (await samplePack()).data;

beforeAll(async () => {
  browser = await launchChromium();
  renderer = await PdfRenderer.open({ browser });
  await mkdir(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await renderer?.close();
  await browser?.close();
});

async function open(html: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1200 }, deviceScaleFactor: 2 });
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => true)');
  return page;
}

async function pdfPages(html: string): Promise<Array<{ width: number; height: number }>> {
  const pdf = await renderer.print(html, { paper: 'A3', pageNumbers: false });
  return (await PDFDocument.load(pdf)).getPages().map((p) => ({ width: p.getWidth(), height: p.getHeight() }));
}

/** Chromium sizes the sheet in whole CSS pixels: within a point (0.35 mm) of A3. */
function expectA3(page: { width: number; height: number }): void {
  expect(Math.abs(page.width - A3.width)).toBeLessThan(1);
  expect(Math.abs(page.height - A3.height)).toBeLessThan(1);
}

function windowsInOrder() {
  return [...pack.center.windows].sort((a, b) => a.number - b.number);
}

describe('window posters on A3', () => {
  test.each(windowsInOrder().map((w) => [w.number, w.id] as const))("%i号窗口: one A3 page with the window's items, each QR code decoding to its guide", async (number, id) => {
    const doc = renderBoard(pack, { layout: 'window', window: id, date: DATE, publicUrl: PUBLIC_URL });
    const pages = await pdfPages(doc.html);
    expect(pages).toHaveLength(1);
    expectA3(pages[0]!);

    const items = [...pack.items.values()].map((i) => i.data).filter((i) => i.window === id).sort((a, b) => (a.code < b.code ? -1 : 1));
    const page = await open(doc.html, 1124);
    try {
      const text = (await page.evaluate('document.body.innerText')) as string;
      expect(text).toContain(`${number}\n号窗口`);
      for (const item of items) expect(text).toContain(item.name);
      const qrs = page.locator('figure.qr img');
      expect(await qrs.count()).toBe(items.length);
      for (let i = 0; i < items.length; i++) {
        // The rendered QR image as the page shows it, photographed and read back.
        const png = PNG.sync.read(await qrs.nth(i).screenshot());
        const decoded = decodePixels(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
        expect(decoded).toBe(`${PUBLIC_URL}/v1/items/${items[i]!.code}/guide`);
      }
      if (id === 'minzheng-window') await page.locator('.poster').first().screenshot({ path: path.join(SHOTS, 'window-poster.png'), scale: 'css' });
    } finally {
      await page.close();
    }
  });

  test('all windows in one document: a page per window; A1 scales the same poster to one A1 page', async () => {
    const all = await pdfPages(renderBoard(pack, { layout: 'window', date: DATE, publicUrl: PUBLIC_URL }).html);
    expect(all).toHaveLength(pack.center.windows.length);
    const a1 = await pdfPages(renderBoard(pack, { layout: 'window', window: 'minzheng-window', paper: 'A1', date: DATE, publicUrl: PUBLIC_URL }).html);
    expect(a1).toHaveLength(1);
    expect(Math.abs(a1[0]!.width - (594 / 25.4) * 72)).toBeLessThan(1);
  });
});

describe('center board on A3', () => {
  const reviews = (): BoardReviewsInput => ({
    month: '2026-12',
    windows: pack.center.windows.map((w, i) => ({
      window: w.id,
      name: w.name,
      total: 12 + i,
      bad: i % 2,
      counts: [
        { grade: '非常满意', count: 8 + i },
        { grade: '满意', count: 3 },
        { grade: '基本满意', count: 1 - (i % 2) },
        { grade: '不满意', count: i % 2 },
      ],
    })),
  });
  const completions = Array.from({ length: 10 }, (_, i) => ({
    item: i % 2 === 0 ? 'MZ-001' : 'MZ-002',
    applicant: { name: ['张小三', '李大四', '王五六', '赵海'][i % 4]! },
    completedAt: `2026-11-${String(18 + i).padStart(2, '0')}T10:00:00+08:00`,
  }));

  test('every section on one A3 page, even with a full month of 好差评 and the newest completions', async () => {
    const doc = renderBoard(pack, { layout: 'center', date: DATE, reviews: reviews(), completions });
    const pages = await pdfPages(doc.html);
    expect(pages).toHaveLength(1);
    expectA3(pages[0]!);
    const page = await open(doc.html, 1124);
    try {
      const text = (await page.evaluate('document.body.innerText')) as string;
      for (const heading of ['机构职责', '窗口设置和人员', '服务承诺', '投诉渠道', '领导带班', '近期办结公告', '“好差评”公示']) expect(text).toContain(heading);
      expect(text).toContain('今日带班');
      expect(text).not.toContain('张小三');
      await page.locator('.poster').first().screenshot({ path: path.join(SHOTS, 'center-board.png'), scale: 'css' });
    } finally {
      await page.close();
    }
  });
});

describe('binder (办事指南汇编)', () => {
  test("the contents' page numbers are where each item starts in the printed binder, and printing them moves nothing", async () => {
    const first = await renderer.printDocument(renderBoard(pack, { date: DATE }).html, { pageNumbers: false });
    const pages = new Map(first.parts.filter((p) => p.id !== null).map((p) => [p.id!, p.page]));
    expect(pages.size).toBe(pack.items.size);
    const numbered = renderBoard(pack, { date: DATE, pages });
    expect(numbered.html).toContain(`<td>MZ-001</td><td>2号窗口（民政窗口）</td><td class="num">${pages.get('MZ-001')}</td>`);
    // Printed again with the numbers in: every item still starts on the page its entry names.
    const second = await renderer.printDocument(numbered.html);
    expect(second.pages).toBe(first.pages);
    expect(new Map(second.parts.filter((p) => p.id !== null).map((p) => [p.id!, p.page]))).toEqual(pages);
  });
});
