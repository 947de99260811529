import { writeDocument, type RenderedDocument } from '../documents/index.ts';
import type { Context } from './context.ts';

/** Writes the document to `out` (HTML or PDF by extension), or its HTML to stdout. */
export async function emit(ctx: Context, doc: RenderedDocument, out: string | undefined): Promise<void> {
  if (!out) {
    ctx.stdout.write(doc.html);
    return;
  }
  const kind = await writeDocument(ctx.file(out), doc.html);
  ctx.stderr.write(`已生成${doc.title}${doc.number ? ` ${doc.number}` : ''}（${kind.toUpperCase()}）：${out}\n`);
}
