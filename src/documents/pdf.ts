/**
 * PDF through the system Chromium (Debian's `chromium` package) driven by playwright-core. The page
 * gets no network at all: documents are self-contained, and a stray external reference must fail
 * here rather than leak a request from the service center's machine.
 *
 * One printer, `PdfRenderer`: it owns one browser, started on first use and started again if it
 * died, and reuses its pages (a new context costs ~180 ms, a print of a one-page notice ~250 ms).
 * The service keeps one warm (src/server/pdf.ts), a CLI run opens one for all its documents
 * (src/cli/printing.ts); `htmlToPdf` is the one-shot form.
 *
 * Large documents print in chunks. Chromium's print time grows faster than the page count for one
 * huge document (the 500-item board took 23 s, 5,000 items 8 min), and its footer costs ~2.5 ms a
 * page; printed in chunks of a few hundred kilobytes the time is linear. A template marks where it
 * may be cut, with HTML comments (plain text to Handlebars):
 *
 *   <main class="sheet">
 *   <!--bianmin:chunks-->                  everything before this is each chunk's opening
 *     …front matter…                       (part 0)
 *   <!--bianmin:chunk MZ-001-->            a cut point; the label (optional, no spaces) names the part
 *     <section class="item">…</section>
 *   <!--bianmin:chunk MZ-002-->
 *     …
 *   <!--/bianmin:chunks-->                 everything after this is each chunk's closing
 *   </main>
 *
 * Put a cut only where the document breaks the page anyway (before an element with
 * `break-before: page`), so the chunked print is page for page the one-piece print; a part should
 * begin with a block element (the marker that finds its page goes inside it, see `marked`). Parts are
 * grouped into chunks of about `chunkBytes`, each chunk printed as opening + parts + closing, and
 * the chunks joined with pdf-lib. Page numbers then run across the chunks: Chromium's footer would
 * restart in each chunk, so the footer "第 N 页，共 M 页" is stamped afterwards from glyphs Chromium
 * printed once in the footer's font (pdf-lib's standard fonts have no CJK), at the place and size
 * of Chromium's own footer. `printDocument` also tells on which page each part starts (a marker
 * link Chromium turns into an annotation, removed afterwards), which is what a binder's table of
 * contents needs: print once, render the contents with those numbers, print again.
 * The same from code without a template: a `ChunkedDocument` { open, parts, close }.
 *
 * A document that must not carry page numbers (a poster) says so in its head,
 * `<meta name="bianmin-page-numbers" content="off">`, so that every caller prints it alike;
 * `pageNumbers` overrides. Paper: the document's `@page { size }` wins, `paper` applies without one.
 */
import { access, constants } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { PDFDocument, PDFEmbeddedPage, PDFObject, PDFPage } from 'pdf-lib';
import { DocumentError } from './errors.ts';

export const CHROMIUM_PATH = process.env.BIANMIN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] as const;

/** No Chromium to print with: the service answers 503 and offers the HTML version instead. */
export class PdfUnavailableError extends DocumentError {
  override name = 'PdfUnavailableError';

  constructor(detail: string) {
    super('E-PDF-UNAVAILABLE', detail);
  }
}

/** Starts the system Chromium, or explains in Chinese what to install. */
export async function launchChromium(executablePath: string = CHROMIUM_PATH): Promise<Browser> {
  const found = await access(executablePath, constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!found) throw new PdfUnavailableError(`未找到 Chromium（${executablePath}）：请安装 chromium 和 fonts-noto-cjk 后再生成 PDF（Debian/Ubuntu：apt-get install -y chromium fonts-noto-cjk）`);
  try {
    // Loaded on first use: playwright-core costs a second or two of start-up for every command.
    const { chromium } = await import('playwright-core');
    return await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  } catch (err) {
    const reason = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
    throw new PdfUnavailableError(`无法启动 Chromium（${executablePath}）：${reason}`);
  }
}

