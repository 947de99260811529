/**
 * One decision: parse the application, pick the item version in force on the day of receipt, run
 * its compiled conditions once, check the materials, classify, and assemble the decision with its
 * trace. Rejects only with ApplicationError (bad input).
 */
import { shanghaiDate } from '../calendar/index.ts';
import type { Applicant, Decision, DecisionWarning, DeferredMaterial, TraceEntry } from '../pack/index.ts';
import { classify, routeOf, type ConditionOutcome } from './classify.ts';
import { versionAt, type CompiledMaterial, type CompiledPack, type CompiledReferral, type CompiledVersion } from './compile.ts';
import { threeValued, type ResultNode } from './condition.ts';
import { ApplicationError } from './errors.ts';
import type { FactValue } from './facts.ts';
import { guideOf } from './guide.ts';
import { chooseMode, deadlineOf, limitsOn, modeBranchOf, modeReason } from './mode-branch.ts';
import { parseApplication, type ParsedApplication } from './input.ts';
import { checkMaterials, type Required, type Requiredness } from './materials.ts';
import { resolveCommitments, type CommitmentExclusion } from './commitment.ts';
import { questionsOf, type RunResults } from './questions.ts';
import { chooseSituation, notPending, situationReason, withPendingMaterials, withSituationQuestions } from './situation.ts';
import { suggest } from '../pack/index.ts';
import { referralEntry } from './trace.ts';

export interface DecideOptions {
  /** "Now" (ISO 8601 with zone) for applications that do not say when they were received. */
  readonly at?: string;
  /**
   * The applicant may not use 告知承诺 this time (e.g. a false commitment recorded in the
   * register; the engine is pure, so the records layer looks it up): commitments are refused.
   */
  readonly commitmentExcluded?: CommitmentExclusion;
}

const NO_SLOTS: readonly ResultNode[] = [];

export async function decide(pack: CompiledPack, input: unknown, options: DecideOptions = {}): Promise<Decision> {
  return decideParsed(pack, parse(pack, input, options.at), options);
}

/**
 * The decision on an application already parsed (parseApplication, which no pack changes): one
 * parse serves every pack that decides the same application, as a what-if replay does.
 */
