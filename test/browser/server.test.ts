// The service's HTML in a real browser (Debian's Chromium through playwright-core): the API docs UI
// and the public board work under the service's Content-Security-Policy — no violation reported,
// the docs UI renders the operations, the board and its screen page render — and the PDF endpoints
// give a real PDF. Screenshots go to test-artifacts/server/.
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../src/documents/pdf.ts';
import { buildServer } from '../../src/server/app.ts';
import type { FastifyInstance } from 'fastify';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/server');
const RULES = fileURLToPath(new URL('../../rules/', import.meta.url));

let browser: Browser;
let app: FastifyInstance;
let base = '';
let dataDir = '';

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  dataDir = path.join(os.tmpdir(), `bianmin-browser-server-${process.pid}`);
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

/** Opens `url` and collects CSP violations and page errors. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.exposeFunction('__cspViolation', (text: string) => problems.push(text));
  // A string: the page's DOM types are not part of this project's (Node) type library.
  await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))");
  const res = await page.goto(url, { waitUntil: 'networkidle' });
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  return { page, problems };
}

describe('under the CSP', () => {
  test('the docs UI loads its scripts and lists the operations', async () => {
    const { page, problems } = await open(`${base}/docs`);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    const operations = await page.locator('.opblock-summary-path').allTextContents();
    expect(operations.join(' ')).toContain('/v1/decisions');
    expect(await page.locator('.info .title').textContent()).toContain('便民');
    await page.screenshot({ path: path.join(ARTIFACTS, 'docs.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the board and its screen page render with their styles', async () => {
    for (const [name, url] of [
      ['board', '/board'],
      ['board-screen', '/board?screen=1'],
    ] as const) {
      const { page, problems } = await open(`${base}${url}`);
      expect(await page.title()).toContain('政务公开');
      // The inline print CSS applied (not blocked): the page is not in the browser's default serif at 16px.
      const font = await page.evaluate<string>('getComputedStyle(document.body).fontFamily');
      expect(font).toMatch(/Noto|Source Han|Sans|Serif/i);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe('PDF endpoints', () => {
  test('GET /board.pdf and the guide with Accept: application/pdf give PDFs', async () => {
    const board = await fetch(`${base}/board.pdf`);
    expect(board.status).toBe(200);
    expect(board.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await board.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const guide = await fetch(`${base}/v1/items/MZ-004/guide`, { headers: { accept: 'application/pdf' } });
    expect(guide.status).toBe(200);
    expect(Buffer.from(await guide.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