const FOOTER_STYLE = "font-size:8pt;color:#555;font-family:'Noto Sans CJK SC',sans-serif";
const FOOTER = `<div style="width:100%;text-align:center;${FOOTER_STYLE}">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>`;
/** Where Chromium's footer puts its baseline above the sheet's lower edge (measured in its PDFs: 22 CSS px, and 0.4 pt the glyph rows lose). */
const FOOTER_BASELINE_PT = 22 * 0.75 + 0.4;

export const CHUNKS_START = '<!--bianmin:chunks-->';
export const CHUNKS_END = '<!--/bianmin:chunks-->';
const CUT = /<!--bianmin:chunk(?:\s+([^\s>]+))?\s*-->/g;
/** A chunk's parts add up to about this much HTML: large enough that the ~250 ms a print costs is shared, small enough to stay linear. */
export const DEFAULT_CHUNK_BYTES = 512 * 1024;
const PART_LINK = 'bianmin-part:';
const NO_PAGE_NUMBERS = /<meta\s+name="bianmin-page-numbers"\s+content="off"\s*\/?>/i;

/** Page numbers unless asked otherwise, or the document's head declines them. */
function wantsNumbers(head: string, options: PrintOptions): boolean {
  return options.pageNumbers ?? !NO_PAGE_NUMBERS.test(head.slice(0, Math.max(0, head.indexOf('</head>')) || 8192));
}

/** pdf-lib, loaded when a document is joined or counted: its import alone costs a few hundred ms of every command's start. */
type PdfLib = typeof import('pdf-lib');
const pdfLib = (): Promise<PdfLib> => import('pdf-lib');

export type Paper = 'A4' | 'A3' | 'A1' | 'A0';

/** A document in parts that may be printed apart: each chunk is `open` + some parts + `close`. */
export interface ChunkedDocument {
  readonly open: string;
  readonly parts: readonly { readonly id: string | null; readonly html: string }[];
  readonly close: string;
}

export interface PrintOptions {
  /** Sheet size when the document's CSS declares none (`@page { size }` wins); default A4. */
  readonly paper?: Paper;
  /** The footer "第 N 页，共 M 页"; default true unless the document's head declines (see above). */
  readonly pageNumbers?: boolean;
  /** Target HTML size of a chunk (chunked documents only). */
  readonly chunkBytes?: number;
  /** Called after each chunk (chunked documents) or each document (`printMany`). */
  readonly onProgress?: (progress: PrintProgress) => void;
}

export interface PrintProgress {
  readonly done: number;
  readonly total: number;
}

export interface PrintResult {
  readonly pdf: Uint8Array;
  /** Pages in all. */
  readonly pages: number;
  /** Pages of each chunk printed (one entry for a document printed in one piece). */
  readonly chunkPages: readonly number[];
  /** For each part of a chunked document: its label and the page (1-based) it starts on. Empty otherwise. */
  readonly parts: readonly { readonly id: string | null; readonly page: number }[];
}

export interface RendererOptions {
  readonly executablePath?: string;
  /** Print with this browser instead of starting one; it is not closed (tests, an outer batch). */
  readonly browser?: Browser;
  /** Pages printing at once in `printMany` and chunked prints; default 1 (one job's cores belong to the caller). */
  readonly concurrency?: number;
}

/** Glyphs of the footer printed once by Chromium, to stamp page numbers across chunks. */
interface FooterGlyph {
  /** Its page in the glyph sheet. */
  readonly page: number;
  /** Advance, crop box on its sheet page and baseline above the box's bottom, in points. */
  readonly width: number;
  readonly box: { left: number; bottom: number; right: number; top: number };
  readonly baseline: number;
}

interface FooterGlyphs {
  readonly pdf: Uint8Array;
  readonly pieces: ReadonlyMap<string, FooterGlyph>;
}

