// The documents' printer: chunk markers split a document where a template allows, the chunks
// printed by the real Chromium join into one PDF of the same pages with page numbers running on
// across chunks, and a printer whose browser was killed starts a new one. Skipped, with a notice,
// where the system Chromium is absent.
import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, type PDFPage } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, CHUNKS_END, CHUNKS_START, PdfRenderer, splitChunks } from '../../src/documents/pdf.ts';
import { chromiumChildren } from './chromium-children.ts';

const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
if (!HAS_CHROMIUM) console.warn(`跳过 PDF 打印测试：未找到 Chromium（${CHROMIUM_PATH}）`);

/** A document of `n` parts, each one A4 page of its own, cut between parts. */
function document(n: number): string {
  const parts = Array.from({ length: n }, (_, i) => `<!--bianmin:chunk P${i + 1}--><section class="item"><h2>第${i + 1}部分</h2><p>${'办事指南内容。'.repeat(40)}</p></section>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试汇编</title><style>@page{size:A4;margin:18mm 18mm 20mm 18mm}body{font-family:'Noto Sans CJK SC'}.item{break-before:page}</style></head><body><main>${CHUNKS_START}<h1>封面</h1>${parts.join('\n')}${CHUNKS_END}</main></body></html>`;
}

/** The bytes of a page's content streams, inflated. */
function contentOf(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  return streams
    .map((s) => {
      if (!(s instanceof PDFRawStream)) return '';
      const filter = s.dict.lookup(PDFName.of('Filter'));
      return (filter === PDFName.of('FlateDecode') ? inflateSync(Buffer.from(s.contents)) : Buffer.from(s.contents)).toString('latin1');
    })
    .join('\n');
}

/** Reads the stamped footer back: the glyph forms drawn on the page, in order, each naming its piece. */
function stampedFooter(page: PDFPage): string {
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return '';
  const pieceOf = new Map<string, string>();
  for (const [name, ref] of xobjects.entries()) {
    const form = page.doc.context.lookup(ref);
    const piece = form instanceof PDFStream ? form.dict.lookup(PDFName.of('BianminPiece')) : undefined;
    if (piece instanceof PDFHexString) pieceOf.set(name.asString(), piece.decodeText());
  }
  return [...contentOf(page).matchAll(/(\/[^\s/]+)\s+Do/g)].map((m) => pieceOf.get(m[1]!) ?? '').join('');
}

function partLinks(doc: PDFDocument): number {
  let n = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray) n += annots.asArray().filter((r) => String(page.doc.context.lookup(r)).includes('bianmin-part')).length;
  }
  return n;
}


describe('splitChunks', () => {
  test('opening, labelled parts and closing; blank parts dropped; a document without markers is one part', () => {
    const doc = splitChunks(`<html><body><main>${CHUNKS_START}封面<!--bianmin:chunk A-->甲<!--bianmin:chunk-->  <!--bianmin:chunk C-->丙${CHUNKS_END}</main></body></html>`);
    expect(doc.open).toBe('<html><body><main>');
    expect(doc.close).toBe('</main></body></html>');
    expect(doc.parts).toEqual([
      { id: null, html: '封面' },
      { id: 'A', html: '甲' },
      { id: 'C', html: '丙' },
    ]);
    expect(splitChunks('<p>一页</p>')).toEqual({ open: '', parts: [{ id: null, html: '<p>一页</p>' }], close: '' });
  });
});

