/**
 * PDFs of public documents (guides, the board) through the documents' Chromium printer. Printing
 * takes about a second, so one runs at a time, a short queue waits, and results are cached by
 * what they were made from (pack version, document, day): the board PDF is printed once a day.
 */
import { htmlToPdf, PdfUnavailableError } from '../documents/index.ts';
import { HttpError } from './http-error.ts';

const CACHE_SIZE = 64;
const MAX_WAITING = 8;

export class PdfPrinter {
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  private chain: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** The PDF for `key`, printing `html()` when not cached; 429 when too many are waiting, 503 without Chromium. */
  async pdf(key: string, html: () => string): Promise<Uint8Array> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.waiting >= MAX_WAITING) {
      throw HttpError.of('E-PDF-BUSY');
    }
    this.waiting++;
    const run = this.chain.then(() => htmlToPdf(html()));
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
}
