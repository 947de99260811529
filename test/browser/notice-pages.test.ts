// Notices as printed: each notice of the sample pack goes through the real printer (htmlToPdf,
// system Chromium) and its pages are counted with pdf-lib. What sits on which page is found with
// probes: before printing, every block of the notice (paragraph, list item, table cell, heading,
// the closing's lines) gets a 1-pixel link `bianmin-probe:<role>`, which Chromium turns into a link
// annotation on the page where the block is painted; pdf-lib reads them back per page. So the test
// sees, page by page, whether body text is there, whether only the closing (handler, seal, receipt,
// contact footer) is, and whether a long table's header row was painted again on the next page.
// PNGs of each notice kind go to test-artifacts/notices/, or with BIANMIN_SCREENSHOTS=docs to
// docs/screenshots/notice-<kind>.png.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memorySequence, numbering, renderNotice } from '../../src/documents/index.ts';
import { htmlToPdf, launchChromium } from '../../src/documents/pdf.ts';
import { loadPack, type Pack } from '../../src/index.ts';
import { APPLICATIONS, RECEIVED, checkedDecision, copyOfRules, samplePack } from '../documents/sample.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, process.env.BIANMIN_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-artifacts/notices');
/** A4 width minus the 18 mm side margins of @page, in CSS pixels. */
const CONTENT_WIDTH_PX = Math.floor(((210 - 18 - 18) / 25.4) * 96);
const DATE = '2026-11-23';

let browser: Browser;
let pack: Pack;
let long: { pack: Pack; remove: () => Promise<void> };

/** A test-only item with 2 core and 20 required materials (each with notes), for a supplement that cannot fit one page. */
const LONG_ITEM = `code: ZZ-901
name: 农家乐（民宿）开办“一件事”
type: 公共服务
department: zonghe
window: zonghe-window
mode: promised
materials:
  - { id: application, name: 农家乐（民宿）开办“一件事”申请表, necessity: core }
  - { id: id-card, name: 经营者居民身份证, necessity: core }
${[
  '营业执照申请书',
  '经营场所使用证明（房产证或租赁合同）',
  '食品经营许可申请书',
  '食品安全管理制度文本',
  '食品安全管理人员名单',
  '从业人员健康证明',
  '经营场所平面布局图',
  '设备布局和工艺流程图',
  '主要设备设施清单',
  '消防安全检查合格证明',
  '公共场所卫生许可申请书',
  '生活饮用水水质检测报告',
  '公共场所卫生管理制度',
  '特种行业许可证申请登记表',
  '治安保卫制度',
  '安全监控设施说明',
  '建设项目环境影响登记表',
  '排污许可登记回执',
  '税务登记信息确认表',
  '社会保险登记表',
]
  .map((name, i) => `  - { id: m${i + 1}, name: ${name}, necessity: required, form: both, notes: 复印件须经营者签字。 }`)
  .join('\n')}
limits:
  statutory: { amount: 20, unit: workingDays }
  promised: { amount: 15, unit: workingDays }
`;

beforeAll(async () => {
  browser = await launchChromium();
  pack = await samplePack();
  const copy = await copyOfRules();
  await writeFile(path.join(copy.dir, 'items', 'zz-901.yaml'), LONG_ITEM);
  long = { pack: await loadPack(copy.dir), remove: copy.remove };
  await mkdir(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await long?.remove();
});

async function noticeHtml(p: Pack, application: unknown): Promise<string> {
  const d = checkedDecision(await p.decide(application as Parameters<Pack['decide']>[0]));
  const doc = await renderNotice(p.data, d, { numbering: numbering(p.data.center.center.code, memorySequence()), date: DATE, applicant: { name: '张小三' } });
  return doc.html;
}

type Role = 'body' | 'closing' | 'thead';

/**
 * The notice with a probe link at the start and the end of every block: `closing` inside the
 * closing (handler, seal, receipt, contact footer), `thead` in a table's header row, else `body`.
 */
async function probed(html: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: CONTENT_WIDTH_PX, height: 1000 } });
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(`(() => {
      const blocks = document.querySelectorAll('main p, main li, main h1, main h2, main h3, main td, main th, main .warn, main .masthead, main .docno, main .handler > div, main .seal > div, main .receipt .sign, main .contact > div');
      let n = 0;
      for (const el of blocks) {
        const role = el.closest('.closing, .contact, .seal, .receipt, .signoff') ? 'closing' : el.closest('thead') ? 'thead' : 'body';
        for (const end of [false, true]) {
          const a = document.createElement('a');
          a.href = 'bianmin-probe:' + role + ':' + n++;
          // A float of no net width makes no line box of its own: the layout stays as printed without probes.
          a.setAttribute('style', 'float:left;width:1px;height:1px;margin-right:-1px');
          if (end) el.append(a); else el.prepend(a);
        }
      }
      return n;
    })()`);
    return await page.content();
  } finally {
    await page.close();
  }
}

