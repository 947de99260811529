/**
 * Sanctions (责任追究), derived and never stored: facts per staff member in the counting window
 * (policy.discipline.countingWindow) evaluated by json-rules-engine against the pack's discipline
 * rules; each action links the evidence (complaints, cases, incidents, reviews) behind it.
 */
import type { Pack } from '../engine/index.ts';
import type { CaseRecord, ComplaintRecord, IncidentRecord, LegalRef, ReviewRecord } from '../pack/index.ts';
import { DISCIPLINE_FACTS } from '../pack/index.ts';
import type { CaseView } from './cases.ts';
import { staffName } from './center-refs.ts';
import { countedStaff } from './complaints.ts';
import { RecordsError } from './errors.ts';
import { countingWindow, describePeriod, inPeriod, type Period } from './periods.ts';
import { factsOf, RuleSet } from './policy-rules.ts';
import { isStruck, reviewAsOf } from './reviews.ts';
import { epochOf, toIso } from './time.ts';

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
}

function tally(): Tally {
  const facts = {} as Record<DisciplineFact, number>;
  const evidence = {} as Record<DisciplineFact, string[]>;
  for (const f of DISCIPLINE_FACTS) {
    facts[f] = 0;
    evidence[f] = [];
  }
  return { facts, evidence };
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
  const count = (staff: string, fact: DisciplineFact, id: string): void => {
    const t = of(staff);
    t.facts[fact]++;
    t.evidence[fact].push(id);
  };
  // Counted by when the matter arose (receipt of the complaint, the finding, the review).
  for (const c of input.complaints) {
    const staff = countedStaff(c);
    if (staff && inPeriod(window, epochOf(c.receivedAt))) count(staff, 'verifiedComplaints', c.id);
  }
  for (const i of input.incidents) {
    if (inPeriod(window, epochOf(i.at))) count(i.staff, INCIDENT_FACT[i.kind], i.id);
  }
  const bad = new Set(input.pack.data.policy.reviews.bad);
  for (const r of input.reviews) {
    // A bad review struck on appeal (申诉复核撤销) by now is not held against anyone.
    const struck = isStruck(reviewAsOf(r, input.now));
    if (r.staff && bad.has(r.grade) && !struck && inPeriod(window, epochOf(r.at))) count(r.staff, 'badReviews', r.id);
  }
  for (const r of input.cases) {
    // An overdue case counts in the window holding its due time; one concluded before the window
    // cannot be due inside it, so its clock need not be computed.
    const end = r.events.find((e) => e.type === 'completed' || e.type === 'returned' || e.type === 'rejected');
    if (r.decision.kind === 'consultation' || (end && epochOf(end.at) < window.from)) continue;
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
    if (inPeriod(window, epochOf(v.clock.due))) count(v.responsible.staff, 'overdueWithoutReason', r.id);
  }
  return byStaff;
}

/** Evaluates the pack's discipline rules for every staff member as of `now`. */
export async function computeSanctions(input: SanctionsInput): Promise<SanctionsReport> {
  const { pack, now } = input;
  const d = pack.data.policy.discipline;
  const window = countingWindow(d.countingWindow, pack.data.policy.assessment.period, now);
  const errors: Array<{ case: string; message: string }> = [];
  const byStaff = disciplineFacts(input, window, errors);
  const rules = new RuleSet(d.rules.map((r) => r.when));
  const actions = new Map(d.actions.map((a) => [a.id, a]));
  const reads = d.rules.map((r) => factsOf(r.when));
  const sources = d.rules.map((_, i) => pack.data.sources.locate('policy.yaml', ['discipline', 'rules', i]));

  const staffIds = new Set<string>([...(input.all ? pack.data.center.staff.map((s) => s.id) : []), ...byStaff.keys()]);
  const out: StaffSanctions[] = [];
  for (const staff of staffIds) {
    const t = byStaff.get(staff) ?? tally();
    const fired = await rules.run(t.facts);
    const list: SanctionAction[] = [];
    d.rules.forEach((rule, i) => {
      if (!fired.has(i)) return;
      const evidence: Record<keyof Evidence, string[]> = { complaints: [], cases: [], incidents: [], reviews: [] };
      for (const f of reads[i]!) {
        if ((DISCIPLINE_FACTS as readonly string[]).includes(f)) evidence[EVIDENCE_KIND[f as DisciplineFact]].push(...t.evidence[f as DisciplineFact]);
      }
      const step = d.ladder.indexOf(rule.action);
      list.push({
        rule: rule.id,
        ruleName: rule.name,
        source: { file: sources[i]!.file, line: sources[i]!.line },
        action: rule.action,
        actionName: actions.get(rule.action)?.name ?? rule.action,
        ladderStep: step >= 0 ? step : null,
        basis: rule.basis ?? null,
        evidence: { complaints: [...new Set(evidence.complaints)].sort(), cases: [...new Set(evidence.cases)].sort(), incidents: [...new Set(evidence.incidents)].sort(), reviews: [...new Set(evidence.reviews)].sort() },
      });
    });
    if (list.length > 0 || input.all) out.push({ staff, name: staffName(pack, staff), facts: t.facts, actions: list });
  }
  const order = new Map(pack.data.center.staff.map((s, i) => [s.id, i]));
  out.sort((a, b) => (order.get(a.staff) ?? Infinity) - (order.get(b.staff) ?? Infinity) || (a.staff < b.staff ? -1 : 1));
  const w = describePeriod(window);
  return { asOf: toIso(now), countingWindow: { kind: d.countingWindow, ...w }, staff: out, errors };
}
