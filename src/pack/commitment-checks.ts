/**
 * 告知承诺制 (国办发〔2020〕42号) in the item file, made checks. The rule: a material accepts a
 * written commitment only when it says so itself (`commitment: true` or an object); the item's
 * `commitment` is never a blanket permission, only the defaults (text, scope, excluded, postCheck,
 * falseConsequence, basis) that a material's own object overrides field by field. So the window
 * can always tell from the material which ones the applicant may commit to.
 *
 * A 主件 (the application form, the applicant's ID) is the application itself: no commitment can
 * stand in for it. A material the center fetches by data sharing is never demanded, so a
 * commitment for it would only add paper. A material committed by `true` needs the item's text.
 */
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { Commitment, Material, MaterialCommitment } from './schema-types.ts';

export interface CommitmentSink {
  error(path: readonly PathSegment[], code: ErrorCode, message: string): void;
  warn(path: readonly PathSegment[], code: ErrorCode, message: string): void;
}

export interface CommitmentItem {
  readonly name: string;
  readonly commitment?: Commitment;
  readonly materials: readonly Material[];
}

/** The commitment in force for a material: its own fields over the item's; null when it accepts none. */
export function effectiveCommitment(item: { readonly commitment?: Commitment }, m: { readonly commitment?: true | MaterialCommitment }): MaterialCommitment | null {
  if (m.commitment === undefined) return null;
  const own: MaterialCommitment = m.commitment === true ? {} : m.commitment;
  return { ...(item.commitment ?? {}), ...own };
}

/**
 * Checks an item version's commitments. `at` locates a path of the version; `own(i)` says whether
 * material i is written by this version (inherited ones were checked where they are written);
 * `itemSet` whether this version writes the item-level `commitment`.
 */
export function checkCommitments(v: CommitmentItem, at: (...p: PathSegment[]) => PathSegment[], own: (i: number) => boolean, itemSet: boolean, sink: CommitmentSink): void {
  let any = false;
  v.materials.forEach((m, i) => {
    if (m.commitment === undefined) return;
    any = true;
    if (!own(i) && !itemSet) return;
    const where = own(i) ? at('materials', i, 'commitment') : at('commitment');
    if (m.necessity === 'core') {
      sink.error(where, 'E-COMMITMENT-CORE', renderMessage('E-COMMITMENT-CORE', { name: m.name }));
    }
    if (m.fetchable === true) {
      sink.error(where, 'E-COMMITMENT-FETCHABLE', renderMessage('E-COMMITMENT-FETCHABLE', { name: m.name }));
    }
    if (effectiveCommitment(v, m)?.text === undefined) {
      sink.error(where, 'E-COMMITMENT-TEXT', renderMessage('E-COMMITMENT-TEXT', { name: m.name }));
    }
  });
  if (itemSet && v.commitment !== undefined && !any) {
    sink.warn(at('commitment'), 'W-COMMITMENT-UNUSED', renderMessage('W-COMMITMENT-UNUSED', { name: v.name }));
  }
}
