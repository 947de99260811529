/**
 * The modes of an item version, each with the limits its clock runs on: one source per clock.
 *
 * `mode` is one mode, or a list `{ when?, mode, text?, limits? }` read top-down, the first whose
 * `when` holds applies and the last (no `when`) is the default. Every reader of an item's mode or
 * limits goes through here (the engine, the records' case clock, documents, the CLI), so that an
 * immediate item's clock is the policy's immediate clock wherever it is shown or counted.
 *
 * Limits of a branch, resolved:
 * - its own `limits`; else, for a non-immediate branch, the item's `limits`. An immediate branch of
 *   a list does not inherit the item's limits: those are written for the branches that take days
 *   (临时救助: 10 working days above 1,000 元), never for the on-the-spot one.
 * - immediate (即办件): promised is the declared one, else `policy.clocks.immediate` (30 minutes);
 *   statutory is the declared one, else the promised one. A declared promised limit longer than the
 *   immediate clock is a validation error (mode-checks.ts), never silently kept.
 */
import type { PathSegment } from '../core/index.ts';
import type { Condition, Duration, Limits, Mode, ModeChoice, ModeField, PolicyFile } from './schema-types.ts';
import type { ItemVersion, VersionOrigin } from './versions.ts';

/** What the branches are read from: a version (itemVersions), or any item-like value. */
export type ModeSource = Pick<ItemVersion, 'mode' | 'limits'> & { readonly origin?: VersionOrigin };

/** Each mode in words (办事指南、告知单、命令行). */
export const MODE_LABELS: Readonly<Record<Mode, string>> = {
  immediate: '即办件',
  promised: '承诺件',
  reported: '上报件',
  joint: '联办件',
  petition: '信访件',
};

export interface ModeBranch {
  /** Position in the `mode` list (0 for a single mode). */
  readonly index: number;
  /** null: the default branch (the last, or the only mode). */
  readonly when: Condition | null;
  readonly mode: Mode;
  /** The branch's `text` (null for a single mode or a branch without text). */
  readonly text: string | null;
  /** Resolved: what the clock runs on for this branch. */
  readonly limits: Limits;
  /**
   * Where the branch is written in the item's file: `['mode']` for a single mode, `['mode', i]` in a
   * list, or under the change that last set `mode` (`['changes', k, 'set', 'mode', i]`) when the
   * version says where its fields were written (itemVersions' `origin`).
   */
  readonly path: PathSegment[];
  /** Whether the limits are written on the branch itself (else inherited or the policy's). */
  readonly ownLimits: boolean;
}

/** The branches of a mode field as written (a single mode is one default branch). */
export function modeChoices(mode: ModeField): readonly ModeChoice[] {
  return typeof mode === 'string' ? [{ mode }] : mode;
}

/** The mode of the default branch: what a listing shows when no facts are known. */
export function defaultMode(mode: ModeField): Mode {
  const list = modeChoices(mode);
  return (list.find((c) => c.when === undefined) ?? list[list.length - 1]!).mode;
}

/** Every mode an item version may be handled in (for checks of fields that belong to a mode). */
export function modesOf(mode: ModeField): ReadonlySet<Mode> {
  return new Set(modeChoices(mode).map((c) => c.mode));
}

export function modeBranches(version: ModeSource, policy: PolicyFile): readonly ModeBranch[] {
  const single = typeof version.mode === 'string';
  const at = [...(version.origin?.fields['mode'] ?? ['mode'])];
  return modeChoices(version.mode).map((c, index) => {
    const declared = c.limits ?? (single || c.mode !== 'immediate' ? version.limits : undefined);
    return {
      index,
      when: c.when ?? null,
      mode: c.mode,
      text: c.text ?? null,
      limits: resolveLimits(c.mode, declared, policy),
      path: single ? at : [...at, index],
      ownLimits: c.limits !== undefined || (single && version.limits !== undefined),
    };
  });
}

/** The default branch (no `when`; the last). */
export function defaultBranch(version: ModeSource, policy: PolicyFile): ModeBranch {
  const all = modeBranches(version, policy);
  return all.find((b) => b.when === null) ?? all[all.length - 1]!;
}

/** The limits of the default branch: what a guide, board or deadline shows without facts. */
export function defaultLimits(version: ModeSource, policy: PolicyFile): Limits {
  return defaultBranch(version, policy).limits;
}

function resolveLimits(mode: Mode, declared: Limits | undefined, policy: PolicyFile): Limits {
  if (mode === 'immediate') {
    const promised = declared?.promised ?? plain(policy.clocks.immediate);
    return { ...declared, promised, statutory: declared?.statutory ?? promised };
  }
  // A non-immediate branch without limits fails validation (mode-checks.ts); the immediate clock
  // only keeps a draft being edited computable, it never reaches a validated pack.
  if (!declared) {
    const clock = plain(policy.clocks.immediate);
    return { promised: clock, statutory: clock };
  }
  return declared;
}

/** A policy clock without its basis and note: the duration alone. */
function plain(d: Duration & object): Duration {
  return { amount: d.amount, unit: d.unit };
}
