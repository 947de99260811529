/**
 * Registering a decided application as a case (POST /v1/decisions with record: true, and
 * POST /v1/cases): the case goes into the register, its notice gets the case's number.
 */
import { NOTICE_TITLES, noticeTypeOf } from '../documents/index.ts';
import type { Pack } from '../engine/index.ts';
import type { Application, Decision } from '../pack/index.ts';
import type { CaseView } from '../records/index.ts';
import { ApplicationError, applicationErrorToHttp } from './engine-errors.ts';
import { noticeHref, noticeNumberOf } from './notice-numbers.ts';
import { recordsCall } from './records-errors.ts';
import type { RecordsHolder } from './records-holder.ts';

export interface NoticeLink {
  readonly document: string;
  readonly title: string;
  readonly number: string | null;
  readonly href: string | null;
}

export interface Registration {
  readonly staff: string;
  readonly firstInquiry?: string;
  readonly noticeGiven?: boolean;
}

/** Decides `application` on `pack`; the engine's input errors become 400/404 located at `where` in the request. */
export async function decideOrReject(pack: Pack, application: Application, where = '$'): Promise<Decision> {
  try {
    return await pack.decide(application);
  } catch (err) {
    if (err instanceof ApplicationError) throw applicationErrorToHttp(err, where);
    throw err;
  }
}

export function noticeLink(decision: Decision, number: string | null): NoticeLink {
  return { document: decision.notice.document, title: NOTICE_TITLES[noticeTypeOf(decision)], number, href: number === null ? null : noticeHref(number) };
}

export async function register(records: RecordsHolder, pack: Pack, application: Application, decision: Decision, how: Registration): Promise<{ view: CaseView; notice: NoticeLink }> {
  const view = await records.use((r) =>
    recordsCall(() =>
      r.cases.register({
        decision,
        application,
        staff: how.staff,
        ...(how.firstInquiry ? { firstInquiry: how.firstInquiry } : {}),
        ...(how.noticeGiven !== undefined ? { noticeGiven: how.noticeGiven } : {}),
      }),
    ),
  );
  return { view, notice: noticeLink(decision, noticeNumberOf(pack, view.record.id)) };
}
