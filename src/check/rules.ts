/**
 * Dead and overlapping rules, and mode, clock and document coherence: the rule findings of
 * `bianmin check`. What `validate` already reports (an enum option that does not exist, duplicate
 * material ids, an unknown template name, promised longer than statutory, an immediate item with
 * day limits) is not repeated here; only what takes reasoning over the whole item is.
 *
 * - A condition that can never pass refuses every application (error); one that can never fail
 *   checks nothing (warning). All conditions of an item that cannot pass together: error.
 * - A material's `requiredWhen` that can never hold (or only for applications the conditions
 *   refuse) means the material is never demanded; one that always holds should be unconditional.
 * - A mode branch whose `when` can never apply, and a default branch the others leave nothing to.
 * - Two alternatives of one material that are the same material.
 * - A referral whose name or keyword takes an item's own name or keyword in 首问 routing.
 * - Documents, clocks and calendar: see rule-coherence.ts.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, formatDate, parseDate } from '../core/index.ts';
import type { Condition, Decision, EligibilityRule, ItemFile, ItemVersion, LoadedItem, Material, SharedCondition } from '../pack/index.ts';
import { itemVersions, modeChoices, orderedChanges, originOf } from '../pack/index.ts';
import type { Pack } from '../engine/index.ts';
import type { CheckFinding } from './model.ts';
import { and, FormulaBuilder, findAssignment, not, type FactTypes, type Proof } from './rule-logic.ts';
import { coherenceFindings, contextOf, policyClockFindings } from './rule-coherence.ts';
import { Findings, q } from './rule-site.ts';
import { scenarioYaml, type ScenarioMaterial } from './scenario-yaml.ts';

export interface RuleOptions {
  /** Names of bianmin's own templates; by default those in its templates/ folder. */
  readonly builtinTemplates?: readonly string[];
}

/** The rule findings for the items `items` (codes; all when null), in pack order. */
export async function ruleFindings(pack: Pack, items: readonly string[] | null, options: RuleOptions = {}): Promise<CheckFinding[]> {
  const out = new Findings(pack);
  const ctx = contextOf(pack, options.builtinTemplates);
  const prover = new Prover((id) => pack.engine.facts.definition(id), new Map((pack.data.facts.conditions ?? []).map((c) => [c.id, c])));
  const wanted = items === null ? null : new Set(items);
  const selected: LoadedItem[] = [];
  for (const [code, loaded] of pack.data.items) if (wanted === null || wanted.has(code)) selected.push(loaded);
  for (const loaded of selected) {
    for (const version of itemVersions(loaded.data)) {
      await logicFindings(pack, loaded.file, version, prover, out);
      alternativeFindings(loaded.file, version, out);
      coherenceFindings(pack, ctx, loaded, version, out);
    }
  }
  referralFindings(pack, selected, out);
  if (items === null) policyClockFindings(pack, ctx, out);
  return out.list;
}

type Part = readonly [Condition, boolean];

/** Satisfiability of conjunctions of conditions (each possibly negated), memoised by their text. */
class Prover {
  private readonly memo = new Map<string, Proof>();
  private readonly keys = new WeakMap<object, string>();

  constructor(
    private readonly types: FactTypes,
    private readonly shared: ReadonlyMap<string, SharedCondition>,
  ) {}

  /** Whether every part can hold at once (a part `[c, true]` holds when `c` fails). */
  sat(parts: readonly Part[]): Proof {
    let key = '';
    for (const [c, negated] of parts) key += (negated ? '!' : '+') + this.keyOf(c) + '\u0000';
    const hit = this.memo.get(key);
    if (hit) return hit;
    const b = new FormulaBuilder(this.types, this.shared);
    const formulas = parts.map(([c, negated]) => (negated ? not(b.build(c)) : b.build(c)));
    const { proof } = findAssignment(formulas.length === 0 ? { k: 'and', c: [] } : and(...formulas), b.domains(), true);
    this.memo.set(key, proof);
    return proof;
  }

  /** Fact values under which every part holds (facts the search left open are left out); null when none is proved. */
  witness(parts: readonly Part[]): Map<string, unknown> | null {
    const b = new FormulaBuilder(this.types, this.shared);
    const formulas = parts.map(([c, negated]) => (negated ? not(b.build(c)) : b.build(c)));
    const { values } = findAssignment(formulas.length === 0 ? { k: 'and', c: [] } : and(...formulas), b.domains(), true);
    if (!values) return null;
    const out = new Map<string, unknown>();
    values.forEach((x, v) => {
      const fact = b.factOf(v);
      if (fact !== null && x !== undefined) out.set(fact, x);
    });
    return out;
  }

