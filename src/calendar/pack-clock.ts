/** The clock bound to a loaded pack: what `Pack.deadline` and `Pack.clock` delegate to. */
import type { DueDate, Duration, ItemVersion, Mode, ModeBranch, PackData, PolicyFile } from '../pack/index.ts';
import { itemVersionAt, modeBranches, policyAt } from '../pack/index.ts';
import { addDuration } from './due.ts';
import { clock, toMs, type InstantInput } from './clock.ts';
import type { ClockCase, ClockState, WorkCalendar } from './contract.ts';
import { computeDeadline, type Deadline, type DeadlineOptions } from './deadline.ts';
import { ClockError } from './errors.ts';
import { clockInstant } from './clock-input.ts';
import { shanghaiDate } from './shanghai-time.ts';

/** What a deadline without the application's facts is counted on, on the day of acceptance. */
export interface DeadlineBasis {
  /** The item version in force that day. */
  readonly version: ItemVersion;
  /** The policy in force that day (policy.yaml with its dated changes applied). */
  readonly policy: PolicyFile;
  /** Every branch of the version's mode, limits resolved under that policy (one for a single mode). */
  readonly branches: readonly ModeBranch[];
  /** The branch the deadline is counted on: the default (no `when`; the last). */
  readonly branch: ModeBranch;
  /** Whether the mode is a list chosen by a condition (临时救助 MZ-003): then `branch` is a guess. */
  readonly conditional: boolean;
}

/**
 * The item version and policy in force on the day of `acceptedAt` and the branch a deadline of
 * `itemCode` is counted on. Throws ClockError for an unknown item or a bad time.
 */
export function deadlineBasis(data: PackData, itemCode: string, acceptedAt: string): DeadlineBasis {
  const item = data.items.get(itemCode);
  if (!item) throw ClockError.of('E-CLOCK-ITEM-UNKNOWN', { code: itemCode }, { path: 'item' });
  const day = shanghaiDate(clockInstant(acceptedAt, 'acceptedAt'));
  const version = itemVersionAt(item.data, day);
  const policy = policyAt(data.policy, day);
  const branches = modeBranches(version, policy);
  const branch = branches.find((b) => b.when === null) ?? branches[branches.length - 1]!;
  return { version, policy, branches, branch, conditional: typeof version.mode !== 'string' };
}

/**
 * The deadline of item `itemCode` accepted at `acceptedAt`, with the item version and the policy
 * in force that day, on its default mode's limits (an immediate item's: that day's immediate clock
 * unless it declares one within it). A mode chosen by a condition needs the application's facts:
 * decide. A petition (信访件) also carries the policy's reply and leader-reception dues, as its
 * decision does (engine/mode-branch.ts deadlineOf), counted from acceptance with the same
 * suspensions left out.
 */
export function packDeadline(data: PackData, cal: WorkCalendar, itemCode: string, acceptedAt: string, options: DeadlineOptions = {}): Deadline {
  return deadlineOn(cal, deadlineBasis(data, itemCode, acceptedAt), acceptedAt, options);
}

/** The deadline on a basis from deadlineBasis (for callers that also show the basis). */
export function deadlineOn(cal: WorkCalendar, basis: DeadlineBasis, acceptedAt: string, options: DeadlineOptions = {}): Deadline {
  const deadline = computeDeadline(cal, basis.branch.limits, acceptedAt, options);
  if (basis.branch.mode !== 'petition') return deadline;
  const warnings = [...deadline.warnings];
  const dueOf = (d: Duration): DueDate => {
    const due = addDuration(cal, deadline.acceptedAt, { amount: d.amount, unit: d.unit }, options.suspensions ? { suspensions: options.suspensions } : {});
    for (const w of due.warnings) if (!warnings.some((x) => x.message === w.message)) warnings.push({ ...w });
    return { amount: d.amount, unit: d.unit, due: due.due };
  };
  const { petitionReply, leaderReception } = basis.policy.clocks;
  return { ...deadline, reply: dueOf(petitionReply), leaderReception: dueOf(leaderReception), warnings };
}

/** The branches of a basis as a deadline response lists them, the counted one marked. */
export function deadlineModes(basis: DeadlineBasis): Array<{ index: number; mode: Mode; text: string | null; promised: Duration; statutory: Duration; counted: boolean }> {
  return basis.branches.map((b) => ({
    index: b.index,
    mode: b.mode,
    text: b.text,
    promised: { amount: b.limits.promised.amount, unit: b.limits.promised.unit },
    statutory: { amount: b.limits.statutory.amount, unit: b.limits.statutory.unit },
    counted: b.index === basis.branch.index,
  }));
}

/**
 * A case's clock under the warning policy in force on the day the clock starts (its acceptance):
 * the pack-level view of one clock. The register (records/cases.ts) passes the policy of the day
 * of receipt itself, as decide does.
 */
export function packClock(data: PackData, cal: WorkCalendar, c: ClockCase, now: InstantInput): ClockState {
  const day = shanghaiDate(toMs(c.acceptedAt, 'acceptedAt'));
  return clock(cal, policyAt(data.policy, day), c, now);
}
