/**
 * PDFs of the service's documents (guides, the board, reprinted notices) through one warm
 * Chromium: started with the first PDF asked for, kept with its pages for the next (a notice then
 * prints in a few hundred milliseconds instead of a launch and a print), started again if it
 * died, closed with the app. One print runs at a time, a short queue waits (E-PDF-BUSY beyond it),
 * and results are cached by what they were made from (pack version, document, day, or a digest of
 * the HTML): the board PDF is printed once a day.
 */
import { PdfRenderer, PdfUnavailableError, type ChunkedDocument, type PrintOptions } from '../documents/index.ts';
import { HttpError } from './http-error.ts';

const CACHE_SIZE = 64;
const MAX_WAITING = 8;

export interface PdfPrinterOptions {
  /** Chromium to start (default the documents' CHROMIUM_PATH). */
  readonly executablePath?: string;
}

export class PdfPrinter {
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  private chain: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private renderer: PdfRenderer | null = null;
  private closed = false;

  constructor(private readonly options: PdfPrinterOptions = {}) {}

  /** Browsers started so far: 1 once warm, more only after Chromium died. */
  get launches(): number {
    return this.renderer?.launches ?? 0;
  }

  /** The PDF for `key`, printing `html()` when not cached; 429 when too many are waiting, 503 without Chromium. */
  async pdf(key: string, html: () => string | ChunkedDocument, print: PrintOptions = {}): Promise<Uint8Array> {
    return this.queued(key, async (renderer) => renderer.print(html(), print));
  }

  /** As `pdf`, for a document whose contents list the pages its parts start on (see PdfRenderer.printPaged). */
  async pdfPaged(key: string, render: (pages: ReadonlyMap<string, number> | null) => string | ChunkedDocument, print: PrintOptions = {}): Promise<Uint8Array> {
    return this.queued(key, async (renderer) => (await renderer.printPaged(render, print)).pdf);
  }

  private async queued(key: string, job: (renderer: PdfRenderer) => Promise<Uint8Array>): Promise<Uint8Array> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.waiting >= MAX_WAITING) {
      throw HttpError.of('E-PDF-BUSY');
    }
    this.waiting++;
    const run = this.chain.then(async () => job(await this.warmRenderer()));
    this.chain = run.catch(() => undefined).finally(() => this.waiting--);
    this.cache.set(key, run);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    try {
      return await run;
    } catch (err) {
      this.cache.delete(key);
      if (err instanceof PdfUnavailableError) throw new HttpError('E-PDF-UNAVAILABLE', `暂时无法生成 PDF：${err.message}；HTML 版本可正常查看`);
      throw err;
    }
  }

  private async warmRenderer(): Promise<PdfRenderer> {
    if (this.closed) throw new PdfUnavailableError('服务正在关闭');
    this.renderer ??= await PdfRenderer.open(this.options.executablePath ? { executablePath: this.options.executablePath } : {});
    return this.renderer;
  }

  /** Closes the browser (the app's onClose); a print under way finishes first. */
  async close(): Promise<void> {
    this.closed = true;
    await this.chain.catch(() => undefined);
    await this.renderer?.close();
    this.renderer = null;
    this.cache.clear();
  }
}