  private keyOf(c: Condition): string {
    let k = this.keys.get(c);
    if (k === undefined) {
      k = JSON.stringify(c);
      this.keys.set(c, k);
    }
    return k;
  }
}

/** `（自 2027-01-01 起施行的版本）` for a finding that depends on a dated version's whole content. */
function versionNote(version: ItemVersion): string {
  return version.appliedChange ? `（自 ${version.appliedChange.effectiveFrom} 起施行的版本）` : '';
}

function refusal(c: EligibilityRule): string {
  return c.onFail === 'rejected' ? '不予受理' : '退回';
}

async function logicFindings(pack: Pack, file: string, version: ItemVersion, prover: Prover, out: Findings): Promise<void> {
  const conditions = version.conditions ?? [];
  let refusesAll = false;
  for (const [i, c] of conditions.entries()) {
    const at = originOf(version, ['conditions', i, 'when']);
    if (prover.sat([[c.when, false]]) === 'no') {
      refusesAll = true;
      // The others passing where they can, this one failing (as it always does).
      const others: Part[] = conditions.filter((x) => x !== c).map((x) => [x.when, false]);
      const facts = prover.witness([...others, [c.when, true]]) ?? prover.witness([[c.when, true]]);
      const scenario = facts ? await refusedScenario(pack, version, facts, `受理条件“${c.text}”永远不成立`) : null;
      out.add(file, at, 'E-CHECK-CONDITION-NEVER', { text: c.text, id: c.id, outcome: refusal(c) }, { scenario });
    } else if (prover.sat([[c.when, true]]) === 'no') {
      out.add(file, at, 'W-CHECK-CONDITION-ALWAYS', { text: c.text, id: c.id });
    }
  }
  const eligible: Part[] = conditions.map((c) => [c.when, false]);
  if (!refusesAll && conditions.length > 1 && prover.sat(eligible) === 'no') {
    refusesAll = true;
    await conflictFinding(pack, file, version, conditions, prover, out);
  }
  // With every application refused, nothing after the conditions is ever reached: one error says it.
  if (refusesAll) return;
  const withConditions = conditions.length > 0;

  version.materials.forEach((m: Material, i) => {
    if (!m.requiredWhen) return;
    const at = originOf(version, ['materials', i, 'requiredWhen']);
    const r = m.requiredWhen;
    if (prover.sat([[r, false]]) === 'no') {
      out.add(file, at, 'W-CHECK-REQUIRED-NEVER', { name: m.name, detail: '：它的 requiredWhen 在任何情况下都不成立' });
    } else if (prover.sat([[r, true]]) === 'no') {
      out.add(file, at, 'W-CHECK-REQUIRED-ALWAYS', { name: m.name, detail: '' });
    } else if (withConditions && prover.sat([...eligible, [r, false]]) === 'no') {
      out.add(file, at, 'W-CHECK-REQUIRED-NEVER', { name: m.name, detail: `：它的 requiredWhen 只在申请不符合受理条件时才成立，而那样的申请已被退回或不予受理${versionNote(version)}` });
    } else if (withConditions && prover.sat([...eligible, [r, true]]) === 'no') {
      out.add(file, at, 'W-CHECK-REQUIRED-ALWAYS', { name: m.name, detail: `（凡符合受理条件的申请都需要这份材料${versionNote(version)}）` });
    }
  });

  modeFindings(file, version, eligible, prover, out);
}

/** The first two conditions that cannot hold together, or all of them when no two alone conflict. */
async function conflictFinding(pack: Pack, file: string, version: ItemVersion, conditions: readonly EligibilityRule[], prover: Prover, out: Findings): Promise<void> {
  const named = (list: readonly EligibilityRule[]): string => list.map((c) => `${q(c.text)}（${c.id}）`).join('与');
  let pair: [EligibilityRule, EligibilityRule, number] | null = null;
  for (let j = 1; j < conditions.length && !pair; j++) {
    for (let i = 0; i < j; i++) {
      if (prover.sat([[conditions[i]!.when, false], [conditions[j]!.when, false]]) === 'no') {
        pair = [conditions[i]!, conditions[j]!, j];
        break;
      }
    }
  }
  const last = conditions[conditions.length - 1]!;
  // An applicant meeting all but the condition reported on: refused, whatever else is true.
  const failing = pair ? pair[1] : last;
  const others: Part[] = conditions.filter((x) => x !== failing).map((x) => [x.when, false]);
  const facts = prover.witness([...others, [failing.when, true]]) ?? (pair ? prover.witness([[pair[0].when, false], [pair[1].when, true]]) : null);
  const names = pair ? named([pair[0], pair[1]]) : named(conditions);
  const scenario = facts ? await refusedScenario(pack, version, facts, `受理条件${names}不可能同时满足`) : null;
  out.add(file, originOf(version, ['conditions', pair ? pair[2] : conditions.length - 1, 'when']), 'E-CHECK-CONDITIONS-CONFLICT', { conditions: names + versionNote(version) }, { scenario });
}

