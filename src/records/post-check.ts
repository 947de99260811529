/**
 * 告知承诺制 in the register (国办发〔2020〕42号). A case whose decision lists `committed`
 * materials owes a post-check (核查) within the commitment's period, counted from acceptance on the
 * pack calendar: the sweep watches it like an item clock (yellow when no more than the policy's
 * `warnings.yellowWhenRemaining` is left, red once past due) until `commitment-verified` or
 * `commitment-false` is recorded. A `commitment-false` event is the false-commitment record: it
 * excludes the applicant (matched by ID number) from 告知承诺 in every later registration.
 */
import { byUrgency } from './urgency.ts';
import type { CommitmentExclusion, Pack } from '../engine/index.ts';
import type { Application, CaseRecord, MaterialCommitment } from '../pack/index.ts';
import { effectiveCommitment, itemVersionAt, policyAt } from '../pack/index.ts';
import { staffName, windowName } from './center-refs.ts';
import { dueAfter, type WorkCalendar } from './clock-port.ts';
import { RecordsError } from './errors.ts';
import { epochOf, shanghaiDate, toIso } from './time.ts';

export interface PostCheckEntry {
  readonly case: string;
  readonly item: string;
  readonly itemName: string;
  readonly window: string;
  /** The committed materials still to be checked. */
  readonly materials: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Post-check due (ISO 8601), from acceptance. */
  readonly due: string;
  readonly level: 'yellow' | 'red';
  /** Who checks (postCheck.by), when the item says. */
  readonly by: string | null;
  readonly responsible: { readonly staff: string; readonly name: string };
}

/** A committed material with the commitment in force for it on the case's day of receipt. */
export interface CaseCommitment {
  readonly id: string;
  readonly name: string;
  readonly commitment: MaterialCommitment;
}

/** The case's committed materials, each with its effective commitment (item defaults under its own fields). */
export function commitmentsOf(pack: Pack, r: CaseRecord): CaseCommitment[] {
  const committed = r.decision.committed ?? [];
  if (committed.length === 0) return [];
  const item = pack.data.items.get(r.item);
  const version = item ? itemVersionAt(item.data, shanghaiDate(epochOf(r.receivedAt))) : null;
  return committed.map((c) => {
    const m = version?.materials.find((x) => x.id === c.id);
    return { id: c.id, name: c.name, commitment: (version && m ? effectiveCommitment(version, m) : null) ?? {} };
  });
}

/** Whether the case's commitments were checked (verified or found false). */
export function postChecked(r: CaseRecord): boolean {
  return r.events.some((e) => e.type === 'commitment-verified' || e.type === 'commitment-false');
}

/** The earliest post-check due among the case's commitments: the check is one act for the case. */
function earliestDue(cal: WorkCalendar, acceptedAt: string, list: readonly CaseCommitment[]): { due: string; by: string | null } | null {
  let best: { due: string; by: string | null } | null = null;
  for (const c of list) {
    const p = c.commitment.postCheck;
    if (!p) continue;
    const due = dueAfter(cal, acceptedAt, p.period).due;
    if (!best || epochOf(due) < epochOf(best.due)) best = { due, by: p.by ?? null };
  }
  return best;
}

/** Yellow and red post-check clocks at `now`, red first, each by due. */
export function postChecks(pack: Pack, cal: WorkCalendar, cases: Iterable<CaseRecord>, now: number): PostCheckEntry[] {
  const out: PostCheckEntry[] = [];
  const nowIso = toIso(now);
  for (const r of cases) {
    if (!r.decision.committed || r.decision.committed.length === 0 || postChecked(r)) continue;
    const accepted = r.events.find((e) => e.type === 'accepted');
    if (!accepted) continue;
    const list = commitmentsOf(pack, r);
    let p: { due: string; by: string | null } | null;
    let yellowFrom: string;
    try {
      p = earliestDue(cal, accepted.at, list);
      if (!p) continue;
      const threshold = policyAt(pack.data.policy, shanghaiDate(epochOf(r.receivedAt))).warnings.yellowWhenRemaining;
      yellowFrom = dueAfter(cal, nowIso, threshold).due;
    } catch (e) {
      if (e instanceof RecordsError) continue;
      throw e;
    }
    const due = p.due;
    const level = now > epochOf(due) ? 'red' : epochOf(yellowFrom) >= epochOf(due) ? 'yellow' : null;
    if (level === null) continue;
    const staff = accepted.staff;
    out.push({
      case: r.id,
      item: r.item,
      itemName: r.itemName,
      window: windowName(pack, r.window),
      materials: list.map((c) => ({ id: c.id, name: c.name })),
      due,
      level,
      by: p.by,
      responsible: { staff, name: staffName(pack, staff) },
    });
  }
  byUrgency(out);
  return out;
}

/** ID numbers compare as people write them: spaces dropped, the check letter x as X. */
function idKey(id: string): string {
  return id.replace(/\s+/g, '').toUpperCase();
}

/**
 * The register's false-commitment record for the applicant of `application`, as DecideOptions
 * wants it; undefined when the application commits to nothing, names no ID number, or the register
 * has no such record. The reason cites the case, never the ID number.
 */
export function commitmentExclusion(cases: Iterable<CaseRecord>, application: unknown): CommitmentExclusion | undefined {
  // Read before the engine checks the application: anything malformed is the engine's to report.
  const app = (application !== null && typeof application === 'object' ? application : {}) as Partial<Application>;
  const id = app.applicant !== null && typeof app.applicant === 'object' ? app.applicant.idNumber : undefined;
  if (!Array.isArray(app.commitments) || app.commitments.length === 0 || typeof id !== 'string' || id.trim() === '') return undefined;
  const key = idKey(id);
  let found: { r: CaseRecord; at: string } | null = null;
  for (const r of cases) {
    const own = r.application?.applicant.idNumber;
    if (typeof own !== 'string' || idKey(own) !== key) continue;
    const e = r.events.find((x) => x.type === 'commitment-false');
    if (e && (!found || epochOf(e.at) > epochOf(found.at))) found = { r, at: e.at };
  }
  if (!found) return undefined;
  return { reason: `登记簿中有虚假承诺记录：办件 ${found.r.id}（${found.r.itemName}）于 ${shanghaiDate(epochOf(found.at))} 核查发现承诺不实` };
}

/** What a false commitment leads to on this case (falseConsequence), for the terminating event. */
export function falseConsequenceOf(pack: Pack, r: CaseRecord): string {
  const texts = [...new Set(commitmentsOf(pack, r).flatMap((c) => (c.commitment.falseConsequence ? [c.commitment.falseConsequence] : [])))];
  return texts.length > 0 ? texts.join('；') : '终止办理';
}
