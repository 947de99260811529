import type { PackData } from '../../pack/index.ts';
import type { DayHours, OfficeHours, StaffMember } from '../../pack/index.ts';
import { suggest } from '../../pack/index.ts';
import { DocumentError } from '../errors.ts';
import type { DocumentData } from '../shapes.ts';
import { tidyOrNull, tidyText } from '../text.ts';

export type CenterView = DocumentData['guide']['center'];

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The center as every document's header and footer shows it. */
export function centerView(pack: PackData): CenterView {
  const c = pack.center.center;
  return {
    name: c.name,
    code: c.code,
    address: c.address,
    officeHours: officeHoursText(c.officeHours),
    phones: { consult: c.phones.consult, complaint: c.phones.complaint, report: c.phones.report },
    commitments: (c.commitments ?? []).map(tidyText),
    duties: tidyOrNull(c.duties),
  };
}

/**
 * `周一至周五 08:30—12:00、13:00—17:30`: weekdays use the default hours unless overridden; weekend
 * days appear only when the center declares hours for them. Holidays close; make-up workdays open.
 */
export function officeHoursText(hours: OfficeHours): string {
  const perDay: Array<DayHours | undefined> = DAYS.map((d, i) => hours[d] ?? (i < 5 ? hours.default : undefined));
  const groups: Array<{ from: number; to: number; hours: DayHours }> = [];
  perDay.forEach((h, i) => {
    if (!h || h.length === 0) return;
    const last = groups.at(-1);
    if (last && last.to === i - 1 && last.hours.join() === h.join()) last.to = i;
    else groups.push({ from: i, to: i, hours: h });
  });
  if (groups.length === 0) return '暂无对外办公时间';
  const text = groups
    .map((g) => `${DAY_NAMES[g.from]}${g.to > g.from ? `至${DAY_NAMES[g.to]}` : ''} ${g.hours.map((r) => r.replace('-', '—')).join('、')}`)
    .join('；');
  return `${text}（法定节假日休息，调休上班日照常办公）`;
}

export function departmentName(pack: PackData, id: string): string {
  const d = pack.center.departments.find((x) => x.id === id);
  if (!d) throw new DocumentError('E-DOC-DATA', `部门 ${id} 未在 center.yaml 中声明`);
  return d.name;
}

export function windowOf(pack: PackData, id: string): { number: number; name: string; location: string | null } {
  const w = pack.center.windows.find((x) => x.id === id);
  if (!w) throw new DocumentError('E-DOC-DATA', `窗口 ${id} 未在 center.yaml 中声明`);
  return { number: w.number, name: w.name, location: w.location ?? null };
}

export function windowLabel(pack: PackData, id: string): string {
  const w = windowOf(pack, id);
  return `${w.number}号窗口（${w.name}）`;
}

export function staffById(pack: PackData, id: string): StaffMember {
  const s = pack.center.staff.find((x) => x.id === id);
  if (!s) {
    const guess = suggest(id, pack.center.staff.map((x) => x.id));
    throw new DocumentError('E-DOC-DATA', `工作人员 ${id} 未在 center.yaml 中声明${guess ? `，是否应为 ${guess}？` : ''}`);
  }
  return s;
}

/**
 * The staff member who handles an item at its window: the one named, or else the A holder of the
 * window's first post (AB岗: the B holder covers only when named explicitly).
 */
export function handlerFor(pack: PackData, windowId: string, staffId?: string): { name: string; title: string; window: string } {
  let id = staffId;
  if (!id) {
    const post = pack.center.posts.find((p) => p.window === windowId);
    if (!post) throw new DocumentError('E-DOC-DATA', `窗口 ${windowId} 没有设置岗位，无法确定经办人`);
    id = post.a;
  }
  const s = staffById(pack, id);
  return { name: s.name, title: s.title, window: windowLabel(pack, windowId) };
}

type RosterView = DocumentData['board']['roster'];
type DutyView = DocumentData['board']['duty'];

/** The duty roster months a board of `date` shows: that month, and the next once published. */
export function dutyRosterView(pack: PackData, date: string): RosterView {
  const c = pack.center;
  const roles = new Map((c.leaders ?? []).map((l) => [l.staff, l.role]));
  const month = date.slice(0, 7);
  return (c.dutyRoster ?? [])
    .filter((m) => m.month === month || (m.month > month && m.publishedOn !== undefined && m.publishedOn <= date))
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((m) => ({
      month: m.month,
      publishedOn: m.publishedOn ?? null,
      days: m.days.map((d) => {
        const leader = staffById(pack, d.leader);
        const onDuty = d.onDuty ? staffById(pack, d.onDuty) : null;
        return { date: d.date, leader: { name: leader.name, role: roles.get(d.leader) ?? leader.title }, onDuty: onDuty ? { name: onDuty.name, title: onDuty.title } : null };
      }),
    }));
}

/** Who leads and who is on duty on `date` (领导带班), or null when the roster has no such day. */
export function dutyOn(pack: PackData, date: string): DutyView {
  for (const m of dutyRosterView(pack, date)) {
    const day = m.days.find((d) => d.date === date);
    if (day) return day;
  }
  return null;
}