export async function decideParsed(pack: CompiledPack, app: ParsedApplication, options: DecideOptions = {}): Promise<Decision> {
  const referral = pack.referrals.get(app.item);
  if (referral) return referralDecision(referral, app);
  const item = pack.items.get(app.item);
  const date = shanghaiDate(app.receivedAtMs);
  if (!item) throw unknownItem(pack, app.item, date);

  const facts = pack.facts.read(app.applicant);
  if (facts.issues.length > 0) throw new ApplicationError(facts.issues);
  const base = versionAt(item, date);
  const baseRun = new Outcomes(pack, facts.values, base.runner ? await base.runner.evaluate(facts.values) : NO_SLOTS);
  // 情形: the first situation that holds gives the variant decided on (situation.ts).
  const situation = chooseSituation(base, baseRun);
  const v = situation.version;
  const outcomes = v === base ? baseRun : new Outcomes(pack, facts.values, v.runner ? await v.runner.evaluate(facts.values) : NO_SLOTS);

  const conditions: ConditionOutcome[] = v.conditions.map((c) => {
    const passed = outcomes.of(c.slot, c.facts);
    return { condition: c, passed, facts: passed === null ? outcomes.missingFacts(c.facts) : '' };
  });
  const modeOutcome = chooseMode(v, outcomes);
  const modeBranch = modeBranchOf(v, modeOutcome);

  const consult = app.intent === 'consult';
  // A consultation never looks at submitted materials: the one-time notice is the same for all.
  const commitments = resolveCommitments(v, consult ? [] : app.commitments, options.commitmentExcluded);
  if (commitments.issues.length > 0) throw new ApplicationError(commitments.issues);
  const materials = checkMaterials(v, outcomes, consult ? null : app.submissions, commitments.accepted);
  if (materials.partyIssues.length > 0) throw new ApplicationError(materials.partyIssues);
  const trace: TraceEntry[] = [v.versionEntry, ...situation.trace];
  for (const o of conditions) {
    trace.push(o.passed === null ? o.condition.undecided(o.facts) : o.condition.decided(o.passed));
  }
  for (const t of modeOutcome.trace) trace.push(t);
  for (const t of materials.trace) trace.push(t);

  const warnings: DecisionWarning[] = [...facts.warnings];
  const unknown = notPending(situation, materials.unknown);
  for (const id of unknown) warnings.push(unknownMaterialWarning(v, id));
  warnings.push(...materials.partyWarnings);
  warnings.push(...commitments.warnings);
  const questions = withSituationQuestions(pack.facts, situation, baseRun, questionsOf(pack.facts, v, conditions, outcomes, modeOutcome));

  if (consult) {
    const rejected = conditions.find((o) => o.passed === false && o.condition.onFail === 'rejected');
    return {
      item: v.code,
      itemName: v.data.name,
      version: v.version,
      kind: 'consultation',
      mode: null,
      ...(modeBranch !== undefined ? { modeBranch } : {}),
      ...(situation.field !== undefined ? { situation: situation.field } : {}),
      receivedAt: app.receivedAt,
      materials: withPendingMaterials(situation, materials.notice),
      missing: [],
      correctable: [],
      deferred: [],
      unknownMaterials: [],
      reasons: [],
      questions,
      routeTo: rejected ? routeOf(rejected.condition) : null,
      deadline: null,
      fees: [...v.fees],
      // The limits under the policy in force on the day of receipt, as an accepted decision's deadline.
      guide: guideOf(pack.data, v, conditions, modeOutcome, limitsOn(pack, v, date)),
      notice: { document: v.documents.consultation },
      warnings,
      trace,
    };
  }

  const c = classify(conditions, materials, situationReason(situation) ?? (modeOutcome.undecided ? modeReason(modeOutcome.undecided) : null));
  const accepted = c.kind === 'accepted';
  // Accepted means the mode was decided (an undecided branch makes it a supplement).
  const branch = modeOutcome.branch ?? v.modes[v.modes.length - 1]!;
  // The clock starts at acceptance; an application accepted on the spot is accepted at receipt.
  const deadline = accepted ? deadlineOf(pack, v, branch, app.receivedAtMs, date) : null;
  // 容缺 materials are due counted from acceptance, the instant the deadline counts from (receipt:
  // its acceptedAt is that instant written out). Not yet accepted (补正, 当场更正), they are listed
  // without a due: the register counts it when it records the acceptance.
  const acceptedAtMs = deadline ? app.receivedAtMs : null;
  let deferred: DeferredMaterial[] = [];
  if ((accepted || c.kind === 'supplement' || c.kind === 'correctable') && materials.deferred.length > 0) {
    deferred = materials.deferred.map((m) => {
      if (!m.due || acceptedAtMs === null) return { id: m.id, name: m.name, due: null };
      const due = pack.clock.due(m.due, acceptedAtMs);
      for (const w of due.warnings) if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
      return { id: m.id, name: m.name, due: due.due };
    });
  }
  const mode = accepted ? branch.mode : null;
  return {
    item: v.code,
    itemName: v.data.name,
    version: v.version,
    kind: c.kind,
    mode,
    ...(modeBranch !== undefined ? { modeBranch } : {}),
    ...(situation.field !== undefined ? { situation: situation.field } : {}),
    receivedAt: app.receivedAt,
    materials: withPendingMaterials(situation, materials.notice),
    missing: c.kind === 'rejected' ? [] : materials.missing,
    correctable: c.kind === 'rejected' ? [] : materials.correctable,
    deferred,
    unknownMaterials: unknown,
    // Listed when the application asks for commitments; a rejected application replaces nothing.
    ...(app.commitments.length > 0 ? { committed: c.kind === 'rejected' ? [] : materials.committed.map((m) => ({ id: m.id, name: m.name })) } : {}),
    reasons: c.reasons,
    questions,
    routeTo: c.routeTo,
    deadline,
    fees: [...v.fees],
    guide: null,
    notice: { document: accepted && mode === 'immediate' ? v.documents.immediate : v.documents[c.kind] },
    warnings,
    trace,
  };
}

