// The service's warm Chromium: a real `buildServer` on 127.0.0.1 answers GET /notices/{number} as
// a PDF when Accept asks for it (same token as the HTML), the second notice is printed by the
// browser the first one started (one Chromium process, one launch), the PDFs are valid, and the
// browser goes when the app closes. Skipped, with a notice, where the system Chromium is absent.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH } from '../../src/documents/pdf.ts';
import { buildServer } from '../../src/server/app.ts';
import { APPLICATIONS, CLERK, RULES, TOKENS } from '../server/helpers.ts';
import { chromiumChildren } from '../documents/chromium-children.ts';

const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
if (!HAS_CHROMIUM) console.warn(`跳过 PDF 打印池测试：未找到 Chromium（${CHROMIUM_PATH}）`);


describe.skipIf(!HAS_CHROMIUM)('notices as PDF through the warm browser pool', () => {
  let app: FastifyInstance;
  let base = '';
  let dataDir = '';
  const hrefs: string[] = [];

  beforeAll(async () => {
    dataDir = path.join(os.tmpdir(), `bianmin-pdf-pool-${process.pid}`);
    app = await buildServer({ rules: RULES, data: dataDir, log: false, watch: 'off', rateLimit: false, tokens: TOKENS });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    for (const application of [APPLICATIONS.accepted, APPLICATIONS.supplement]) {
      const res = await fetch(`${base}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CLERK}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...application, record: true, staff: 'chen-li' }),
      });
      expect(res.status).toBe(201);
      hrefs.push(((await res.json()) as { notice: { href: string } }).notice.href);
    }
  });
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function pdfOf(href: string): Promise<{ res: Response; bytes: Uint8Array; ms: number }> {
    const t0 = performance.now();
    const res = await fetch(`${base}${href}`, { headers: { authorization: `Bearer ${CLERK}`, accept: 'application/pdf' } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes, ms: performance.now() - t0 };
  }

  test('Accept: application/pdf gives the notice as PDF, printed by one browser kept warm across requests', async () => {
    const before = await chromiumChildren();
    // HTML stays the default and starts no browser.
    const html = await fetch(`${base}${hrefs[0]}`, { headers: { authorization: `Bearer ${CLERK}` } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await chromiumChildren()).toEqual(before);

    const first = await pdfOf(hrefs[0]!);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('content-type')).toBe('application/pdf');
    expect(first.res.headers.get('vary')).toContain('Accept');
    const firstPdf = await PDFDocument.load(first.bytes);
    expect(firstPdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const started = (await chromiumChildren()).filter((pid) => !before.includes(pid));
    expect(started).toHaveLength(1);

    // Another notice, not in the cache: printed anew by the same browser.
    const second = await pdfOf(hrefs[1]!);
    expect(second.res.status).toBe(200);
    expect((await PDFDocument.load(second.bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(false);
    expect((await chromiumChildren()).filter((pid) => !before.includes(pid))).toEqual(started);
    console.log(`通知书 PDF：首次（含启动浏览器）${Math.round(first.ms)} ms，第二份（未缓存，浏览器已热）${Math.round(second.ms)} ms`);
  });

  test('the PDF needs the token like the HTML', async () => {
    const res = await fetch(`${base}${hrefs[0]}`, { headers: { accept: 'application/pdf' } });
    expect(res.status).toBe(401);
  });

  test('a client that accepts neither HTML nor PDF gets 406', async () => {
    const res = await fetch(`${base}${hrefs[0]}`, { headers: { authorization: `Bearer ${CLERK}`, accept: 'image/png' } });
    expect(res.status).toBe(406);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('E-NOT-ACCEPTABLE');
  });

  test('closing the app closes its browser', async () => {
    const before = await chromiumChildren();
    expect(before.length).toBeGreaterThan(0);
    await app.close();
    // Chromium's exit is reaped shortly after the close returns.
    for (let i = 0; i < 50 && (await chromiumChildren()).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await chromiumChildren()).toEqual([]);
  });
});
