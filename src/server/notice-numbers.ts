/**
 * Reprints of the notice issued when a case is registered. Registering a case takes the notice's
 * number from the center's one document-number series (the same as `bianmin render`'s) and stores
 * it on the case, so a number finds its case through the register, and the notice can be
 * reprinted from the case at any time without a second store.
 */
import { DocumentError, renderNotice, type RenderedDocument } from '../documents/index.ts';
import type { Pack } from '../engine/index.ts';
import type { CaseRecord } from '../pack/index.ts';
import { HttpError } from './http-error.ts';

export function noticeHref(number: string): string {
  return `/notices/${encodeURIComponent(number)}`;
}

/** `{number, href}` of the notice a case's registration issued (null for cases registered before notices were numbered in the register). */
export function noticeOf(record: CaseRecord): { readonly number: string; readonly href: string } | null {
  return record.noticeNumber ? { number: record.noticeNumber, href: noticeHref(record.noticeNumber) } : null;
}

/** The case's notice as issued (`number`, stored on the case): its decision, addressed to its applicant, by the staff member who registered it. */
export async function renderCaseNotice(pack: Pack, record: CaseRecord, number: string): Promise<RenderedDocument> {
  const applicant = record.application?.applicant;
  const identity = applicant ? { ...(applicant.name ? { name: applicant.name } : {}), ...(applicant.idNumber ? { idNumber: applicant.idNumber } : {}), ...(applicant.phone ? { phone: applicant.phone } : {}) } : null;
  try {
    return await renderNotice(pack.data, record.decision, {
      number,
      date: record.receivedAt.slice(0, 10),
      applicant: identity,
      handler: record.events[0]?.staff,
    });
  } catch (err) {
    if (err instanceof DocumentError) {
      throw new HttpError('E-NOTICE-UNAVAILABLE', `办件 ${record.id} 的文书无法按现行规则包出具：${err.message}`);
    }
    throw err;
  }
}