/**
 * What the engine's run says about each slot. A slot whose facts were all given takes the
 * engine's own result; otherwise its annotated tree is read in three-valued logic.
 */
class Outcomes implements Requiredness, RunResults {
  constructor(
    private readonly pack: CompiledPack,
    private readonly values: Readonly<Record<string, FactValue>>,
    private readonly slots: readonly ResultNode[],
  ) {}

  node(slot: number): ResultNode {
    return this.slots[slot]!;
  }

  given(fact: string): boolean {
    return fact in this.values;
  }

  of(slot: number, needed: readonly string[]): boolean | null {
    const node = this.slots[slot]!;
    for (const f of needed) if (!(f in this.values)) return threeValued(node);
    return node.result === true;
  }

  /** Labels of the facts among `needed` that were not given, e.g. `年龄（周岁）、本镇户籍`. */
  missingFacts(needed: readonly string[]): string {
    let out = '';
    for (const f of needed) if (!(f in this.values)) out += (out ? '、' : '') + this.pack.facts.label(f);
    return out;
  }

  missing(m: CompiledMaterial): string {
    return this.missingFacts(m.facts);
  }

  required(m: CompiledMaterial): Required {
    if (m.slot < 0) return 'yes';
    const r = this.of(m.slot, m.facts);
    return r === null ? 'unknown' : r ? 'yes' : 'no';
  }
}

/** Schema problems and fact-type problems are reported together, so one correction fixes all. */
function parse(pack: CompiledPack, input: unknown, at: string | undefined): ParsedApplication {
  try {
    return parseApplication(input, at);
  } catch (err) {
    const applicant = input !== null && typeof input === 'object' ? (input as { applicant?: unknown }).applicant : undefined;
    if (!(err instanceof ApplicationError) || applicant === null || typeof applicant !== 'object' || Array.isArray(applicant)) throw err;
    const seen = new Set(err.details.map((i) => i.path));
    const more = pack.facts.read(applicant as Applicant).issues.filter((i) => !seen.has(i.path));
    if (more.length === 0) throw err;
    throw new ApplicationError([...err.details, ...more], err.suggestions);
  }
}

function referralDecision(r: CompiledReferral, app: ParsedApplication): Decision {
  const consult = app.intent === 'consult';
  return {
    item: r.code,
    itemName: r.name,
    version: null,
    kind: consult ? 'consultation' : 'rejected',
    mode: null,
    receivedAt: app.receivedAt,
    materials: [],
    missing: [],
    correctable: [],
    deferred: [],
    unknownMaterials: [],
    reasons: [{ code: r.rule, message: `${r.reason} 请向${r.organ}申请。`, source: r.source }],
    // Outside this center's competence: nothing the applicant could answer changes that.
    questions: [],
    routeTo: { organ: r.organ, window: null, address: r.address, phone: r.phone },
    deadline: null,
    fees: [],
    guide: null,
    notice: { document: consult ? 'consultation' : 'rejected' },
    warnings: [],
    trace: [referralEntry(r)],
  };
}

function unknownItem(pack: CompiledPack, code: string, date: string): ApplicationError {
  const suggestions = pack.router.search(code, date, 5);
  const hint = suggestions.length > 0 ? `；是否要办：${suggestions.map((s) => `${s.code ?? ''} ${s.name}`.trim()).join('、')}？` : '；可用 bianmin route 关键词 查找事项';
  return new ApplicationError([{ path: '$.item', code: 'E-APP-UNKNOWN-ITEM', message: `事项编码 ${code} 不存在${hint}` }], suggestions);
}

function unknownMaterialWarning(v: CompiledVersion, id: string): DecisionWarning {
  const guess = suggest(id, [...v.materialIds.keys()]);
  const name = guess ? v.materialIds.get(guess)?.name : undefined;
  return {
    code: 'unknown-material',
    message: `材料 ${id} 不在事项 ${v.code} 的材料清单中，未予审查${guess ? `；是否应为 ${guess}${name ? `（${name}）` : ''}？` : ''}`,
  };
}
