// The service's document errors, each with its catalogue code and status: a PDF queue that is full,
// and a registered case whose notice the pack in service can no longer issue.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BianminError } from '../../src/core/index.ts';
import { PdfPrinter } from '../../src/server/pdf.ts';
import { APPLICATIONS, CLERK, copyOfRules, start, tempDir } from './helpers.ts';

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('PDF printing', () => {
  it('refuses at once with E-PDF-BUSY (429) when 8 PDFs already wait, and takes work again once they are done', async () => {
    const printer = new PdfPrinter();
    // A job reads its HTML only when its turn comes; failing there keeps Chromium out of this test.
    const unprintable = (): string => {
      throw new Error('测试：不打印');
    };
    const queued = Array.from({ length: 8 }, (_, i) => printer.pdf(`guide-${i}`, unprintable));
    const busy = await printer.pdf('guide-8', unprintable).then(
      () => null,
      (e: unknown) => e,
    );
    expect(busy).toBeInstanceOf(BianminError);
    expect((busy as BianminError).code).toBe('E-PDF-BUSY');
    expect((busy as BianminError).status).toBe(429);
    expect((busy as BianminError).detail).toBe('正在生成的 PDF 过多，请稍后再试（或先查看 HTML 版本）');
    const settled = await Promise.allSettled(queued);
    expect(settled.map((r) => r.status)).toEqual(Array(8).fill('rejected'));
    // The queue has drained: the next request is printed (here: fails in its own job), not refused.
    await expect(printer.pdf('guide-9', unprintable)).rejects.toThrow('测试：不打印');
  });
});

describe('GET /notices/{number}', () => {
  it("answers 409 E-NOTICE-UNAVAILABLE when the pack in service no longer has the case's item", async () => {
    const dir = await tempDir('notice');
    cleanup.push(dir);
    const data = path.join(dir, 'data');
    const before = await start({ data });
    let href: string;
    try {
      const registered = await before.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.supplement, record: true, staff: 'chen-li' }, token: CLERK });
      expect(registered.status).toBe(201);
      href = registered.json<{ notice: { href: string } }>().notice.href;
    } finally {
      await before.close();
    }
    // The same register, served with a pack from which 高龄津贴 (MZ-004) has been withdrawn.
    const rules = await copyOfRules(dir);
    await rm(path.join(rules, 'items/mz-004.yaml'));
    // Withdrawn as an officer withdraws it: the kiosk's life events no longer list it either.
    const center = path.join(rules, 'center.yaml');
    await writeFile(center, (await readFile(center, 'utf8')).replace(/\bMZ-004, /g, ''));
    const after = await start({ rules, data });
    try {
      const res = await after.request('GET', href, { token: CLERK });
      expect(res.status).toBe(409);
      const error = res.json<{ error: { code: string; message: string; path: string } }>().error;
      expect(error.code).toBe('E-NOTICE-UNAVAILABLE');
      expect(error.message).toMatch(/^办件 2026-\d{6} 的文书无法按现行规则包出具：事项 MZ-004（高龄津贴.*）不在规则包中/);
      expect(error.path).toBe('$');
    } finally {
      await after.close();
    }
  });
});
