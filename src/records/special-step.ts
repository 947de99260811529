/**
 * 特殊环节 in the register (issue 16): a `suspended` event may name one of the item version's
 * specialSteps (听证、检验检测、专家评审、公示…). Only a step not counted in the statutory limit
 * suspends the item clock (行政许可法 第四十五条: its time is not counted); a step the item declares
 * `countedInLimit: true` runs inside the limit and is refused. While the case stays suspended on it,
 * a special step with a `limit` runs its own clock from the suspension instant on the pack calendar
 * — the item clock's machinery (caseClock) with the step's limit as promised and statutory limit, so
 * the policy's yellow/red thresholds apply — and the sweep lists it when near or past its due: the
 * item clock is frozen while suspended, so without this a forgotten 专家评审 would never surface.
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord, ItemFile, PolicyFile } from '../pack/index.ts';
import { itemVersionAt } from '../pack/index.ts';
import { staffName, windowName } from './center-refs.ts';
import { caseClock, type ClockState, type WorkCalendar } from './clock-port.ts';
import { RecordsError } from './errors.ts';
import { epochOf, shanghaiDate } from './time.ts';

export type SpecialStep = NonNullable<ItemFile['specialSteps']>[number];

/** The special step a suspended case is in, with its own clock when it has a limit (CaseView.specialStep). */
export interface SpecialStepClock {
  readonly id: string;
  readonly name: string;
  /** The suspension instant: the special step's clock starts here. */
  readonly startedAt: string;
  readonly limit: { readonly amount: number; readonly unit: string } | null;
  readonly fee: string | null;
  /** 设定依据, as the reason cites it (law and article), or null. */
  readonly basis: string | null;
  /** Due of the special step (ISO 8601); null when it has no limit. */
  readonly due: string | null;
  /** At `now`: yellow within the policy's threshold, red past due; null when it has no limit. */
  readonly level: ClockState['level'] | null;
  /** Time left to the due in the limit's unit (negative when overdue); null when it has no limit. */
  readonly remaining: { readonly amount: number; readonly unit: string } | null;
}

/** A sweep card: a special step near (yellow) or past (red) its own due while the case is suspended on it. */
export interface SpecialStepOverdueEntry {
  readonly case: string;
  readonly item: string;
  readonly itemName: string;
  readonly window: string;
  readonly specialStep: { readonly id: string; readonly name: string };
  readonly startedAt: string;
  readonly due: string;
  readonly level: 'yellow' | 'red';
  readonly remaining: { readonly amount: number; readonly unit: string };
  readonly responsible: { readonly staff: string; readonly name: string; readonly role: 'A' | 'B' | 'handler' };
}

/** The special steps of the item version the case runs on (in force on its day of receipt). */
export function specialStepsOf(pack: Pack, r: CaseRecord): readonly SpecialStep[] {
  const item = pack.data.items.get(r.item);
  return item ? (itemVersionAt(item.data, shanghaiDate(epochOf(r.receivedAt))).specialSteps ?? []) : [];
}

/** “《法》第X条；《规定》” — the basis as a reason cites it. */
function basisText(s: SpecialStep): string | null {
  const refs = (s.basis ?? []).map((b) => `${b.law}${b.article ?? ''}`);
  return refs.length > 0 ? refs.join('；') : null;
}

/** The reason a suspension for special step `s` takes when none is written: “特殊环节：专家评审（依据…）”. */
export function specialStepReason(s: SpecialStep): string {
  const basis = basisText(s);
  return `特殊环节：${s.name}${basis ? `（依据${basis}）` : ''}`;
}

/**
 * The special step `id` of the case's item version, refused when the item has no such step
 * (E-CASE-SPECIAL-STEP-UNKNOWN, listing the valid ids) or the step is counted in the limit
 * (E-CASE-SPECIAL-STEP-COUNTED): a step counted in the limit cannot suspend the clock. A step that
 * does not say (countedInLimit absent) is not counted, as 行政许可法 第四十五条 provides.
 */
export function requireSpecialStep(pack: Pack, r: CaseRecord, id: string): SpecialStep {
  const steps = specialStepsOf(pack, r);
  const s = steps.find((x) => x.id === id);
  if (!s) {
    const known = steps.flatMap((x) => (x.id !== undefined ? [`${x.id}（${x.name}）`] : []));
    throw RecordsError.of('E-CASE-SPECIAL-STEP-UNKNOWN', { item: r.item, itemName: r.itemName, specialStep: id, known: known.length > 0 ? known.join('、') : '（本事项没有写标识的特殊环节）' }, { path: '$.specialStep' });
  }
  if (s.countedInLimit === true) throw RecordsError.of('E-CASE-SPECIAL-STEP-COUNTED', { name: s.name, specialStep: id }, { path: '$.specialStep' });
  return s;
}

/**
 * The special step running on the case at `now`: the case's last suspension names one and no
 * resumption or conclusion followed it by `now`. Null otherwise. Its clock is the item clock's
 * (caseClock) from the suspension instant with the step's limit, on the policy the case runs on.
 */
export function runningSpecialStep(cal: WorkCalendar, policy: PolicyFile, steps: readonly SpecialStep[], r: CaseRecord, now: string): SpecialStepClock | null {
  const until = epochOf(now);
  let open: { id: string; at: string } | null = null;
  for (const e of r.events) {
    if (epochOf(e.at) > until) break;
    if (e.type === 'suspended') open = e.specialStep !== undefined ? { id: e.specialStep, at: e.at } : null;
    else if (e.type === 'resumed' || e.type === 'completed' || e.type === 'returned' || e.type === 'rejected') open = null;
  }
  if (!open) return null;
  const s = steps.find((x) => x.id === open.id);
  const base = { id: open.id, name: s?.name ?? open.id, startedAt: open.at, fee: s?.fee ?? null, basis: s ? basisText(s) : null };
  if (!s?.limit) return { ...base, limit: null, due: null, level: null, remaining: null };
  const state = caseClock(cal, policy, { acceptedAt: open.at, promised: s.limit, statutory: s.limit, suspensions: [] }, now);
  return { ...base, limit: { amount: s.limit.amount, unit: s.limit.unit }, due: state.due, level: state.level, remaining: state.remaining };
}

/** The sweep card of a case's running special step, or null when none runs, it has no limit, or it is on time. */
export function specialStepOverdue(pack: Pack, r: CaseRecord, view: { readonly specialStep: SpecialStepClock | null; readonly responsible: { readonly staff: string; readonly role: 'A' | 'B' | 'handler' } }): SpecialStepOverdueEntry | null {
  const s = view.specialStep;
  if (!s || s.due === null || s.remaining === null || (s.level !== 'yellow' && s.level !== 'red')) return null;
  return {
    case: r.id,
    item: r.item,
    itemName: r.itemName,
    window: windowName(pack, r.window),
    specialStep: { id: s.id, name: s.name },
    startedAt: s.startedAt,
    due: s.due,
    level: s.level,
    remaining: s.remaining,
    responsible: { staff: view.responsible.staff, name: staffName(pack, view.responsible.staff), role: view.responsible.role },
  };
}

