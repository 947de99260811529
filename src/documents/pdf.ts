/**
 * PDF through the system Chromium (Debian's `chromium` package) driven by playwright-core. The page
 * gets no network at all: documents are self-contained, and a stray external reference must fail
 * here rather than leak a request from the service center's machine.
 */
import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
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

const FOOTER = `<div style="width:100%;font-size:8pt;text-align:center;color:#555;font-family:'Noto Sans CJK SC',sans-serif">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>`;

export interface PdfOptions {
  readonly executablePath?: string;
  /** Reuse a running browser (tests, batches); otherwise one is started and closed. */
  readonly browser?: Browser;
}

/** Prints self-contained HTML to A4 PDF bytes, with page numbers in the bottom margin. */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchChromium(options.executablePath));
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
