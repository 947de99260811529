import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDocument, type PrintOptions, type RenderedDocument, type WriteOptions } from '../documents/index.ts';
import type { Context } from './context.ts';
import { cliRenderer, progressLine } from './printing.ts';

/** Writes the document to `out` (HTML or PDF by extension, PDFs with the run's one browser), or its HTML to stdout. */
export async function emit(ctx: Context, doc: RenderedDocument, out: string | undefined, print: Omit<WriteOptions, 'renderer'> = {}): Promise<void> {
  if (!out) {
    ctx.stdout.write(doc.html);
    return;
  }
  const pdf = /\.pdf$/i.test(out);
  // A document printed in chunks (the binder) reports each chunk on a terminal.
  const line = pdf ? progressLine(ctx, `正在生成 PDF（${doc.title}）`) : null;
  try {
    const kind = await writeDocument(ctx.file(out), doc.html, pdf ? { ...print, renderer: await cliRenderer(ctx), onProgress: (p) => line?.update(p) } : {});
    line?.end();
    ctx.stderr.write(`已生成${doc.title}${doc.number ? ` ${doc.number}` : ''}（${kind.toUpperCase()}）：${out}\n`);
  } finally {
    line?.end();
  }
}

/**
 * Writes many documents (posters of every window …) with the run's one browser, printing on as
 * many pages at once as it allows, a progress line over them on a terminal.
 */
export async function emitMany(ctx: Context, docs: readonly { readonly doc: RenderedDocument; readonly out: string }[], print: PrintOptions = {}): Promise<void> {
  const pdfs = docs.filter((d) => /\.pdf$/i.test(d.out));
  const printed = new Map<string, Uint8Array>();
  if (pdfs.length > 0) {
    const line = progressLine(ctx, '正在生成 PDF');
    try {
      const renderer = await cliRenderer(ctx);
      const bytes = await renderer.printMany(
        pdfs.map((d) => d.doc.html),
        { ...print, onProgress: (p) => line.update(p) },
      );
      pdfs.forEach((d, i) => printed.set(d.out, bytes[i]!));
    } finally {
      line.end();
    }
  }
  for (const { doc, out } of docs) {
    const pdf = printed.get(out);
    const file = ctx.file(out);
    if (pdf) {
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await writeFile(file, pdf);
    } else {
      await writeDocument(file, doc.html);
    }
    ctx.stderr.write(`已生成${doc.title}${doc.number ? ` ${doc.number}` : ''}（${pdf ? 'PDF' : 'HTML'}）：${out}\n`);
  }
}

/** Text written per call to the sink: pieces are gathered up to about this many characters. */
const WRITE_CHARS = 1 << 16;

/**
 * Writes `pieces` to `sink` as they come, never as one string (a report can be larger than one
 * JavaScript string may be), waiting for a stream to drain when it asks to.
 */
export async function writeText(sink: Context['stdout'], pieces: Iterable<string>): Promise<void> {
  const put = async (text: string): Promise<void> => {
    const ok = sink.write(text);
    const stream = sink as Partial<NodeJS.WritableStream>;
    if (ok === false && typeof stream.once === 'function') await new Promise<void>((resolve) => stream.once!('drain', () => resolve()));
  };
  let gathered: string[] = [];
  let size = 0;
  for (const p of pieces) {
    gathered.push(p);
    size += p.length;
    if (size >= WRITE_CHARS) {
      await put(gathered.join(''));
      [gathered, size] = [[], 0];
    }
  }
  if (size > 0) await put(gathered.join(''));
}
