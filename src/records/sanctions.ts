/**
 * Sanctions (责任追究), derived and never stored: facts per staff member in the counting window
 * (policy.discipline.countingWindow) evaluated by json-rules-engine against the pack's discipline
 * rules; each action links the evidence (complaints, cases, incidents, reviews) behind it.
 *
 * Which policy judges (policy.yaml may change with `changes`): the seeds punish a matter once it
 * is established (“对投诉事项查实的……一次投诉，查实通报，二次投诉，查实下岗”), so a threshold is
 * reached by a matter, and is judged under the rules in force on the day of that matter — not
 * under rules published later (no retroactive tightening, nor loosening).
 * - The counting window (its kind) is the one in force on the day the report is as of (`now`).
 * - The facts are counted over the whole window, as before.
 * - A rule of the version in force over days [from, to) applies when its condition holds on those
 *   counts and the latest counted matter among the facts it reads falls on a day in [from, to);
 *   a rule reading only facts with nothing counted is judged by the version in force on `now`.
 *   Each matter is dated as it is counted: a complaint by its receipt, an incident or a review by
 *   when it happened, an overdue case by its due time.
 * - Whether a review grade is bad is the policy's on the day the review was given.
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord, ComplaintRecord, IncidentRecord, LegalRef, ReviewRecord } from '../pack/index.ts';
import { DISCIPLINE_FACTS, inPolicyPeriod, policyAt, policyPeriods, type PolicyPeriod } from '../pack/index.ts';
import { notConcludedBefore, type CaseView } from './cases.ts';
import { staffName } from './center-refs.ts';
import { countedStaff } from './complaints.ts';
import { RecordsError } from './errors.ts';
import { countingWindow, describePeriod, inPeriod, type Period } from './periods.ts';
import { factsOf, RuleSet } from './policy-rules.ts';
import { isStruck, reviewAsOf } from './reviews.ts';
import { epochOf, shanghaiDate, toIso } from './time.ts';

export type DisciplineFact = (typeof DISCIPLINE_FACTS)[number];
export type DisciplineFacts = Readonly<Record<DisciplineFact, number>>;

export interface Evidence {
  readonly complaints: readonly string[];
  readonly cases: readonly string[];
  readonly incidents: readonly string[];
  readonly reviews: readonly string[];
}

export interface SanctionAction {
  /** The rule in policy.yaml (id, name, where it is written). */
  readonly rule: string;
  readonly ruleName: string;
  readonly source: { readonly file: string; readonly line: number };
  readonly action: string;
  readonly actionName: string;
  /** Position on policy.discipline.ladder (0 = lightest), or null for actions off the ladder. */
  readonly ladderStep: number | null;
  readonly basis: LegalRef | null;
  /** The records behind the facts this rule reads. */
  readonly evidence: Evidence;
  /** The policy version the rule belongs to: its change's effectiveFrom, or null for the top level of policy.yaml. */
  readonly effectiveFrom: string | null;
}

export interface StaffSanctions {
  readonly staff: string;
  readonly name: string;
  readonly facts: DisciplineFacts;
  readonly actions: readonly SanctionAction[];
}

export interface SanctionsReport {
  readonly asOf: string;
  readonly countingWindow: { readonly kind: string; readonly label: string; readonly from: string; readonly to: string };
  /** Staff members with at least one action (all staff with `all`). */
  readonly staff: readonly StaffSanctions[];
  /** Cases whose clock could not be computed (so their timeliness is unknown), with the reason. */
  readonly errors: ReadonlyArray<{ readonly case: string; readonly message: string }>;
}

export interface SanctionsInput {
  readonly pack: Pack;
  readonly now: number;
  readonly complaints: Iterable<ComplaintRecord>;
  readonly incidents: Iterable<IncidentRecord>;
  readonly reviews: Iterable<ReviewRecord>;
  readonly cases: Iterable<CaseRecord>;
  /** A case's derived state (clock, responsible person) at `now`. */
  readonly viewCase: (r: CaseRecord) => CaseView;
  /** List every staff member, not only those with actions. */
  readonly all?: boolean;
}

interface Tally {
  facts: Record<DisciplineFact, number>;
  evidence: Record<DisciplineFact, string[]>;
  /** Day (YYYY-MM-DD) of the latest matter counted for each fact, null when none. */
  latest: Record<DisciplineFact, string | null>;
}