/** The probe roles painted on each page of a PDF. */
async function rolesPerPage(pdf: Uint8Array): Promise<Array<Set<Role>>> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const roles = new Set<Role>();
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      const uri = annot?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText();
      const m = uri ? /^bianmin-probe:(body|closing|thead):/.exec(uri) : null;
      if (m) roles.add(m[1] as Role);
    }
    return roles;
  });
}

/**
 * The glyph codes a page draws, in order: Chromium writes text as hex strings of glyph codes,
 * which follow from the font's own glyph ids, so the same text in the same font is the same hex.
 */
function glyphsOf(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams
    .map((st) => (st instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(st).decode()).toString('latin1') : ''))
    .flatMap((text) => [...text.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1]!.toUpperCase()))
    .join('');
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

/** Prints `html` as it is and with probes: the probes must not change the page count. */
async function printed(html: string): Promise<{ pages: number; roles: Array<Set<Role>> }> {
  const plain = await htmlToPdf(html, { browser });
  const withProbes = await htmlToPdf(await probed(html), { browser });
  const pages = await pageCount(plain);
  expect(await pageCount(withProbes)).toBe(pages);
  return { pages, roles: await rolesPerPage(withProbes) };
}

/** Every page carries body text: no page holds only the closing (signature, seal, receipt, footer). */
function expectNoClosingAlone(roles: Array<Set<Role>>): void {
  roles.forEach((r, i) => expect(r.has('body'), `page ${i + 1} of ${roles.length} has no body text: ${[...r].join(', ') || 'nothing'}`).toBe(true));
  expect(roles.at(-1)!.has('closing'), 'the closing is on the last page').toBe(true);
}

const ONE_PAGE: Array<[string, keyof typeof APPLICATIONS]> = [
  ['supplement', 'supplement'],
  ['accepted', 'accepted'],
  ['accepted (承诺件)', 'promised'],
  ['immediate', 'immediate'],
  ['returned', 'returned'],
  ['rejected', 'rejected'],
];

describe('a typical decision of each kind prints on one A4 page', () => {
  test.each(ONE_PAGE)('%s', async (_name, sample) => {
    const { pages, roles } = await printed(await noticeHtml(pack, APPLICATIONS[sample]));
    expect(pages).toBe(1);
    expectNoClosingAlone(roles);
  });

  test('supplement whose only gap is applicant facts (4 questions)', async () => {
    const html = await noticeHtml(pack, { item: 'MZ-001', intent: 'apply', applicant: { type: 'person' }, materials: ['application', 'id-card', 'authorization', 'income-statement'], receivedAt: RECEIVED });
    const { pages, roles } = await printed(html);
    expect(pages).toBe(1);
    expectNoClosingAlone(roles);
  });

  test('the 一次性告知单 is the whole guide of the item: at most two pages, never a closing alone', async () => {
    for (const item of ['RS-003', 'ZH-001', 'MZ-001', 'NY-001']) {
      const { pages, roles } = await printed(await noticeHtml(pack, { item, intent: 'consult', applicant: { type: 'person' }, receivedAt: RECEIVED }));
      expect(pages, item).toBeLessThanOrEqual(2);
      expectNoClosingAlone(roles);
    }
  });
});

