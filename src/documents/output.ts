import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError } from './errors.ts';
import { htmlToPdf } from './pdf.ts';

/** Writes a document as HTML, or as PDF when the file name ends in .pdf. */
export async function writeDocument(file: string, html: string): Promise<'html' | 'pdf'> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.pdf' && ext !== '.html' && ext !== '.htm') throw new DocumentError('E-DOC-OUTPUT', `输出文件 ${file} 的扩展名应为 .html 或 .pdf`);
  const bytes = ext === '.pdf' ? await htmlToPdf(html) : html;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, bytes);
  return ext === '.pdf' ? 'pdf' : 'html';
}
