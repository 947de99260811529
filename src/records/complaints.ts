/**
 * The complaints ledger (投诉登记, seeds 001 投诉制度 / 投诉管理监督制度): channel, complainant
 * (confidential), target staff or window, content, receipt, verification (查实 / 不实) with its
 * handler, and the reply on the complaint's own channel by the policy's reply clock.
 */
import type { Pack } from '../engine/index.ts';
import type { ComplaintRecord, ContactInfo } from '../pack/index.ts';
import { policyAt } from '../pack/index.ts';
import { caseShardOf } from './cases.ts';
import { requireStaff, requireWindow, staffName, windowName } from './center-refs.ts';
import { dueAfter, type WorkCalendar } from './clock-port.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import { YearlyIds } from './ids.ts';
import { maskContact, maskUnmasked, publishedPhones } from './mask.ts';
import { findForbiddenPhrases, type PhraseMatch } from './phrases.ts';
import type { RecordBackend } from './backend.ts';
import { epochOf, normalizeTime, shanghaiDate, shanghaiYear, toIso } from './time.ts';

export type ComplaintChannel = ComplaintRecord['channel'];
export const COMPLAINTS = 'complaints';

export const CHANNEL_LABELS: Readonly<Record<ComplaintChannel, string>> = { oral: '口头', phone: '电话', written: '书面' };
export const RESULT_LABELS = { verified: '查实', unfounded: '不实' } as const;

export interface AddComplaint {
  readonly channel: ComplaintChannel;
  /** Confidential; may be empty (anonymous). */
  readonly complainant?: ContactInfo;
  /** Target: a staff member, a window, or both. */
  readonly staff?: string;
  readonly window?: string;
  readonly content: string;
  /** Defaults to now. */
  readonly receivedAt?: string;
  readonly receivedBy: string;
  /** Complex, or involving two or more units: replied within complaintReplyComplex. */
  readonly complex?: boolean;
  /** A major matter: must be a written complaint. */
  readonly major?: boolean;
  readonly case?: string;
}

export interface VerifyComplaint {
  readonly result: 'verified' | 'unfounded';
  readonly handler: string;
  readonly at?: string;
  /** The person found responsible, when not (only) the target staff member. */
  readonly staff?: string;
  readonly note?: string;
}

export interface ReplyComplaint {
  /** Defaults to the complaint's channel. */
  readonly channel?: ComplaintChannel;
  readonly by: string;
  readonly at?: string;
  readonly content: string;
}

export interface ComplaintView {
  readonly record: ComplaintRecord;
  /** Due by policy: complaintReply, or complaintReplyComplex for complex ones. */
  readonly replyDue: string;
  readonly replied: boolean;
  /** Not replied by the due time (or replied late). */
  readonly replyOverdue: boolean;
  /** The staff member a verified complaint counts against, if any. */
  readonly counted: string | null;
}

export function complaintSpec(): CollectionSpec<ComplaintRecord> {
  return { kind: 'complaint', idOf: (r) => r.id };
}

/** The staff member a complaint counts against once verified: the one found responsible, else the target. */
export function countedStaff(r: ComplaintRecord): string | null {
  if (r.verification?.result !== 'verified') return null;
  return r.verification.staff ?? r.target.staff ?? null;
}

/** Which reply channels a complaint allows: its own, and writing (never less than writing for a written one). */
export function replyChannelAllowed(complaint: ComplaintChannel, reply: ComplaintChannel): boolean {
  return reply === complaint || reply === 'written';
}

export class Complaints {
  private readonly ids: YearlyIds;

  constructor(
    private readonly store: RecordBackend,
    private pack: Pack,
    private cal: WorkCalendar,
  ) {
    this.ids = new YearlyIds('T', () => this.collection().values(), () => this.store.foreignWrites);
  }

  /** Binds to a reloaded pack: the same records, read and written under the new rules from now on. */
  rebind(pack: Pack, cal: WorkCalendar): void {
    this.pack = pack;
    this.cal = cal;
  }

