import { renderMessage } from '../../core/index.ts';
import type { PackData } from '../../pack/index.ts';
import { itemVersionAt, suggest } from '../../pack/index.ts';
import { chineseWeekday } from '../dates.ts';
import { DocumentError } from '../errors.ts';
import type { CompletionRecord, ComplaintRecord } from '../inputs.ts';
import { qrDataUri } from '../qr.ts';
import { PAPERS, type DocumentData, type ItemView } from '../shapes.ts';
import { tidyOrNull } from '../text.ts';
import { announcementGroups } from './announcement.ts';
import { centerView, departmentName, dutyOn, dutyRosterView, staffById } from './center.ts';
import { complaintViews } from './complaints.ts';
import { upcomingView, versionView } from './item.ts';

/** The layouts of the board: one center board, one poster per window, or the binder (办事指南汇编). */
export const BOARD_LAYOUTS = ['center', 'window', 'binder'] as const;
export type BoardLayout = (typeof BOARD_LAYOUTS)[number];
export type Paper = (typeof PAPERS)[number];

/**
 * The month's 好差评 counts per window as the records give them (`boardReviews` of the service):
 * counts only, no reviewer, struck reviews already left out.
 */
export interface BoardReviewsInput {
  readonly month: string;
  readonly windows: ReadonlyArray<{ readonly window: string; readonly name: string; readonly total: number; readonly bad: number; readonly counts: ReadonlyArray<{ readonly grade: string; readonly count: number }> }>;
}

export interface BoardOptions {
  /** The day the board is for (YYYY-MM-DD, Beijing): items in force then, that month's roster. */
  readonly date: string;
  /** Recent complaint outcomes to publish (masked here). */
  readonly complaints?: readonly ComplaintRecord[];
  /** The month's 好差评 counts per window. */
  readonly reviews?: BoardReviewsInput;
  /** Page of each item in the printed binder (item code → page), when the printer has told. */
  readonly pages?: ReadonlyMap<string, number>;
}

type Board = DocumentData['board'];
type PaperView = DocumentData['center-board']['paper'];

const SIZES: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
  A1: { width: 594, height: 841 },
  A0: { width: 841, height: 1189 },
};

/**
 * The sheet a poster is printed on. Type and margins grow with the paper's width, so a layout made
 * for A3 reads the same from proportionally further away on A1 or A0. `font` is the A4 base size.
 */
export function paperView(size: Paper, font: number): PaperView {
  const { width, height } = SIZES[size];
  const scale = width / SIZES.A4.width;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { size, width, height, margin: round(8 * scale), font: round(font * scale) };
}

/** A window id the pack does not have: located (`query.window`, `--window`), with the windows it has. */
export function unknownWindow(pack: PackData, id: string, path: string): DocumentError {
  const ids = pack.center.windows.map((w) => w.id);
  const guess = suggest(id, ids);
  const known = [...pack.center.windows].sort((a, b) => a.number - b.number).map((w) => `${w.id}（${w.number}号窗口 ${w.name}）`).join('、');
  return new DocumentError('E-DOC-WINDOW', renderMessage('E-DOC-WINDOW', { id: id.slice(0, 64), hint: `${guess ? `，是否应为 ${guess}？` : ''}；已声明的窗口：${known}` }), { path });
}

function person(pack: PackData, id: string): { name: string; title: string } {
  const s = staffById(pack, id);
  return { name: s.name, title: s.title };
}

function postsOf(pack: PackData, windowId: string): Board['windows'][number]['posts'] {
  return pack.center.posts.filter((p) => p.window === windowId).map((p) => ({ name: p.name, duties: tidyOrNull(p.duties), a: person(pack, p.a), b: person(pack, p.b) }));
}

function windowsInOrder(pack: PackData) {
  return [...pack.center.windows].sort((a, b) => a.number - b.number);
}

