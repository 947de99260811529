import type { PackData } from '../../pack/index.ts';
import { itemVersionAt } from '../../pack/index.ts';
import type { ComplaintRecord } from '../inputs.ts';
import type { DocumentData } from '../shapes.ts';
import { centerView, departmentName, staffById } from './center.ts';
import { complaintViews } from './complaints.ts';
import { upcomingView, versionView } from './item.ts';
import { tidyOrNull } from '../text.ts';

export interface BoardOptions {
  /** The day the board is for (YYYY-MM-DD, Beijing): items in force then, that month's roster. */
  readonly date: string;
  /** Recent complaint outcomes to publish (masked here). */
  readonly complaints?: readonly ComplaintRecord[];
}

/** Everything the public board (政务公开栏) shows, items grouped by window in window order. */
export function boardData(pack: PackData, options: BoardOptions): DocumentData['board'] {
  const { date } = options;
  const c = pack.center;
  const person = (id: string) => {
    const s = staffById(pack, id);
    return { name: s.name, title: s.title };
  };
  const roles = new Map((c.leaders ?? []).map((l) => [l.staff, l.role]));

  const byWindow = new Map<string, DocumentData['board']['windows'][number]['items']>();
  const upcoming: DocumentData['board']['upcoming'] = [];
  for (const { data } of pack.items.values()) {
    const version = itemVersionAt(data, date);
    const list = byWindow.get(version.window) ?? [];
    list.push(versionView(pack, version));
    byWindow.set(version.window, list);
    upcoming.push(...upcomingView(data, date));
  }
  upcoming.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.code < b.code ? -1 : 1));

  const month = date.slice(0, 7);
  const roster = (c.dutyRoster ?? [])
    .filter((m) => m.month === month || (m.month > month && m.publishedOn !== undefined && m.publishedOn <= date))
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((m) => ({
      month: m.month,
      publishedOn: m.publishedOn ?? null,
      days: m.days.map((d) => {
        const leader = staffById(pack, d.leader);
        return { date: d.date, leader: { name: leader.name, role: roles.get(d.leader) ?? leader.title }, onDuty: d.onDuty ? person(d.onDuty) : null };
      }),
    }));

  const windows = [...c.windows]
    .sort((a, b) => a.number - b.number)
    .map((w) => ({
      number: w.number,
      name: w.name,
      location: w.location ?? null,
      department: departmentName(pack, w.department),
      posts: c.posts.filter((p) => p.window === w.id).map((p) => ({ name: p.name, duties: tidyOrNull(p.duties), a: person(p.a), b: person(p.b) })),
      items: (byWindow.get(w.id) ?? []).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    }));

  return {
    doc: { type: 'board', title: '政务公开栏', number: null, date },
    center: centerView(pack),
    departments: c.departments.map((d) => ({ name: d.name, duties: tidyOrNull(d.duties) })),
    leaders: (c.leaders ?? []).map((l) => ({ ...person(l.staff), role: l.role })),
    windows,
    upcoming,
    roster,
    complaints: complaintViews(pack, options.complaints ?? []),
    itemCount: pack.items.size,
  };
}