function tally(): Tally {
  const facts = {} as Record<DisciplineFact, number>;
  const evidence = {} as Record<DisciplineFact, string[]>;
  const latest = {} as Record<DisciplineFact, string | null>;
  for (const f of DISCIPLINE_FACTS) {
    facts[f] = 0;
    evidence[f] = [];
    latest[f] = null;
  }
  return { facts, evidence, latest };
}

/**
 * Whether a case can count in `window` at all: an overdue case counts in the window holding its
 * due time; one concluded before the window cannot be due inside it (its clock need not be
 * computed), and a consultation has no clock.
 */
export function mayCountCase(r: CaseRecord, window: Period): boolean {
  return notConcludedBefore(r, window.from);
}

/** The counting window of the discipline rules `pack` has in force at `now`. */
export function sanctionsWindow(pack: Pack, now: number): Period {
  const current = policyAt(pack.data.policy, shanghaiDate(now));
  return countingWindow(current.discipline.countingWindow, current.assessment.period, now);
}

/** Which evidence list a fact's record ids belong to. */
const EVIDENCE_KIND: Readonly<Record<DisciplineFact, keyof Evidence>> = {
  verifiedComplaints: 'complaints',
  overdueWithoutReason: 'cases',
  forbiddenPhraseIncidents: 'incidents',
  postLeftEmpty: 'incidents',
  undeclaredFees: 'incidents',
  badReviews: 'reviews',
};

const INCIDENT_FACT: Readonly<Record<IncidentRecord['kind'], DisciplineFact>> = {
  'forbidden-phrase': 'forbiddenPhraseIncidents',
  'post-left-empty': 'postLeftEmpty',
  'undeclared-fee': 'undeclaredFees',
};

/** The discipline facts per staff member in `window`, with the ids behind each. */
export function disciplineFacts(input: SanctionsInput, window: Period, errors: Array<{ case: string; message: string }> = []): Map<string, Tally> {
  const byStaff = new Map<string, Tally>();
  const of = (staff: string): Tally => {
    let t = byStaff.get(staff);
    if (!t) byStaff.set(staff, (t = tally()));
    return t;
  };
  const count = (staff: string, fact: DisciplineFact, id: string, at: number): void => {
    const t = of(staff);
    t.facts[fact]++;
    t.evidence[fact].push(id);
    const day = shanghaiDate(at);
    if (t.latest[fact] === null || day > t.latest[fact]!) t.latest[fact] = day;
  };
  // Counted by when the matter arose (receipt of the complaint, the finding, the review).
  for (const c of input.complaints) {
    const staff = countedStaff(c);
    const at = epochOf(c.receivedAt);
    if (staff && inPeriod(window, at)) count(staff, 'verifiedComplaints', c.id, at);
  }
  for (const i of input.incidents) {
    const at = epochOf(i.at);
    if (inPeriod(window, at)) count(i.staff, INCIDENT_FACT[i.kind], i.id, at);
  }
  // The bad grades of the policy in force the day each review was given.
  const badOn = new Map<string, ReadonlySet<string>>();
  const isBad = (grade: string, day: string): boolean => {
    let bad = badOn.get(day);
    if (!bad) badOn.set(day, (bad = new Set(policyAt(input.pack.data.policy, day).reviews.bad)));
    return bad.has(grade);
  };
  for (const r of input.reviews) {
    // A bad review struck on appeal (申诉复核撤销) by now is not held against anyone.
    const at = epochOf(r.at);
    if (!r.staff || !inPeriod(window, at) || !isBad(r.grade, shanghaiDate(at))) continue;
    if (!isStruck(reviewAsOf(r, input.now))) count(r.staff, 'badReviews', r.id, at);
  }
  for (const r of input.cases) {
    if (!mayCountCase(r, window)) continue;
    let v: CaseView;
    try {
      v = input.viewCase(r);
    } catch (e) {
      // A case whose clock cannot be computed (e.g. the pack changed under it) is reported, not fatal.
      if (!(e instanceof RecordsError)) throw e;
      errors.push({ case: r.id, message: e.message });
      continue;
    }
    if (!v.clock || !v.overdue || v.overdueExplained) continue;
    const due = epochOf(v.clock.due);
    if (inPeriod(window, due)) count(v.responsible.staff, 'overdueWithoutReason', r.id, due);
  }
  return byStaff;
}