/** The items in force on `date` by window, each window's in code order. */
function itemsByWindow(pack: PackData, date: string, only?: string): Map<string, ItemView[]> {
  const byWindow = new Map<string, ItemView[]>();
  for (const { data } of pack.items.values()) {
    const version = itemVersionAt(data, date);
    if (only !== undefined && version.window !== only) continue;
    const list = byWindow.get(version.window) ?? [];
    list.push(versionView(pack, version));
    byWindow.set(version.window, list);
  }
  for (const list of byWindow.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return byWindow;
}

function leadersOf(pack: PackData): Board['leaders'] {
  return (pack.center.leaders ?? []).map((l) => ({ ...person(pack, l.staff), role: l.role }));
}

function departmentsOf(pack: PackData): Board['departments'] {
  return pack.center.departments.map((d) => ({ name: d.name, duties: tidyOrNull(d.duties) }));
}

/**
 * The 好差评 counts as the board prints them: the pack's grades as columns (good to bad), one row
 * per window in window order. A window since removed from center.yaml keeps the name the records gave.
 */
export function reviewsView(pack: PackData, input: BoardReviewsInput | undefined): Board['reviews'] {
  if (!input) return null;
  const grades = [...pack.policy.reviews.grades];
  const numbers = new Map(pack.center.windows.map((w) => [w.id, w.number]));
  const rows = [...input.windows]
    .sort((a, b) => (numbers.get(a.window) ?? Number.MAX_SAFE_INTEGER) - (numbers.get(b.window) ?? Number.MAX_SAFE_INTEGER))
    .map((w) => {
      const n = numbers.get(w.window);
      const counts = new Map(w.counts.map((c) => [c.grade, c.count]));
      return {
        window: n === undefined ? w.name : `${n}号 ${w.name}`,
        total: w.total,
        bad: w.bad,
        counts: grades.map((g) => ({ grade: g, count: counts.get(g) ?? 0 })),
      };
    });
  return {
    month: input.month,
    grades,
    windows: rows,
    total: rows.reduce((s, r) => s + r.total, 0),
    bad: rows.reduce((s, r) => s + r.bad, 0),
  };
}

/** Everything the binder (政务公开栏·办事指南汇编) and the hall screen show, items grouped by window in window order. */
export function boardData(pack: PackData, options: BoardOptions): Board {
  const { date } = options;
  const byWindow = itemsByWindow(pack, date);
  const upcoming: Board['upcoming'] = [];
  for (const { data } of pack.items.values()) upcoming.push(...upcomingView(data, date));
  upcoming.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.code < b.code ? -1 : 1));

  const windows = windowsInOrder(pack).map((w) => {
    const items = byWindow.get(w.id) ?? [];
    return {
      number: w.number,
      name: w.name,
      location: w.location ?? null,
      department: departmentName(pack, w.department),
      posts: postsOf(pack, w.id),
      items,
      toc: items.map((i) => ({ code: i.code, name: i.name, page: options.pages?.get(i.code) ?? null })),
    };
  });

  return {
    doc: { type: 'board', title: '政务公开栏', number: null, date },
    center: centerView(pack),
    departments: departmentsOf(pack),
    leaders: leadersOf(pack),
    windows,
    upcoming,
    roster: dutyRosterView(pack, date),
    complaints: complaintViews(pack, options.complaints ?? []),
    itemCount: pack.items.size,
    duty: dutyOn(pack, date),
    reviews: reviewsView(pack, options.reviews),
  };
}

export interface CenterBoardOptions {
  readonly date: string;
  readonly paper: Paper;
  /** Recently completed cases of items that require an announcement (masked here). */
  readonly completions?: readonly CompletionRecord[];
  readonly reviews?: BoardReviewsInput;
}

/** How many recent completions the center board prints: the newest; the rest are in the 办结公告 itself. */
export const CENTER_BOARD_COMPLETIONS = 8;

