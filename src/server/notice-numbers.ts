/**
 * Numbers and reprints of the notice issued when a case is registered. Every registered case gets
 * exactly one notice (its decision's), so the notice's sequence is the case's: case 2026-000123
 * issues notice 青便办〔2026〕0123号 (center code + 办, the series of intake notices, distinct from the
 * series other numbered documents use). A number therefore names its case, and the notice can be
 * reprinted from the case register at any time without a second store.
 */
import { DocumentError, formatDocumentNumber, renderNotice, type RenderedDocument } from '../documents/index.ts';
import type { Pack } from '../engine/index.ts';
import type { CaseRecord } from '../pack/index.ts';
import { HttpError } from './http-error.ts';

const SERIES = '办';

export function noticeNumberOf(pack: Pack, caseId: string): string {
  const [year, seq] = caseId.split('-');
  return formatDocumentNumber(`${pack.data.center.center.code}${SERIES}`, Number(year), Number(seq));
}

/** The case a notice number names, or null when it is not one of this center's intake notices. */
export function caseIdOf(pack: Pack, number: string): string | null {
  const prefix = `${pack.data.center.center.code}${SERIES}〔`;
  if (!number.startsWith(prefix)) return null;
  const m = /^(\d{4})〕(\d{1,6})号$/.exec(number.slice(prefix.length));
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(6, '0')}`;
}

export function noticeHref(number: string): string {
  return `/notices/${encodeURIComponent(number)}`;
}

/** The case's notice as issued: its decision, addressed to its applicant, by the staff member who registered it. */
export async function renderCaseNotice(pack: Pack, record: CaseRecord): Promise<RenderedDocument> {
  const applicant = record.application?.applicant;
  const identity = applicant ? { ...(applicant.name ? { name: applicant.name } : {}), ...(applicant.idNumber ? { idNumber: applicant.idNumber } : {}), ...(applicant.phone ? { phone: applicant.phone } : {}) } : null;
  try {
    return await renderNotice(pack.data, record.decision, {
      number: noticeNumberOf(pack, record.id),
      date: record.receivedAt.slice(0, 10),
      applicant: identity,
      handler: record.events[0]?.staff,
    });
  } catch (err) {
    if (err instanceof DocumentError) {
      throw new HttpError(409, { code: 'E-NOTICE-UNAVAILABLE', message: `办件 ${record.id} 的文书无法按现行规则包出具：${err.message}`, path: '$' });
    }
    throw err;
  }
}
