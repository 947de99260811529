/**
 * Public documents (办事指南, 政务公开栏 and its hall screen, 办结公告, 投诉处理结果通报) never show
 * a whole ID number or mobile number. Free text — a completion's result, a complaint's summary,
 * outcome and action, any text of the pack — is masked before it reaches the template (people type
 * such numbers into whatever field is at hand, and refusing the whole publication for them would
 * only delay it); the numbers the pack publishes on purpose stay. Whatever the template itself
 * writes is checked after rendering, and a whole number there refuses the document, located.
 */
import { renderMessage } from '../core/index.ts';
import { findUnmasked, maskUnmasked, unmaskedKindLabel } from '../records/index.ts';
import { DocumentError } from './errors.ts';
import type { DocumentType } from './shapes.ts';

const PUBLIC: ReadonlySet<DocumentType> = new Set<DocumentType>(['guide', 'board', 'center-board', 'window-poster', 'announcement', 'complaint-result']);

/** Whether documents of this type are published (posted, shown or archived for the public). */
export function isPublicDocument(type: DocumentType): boolean {
  return PUBLIC.has(type);
}

/** A copy of `data` with every whole ID or mobile number inside any of its strings masked. */
export function maskPublicData<T>(data: T, allowed: readonly string[]): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskUnmasked(v, allowed);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(data) as T;
}

/** `第 3 行第 12 列` of an index into a text. */
export function lineColumnOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** Refuses rendered public HTML that still shows a whole number (written by the template itself). */
export function assertMasked(html: string, allowed: readonly string[], template: string): void {
  const found = findUnmasked(html, allowed);
  if (found.length === 0) return;
  const where = found.map((f) => {
    const { line, column } = lineColumnOf(html, f.index);
    return `${unmaskedKindLabel(f.kind)}（输出第 ${line} 行第 ${column} 列）`;
  });
  throw new DocumentError('E-DOC-UNMASKED', renderMessage('E-DOC-UNMASKED', { detail: `模板 ${template} 写出了${where.join('、')}` }));
}