/** The footer's pieces, one page each of the glyph sheet. */
export const FOOTER_PIECES = ['第 ', ' 页，共 ', ' 页', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const GLYPH_ROW_PX = 24;
const GLYPH_SHEET_WIDTH_PX = 200;

/** Splits a document at its `<!--bianmin:chunk-->` cuts; a document without the markers is one part. */
export function splitChunks(html: string): ChunkedDocument {
  const start = html.indexOf(CHUNKS_START);
  if (start < 0) return { open: '', parts: [{ id: null, html }], close: '' };
  const endAt = html.indexOf(CHUNKS_END, start);
  const end = endAt < 0 ? html.length : endAt;
  const body = html.slice(start + CHUNKS_START.length, end);
  const parts: { id: string | null; html: string }[] = [];
  let from = 0;
  let id: string | null = null;
  for (const cut of body.matchAll(CUT)) {
    parts.push({ id, html: body.slice(from, cut.index) });
    id = cut[1] ?? null;
    from = cut.index + cut[0].length;
  }
  parts.push({ id, html: body.slice(from) });
  return {
    open: html.slice(0, start),
    // A part of nothing but white space prints nothing and starts on no page.
    parts: parts.filter((p) => p.html.trim() !== ''),
    close: endAt < 0 ? '' : html.slice(endAt + CHUNKS_END.length),
  };
}

/** Groups consecutive parts into chunks of about `bytes` of HTML each (a larger part is a chunk of its own). */
function groupParts(doc: ChunkedDocument, bytes: number): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let size = 0;
  doc.parts.forEach((part, i) => {
    if (current.length > 0 && size + part.html.length > bytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(i);
    size += part.html.length;
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * A part's HTML with a marker link inside its first element: Chromium turns a link into an
 * annotation on the page where it is laid out, which tells where the part starts. Inside, not
 * before, so that the element's own page break puts the marker on its first page; a 1 px float
 * with a -1 px margin takes no room.
 */
function marked(html: string, index: number): string {
  const link = `<a href="${PART_LINK}${index}" style="float:left;width:1px;height:1px;margin-right:-1px" aria-hidden="true"></a>`;
  const open = /<[a-zA-Z][^>]*>/.exec(html);
  if (!open) return link + html;
  const after = open.index + open[0].length;
  return html.slice(0, after) + link + html.slice(after);
}

/** Removes the part markers from a page and returns the part indexes found on it. */
function takeMarkers(lib: PdfLib, page: PDFPage): number[] {
  const { PDFArray, PDFDict, PDFName, PDFString } = lib;
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (!(annots instanceof PDFArray)) return [];
  const found: number[] = [];
  const keep: PDFObject[] = [];
  for (const ref of annots.asArray()) {
    const annot = page.doc.context.lookup(ref);
    const action = annot instanceof PDFDict ? annot.lookup(PDFName.of('A')) : undefined;
    const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
    const text = uri instanceof PDFString ? uri.decodeText() : null;
    if (text?.startsWith(PART_LINK)) found.push(Number(text.slice(PART_LINK.length)));
    else keep.push(ref);
  }
  if (found.length > 0) {
    if (keep.length === 0) page.node.delete(PDFName.of('Annots'));
    else page.node.set(PDFName.of('Annots'), page.doc.context.obj(keep));
  }
  return found;
}

export class PdfRenderer {
  private browser: Browser | null;
  private launching: Promise<Browser> | null = null;
  private readonly own: boolean;
  private readonly idle: Page[] = [];
  private glyphs: Promise<FooterGlyphs> | null = null;
  private closed = false;
  private launchCount = 0;

  private constructor(private readonly options: RendererOptions) {
    this.browser = options.browser ?? null;
    this.own = options.browser === undefined;
  }

  /** A printer; the browser starts with the first print (or now, with `warm`). */
  static async open(options: RendererOptions & { readonly warm?: boolean } = {}): Promise<PdfRenderer> {
    const renderer = new PdfRenderer(options);
    if (options.warm) await renderer.ensureBrowser();
    return renderer;
  }

  /** Browsers started so far (1 for a healthy renderer that printed; more after a crash). */
  get launches(): number {
    return this.launchCount;
  }

  private async ensureBrowser(): Promise<Browser> {
    if (this.closed) throw new PdfUnavailableError('打印程序已关闭');
    if (this.browser?.isConnected()) return this.browser;
    if (!this.own) throw new PdfUnavailableError('所用的 Chromium 已退出');
    this.launching ??= (async () => {
      this.idle.length = 0;
      this.glyphs = null;
      const browser = await launchChromium(this.options.executablePath);
      this.launchCount++;
      browser.on('disconnected', () => {
        if (this.browser === browser) {
          this.browser = null;
          this.idle.length = 0;
          this.glyphs = null;
        }
      });
      this.browser = browser;
      return browser;
    })().finally(() => {
      this.launching = null;
    });
    return this.launching;
  }

  private async takePage(): Promise<Page> {
    const browser = await this.ensureBrowser();
    const reused = this.idle.pop();
    if (reused && !reused.isClosed()) return reused;
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    return page;
  }

  private givePage(page: Page): void {
    if (!page.isClosed() && this.browser?.isConnected() && !this.closed) this.idle.push(page);
  }

  /** Runs `job` on a page; if Chromium died under it, once more on a new browser. */
  private async withPage<T>(job: (page: Page) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const page = await this.takePage();
      try {
        const result = await job(page);
        this.givePage(page);
        return result;
      } catch (err) {
        const crashed = page.isClosed() || !this.browser?.isConnected();
        if (!crashed) {
          this.givePage(page);
          throw err;
        }
        await page.context().close().catch(() => undefined);
        if (attempt >= 1 || !this.own || this.closed) {
          const reason = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
          throw new PdfUnavailableError(`打印时 Chromium 意外退出：${reason}`);
        }
      }
    }
  }

  private async printOne(html: string, options: PrintOptions, footer: boolean): Promise<Uint8Array> {
    return this.withPage(async (page) => {
      // A huge chunk takes longer than Playwright's 30 s default to lay out; the print is what it is.
      await page.setContent(html, { waitUntil: 'load', timeout: 600_000 });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: options.paper ?? 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: footer,
        ...(footer ? { headerTemplate: '<span></span>', footerTemplate: FOOTER } : {}),
      });
      return new Uint8Array(pdf);
    });
  }

  /** Prints a document to PDF bytes; a document with chunk markers is printed in chunks (see above). */
  async print(doc: string | ChunkedDocument, options: PrintOptions = {}): Promise<Uint8Array> {
    if (typeof doc === 'string' && !doc.includes(CHUNKS_START)) {
      const pdf = await this.printOne(doc, options, wantsNumbers(doc, options));
      options.onProgress?.({ done: 1, total: 1 });
      return pdf;
    }
    return (await this.printDocument(doc, options)).pdf;
  }

  /** As `print`, with the page counts: in all, per chunk, and where each part starts. */
  async printDocument(doc: string | ChunkedDocument, options: PrintOptions = {}): Promise<PrintResult> {
    return this.printReusing(doc, options, null);
  }

  /**
   * A document whose table of contents shows the page each part starts on (the binder):
   * `render(null)` printed, then `render(pages)` with the pages found (part label → page), again
   * until the pages stand. A chunk whose HTML did not change is not printed again, so a second
   * pass prints only the chunk that holds the contents.
   */
  async printPaged(render: (pages: ReadonlyMap<string, number> | null) => string | ChunkedDocument, options: PrintOptions = {}): Promise<PrintResult> {
    const reuse = new Map<string, Uint8Array>();
    let pages: Map<string, number> | null = null;
    let result: PrintResult | null = null;
    for (let pass = 0; pass < 4; pass++) {
      result = await this.printReusing(render(pages), options, reuse);
      const found = new Map(result.parts.flatMap((p) => (p.id === null ? [] : [[p.id, p.page] as const])));
      if (pages && found.size === pages.size && [...found].every(([id, page]) => pages!.get(id) === page)) break;
      pages = found;
    }
    return result!;
  }

  private async printReusing(doc: string | ChunkedDocument, options: PrintOptions, reuse: Map<string, Uint8Array> | null): Promise<PrintResult> {
    const chunked = typeof doc === 'string' ? splitChunks(doc) : doc;
    const numbers = wantsNumbers(chunked.open || (chunked.parts[0]?.html ?? ''), options);
    const groups = groupParts(chunked, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    const lib = await pdfLib();
    if (typeof doc === 'string' && !doc.includes(CHUNKS_START)) {
      // One piece, no parts to find: Chromium's own footer, no pdf-lib pass.
      const pdf = await this.printOne(doc, options, numbers);
      const pages = (await lib.PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
      options.onProgress?.({ done: 1, total: 1 });
      return { pdf, pages, chunkPages: [pages], parts: [] };
    }
    const htmls = groups.map((group) => chunked.open + group.map((i) => marked(chunked.parts[i]!.html, i)).join('') + chunked.close);
    const printed = await this.runAll(
      htmls,
      async (html) => {
        const again = reuse?.get(html);
        if (again) return again;
        const bytes = await this.printOne(html, options, false);
        reuse?.set(html, bytes);
        return bytes;
      },
      options.onProgress,
    );
    const out = await lib.PDFDocument.create({ updateMetadata: false });
    const chunkPages: number[] = [];
    const starts = new Map<number, number>();
    for (const bytes of printed) {
      const src = await lib.PDFDocument.load(bytes, { updateMetadata: false });
      if (out.getPageCount() === 0) {
        const title = src.getTitle();
        if (title) out.setTitle(title);
      }
      chunkPages.push(src.getPageCount());
      for (const page of await out.copyPages(src, src.getPageIndices())) {
        out.addPage(page);
        for (const part of takeMarkers(lib, page)) if (!starts.has(part)) starts.set(part, out.getPageCount());
      }
    }
    if (numbers) await this.stampPageNumbers(lib, out);
    // Plain objects, as Chromium writes them: the page objects stay visible to simple tools that count `/Type /Page`.
    const pdf = await out.save({ addDefaultPage: false, useObjectStreams: false });
    const parts = chunked.parts.map((part, i) => ({ id: part.id, page: starts.get(i) ?? 0 }));
    return { pdf, pages: out.getPageCount(), chunkPages, parts };
  }

  /** Prints many documents with this one browser, in order; `onProgress` after each. */
  async printMany(docs: readonly (string | ChunkedDocument)[], options: PrintOptions = {}): Promise<Uint8Array[]> {
    const { onProgress, ...each } = options;
    return this.runAll(docs, (doc) => this.print(doc, each), onProgress);
  }

  /** Runs `job` over `inputs` on up to `concurrency` pages at once, results in input order. */
  private async runAll<I, O>(inputs: readonly I[], job: (input: I) => Promise<O>, onProgress: PrintOptions['onProgress']): Promise<O[]> {
    const results: O[] = new Array<O>(inputs.length);
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < inputs.length) {
        const i = next++;
        results[i] = await job(inputs[i]!);
        done++;
        onProgress?.({ done, total: inputs.length });
      }
    };
    const lanes = Math.max(1, Math.min(this.options.concurrency ?? 1, inputs.length));
    await Promise.all(Array.from({ length: lanes }, worker));
    return results;
  }

  /**
   * The footer pieces, printed once per browser by Chromium in the footer's font: one sheet page
   * per piece, so that a piece stamped on a page carries only its own text (a page copied from
   * the PDF keeps text a reader can select and search: "第 12 页，共 340 页").
   */
  private async footerGlyphs(): Promise<FooterGlyphs> {
    this.glyphs ??= this.withPage(async (page) => {
      const rows = FOOTER_PIECES.map(
        (piece, i) => `<div style="height:${GLYPH_ROW_PX}px;line-height:${GLYPH_ROW_PX}px;white-space:pre;overflow:hidden;${i > 0 ? 'break-before:page;' : ''}${FOOTER_STYLE}"><span>${piece}</span><i style="display:inline-block;width:0;height:0;vertical-align:baseline"></i></div>`,
      );
      await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{margin:0}html,body{margin:0}</style></head><body>${rows.join('')}</body></html>`, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const measured = (await page.evaluate(
        `[...document.body.children].map((row) => { const r = row.getBoundingClientRect(); return { width: row.firstElementChild.getBoundingClientRect().width, baseline: row.lastElementChild.getBoundingClientRect().top - r.top }; })`,
      )) as { width: number; baseline: number }[];
      const pdf = new Uint8Array(await page.pdf({ width: `${GLYPH_SHEET_WIDTH_PX}px`, height: `${GLYPH_ROW_PX}px`, printBackground: false, margin: { top: 0, right: 0, bottom: 0, left: 0 } }));
      const pieces = new Map<string, FooterGlyph>();
      FOOTER_PIECES.forEach((piece, i) => {
        const m = measured[i]!;
        pieces.set(piece, { page: i, width: m.width * 0.75, box: { left: 0, bottom: 0, right: Math.min(m.width + 1, GLYPH_SHEET_WIDTH_PX) * 0.75, top: GLYPH_ROW_PX * 0.75 }, baseline: (GLYPH_ROW_PX - m.baseline) * 0.75 });
      });
      return { pdf, pieces };
    });
    const glyphs = this.glyphs;
    // A failed sheet is not kept: the next print tries again rather than failing for good.
    glyphs.catch(() => {
      if (this.glyphs === glyphs) this.glyphs = null;
    });
    return glyphs;
  }

  /** Stamps "第 N 页，共 M 页" on every page where Chromium's footer would be, centred. */
  private async stampPageNumbers(lib: PdfLib, out: PDFDocument): Promise<void> {
    const glyphs = await this.footerGlyphs();
    const sheet = await lib.PDFDocument.load(glyphs.pdf, { updateMetadata: false });
    if (sheet.getPageCount() !== FOOTER_PIECES.length) throw new PdfUnavailableError(`页码字形页数不符（${sheet.getPageCount()}）`);
    const embedded = new Map<string, PDFEmbeddedPage>();
    for (const [piece, g] of glyphs.pieces) {
      const form = await out.embedPage(sheet.getPage(g.page), g.box);
      // Names the piece in the form's dictionary, for whoever reads the PDF's structure (the tests do);
      // pdf-lib writes the form only when embedded, so embed it now.
      await form.embed();
      const dict = out.context.lookup(form.ref);
      if (dict instanceof lib.PDFStream) dict.dict.set(lib.PDFName.of('BianminPiece'), lib.PDFHexString.fromText(piece));
      embedded.set(piece, form);
    }
    const total = out.getPageCount();
    out.getPages().forEach((page, i) => {
      const pieces = ['第 ', ...String(i + 1), ' 页，共 ', ...String(total), ' 页'];
      const width = pieces.reduce((sum, p) => sum + glyphs.pieces.get(p)!.width, 0);
      let x = (page.getWidth() - width) / 2;
      for (const p of pieces) {
        const g = glyphs.pieces.get(p)!;
        page.drawPage(embedded.get(p)!, { x, y: FOOTER_BASELINE_PT - g.baseline });
        x += g.width;
      }
    });
  }

  /** Closes the pages and, if this renderer started it, the browser. */
  async close(): Promise<void> {
    this.closed = true;
    const pages = this.idle.splice(0);
    if (this.own) {
      const browser = this.browser ?? (await this.launching?.catch(() => null)) ?? null;
      this.browser = null;
      await browser?.close().catch(() => undefined);
    } else {
      await Promise.all(pages.map((p) => p.context().close().catch(() => undefined)));
    }
  }
}

export interface PdfOptions {
  readonly executablePath?: string;
  /** Reuse a running browser (tests, batches); otherwise one is started and closed. */
  readonly browser?: Browser;
  /** Reuse a printer (a CLI run's, the service's); wins over `browser`. */
  readonly renderer?: PdfRenderer;
}

/** Prints self-contained HTML to PDF bytes (A4 unless its CSS says otherwise), with page numbers in the bottom margin. */
export async function htmlToPdf(html: string, options: PdfOptions & PrintOptions = {}): Promise<Uint8Array> {
  const { executablePath, browser, renderer, ...print } = options;
  if (renderer) return renderer.print(html, print);
  const own = await PdfRenderer.open({ ...(executablePath ? { executablePath } : {}), ...(browser ? { browser } : {}) });
  try {
    return await own.print(html, print);
  } finally {
    await own.close();
  }
}
