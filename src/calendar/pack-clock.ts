/** The clock bound to a loaded pack: what `Pack.deadline` and `Pack.clock` delegate to. */
import type { PackData } from '../pack/index.ts';
import { defaultLimits, itemVersionAt } from '../pack/index.ts';
import { clock, type InstantInput } from './clock.ts';
import type { ClockCase, ClockState, WorkCalendar } from './contract.ts';
import { computeDeadline, type Deadline, type DeadlineOptions } from './deadline.ts';
import { ClockError } from './errors.ts';
import { clockInstant } from './clock-input.ts';
import { shanghaiDate } from './shanghai-time.ts';

/**
 * The deadline of item `itemCode` accepted at `acceptedAt`, with the item version in force that
 * day, on its default mode's limits (an immediate item's: the policy's immediate clock unless it
 * declares one within it). A mode chosen by a condition needs the application's facts: decide.
 */
export function packDeadline(data: PackData, cal: WorkCalendar, itemCode: string, acceptedAt: string, options: DeadlineOptions = {}): Deadline {
  const item = data.items.get(itemCode);
  if (!item) throw ClockError.of('E-CLOCK-ITEM-UNKNOWN', { code: itemCode }, { path: 'item' });
  const version = itemVersionAt(item.data, shanghaiDate(clockInstant(acceptedAt, 'acceptedAt')));
  return computeDeadline(cal, defaultLimits(version, data.policy), acceptedAt, options);
}

/** A case's clock under the pack's warning policy. */
export function packClock(data: PackData, cal: WorkCalendar, c: ClockCase, now: InstantInput): ClockState {
  return clock(cal, data.policy, c, now);
}
