import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError } from './errors.ts';
import { htmlToPdf, PdfRenderer, type PrintOptions } from './pdf.ts';

export interface WriteOptions extends PrintOptions {
  /** Print with this printer (a CLI run's) instead of starting a browser for this one file. */
  readonly renderer?: PdfRenderer;
  /** For a document whose contents list the pages its parts start on (the binder): renders it with them, printed until they hold. */
  readonly paged?: (pages: ReadonlyMap<string, number> | null) => string;
}

async function printPaged(paged: NonNullable<WriteOptions['paged']>, options: WriteOptions): Promise<Uint8Array> {
  const { renderer, paged: _paged, ...print } = options;
  const printer = renderer ?? (await PdfRenderer.open());
  try {
    return (await printer.printPaged(paged, print)).pdf;
  } finally {
    if (!renderer) await printer.close();
  }
}

/** Writes a document as HTML, or as PDF when the file name ends in .pdf. */
export async function writeDocument(file: string, html: string, options: WriteOptions = {}): Promise<'html' | 'pdf'> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.pdf' && ext !== '.html' && ext !== '.htm') throw new DocumentError('E-DOC-OUTPUT', `输出文件 ${file} 的扩展名应为 .html 或 .pdf`);
  const bytes = ext !== '.pdf' ? html : options.paged ? await printPaged(options.paged, options) : await htmlToPdf(html, options);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, bytes);
  return ext === '.pdf' ? 'pdf' : 'html';
}
