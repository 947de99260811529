/**
 * Lookups into center.yaml for records: staff, windows and AB posts, and who answers for a case
 * (the post's A holder, or the B holder when B is covering).
 */
import type { Pack } from '../engine/index.ts';
import type { Post, StaffMember, Window } from '../pack/index.ts';
import { RecordsError } from './errors.ts';

export function staffById(pack: Pack, id: string): StaffMember | undefined {
  return pack.data.center.staff.find((s) => s.id === id);
}

export function windowById(pack: Pack, id: string): Window | undefined {
  return pack.data.center.windows.find((w) => w.id === id);
}

export function postById(pack: Pack, id: string): Post | undefined {
  return pack.data.center.posts.find((p) => p.id === id);
}

/** Name for display; a staff id no longer in the pack (records outlive the pack) shows as the id. */
export function staffName(pack: Pack, id: string): string {
  return staffById(pack, id)?.name ?? id;
}

export function windowName(pack: Pack, id: string | null | undefined): string {
  if (!id) return '—';
  const w = windowById(pack, id);
  return w ? `${w.number}号${w.name}` : id;
}

/** A staff id being written must be declared in center.yaml. */
export function requireStaff(pack: Pack, id: string, field: string): void {
  if (!staffById(pack, id)) {
    const known = pack.data.center.staff.map((s) => `${s.id}（${s.name}）`).slice(0, 30).join('、');
    throw RecordsError.of('E-RECORD-STAFF', { id, known }, { path: `$.${field}` });
  }
}

export function requireWindow(pack: Pack, id: string, field: string): void {
  if (!windowById(pack, id)) {
    const known = pack.data.center.windows.map((w) => `${w.id}（${w.number}号${w.name}）`).join('、');
    throw RecordsError.of('E-RECORD-WINDOW', { id, known }, { path: `$.${field}` });
  }
}

/**
 * The post a case is handled on: at the case's window, the post the registering staff member
 * holds (A or B); else the window's first post; without a window, the post the staff member holds.
 */
export function postFor(pack: Pack, window: string | null, staff: string): Post | null {
  const posts = pack.data.center.posts;
  if (window) {
    const here = posts.filter((p) => p.window === window);
    return here.find((p) => p.a === staff || p.b === staff) ?? here[0] ?? null;
  }
  return posts.find((p) => p.a === staff) ?? posts.find((p) => p.b === staff) ?? null;
}

export interface Responsible {
  readonly staff: string;
  /** A: the post's A holder; B: the B holder covering; handler: no post known, the case's handler. */
  readonly role: 'A' | 'B' | 'handler';
  readonly post: string | null;
}

/**
 * Who answers for a case: the post's A holder, or the B holder when B is covering, i.e. when the
 * latest handling of the case was B's and A has not acted since.
 */
export function responsibleFor(pack: Pack, post: string | null, events: ReadonlyArray<{ readonly staff: string; readonly type: string }>): Responsible {
  const p = post ? postById(pack, post) : undefined;
  // Approvals and explanations are often a superior's act; only handling shows who is covering.
  const handling = events.filter((e) => e.type !== 'extended' && e.type !== 'overdue-explained');
  const last = handling.at(-1)?.staff ?? events.at(-1)?.staff ?? '';
  if (!p) return { staff: last, role: 'handler', post };
  if (last === p.b) return { staff: p.b, role: 'B', post: p.id };
  return { staff: p.a, role: 'A', post: p.id };
}