/** The center board (中心公开栏): one sheet with the center, its people, promises, duty and recent results. */
export function centerBoardData(pack: PackData, options: CenterBoardOptions): DocumentData['center-board'] {
  const { date } = options;
  const counts = new Map<string, number>();
  for (const { data } of pack.items.values()) {
    const w = itemVersionAt(data, date).window;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const newest = [...(options.completions ?? [])].sort((a, b) => Date.parse(b.completedAt) - Date.parse(a.completedAt)).slice(0, CENTER_BOARD_COMPLETIONS);
  // Through the 办结公告's own grouping: the same check that the item requires an announcement, the same masking.
  const completions = (newest.length === 0 ? [] : announcementGroups(pack, { entries: newest }))
    .flatMap((g) => g.entries.map((e) => ({ code: g.code, name: g.name, applicant: e.applicant, completedAt: e.completedAt, result: e.result })))
    .sort((a, b) => Date.parse(b.completedAt) - Date.parse(a.completedAt));
  return {
    doc: { type: 'center-board', title: '政务公开栏', number: null, date },
    paper: paperView(options.paper, 7.5),
    center: centerView(pack),
    departments: departmentsOf(pack),
    leaders: leadersOf(pack),
    windows: windowsInOrder(pack).map((w) => ({
      number: w.number,
      name: w.name,
      location: w.location ?? null,
      department: departmentName(pack, w.department),
      itemCount: counts.get(w.id) ?? 0,
      posts: postsOf(pack, w.id),
    })),
    duty: dutyOn(pack, date),
    roster: dutyRosterView(pack, date).map((m) => ({ ...m, days: m.days.map((d) => ({ ...d, day: `${Number(d.date.slice(8, 10))}日 ${chineseWeekday(d.date).replace('星期', '周')}` })) })),
    completions,
    reviews: reviewsView(pack, options.reviews),
    itemCount: pack.items.size,
  };
}

export interface WindowPosterOptions {
  readonly date: string;
  readonly paper: Paper;
  /** One window's poster (its id in center.yaml); by default every window's, one per page. */
  readonly window?: string;
  /** Where the service is reachable from outside (QR codes to each item's guide); none prints no QR codes. */
  readonly publicUrl?: string;
}

/** The online guide of an item: `${publicUrl}/v1/items/{code}/guide`, the address its QR code holds. */
export function guideUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/items/${encodeURIComponent(code)}/guide`;
}

/** An item's guide online with its QR code; null without a public address. */
export function onlineGuide(publicUrl: string | undefined | null, code: string): { url: string; qr: string } | null {
  if (!publicUrl) return null;
  const url = guideUrl(publicUrl, code);
  return { url, qr: qrDataUri(url) };
}

/** Window posters (窗口公示牌): per window its items with limits, fees, where to ask and a QR code to the guide. */
export function windowPosterData(pack: PackData, options: WindowPosterOptions): DocumentData['window-poster'] {
  const { date, publicUrl } = options;
  if (options.window !== undefined && !pack.center.windows.some((w) => w.id === options.window)) throw unknownWindow(pack, options.window, 'window');
  const byWindow = itemsByWindow(pack, date, options.window);
  const base = publicUrl ? publicUrl.replace(/\/+$/, '') : null;
  const posters = windowsInOrder(pack)
    .filter((w) => options.window === undefined || w.id === options.window)
    .map((w) => ({
      number: w.number,
      name: w.name,
      location: w.location ?? null,
      department: departmentName(pack, w.department),
      posts: postsOf(pack, w.id),
      items: (byWindow.get(w.id) ?? []).map((item) => ({ item, guide: onlineGuide(base, item.code) })),
    }));
  return {
    doc: { type: 'window-poster', title: options.window === undefined ? '窗口公示牌' : `${posters[0]!.number}号窗口公示牌`, number: null, date },
    paper: paperView(options.paper, 10.5),
    center: centerView(pack),
    publicUrl: base,
    windows: windowsInOrder(pack).map((w) => ({ number: w.number, name: w.name, location: w.location ?? null })),
    posters,
  };
}