  private collection() {
    return this.store.collection<ComplaintRecord>(COMPLAINTS);
  }

  add(input: AddComplaint): Promise<ComplaintRecord> {
    return this.store.exclusive(async () => {
      if (!input.staff && !input.window) throw RecordsError.of('E-COMPLAINT-TARGET', {}, { path: '$.target' });
      if (input.staff) requireStaff(this.pack, input.staff, 'target.staff');
      if (input.window) requireWindow(this.pack, input.window, 'target.window');
      requireStaff(this.pack, input.receivedBy, 'receivedBy');
      if (input.major && input.channel !== 'written') {
        throw RecordsError.of('E-COMPLAINT-MAJOR', {}, { path: '$.channel' });
      }
      const shard = input.case ? caseShardOf(input.case) : null;
      if (input.case && (shard === null || !this.store.names().includes(shard) || !this.store.collection<{ id: string }>(shard).get(input.case))) {
        throw RecordsError.of('E-COMPLAINT-CASE', { id: input.case }, { path: '$.case' });
      }
      const receivedAt = input.receivedAt ? normalizeTime(input.receivedAt, 'receivedAt') : toIso(Date.now());
      const id = this.ids.peek(shanghaiYear(epochOf(receivedAt)));
      const record: ComplaintRecord = {
        id,
        channel: input.channel,
        complainant: stripEmpty(input.complainant ?? {}),
        target: { ...(input.staff ? { staff: input.staff } : {}), ...(input.window ? { window: input.window } : {}) },
        content: input.content,
        receivedAt,
        receivedBy: input.receivedBy,
        complex: input.complex ?? false,
        major: input.major ?? false,
        ...(input.case ? { case: input.case } : {}),
      };
      const saved = await this.collection().put(record);
      this.ids.taken(id);
      return saved;
    });
  }

  /** Records the verification result (查实 / 不实); a result once recorded is not changed. */
  verify(id: string, input: VerifyComplaint): Promise<ComplaintRecord> {
    return this.store.exclusive(async () => {
      const r = this.require(id);
      if (r.verification) {
        throw RecordsError.of('E-COMPLAINT-VERIFIED', { id, at: r.verification.at, result: RESULT_LABELS[r.verification.result] });
      }
      requireStaff(this.pack, input.handler, 'verification.handler');
      if (input.staff) requireStaff(this.pack, input.staff, 'verification.staff');
      const at = input.at ? normalizeTime(input.at, 'at') : toIso(Date.now());
      if (epochOf(at) < epochOf(r.receivedAt)) throw RecordsError.of('E-COMPLAINT-TIME', { what: '核实', at, receivedAt: r.receivedAt }, { path: '$.verification.at' });
      const verification = {
        result: input.result,
        handler: input.handler,
        at,
        ...(input.staff ? { staff: input.staff } : {}),
        ...(input.note ? { note: input.note } : {}),
      };
      return this.collection().put({ ...r, verification });
    });
  }

  /** Records the reply to the complainant, on the complaint's channel (or in writing). */
  reply(id: string, input: ReplyComplaint): Promise<ComplaintRecord> {
    return this.store.exclusive(async () => {
      const r = this.require(id);
      if (r.reply) throw RecordsError.of('E-COMPLAINT-REPLIED', { id, at: r.reply.at });
      const channel = input.channel ?? r.channel;
      if (!replyChannelAllowed(r.channel, channel)) {
        const rule = r.channel === 'written' ? '书面投诉必须书面答复' : `${CHANNEL_LABELS[r.channel]}投诉应以${CHANNEL_LABELS[r.channel]}方式答复（或书面答复）`;
        throw RecordsError.of('E-COMPLAINT-REPLY-CHANNEL', { rule, channel: CHANNEL_LABELS[channel] }, { path: '$.reply.channel' });
      }
      requireStaff(this.pack, input.by, 'reply.by');
      const at = input.at ? normalizeTime(input.at, 'at') : toIso(Date.now());
      if (epochOf(at) < epochOf(r.receivedAt)) throw RecordsError.of('E-COMPLAINT-TIME', { what: '答复', at, receivedAt: r.receivedAt }, { path: '$.reply.at' });
      return this.collection().put({ ...r, reply: { channel, at, by: input.by, content: input.content } });
    });
  }

