// Documents in a real browser: Debian's Chromium (/usr/bin/chromium, fonts-noto-cjk) through
// playwright-core. Every document type renders with real Chinese glyphs (no tofu), nothing is
// wider than the A4 content box, the PDF has a sane number of pages, and a PNG and the PDF of
// each are kept under test-artifacts/documents/ for a person to look at.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  memorySequence,
  numbering,
  renderAnnouncement,
  renderBoard,
  renderComplaintResult,
  renderGuide,
  renderNotice,
  type RenderedDocument,
} from '../../src/documents/index.ts';
import { htmlToPdf, launchChromium } from '../../src/documents/pdf.ts';
import { RECEIVED, sampleDecision, samplePack, type Sample } from '../documents/sample.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/documents');
/** A4 width minus the 18 mm left and right margins of @page, in CSS pixels (96 per inch). */
const CONTENT_WIDTH_PX = ((210 - 18 - 18) / 25.4) * 96;
const DATE = '2026-11-23';

let browser: Browser;
const docs = new Map<string, RenderedDocument>();

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
  const pack = (await samplePack()).data;
  const numbers = numbering(pack.center.center.code, memorySequence());
  const applicant = { name: '张小三' };
  const notices: Array<[string, Sample]> = [
    ['consultation', 'consultation'],
    ['supplement', 'supplement'],
    ['accepted', 'accepted'],
    ['accepted-promised', 'promised'],
    ['immediate', 'immediate'],
    ['returned', 'returned'],
    ['rejected', 'rejected'],
  ];
  for (const [name, sample] of notices) docs.set(name, await renderNotice(pack, await sampleDecision(sample), { numbering: numbers, date: DATE, applicant }));
  docs.set('guide', renderGuide(pack, 'MZ-001', { date: DATE }));
  docs.set('board', renderBoard(pack, { date: '2026-12-01', complaints: COMPLAINTS }));
  docs.set(
    'announcement',
    await renderAnnouncement(
      pack,
      { entries: [{ item: 'MZ-001', applicant: { name: '张小三', idNumber: '320102199001011234' }, acceptedAt: RECEIVED, completedAt: '2026-12-20T10:00:00+08:00' }] },
      { numbering: numbers, date: '2026-12-22' },
    ),
  );
  docs.set('complaint-result', await renderComplaintResult(pack, { complaints: COMPLAINTS }, { numbering: numbers, date: '2026-12-01' }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const COMPLAINTS = [
  {
    receivedAt: '2026-11-10T10:00:00+08:00',
    channel: 'phone' as const,
    complainant: { name: '钱小二', phone: '13812345678' },
    target: { window: 'minzheng-window', staff: 'chen-li' },
    summary: '窗口人员答复“不归我管”，未引导到相关窗口',
    verified: true,
    outcome: '情况属实，已向投诉人当面道歉并补办',
    action: '通报批评',
    repliedOn: '2026-11-11',
  },
];

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Pages` tree nodes). */
function pageCount(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

async function open(html: string, width: number, media: 'print' | 'screen'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: Math.floor(width), height: 1000 } });
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
  });
  await page.route('**/*', (route) => route.abort());
  await page.emulateMedia({ media });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => true)');
  expect(requests, 'the document must not fetch anything').toEqual([]);
  return page;
}

/**
 * Han characters that render as tofu: each is drawn on a canvas in the body's font and compared,
 * pixel for pixel, with a character no font has (.notdef) and with nothing at all.
 */
const TOFU_SCAN = `(() => {
  const family = getComputedStyle(document.body).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 48; canvas.height = 48;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const draw = (ch) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.font = '32px ' + family;
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'top';
    ctx.fillText(ch, 4, 4);
    const data = ctx.getImageData(0, 0, 48, 48).data;
    let h = 0;
    for (let i = 3; i < data.length; i += 4) h = (h * 31 + data[i]) | 0;
    return h;
  };
  const missing = [draw('\\u{10FFFD}'), draw('\\uE000'), draw(' ')];
  const han = [...new Set([...document.body.innerText].filter((c) => /\\p{Script=Han}/u.test(c)))];
  const tofu = han.filter((c) => missing.includes(draw(c)));
  // Self-check: a character from CJK Extension H, which no installed font covers, must be caught.
  const probe = missing.includes(draw('\\u{31350}'));
  return { family, han: han.length, tofu, probe };
})()`;

/** Elements sticking out of the content box (right edge beyond the width, or left of 0). */
const OVERFLOW_SCAN = (width: number) => `(() => {
  const limit = ${width} + 0.5;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > limit || r.left < -0.5) out.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.left) + '–' + Math.round(r.right) + ' ' + (el.textContent || '').trim().slice(0, 30));
  }
  return { scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 10) };
})()`;

const PRINTED = ['consultation', 'supplement', 'accepted', 'accepted-promised', 'immediate', 'returned', 'rejected', 'guide', 'board', 'announcement', 'complaint-result'];

describe.each(PRINTED)('%s', (name) => {
  test('Chinese glyphs, nothing wider than A4, a sane page count; PNG and PDF kept', async () => {
    const doc = docs.get(name)!;
    const page = await open(doc.html, CONTENT_WIDTH_PX, 'print');
    try {
      const glyphs = (await page.evaluate(TOFU_SCAN)) as { family: string; han: number; tofu: string[]; probe: boolean };
      expect(glyphs.probe, 'the tofu detector must recognise a missing glyph').toBe(true);
      expect(glyphs.han).toBeGreaterThan(20);
      expect(glyphs.tofu, `tofu in ${glyphs.family}`).toEqual([]);

      const overflow = (await page.evaluate(OVERFLOW_SCAN(CONTENT_WIDTH_PX))) as { scrollWidth: number; out: string[] };
      expect(overflow.out).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(Math.ceil(CONTENT_WIDTH_PX));

      // The whole board is tens of pages; its first pages show the layout.
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, ...(name === 'board' ? { clip: { x: 0, y: 0, width: Math.floor(CONTENT_WIDTH_PX), height: 6000 } } : {}) });
    } finally {
      await page.close();
    }

    const pdf = await htmlToPdf(doc.html, { browser });
    await writeFile(path.join(ARTIFACTS, `${name}.pdf`), pdf);
    const pages = pageCount(pdf);
    if (name === 'board') {
      const items = (await samplePack()).data.items.size;
      // Front matter (overview, windows, roster, complaints, pre-disclosure, catalogue), then each item on its own
      // pages: the national guide of an item that fills the 实施清单 elements takes up to four.
      expect(pages).toBeGreaterThanOrEqual(items + 5);
      expect(pages).toBeLessThanOrEqual(items * 4 + 10);
    } else if (name === 'guide') {
      // The national guide of an item that fills every 实施清单 element (MZ-001): a few pages, never a stack.
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(6);
    } else if (name === 'consultation') {
      // Everything of an item: a few pages for an item with many materials, never a stack.
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(4);
    } else {
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
    }
  });
});

test('the board as the hall screen: large type, no sideways scrolling at common display sizes', async () => {
  const pack = (await samplePack()).data;
  const doc = renderBoard(pack, { date: '2026-12-01', complaints: COMPLAINTS, screen: true });
  for (const [w, h] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    try {
      await page.route('**/*', (route) => route.abort());
      await page.setContent(doc.html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const glyphs = (await page.evaluate(TOFU_SCAN)) as { tofu: string[]; probe: boolean };
      expect(glyphs.probe).toBe(true);
      expect(glyphs.tofu).toEqual([]);
      const overflow = (await page.evaluate(OVERFLOW_SCAN(w))) as { scrollWidth: number; out: string[] };
      expect(overflow.out).toEqual([]);
      // Readable from across the hall: body text at least 18 px.
      const size = Number(await page.evaluate(`parseFloat(getComputedStyle(document.querySelector('main')).fontSize)`));
      expect(size).toBeGreaterThanOrEqual(18);
      await page.screenshot({ path: path.join(ARTIFACTS, `board-screen-${w}x${h}.png`) });
    } finally {
      await page.close();
    }
  }
});
