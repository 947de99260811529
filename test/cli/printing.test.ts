// The CLI's printing: a progress line only on a terminal (stderr, rewritten with \r, cleared at the
// end; nothing at all into a file or pipe), and one browser for all the PDFs of a run, closed when
// the run ends (real Chromium; skipped with a notice where it is absent).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { contextOf } from '../../src/cli/context.ts';
import { emitMany } from '../../src/cli/emit.ts';
import { closeCliRenderer, progressLine } from '../../src/cli/printing.ts';
import { CHROMIUM_PATH } from '../../src/documents/pdf.ts';
import { chromiumChildren } from '../documents/chromium-children.ts';

const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
if (!HAS_CHROMIUM) console.warn(`跳过命令行 PDF 测试：未找到 Chromium（${CHROMIUM_PATH}）`);

function sink(isTTY: boolean): { text: string; isTTY: boolean; write(s: string): void } {
  return {
    text: '',
    isTTY,
    write(s: string) {
      this.text += s;
    },
  };
}


describe('progress line', () => {
  test('on a terminal: \\r updates on stderr, the last always shown, cleared at the end', () => {
    const err = sink(true);
    const line = progressLine(contextOf({ stdout: sink(false), stderr: err }), '正在生成');
    line.update({ done: 1, total: 3 });
    line.update({ done: 2, total: 3 }); // within 100 ms of the first: skipped
    line.update({ done: 3, total: 3 });
    line.end();
    expect(err.text).toBe('\r正在生成 1/3（33%）\r正在生成 3/3（100%）\r\x1b[2K');
  });

  test('not a terminal: nothing at all', () => {
    const err = sink(false);
    const line = progressLine(contextOf({ stdout: sink(false), stderr: err }), '正在生成');
    line.update({ done: 1, total: 2 });
    line.update({ done: 2, total: 2 });
    line.end();
    expect(err.text).toBe('');
  });
});

describe.skipIf(!HAS_CHROMIUM)('one browser per run', { timeout: 120_000 }, () => {
  test('many PDFs of a run share one Chromium, gone when the run is closed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-cli-print-'));
    const err = sink(false);
    const ctx = contextOf({ stdout: sink(false), stderr: err, cwd: dir });
    try {
      const before = await chromiumChildren();
      const docs = ['一', '二', '三'].map((n, i) => ({ doc: { type: 'board' as const, title: `海报${n}`, number: null, html: `<p>第${n}张</p>` }, out: `p${i + 1}.pdf` }));
      let seen: number[] = [];
      const counting = setInterval(() => {
        void chromiumChildren().then((pids) => {
          seen = [...new Set([...seen, ...pids.filter((p) => !before.includes(p))])];
        });
      }, 50);
      try {
        await emitMany(ctx, docs);
      } finally {
        clearInterval(counting);
      }
      expect(seen).toHaveLength(1);
      for (let i = 1; i <= 3; i++) expect((await PDFDocument.load(await readFile(path.join(dir, `p${i}.pdf`)))).getPageCount()).toBe(1);
      expect(err.text).toBe(['海报一', '海报二', '海报三'].map((t, i) => `已生成${t}（PDF）：p${i + 1}.pdf\n`).join(''));
      await closeCliRenderer(ctx);
      for (let i = 0; i < 50 && (await chromiumChildren()).some((p) => !before.includes(p)); i++) await new Promise((r) => setTimeout(r, 100));
      expect((await chromiumChildren()).filter((p) => !before.includes(p))).toEqual([]);
    } finally {
      await closeCliRenderer(ctx);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
