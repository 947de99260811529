/**
 * Step-overdue cards (环节超时, 电子监察): an open case whose current step is near (yellow) or past
 * (red) its step due, whatever the item clock says — a step is late before the item is.
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord } from '../pack/index.ts';
import type { CaseView } from './cases.ts';
import { staffName, windowName } from './center-refs.ts';

export interface StepOverdueEntry {
  readonly case: string;
  readonly item: string;
  readonly itemName: string;
  readonly window: string;
  readonly step: { readonly id: string; readonly name: string };
  readonly due: string;
  readonly level: 'yellow' | 'red';
  /** Time left to the step due in the step limit's unit (negative when overdue). */
  readonly remaining: { readonly amount: number; readonly unit: string };
  readonly suspended: boolean;
  readonly responsible: { readonly staff: string; readonly name: string; readonly role: 'A' | 'B' | 'handler' };
}

/** The card of an open case's current step, or null when it is on time (or nothing is timed). */
export function stepOverdue(pack: Pack, r: CaseRecord, v: CaseView): StepOverdueEntry | null {
  const s = v.step?.current;
  if (!s || s.level === 'normal') return null;
  return {
    case: r.id,
    item: r.item,
    itemName: r.itemName,
    window: windowName(pack, r.window),
    step: { id: s.id, name: s.name },
    due: s.due,
    level: s.level,
    remaining: s.remaining,
    suspended: s.suspended,
    responsible: { staff: v.responsible.staff, name: staffName(pack, v.responsible.staff), role: v.responsible.role },
  };
}

