/**
 * Registering a decided application as a case (POST /v1/decisions with record: true, and
 * POST /v1/cases): the case goes into the register, its notice gets the next number of the
 * center's document-number series (taken by the register and stored on the case).
 */
import { NOTICE_TITLES, noticeTypeOf } from '../documents/index.ts';
import type { DecideOptions, Pack } from '../engine/index.ts';
import type { Application, Decision } from '../pack/index.ts';
import type { CaseView } from '../records/index.ts';
import { BODY, inRequest } from './in-request.ts';
import { noticeHref } from './notice-numbers.ts';
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

/** Decides `application` on `pack`; the engine's input errors are answered located at `where`, the application's place in the request. */
export function decideOrReject(pack: Pack, application: Application, where = '$', options: DecideOptions = {}): Promise<Decision> {
  return inRequest({ $: where }, () => pack.decide(application, options));
}

/** For a decision to be registered: an applicant with a false commitment on record may not commit again (告知承诺制). */
export async function registrationOptions(records: RecordsHolder, application: Application): Promise<DecideOptions> {
  if (!application.commitments || application.commitments.length === 0) return {};
  const excluded = await records.use((r) => r.cases.commitmentExclusion(application));
  return excluded ? { commitmentExcluded: excluded } : {};
}

export function noticeLink(decision: Decision, number: string | null): NoticeLink {
  return { document: decision.notice.document, title: NOTICE_TITLES[noticeTypeOf(decision)], number, href: number === null ? null : noticeHref(number) };
}

export async function register(records: RecordsHolder, application: Application, decision: Decision, how: Registration): Promise<{ view: CaseView; notice: NoticeLink }> {
  const view = await records.use((r) =>
    inRequest(BODY, () =>
      r.cases.register({
        decision,
        application,
        staff: how.staff,
        ...(how.firstInquiry ? { firstInquiry: how.firstInquiry } : {}),
        ...(how.noticeGiven !== undefined ? { noticeGiven: how.noticeGiven } : {}),
      }),
    ),
  );
  return { view, notice: noticeLink(decision, view.record.noticeNumber ?? null) };
}