/** A day the version is in force: the day its change takes effect, or for the base today (or the day before the first change). */
function dayOfVersion(version: ItemVersion, item: ItemFile): string {
  if (version.appliedChange) return version.appliedChange.effectiveFrom;
  const today = formatDate(Math.floor((Date.now() + SHANGHAI_OFFSET_MS) / DAY_MS));
  const first = orderedChanges(item)[0]?.change.effectiveFrom;
  return first !== undefined && first <= today ? formatDate(parseDate(first) - 1) : today;
}

/**
 * The application that shows an item refusing what it should not: the facts found, every material
 * handed over as the checklist asks (so nothing but the conditions decides), decided by the engine
 * itself; its decision is what the scenario expects. Null when the engine does not refuse it (the
 * finding then stands on the proof alone).
 */
async function refusedScenario(pack: Pack, version: ItemVersion, facts: ReadonlyMap<string, unknown>, what: string): Promise<string | null> {
  const loaded = pack.data.items.get(version.code);
  if (!loaded) return null;
  const applicant: Record<string, string | number | boolean> = { type: String(facts.get('applicantType') ?? 'person') };
  for (const [f, v] of [...facts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (f !== 'applicantType' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) applicant[f] = v;
  }
  const materials: ScenarioMaterial[] = [];
  for (const m of version.materials) {
    if (m.fetchable === true) continue;
    const form = m.form ?? 'original';
    const copies = m.copies ?? 1;
    const one = (party?: string): ScenarioMaterial =>
      form === 'original' && copies === 1 && party === undefined ? m.id : { id: m.id, ...(form !== 'original' ? { form } : {}), ...(copies !== 1 ? { copies } : {}), ...(party !== undefined ? { party } : {}) };
    const parties = (m as { perParty?: readonly string[] }).perParty;
    if (parties && parties.length > 0) for (const p of parties) materials.push(one(p));
    else materials.push(one());
  }
  const day = dayOfVersion(version, loaded.data);
  let d: Decision;
  try {
    d = await pack.decide({ item: version.code, intent: 'apply', applicant, materials, receivedAt: `${day}T10:00:00+08:00` });
  } catch {
    return null;
  }
  if (d.kind !== 'returned' && d.kind !== 'rejected') return null;
  return scenarioYaml({
    name: `静态检查反例：${version.code} ${what}`.slice(0, 200),
    item: version.code,
    applicant,
    materials,
    received: `${day} 10:00`,
    expect: { kind: d.kind, missing: d.missing.map((x) => x.id), reasons: d.reasons.map((r) => r.code) },
  });
}

const MODE_NAMES: Readonly<Record<string, string>> = { immediate: '即办件', promised: '承诺件', reported: '上报件', joint: '联办件', petition: '信访件' };

/** Mode branches are read top-down: each applies where its `when` holds and no earlier one did. */
function modeFindings(file: string, version: ItemVersion, eligible: readonly Part[], prover: Prover, out: Findings): void {
  const choices = modeChoices(version.mode);
  if (choices.length < 2) return;
  const earlier: Part[] = [];
  choices.forEach((choice, i) => {
    const mode = MODE_NAMES[choice.mode] ?? choice.mode;
    if (choice.when) {
      if (prover.sat([...eligible, ...earlier, [choice.when, false]]) === 'no') {
        const detail =
          prover.sat([[choice.when, false]]) === 'no'
            ? '：它的条件在任何情况下都不成立'
            : prover.sat([...eligible, [choice.when, false]]) === 'no'
              ? '：它的条件只在申请不符合受理条件时才成立'
              : '：它适用的情形都已被前面的项涵盖';
        out.add(file, originOf(version, ['mode', i, 'when']), 'W-CHECK-MODE-NEVER', { n: i + 1, mode, detail: detail + versionNote(version) });
      }
      earlier.push([choice.when, true]);
    } else if (earlier.length > 0 && prover.sat([...eligible, ...earlier]) === 'no') {
      out.add(file, originOf(version, ['mode', i]), 'W-CHECK-MODE-DEFAULT-UNUSED', { mode, detail: versionNote(version) });
    }
  });
}

/** A material name as the applicant would read it: width, spaces and quotation marks do not make another material. */
function sameName(s: string): string {
  return s.normalize('NFKC').replace(/[\s《》〈〉“”"'‘’「」『』]/gu, '');
}

function alternativeFindings(file: string, version: ItemVersion, out: Findings): void {
  version.materials.forEach((m, i) => {
    const alts = m.alternatives ?? [];
    for (let j = 1; j < alts.length; j++) {
      for (let k = 0; k < j; k++) {
        const a = alts[k]!;
        const b = alts[j]!;
        // Same id is validate's E-REF-DUPLICATE-ID.
        if (a.id === b.id) continue;
        const why = a.use !== undefined && a.use === b.use ? `都引用共享材料 ${a.use}` : sameName(a.name) === sameName(b.name) ? `名称都是${q(b.name)}` : null;
        if (!why) continue;
        // The same paper in another form or number of copies is a real choice (原件，或复印件两份).
        if ((a.form ?? m.form ?? 'original') !== (b.form ?? m.form ?? 'original') || (a.copies ?? m.copies ?? 1) !== (b.copies ?? m.copies ?? 1)) continue;
        out.add(file, originOf(version, ['materials', i, 'alternatives', j]), 'E-CHECK-ALTERNATIVE-SAME', { name: m.name, first: a.id, second: b.id, why });
        break;
      }
    }
  });
}

/** The router's normal form (engine/route.ts normalizeQuery), to find the few terms worth routing. */
function routeForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, (m) => (m.includes('-') ? '-' : ''))
    .replace(/^-+|-+$/g, '');
}

/**
 * 首问负责: asked an item's own name or keyword, the router must not answer with a referral first
 * (the applicant would be told to go elsewhere for what this center does). An item's own term
 * scores at least as an exact keyword, so only a referral term equal to it (after normalising)
 * can come first; those few terms are routed for real, and the router has the last word.
 */
function referralFindings(pack: Pack, items: readonly LoadedItem[], out: Findings): void {
  if (pack.data.referrals.size === 0) return;
  const referralTerms = new Set<string>();
  for (const { data: r } of pack.data.referrals.values()) {
    for (const t of [r.code, r.name, ...(r.keywords ?? [])]) referralTerms.add(routeForm(t));
  }
  for (const { data } of items) {
    const terms: Array<{ term: string; what: string; path: (string | number)[] }> = [];
    terms.push({ term: data.name, what: '名称', path: ['name'] });
    (data.keywords ?? []).forEach((k, j) => terms.push({ term: k, what: '关键词', path: ['keywords', j] }));
    (data.changes ?? []).forEach((c, ci) => {
      const set = c.set as { name?: string; keywords?: string[] } | undefined;
      if (set?.name) terms.push({ term: set.name, what: '名称', path: ['changes', ci, 'set', 'name'] });
      (set?.keywords ?? []).forEach((k, j) => terms.push({ term: k, what: '关键词', path: ['changes', ci, 'set', 'keywords', j] }));
    });
    for (const t of terms) {
      if (!referralTerms.has(routeForm(t.term))) continue;
      const first = pack.route(t.term, { limit: 1 })[0];
      if (!first || first.kind !== 'referral' || first.code === null) continue;
      const referral = pack.data.referrals.get(first.code);
      if (!referral) continue;
      const r = referral.data;
      // Point at the referral's term that won, as the router says it matched.
      const quoted = /“(.*)”/.exec(first.matched)?.[1];
      const kw = quoted === undefined ? -1 : (r.keywords ?? []).indexOf(quoted);
      const where = kw >= 0 ? ['keywords', kw] : first.matched === '事项编码' ? ['code'] : ['name'];
      out.add(referral.file, ['referrals', referral.index, ...where], 'W-CHECK-REFERRAL-SHADOWS', {
        code: r.code,
        referral: r.name,
        term: t.term,
        organ: r.organ,
        item: data.code,
        name: data.name,
        what: t.what,
      });
    }
  }
}
