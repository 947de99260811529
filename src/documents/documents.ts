/** The documents bianmin issues, each from its data to self-contained printable HTML. */
import { renderMessage } from '../core/index.ts';
import type { PackData } from '../pack/index.ts';
import type { Decision } from '../pack/index.ts';
import { itemVersionAt } from '../pack/index.ts';
import { checkedDate, parseShanghai, shanghaiDate } from './dates.ts';
import { DocumentError } from './errors.ts';
import type { AnnouncementInput, ComplaintsInput, CompletionRecord } from './inputs.ts';
import type { DocumentNumbering } from './numbering.ts';
import { renderDocument } from './render.ts';
import type { DocumentType } from './shapes.ts';
import { announcementData } from './views/announcement.ts';
import { boardData, centerBoardData, unknownWindow, windowPosterData, type BoardLayout, type BoardReviewsInput, type Paper } from './views/board.ts';
import { centerView } from './views/center.ts';
import { complaintViews } from './views/complaints.ts';
import { guideData } from './views/guide.ts';
import { noticeData, type NoticeOptions } from './views/notice.ts';
import { commitmentData, type CommitmentOptions } from './views/commitment.ts';

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

/** 证明事项告知承诺书 for a decision with `committed` materials (告知承诺制). */
export function renderCommitment(pack: PackData, decision: Decision, options: CommitmentOptions = {}): RenderedDocument {
  const data = commitmentData(pack, decision, options);
  return { type: 'commitment', title: data.doc.title, number: null, html: renderDocument(pack, 'commitment', data) };
}

export interface PublicationOptions {
  /** YYYY-MM-DD (Beijing); by default today. */
  readonly date?: string;
  readonly now?: Date;
}

function dayOf(options: PublicationOptions): string {
  return checkedDate(options.date ?? shanghaiDate(options.now));
}

export interface GuideRenderOptions extends PublicationOptions {
  /** Where the service is reachable from outside: the guide prints a QR code to itself online there. */
  readonly publicUrl?: string;
}

/** 办事指南 of one item. */
export function renderGuide(pack: PackData, code: string, options: GuideRenderOptions = {}): RenderedDocument {
  const date = dayOf(options);
  const data = guideData(pack, code, date, options.publicUrl);
  const template = itemVersionAt(pack.items.get(code)!.data, date).documents?.guide ?? 'guide';
  return { type: 'guide', title: `${data.item.name} 办事指南`, number: null, html: renderDocument(pack, 'guide', data, template) };
}

export interface BoardRenderOptions extends PublicationOptions {
  /** center: one center board; window: one poster per window; binder (default): the full 办事指南汇编. */
  readonly layout?: BoardLayout;
  /** With layout window: only this window's poster (its id in center.yaml). */
  readonly window?: string;
  /** Paper of the center board and the posters (A4/A3/A1/A0; posters default to A3); the binder is A4. */
  readonly paper?: Paper;
  /** Where the service is reachable from outside: the posters' QR codes lead to each item's guide there. */
  readonly publicUrl?: string;
  readonly complaints?: ComplaintsInput['complaints'];
  /** Recently completed cases (items that require an announcement): the center board's 近期办结公告. */
  readonly completions?: readonly CompletionRecord[];
  /** The month's 好差评 counts per window (center board and binder). */
  readonly reviews?: BoardReviewsInput;
  /** Page of each item in the printed binder (item code → page), for the table of contents. */
  readonly pages?: ReadonlyMap<string, number>;
  /** The large-type page for the hall's display screen instead of the printable binder. */
  readonly screen?: boolean;
}

/** What is wrong with a combination of board options, and which option says so; null when they go together. */
export function boardOptionProblem(pack: PackData, options: BoardRenderOptions): { readonly option: 'window' | 'screen' | 'paper'; readonly error: DocumentError } | null {
  const layout = options.layout ?? 'binder';
  const problem = (option: 'window' | 'screen' | 'paper', detail: string) => ({ option, error: new DocumentError('E-DOC-BOARD-OPTION', renderMessage('E-DOC-BOARD-OPTION', { detail }), { path: option }) });
  if (options.window !== undefined && layout !== 'window') return problem('window', '只有窗口海报（window 版式）可以指定窗口');
  if (options.screen && layout !== 'binder') return problem('screen', '大厅显示屏页面只有汇编（binder）版式');
  if (layout === 'binder' && options.paper !== undefined && options.paper !== 'A4') {
    return problem('paper', `办事指南汇编按 A4 装订，不能印在 ${options.paper} 上；中心公开栏和窗口海报可用 A4、A3、A1、A0`);
  }
  if (options.window !== undefined && !pack.center.windows.some((w) => w.id === options.window)) return { option: 'window', error: unknownWindow(pack, options.window, 'window') };
  return null;
}

/**
 * 政务公开栏 as posted: the center board, the window posters (one per window, or `window`'s), or
 * the binder (办事指南汇编: everything, one item per A4 page, with a table of contents) and its
 * hall-screen page.
 */
export function renderBoard(pack: PackData, options: BoardRenderOptions = {}): RenderedDocument {
  const layout = options.layout ?? 'binder';
  const date = dayOf(options);
  const problem = boardOptionProblem(pack, options);
  if (problem) throw problem.error;
  if (layout === 'center') {
    const data = centerBoardData(pack, { date, paper: options.paper ?? 'A3', ...(options.completions ? { completions: options.completions } : {}), ...(options.reviews ? { reviews: options.reviews } : {}) });
    return { type: 'center-board', title: data.doc.title, number: null, html: renderDocument(pack, 'center-board', data) };
  }
  if (layout === 'window') {
    const data = windowPosterData(pack, { date, paper: options.paper ?? 'A3', ...(options.window !== undefined ? { window: options.window } : {}), ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
    return { type: 'window-poster', title: data.doc.title, number: null, html: renderDocument(pack, 'window-poster', data) };
  }
  const data = boardData(pack, { date, complaints: options.complaints, ...(options.reviews ? { reviews: options.reviews } : {}), ...(options.pages ? { pages: options.pages } : {}) });
  return { type: 'board', title: options.screen ? data.doc.title : '办事指南汇编', number: null, html: renderDocument(pack, 'board', data, options.screen ? 'board-screen' : 'board') };
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