describe.skipIf(!HAS_CHROMIUM)('printing with the system Chromium', { timeout: 120_000 }, () => {
  let renderer: PdfRenderer;
  beforeAll(async () => {
    renderer = await PdfRenderer.open({ warm: true });
  });
  afterAll(async () => {
    await renderer?.close();
  });

  test('a chunked print joins to the pages of the one-piece print, numbered 1…M across chunks, with where each part starts', async () => {
    const html = document(12);
    // A part is some 350 characters: two parts a chunk, 7 chunks.
    const chunked = await renderer.printDocument(html, { chunkBytes: 800 });
    const whole = await renderer.printDocument(html.replace(CHUNKS_START, '').replace(CHUNKS_END, ''));
    expect(chunked.chunkPages.length).toBeGreaterThan(5);
    expect(chunked.pages).toBe(chunked.chunkPages.reduce((a, b) => a + b, 0));
    expect(chunked.pages).toBe(whole.pages);
    expect(chunked.pages).toBe(13);
    // The cover is part 1 on page 1; part Pk starts on page k + 1.
    expect(chunked.parts).toEqual([{ id: null, page: 1 }, ...Array.from({ length: 12 }, (_, i) => ({ id: `P${i + 1}`, page: i + 2 }))]);

    const pdf = await PDFDocument.load(chunked.pdf);
    expect(pdf.getPageCount()).toBe(13);
    expect(pdf.getTitle()).toBe('测试汇编');
    // Numbering continues across the chunks rather than restarting in each.
    expect(pdf.getPages().map(stampedFooter)).toEqual(Array.from({ length: 13 }, (_, i) => `第 ${i + 1} 页，共 13 页`));
    // The part markers are gone from the result.
    expect(partLinks(pdf)).toBe(0);
  });

  test('without page numbers nothing is stamped (asked, or declined by the document); an array of parts prints like the marked document', async () => {
    const doc = splitChunks(document(4));
    const result = await renderer.printDocument(doc, { chunkBytes: 1, pageNumbers: false });
    expect(result.chunkPages).toEqual([1, 1, 1, 1, 1]);
    const pdf = await PDFDocument.load(result.pdf);
    expect(pdf.getPages().map(stampedFooter)).toEqual(['', '', '', '', '']);
    // A poster's head declines page numbers for every caller.
    const poster = document(2).replace('<title>', '<meta name="bianmin-page-numbers" content="off"><title>');
    const unnumbered = await PDFDocument.load(await renderer.print(poster, { chunkBytes: 1 }));
    expect(unnumbered.getPages().map(stampedFooter)).toEqual(['', '', '']);
  });

  test('a table of contents gets the pages its parts start on: printed again with them until they stand', async () => {
    const calls: Array<Record<string, number> | null> = [];
    const result = await renderer.printPaged(
      (pages) => {
        calls.push(pages ? Object.fromEntries(pages) : null);
        const toc = Array.from({ length: 6 }, (_, i) => `<li>第${i + 1}部分 …… ${pages?.get(`P${i + 1}`) ?? '—'}</li>`).join('');
        return document(6).replace('<h1>封面</h1>', `<h1>目录</h1><ol>${toc}</ol>`);
      },
      { chunkBytes: 800 },
    );
    expect(result.pages).toBe(7);
    const found = { P1: 2, P2: 3, P3: 4, P4: 5, P5: 6, P6: 7 };
    // The second pass found the pages the first did: done.
    expect(calls).toEqual([null, found]);
    expect(Object.fromEntries(result.parts.filter((p) => p.id).map((p) => [p.id, p.page]))).toEqual(found);
  });

  test('printMany prints every document with the one browser and reports progress', async () => {
    const launches = renderer.launches;
    const seen: string[] = [];
    const pdfs = await renderer.printMany(['<p>一</p>', '<p>二</p>', '<p>三</p>'], { onProgress: (p) => seen.push(`${p.done}/${p.total}`) });
    expect(pdfs).toHaveLength(3);
    for (const bytes of pdfs) expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
    expect(renderer.launches).toBe(launches);
  });

  test('a printer whose Chromium was killed starts a new one for the next print', async () => {
    const own = await PdfRenderer.open();
    try {
      const before = new Set(await chromiumChildren());
      await own.print('<p>第一份</p>');
      expect(own.launches).toBe(1);
      const started = (await chromiumChildren()).filter((pid) => !before.has(pid));
      expect(started).toHaveLength(1);
      process.kill(started[0]!, 'SIGKILL');
      // Until the browser's pipe closes the kill is not yet seen; either way the next print succeeds.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const again = await own.print('<p>第二份</p>');
      expect((await PDFDocument.load(again)).getPageCount()).toBe(1);
      expect(own.launches).toBe(2);
    } finally {
      await own.close();
    }
  });
});
