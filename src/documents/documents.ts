/** The documents bianmin issues, each from its data to self-contained printable HTML. */
import type { PackData } from '../pack/index.ts';
import type { Decision } from '../pack/index.ts';
import { itemVersionAt } from '../pack/index.ts';
import { checkedDate, parseShanghai, shanghaiDate } from './dates.ts';
import { DocumentError } from './errors.ts';
import type { AnnouncementInput, ComplaintsInput } from './inputs.ts';
import type { DocumentNumbering } from './numbering.ts';
import { renderDocument } from './render.ts';
import type { DocumentType } from './shapes.ts';
import { announcementData } from './views/announcement.ts';
import { boardData } from './views/board.ts';
import { centerView } from './views/center.ts';
import { complaintViews } from './views/complaints.ts';
import { guideData } from './views/guide.ts';
import { noticeData, type NoticeOptions } from './views/notice.ts';

export interface RenderedDocument {
  readonly type: DocumentType;
  readonly title: string;
  /** The document number, for numbered documents (notices, announcements, 通报). */
  readonly number: string | null;
  readonly html: string;
}

/** 一次性告知单, 补正材料通知书, 受理通知书, 即办件回执, 退回件通知书 or 不予受理通知书 for a decision. */
export async function renderNotice(pack: PackData, decision: Decision, options: NoticeOptions = {}): Promise<RenderedDocument> {
  const built = await noticeData(pack, decision, options);
  const html = renderDocument(pack, built.type, built.data, built.template);
  return { type: built.type, title: built.data.doc.title, number: built.data.doc.number, html };
}

export interface PublicationOptions {
  /** YYYY-MM-DD (Beijing); by default today. */
  readonly date?: string;
  readonly now?: Date;
}

function dayOf(options: PublicationOptions): string {
  return checkedDate(options.date ?? shanghaiDate(options.now));
}

/** 办事指南 of one item. */
export function renderGuide(pack: PackData, code: string, options: PublicationOptions = {}): RenderedDocument {
  const date = dayOf(options);
  const data = guideData(pack, code, date);
  const template = itemVersionAt(pack.items.get(code)!.data, date).documents?.guide ?? 'guide';
  return { type: 'guide', title: `${data.item.name} 办事指南`, number: null, html: renderDocument(pack, 'guide', data, template) };
}

export interface BoardRenderOptions extends PublicationOptions {
  readonly complaints?: ComplaintsInput['complaints'];
  /** The large-type page for the hall's display screen instead of the printable A4 board. */
  readonly screen?: boolean;
}

/** 政务公开栏, printable (A4, one item per page) or as the hall screen. */
export function renderBoard(pack: PackData, options: BoardRenderOptions = {}): RenderedDocument {
  const data = boardData(pack, { date: dayOf(options), complaints: options.complaints });
  return { type: 'board', title: data.doc.title, number: null, html: renderDocument(pack, 'board', data, options.screen ? 'board-screen' : 'board') };
}

export interface NumberedOptions extends PublicationOptions {
  readonly numbering?: DocumentNumbering;
  readonly number?: string;
}

async function numberOf(options: NumberedOptions, date: string): Promise<string> {
  if (options.number) return options.number;
  if (!options.numbering) throw new DocumentError('E-DOC-NUMBER', '出具文书需要文书编号：请提供编号来源（numbering）或编号（number）');
  return options.numbering.next(parseShanghai(date).year);
}

/** 办结公告 of completed cases (personal data masked). */
export async function renderAnnouncement(pack: PackData, input: AnnouncementInput, options: NumberedOptions = {}): Promise<RenderedDocument> {
  const date = dayOf(options);
  // Validate before taking a number, so a refused announcement does not use one up.
  const probe = announcementData(pack, input, { number: '', date });
  const number = await numberOf(options, date);
  const data = { ...probe, doc: { ...probe.doc, number } };
  const codes = [...new Set(input.entries.map((e) => e.item))];
  const custom = codes.length === 1 ? itemVersionAt(pack.items.get(codes[0]!)!.data, date).documents?.announcement : undefined;
  return { type: 'announcement', title: data.doc.title, number, html: renderDocument(pack, 'announcement', data, custom ?? 'announcement') };
}

/** 投诉处理结果通报 (complainants masked). */
export async function renderComplaintResult(pack: PackData, input: ComplaintsInput, options: NumberedOptions = {}): Promise<RenderedDocument> {
  const date = dayOf(options);
  const complaints = complaintViews(pack, input.complaints);
  const number = await numberOf(options, date);
  const data = {
    doc: { type: 'complaint-result' as const, title: '投诉处理结果通报', number, date },
    center: centerView(pack),
    period: input.period ? { from: input.period.from, to: input.period.to } : null,
    complaints,
  };
  return { type: 'complaint-result', title: data.doc.title, number, html: renderDocument(pack, 'complaint-result', data) };
}