  get(id: string): ComplaintRecord | undefined {
    return this.store.names().includes(COMPLAINTS) ? this.collection().get(id) : undefined;
  }

  private require(id: string): ComplaintRecord {
    const r = this.get(id);
    if (!r) throw RecordsError.of('E-COMPLAINT-NOT-FOUND', { id });
    return r;
  }

  all(): Iterable<ComplaintRecord> {
    return this.store.names().includes(COMPLAINTS) ? this.collection().values() : [];
  }

  get size(): number {
    return this.store.names().includes(COMPLAINTS) ? this.collection().size : 0;
  }

  view(r: ComplaintRecord, now: string): ComplaintView {
    // The reply clock of the policy in force the day the complaint was received.
    const policy = policyAt(this.pack.data.policy, shanghaiDate(epochOf(r.receivedAt))).clocks;
    const { due } = dueAfter(this.cal, r.receivedAt, r.complex ? policy.complaintReplyComplex : policy.complaintReply);
    const answered = r.reply ? epochOf(r.reply.at) : epochOf(now);
    return { record: r, replyDue: due, replied: r.reply !== undefined, replyOverdue: answered > epochOf(due), counted: countedStaff(r) };
  }

  /**
   * A view fit to leave the register (an HTTP answer, a screen): the complainant masked field by
   * field and without the address, and every whole ID or mobile number in the free text (content,
   * verification note, reply) masked. The register itself keeps everything as recorded.
   */
  maskedView(v: ComplaintView): ComplaintView {
    const allowed = publishedPhones(this.pack.data);
    const r = v.record;
    const text = (t: string): string => maskUnmasked(t, allowed);
    const record: ComplaintRecord = {
      ...r,
      complainant: maskContact(r.complainant),
      content: text(r.content),
      ...(r.verification ? { verification: { ...r.verification, ...(r.verification.note !== undefined ? { note: text(r.verification.note) } : {}) } } : {}),
      ...(r.reply ? { reply: { ...r.reply, content: text(r.reply.content) } } : {}),
    };
    return { ...v, record };
  }

  /** Forbidden phrases quoted in a complaint's content. */
  phrasesIn(r: ComplaintRecord): PhraseMatch[] {
    return findForbiddenPhrases(r.content, this.pack.data.policy.forbiddenPhrases);
  }

  /**
   * A complaint's outcome for publication (投诉的处理结果, 政务公开): no complainant, no contact,
   * the staff member's name only once verified.
   */
  publicOutcome(r: ComplaintRecord): PublicComplaintOutcome {
    const counted = countedStaff(r);
    return {
      id: r.id,
      received: shanghaiDate(epochOf(r.receivedAt)),
      channel: CHANNEL_LABELS[r.channel],
      target: [r.target.window ? windowName(this.pack, r.target.window) : null, counted ? staffName(this.pack, counted) : null].filter((x): x is string => x !== null).join(' ') || '—',
      result: r.verification ? RESULT_LABELS[r.verification.result] : '核实中',
      replied: r.reply ? shanghaiDate(epochOf(r.reply.at)) : null,
    };
  }
}

export interface PublicComplaintOutcome {
  readonly id: string;
  readonly received: string;
  readonly channel: string;
  readonly target: string;
  readonly result: string;
  readonly replied: string | null;
}

function stripEmpty(c: ContactInfo): ContactInfo {
  const out: ContactInfo = {};
  if (c.name?.trim()) out.name = c.name.trim();
  if (c.idNumber?.trim()) out.idNumber = c.idNumber.trim();
  if (c.phone?.trim()) out.phone = c.phone.trim();
  if (c.address?.trim()) out.address = c.address.trim();
  return out;
}