/** One policy version's discipline rules, compiled, over the days it was in force. */
interface Judge {
  readonly span: PolicyPeriod;
  readonly rules: RuleSet;
  readonly reads: ReadonlyArray<Set<string>>;
  readonly sources: ReadonlyArray<{ file: string; line: number }>;
}

/** The day that decides which version judges a rule: the latest matter counted among the facts it reads. */
function decidingDay(t: Tally, reads: ReadonlySet<string>, today: string): string {
  let day: string | null = null;
  for (const f of reads) {
    const d = (DISCIPLINE_FACTS as readonly string[]).includes(f) ? t.latest[f as DisciplineFact] : null;
    if (d !== null && (day === null || d > day)) day = d;
  }
  return day ?? today;
}

/** Evaluates the pack's discipline rules for every staff member as of `now` (see the header for which version judges). */
export async function computeSanctions(input: SanctionsInput): Promise<SanctionsReport> {
  const { pack, now } = input;
  const today = shanghaiDate(now);
  const d = policyAt(pack.data.policy, today).discipline;
  const window = sanctionsWindow(pack, now);
  const errors: Array<{ case: string; message: string }> = [];
  const byStaff = disciplineFacts(input, window, errors);
  const judges: Judge[] = policyPeriods(pack.data.policy, shanghaiDate(window.from), today).map((span) => {
    const rules = span.version.policy.discipline.rules;
    const at = span.version.at('discipline');
    return {
      span,
      rules: new RuleSet(rules.map((r) => r.when)),
      reads: rules.map((r) => factsOf(r.when)),
      sources: rules.map((_, i) => pack.data.sources.locate('policy.yaml', [...at, 'rules', i])),
    };
  });

  const staffIds = new Set<string>([...(input.all ? pack.data.center.staff.map((s) => s.id) : []), ...byStaff.keys()]);
  const out: StaffSanctions[] = [];
  for (const staff of staffIds) {
    const t = byStaff.get(staff) ?? tally();
    const list: SanctionAction[] = [];
    for (const judge of judges) {
      const fired = await judge.rules.run(t.facts);
      const discipline = judge.span.version.policy.discipline;
      const actions = new Map(discipline.actions.map((a) => [a.id, a]));
      discipline.rules.forEach((rule, i) => {
        if (!fired.has(i) || !inPolicyPeriod(judge.span, decidingDay(t, judge.reads[i]!, today))) return;
        const evidence: Record<keyof Evidence, string[]> = { complaints: [], cases: [], incidents: [], reviews: [] };
        for (const f of judge.reads[i]!) {
          if ((DISCIPLINE_FACTS as readonly string[]).includes(f)) evidence[EVIDENCE_KIND[f as DisciplineFact]].push(...t.evidence[f as DisciplineFact]);
        }
        const step = discipline.ladder.indexOf(rule.action);
        list.push({
          rule: rule.id,
          ruleName: rule.name,
          source: { file: judge.sources[i]!.file, line: judge.sources[i]!.line },
          action: rule.action,
          actionName: actions.get(rule.action)?.name ?? rule.action,
          ladderStep: step >= 0 ? step : null,
          basis: rule.basis ?? null,
          evidence: { complaints: [...new Set(evidence.complaints)].sort(), cases: [...new Set(evidence.cases)].sort(), incidents: [...new Set(evidence.incidents)].sort(), reviews: [...new Set(evidence.reviews)].sort() },
          effectiveFrom: judge.span.version.from,
        });
      });
    }
    if (list.length > 0 || input.all) out.push({ staff, name: staffName(pack, staff), facts: t.facts, actions: list });
  }
  const order = new Map(pack.data.center.staff.map((s, i) => [s.id, i]));
  out.sort((a, b) => (order.get(a.staff) ?? Infinity) - (order.get(b.staff) ?? Infinity) || (a.staff < b.staff ? -1 : 1));
  const w = describePeriod(window);
  return { asOf: toIso(now), countingWindow: { kind: d.countingWindow, ...w }, staff: out, errors };
}