describe('a notice longer than a page', () => {
  test('a supplement of 20 missing materials: two pages, the table header again on page 2', async () => {
    const html = await noticeHtml(long.pack, { item: 'ZZ-901', intent: 'apply', applicant: { type: 'person' }, materials: ['application', 'id-card'], receivedAt: RECEIVED });
    expect(html).toContain('需要补正的材料（共20项）');
    expect(html).toMatch(/<table class="problems">\s*<thead>/);
    const { pages, roles } = await printed(html);
    expect(pages).toBe(2);
    expect(roles[0]!.has('thead')).toBe(true);
    expectNoClosingAlone(roles);

    // The header row's glyphs, learnt from the same styles printing that header row alone.
    const header = html.match(/<thead>[\s\S]*?<\/thead>/)![0];
    const alone = html.replace(/<main class="sheet notice">[\s\S]*<\/main>/, `<main class="sheet notice"><table class="problems">${header}</table></main>`);
    const ref = await PDFDocument.load(await htmlToPdf(alone, { browser, pageNumbers: false }));
    const headerGlyphs = glyphsOf(ref, ref.getPage(0));
    // 序号材料名称问题请补交: 11 glyphs (one or two bytes each, as Chromium subsets the font).
    expect([22, 44]).toContain(headerGlyphs.length);
    const doc = await PDFDocument.load(await htmlToPdf(html, { browser }));
    const perPage = doc.getPages().map((p) => glyphsOf(doc, p));
    expect(perPage[0]).toContain(headerGlyphs);
    // Chromium paints a table-header-group again on each page the table runs onto.
    expect(perPage[1], 'the header row is repeated on page 2').toContain(headerGlyphs);
    // The method tells pages apart: the title, learnt the same way, is on page 1 only.
    const titled = html.replace(/<main class="sheet notice">[\s\S]*<\/main>/, '<main class="sheet notice"><h1>补正材料通知书</h1></main>');
    const title = await PDFDocument.load(await htmlToPdf(titled, { browser, pageNumbers: false }));
    const titleGlyphs = glyphsOf(title, title.getPage(0));
    expect([14, 28]).toContain(titleGlyphs.length);
    expect(perPage[0]).toContain(titleGlyphs);
    expect(perPage[1]).not.toContain(titleGlyphs);
  });

  test('a supplement just over one page takes body text along with its closing', async () => {
    // A missing material and three facts: a little more than a page.
    const html = await noticeHtml(pack, { item: 'MZ-001', intent: 'apply', applicant: { type: 'person', hukouLocal: true }, materials: ['application', 'id-card', 'authorization'], receivedAt: RECEIVED });
    const { pages, roles } = await printed(html);
    expect(pages).toBe(2);
    expectNoClosingAlone(roles);
  });

  test('the probe sees a closing alone when the break rules are taken away', async () => {
    // Self-check of the method: the same notice, the closing forced onto a page of its own.
    const html = (await noticeHtml(pack, APPLICATIONS.accepted)).replace('<div class="closing">', '<div class="closing" style="break-before: page">');
    const { pages, roles } = await printed(html);
    expect(pages).toBe(2);
    expect(roles[1]!.has('body')).toBe(false);
    expect(roles[1]!.has('closing')).toBe(true);
  });
});

describe('screenshots of each notice kind', () => {
  const KINDS: Array<[string, unknown]> = [
    ['consultation', { item: 'RS-003', intent: 'consult', applicant: { type: 'person' }, receivedAt: RECEIVED }],
    ['supplement', { item: 'MZ-001', intent: 'apply', applicant: { type: 'person', hukouLocal: true }, materials: ['application', 'id-card', 'authorization', 'income-statement'], receivedAt: RECEIVED }],
    ['accepted', APPLICATIONS.accepted],
    ['promised', APPLICATIONS.promised],
    ['immediate', APPLICATIONS.immediate],
    ['returned', APPLICATIONS.returned],
    ['rejected', APPLICATIONS.rejected],
  ];
  test.each(KINDS)('%s', async (kind, application) => {
    const html = await noticeHtml(pack, application);
    const page = await browser.newPage({ viewport: { width: CONTENT_WIDTH_PX, height: 1000 } });
    try {
      await page.route('**/*', (route) => route.abort());
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      await page.screenshot({ path: path.join(SHOTS, `notice-${kind}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
