import type { PackData } from '../../pack/index.ts';
import { dateOf } from '../dates.ts';
import type { ComplaintRecord } from '../inputs.ts';
import { maskName } from '../../records/index.ts';
import type { DocumentData } from '../shapes.ts';
import { staffById, windowLabel } from './center.ts';

export type ComplaintView = DocumentData['complaint-result']['complaints'][number];

/** A complaint outcome as published: the complainant masked, the target named (查实通报). */
export function complaintView(pack: PackData, c: ComplaintRecord): ComplaintView {
  const staff = c.target.staff ? staffById(pack, c.target.staff) : null;
  const window = c.target.window ? windowLabel(pack, c.target.window) : null;
  const target = [window, staff ? `${staff.name}（${staff.title}）` : null].filter(Boolean).join(' ');
  return {
    date: dateOf(c.receivedAt),
    channel: c.channel,
    complainant: c.complainant?.name ? maskName(c.complainant.name) : '匿名',
    target,
    summary: c.summary,
    verified: c.verified,
    outcome: c.outcome,
    action: c.action ?? null,
    repliedOn: c.repliedOn ?? null,
  };
}

/** Newest first. */
export function complaintViews(pack: PackData, list: readonly ComplaintRecord[]): ComplaintView[] {
  return list.map((c) => complaintView(pack, c)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
