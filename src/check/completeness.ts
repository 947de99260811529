/**
 * The proof that the one-time notice is complete (《行政许可法》第三十二条：一次告知). For every item
 * version and every combination of what the applicant may have told the window — each fact its
 * material conditions read known with each value that can matter, or unknown — the consultation
 * notice is compared with what `decide` demands once the facts are all known:
 *   (a) applying with nothing, every material demanded must have been listed, as needed ("yes"),
 *       or as "may be needed" with the situation written out ("unknown"); one listed as not needed
 *       must never be demanded, one listed as needed must always be (when anything is);
 *   (b) applying with exactly what the notice said to bring (in its form and number of copies,
 *       or any one of its alternatives) must draw no supplement or return for materials;
 *   and the printed notice must name every material it lists.
 *
 * Fast yet exhaustive: a material's requiredness reads only the facts of its own `requiredWhen`,
 * so the combinations are enumerated per group of materials reading the same facts, not over the
 * product of an item's facts, and every decision is cached by its facts (and submission).
 */
import { formatDate, formatPath, parseDate, renderMessage, type PathSegment } from '../core/index.ts';
import { shanghaiDate } from '../calendar/index.ts';
import { renderNotice } from '../documents/index.ts';
import type { Pack } from '../engine/index.ts';
import type { Decision, NoticeMaterial, SharedCondition } from '../pack/index.ts';
import type { CheckFinding } from './model.ts';
import { scenarioYaml, type ScenarioEntry, type ScenarioMaterial } from './scenario-yaml.ts';
import { classesOf, collectLeaves, type Leaf, type Value } from './value-classes.ts';

type CompiledItem = NonNullable<ReturnType<Pack['engine']['items']['get']>>;
type CompiledVersion = CompiledItem['versions'][number];
type CompiledMaterial = CompiledVersion['materials'][number];

/** One combination: fact → value; a fact absent from the map is unknown to the window. */
type Assignment = ReadonlyMap<string, Value>;

/** The builtin fact: `applicant.type` is required, so it is never unknown. */
const APPLICANT_TYPE = 'applicantType';
const APPLICANT_TYPE_NAMES: Readonly<Record<string, string>> = { person: '自然人', organization: '法人或其他组织' };

const CODE = 'E-CHECK-NOTICE-INCOMPLETE';

export interface CompletenessResult {
  readonly findings: CheckFinding[];
  /** Three-valued fact combinations examined (over every version and material group). */
  readonly combinations: number;
}

/** Proves the one-time notice complete for `items` (every item when null); a finding per counter-example. */
export async function completenessFindings(pack: Pack, items: readonly string[] | null): Promise<CompletenessResult> {
  const codes = items ? [...new Set(items)] : [...pack.engine.items.keys()];
  const prover = new Prover(pack);
  for (const code of codes.sort()) {
    const item = pack.engine.items.get(code);
    if (!item) continue;
    for (let i = 0; i < item.versions.length; i++) await prover.version(item, i);
  }
  return { findings: prover.findings, combinations: prover.combinations };
}

type Problem = 'unlisted' | 'listed-no' | 'no-condition' | 'overstated' | 'insufficient' | 'render-name' | 'render-condition' | 'render-party';

class Prover {
  readonly findings: CheckFinding[] = [];
  combinations = 0;
  private readonly shared: ReadonlyMap<string, SharedCondition>;
  private readonly seen = new Set<string>();
  /** The pack overrides partials (`_header` …): every template may print differently per item. */
  private readonly packPartials: boolean;
  private readonly renderedShapes = new Map<string, string>();
  private readonly today = shanghaiDate(Date.now());

  constructor(private readonly pack: Pack) {
    this.shared = new Map((pack.data.facts.conditions ?? []).map((c) => [c.id, c]));
    this.packPartials = [...pack.data.templates.keys()].some((name) => name.startsWith('_'));
  }

  async version(item: CompiledItem, index: number): Promise<void> {
    const v = item.versions[index]!;
    const date = this.dateOf(item, index);
    const run = new VersionRun(this.pack, v, date);
    // Materials grouped by the facts their requiredness reads (unconditional ones: no facts).
    const groups = new Map<string, { facts: string[]; materials: CompiledMaterial[] }>();
    for (const m of v.materials) {
      const facts = [...new Set(m.facts)].sort();
      const key = facts.join('\u0000');
      const g = groups.get(key) ?? { facts, materials: [] };
      g.materials.push(m);
      groups.set(key, g);
    }
    for (const g of groups.values()) await this.group(run, g.facts, g.materials);
  }

  /** Shanghai date on which `item.versions[index]` is in force: its first day, or today for the base. */
  private dateOf(item: CompiledItem, index: number): string {
    const v = item.versions[index]!;
    if (v.effectiveFrom !== null) return v.effectiveFrom;
    const next = item.versions[1]?.effectiveFrom;
    if (!next) return this.today;
    const before = formatDate(parseDate(next) - 1);
    return before < this.today ? before : this.today;
  }

  private async group(run: VersionRun, facts: readonly string[], materials: readonly CompiledMaterial[]): Promise<void> {
    const leaves: Leaf[] = [];
    for (const m of materials) {
      const raw = run.v.data.materials.find((x) => x.id === m.id);
      if (raw?.requiredWhen) collectLeaves(raw.requiredWhen, this.shared, leaves);
    }
    const classes = facts.map((f) => classesOf(f, leaves, this.pack.engine.facts.definition(f)));
    const withUnknown: Choice[][] = facts.map((f, i) => (f === APPLICANT_TYPE ? classes[i]! : [...classes[i]!, UNKNOWN]));
    // Alternatives of this group's materials are tried one by one (variant k: the k-th of each).
    const variants = 1 + Math.max(0, ...materials.map((m) => m.alternatives.length));
    for (const choice of product(withUnknown)) {
      this.combinations++;
      const F = assignmentOf(facts, choice);
      const notice = await run.consult(F);
      await this.rendered(run, F, notice, materials, facts, classes);
      const unknownFacts = facts.filter((f) => !F.has(f));
      for (const m of materials) {
        const entry = notice.materials.find((x) => x.id === m.id) ?? null;
        if (entry && entry.required === 'unknown' && !entry.fetchedByCenter && !(entry.condition ?? '').trim()) {
          this.report(run, m, 'no-condition', F, F, `${this.when(F, facts)}告知单把${quote(m.name)}列为“视情况需要”，却没有写明什么情况下需要（请填写 requiredWhenText）`, null);
        }
      }
      const completions = product(unknownFacts.map((f) => classes[facts.indexOf(f)]!));
      for (const extra of completions) {
        const full = new Map(F);
        unknownFacts.forEach((f, i) => full.set(f, extra[i]!));
        const none = await run.apply(full, []);
        const atFull = await run.consult(full);
        const where = unknownFacts.length > 0 ? `实际 ${this.describe(full, unknownFacts)} 时` : '';
        for (const m of materials) {
          const entry = notice.materials.find((x) => x.id === m.id) ?? null;
          const demanded = demandedIn(none, m.id);
          if (demanded && (!entry || entry.required === 'no')) {
            const said = entry ? `写明不需要${quote(m.name)}` : `未列出${quote(m.name)}`;
            await this.reportWithScenario(run, m, entry ? 'listed-no' : 'unlisted', F, full, `${this.when(F, facts)}告知单${said}，但${where}受理会要求提交`, { notice, k: 0, alternating: new Set() });
          } else if (entry && entry.required === 'yes' && demandable(entry) && !demanded && none.kind !== 'rejected') {
            this.report(run, m, 'overstated', F, full, `${this.when(F, facts)}告知单写明需要${quote(m.name)}，但${where}受理并不要求`, null);
          }
        }
        for (let k = 0; k < variants; k++) {
          if (k > 0 && !materials.some((m) => m.alternatives.length >= k)) continue;
          const alternating = new Set(materials.map((m) => m.id));
          const submission = submissionFor(notice, atFull, k, alternating);
          const d = await run.apply(full, submission);
          if (d.kind === 'rejected') continue;
          for (const m of materials) {
            const detail = problemOf(d, m.id);
            if (detail === null) continue;
            const given = submission.find((s) => s.material === m.id);
            const brought = given ? `按告知单提交${quote(given.name)}（${bring(given)}）后` : `按告知单不提交${quote(m.name)}`;
            await this.reportWithScenario(
              run,
              m,
              'insufficient',
              F,
              full,
              `${this.when(F, facts)}${brought}，${where}受理仍要求补正：${detail}`,
              { notice, k, alternating },
            );
          }
        }
      }
    }
  }

  /** The printed notice must name each material it lists, and say when a "may be needed" one is needed. */
  private async rendered(run: VersionRun, F: Assignment, notice: Decision, materials: readonly CompiledMaterial[], facts: readonly string[], classes: readonly Value[][]): Promise<void> {
    // A built-in template prints a notice according to its shape (which lists, which fields), not
    // its item: one rendering per shape suffices. A pack's own template is rendered for every notice.
    const builtin = !this.packPartials && !this.pack.data.templates.has(notice.notice.document);
    const key = builtin ? shapeOf(notice) : null;
    let html = key === null ? null : (this.renderedShapes.get(key) ?? null);
    if (html === null) {
      html = await run.render(notice);
      if (key !== null) {
        this.renderedShapes.set(key, html);
      }
    } else {
      // Same template and shape as one already checked: only the texts differ, so check those.
      html = await run.render(notice, true);
    }
    if (html === '') return;
    for (const m of materials) {
      const e = notice.materials.find((x) => x.id === m.id);
      if (!e || e.required === 'no') continue;
      const as = e.fetchedByCenter ? '由中心调取' : e.required === 'yes' ? '需要提交' : '视情况需要';
      const unnamed = [e.name, ...(e.alternatives ?? []).map((a) => a.name)].filter((n) => !mentions(html!, n));
      if (unnamed.length > 0) {
        const detail = `${this.when(F, facts)}印出的一次性告知单（模板 ${notice.notice.document}）没有写出${unnamed.map(quote).join('、')}（${unnamed[0] === e.name ? '' : `${quote(e.name)}的任选其一材料，`}${as}）`;
        // The scenario: an applicant on whom the material is needed brings what the printed sheet names.
        const full = e.fetchedByCenter || !demandable(e) ? null : await this.neededOn(run, F, m, facts, classes);
        if (full && unnamed[0] === e.name) {
          const printed: Decision = { ...notice, materials: notice.materials.filter((x) => mentions(html!, x.name)) };
          const unknown = facts.filter((f) => !F.has(f));
          const where = unknown.length > 0 ? `实际 ${this.describe(full, unknown)} 时` : '';
          await this.reportWithScenario(run, m, 'render-name', F, full, `${detail}；申请人按印出的告知单备齐材料，${where}受理仍会要求提交`, { notice: printed, k: 0, alternating: new Set() });
        } else {
          this.report(run, m, 'render-name', F, F, detail, null);
        }
      } else if (e.required === 'unknown' && !e.fetchedByCenter && e.condition && !mentions(html, e.condition)) {
        this.report(run, m, 'render-condition', F, F, `${this.when(F, facts)}印出的一次性告知单（模板 ${notice.notice.document}）列出了${quote(e.name)}，却没有写出什么情况下需要（“${e.condition}”）`, null);
      } else if (e.parties && e.parties.length > 0 && !e.parties.every((p) => mentions(html!, p))) {
        this.report(run, m, 'render-party', F, F, `${this.when(F, facts)}印出的一次性告知单（模板 ${notice.notice.document}）没有写明${quote(e.name)}须${e.parties.join('、')}各一份`, null);
      }
    }
  }

  /** A completion of `F` on which `m` is needed, if any. */
  private async neededOn(run: VersionRun, F: Assignment, m: CompiledMaterial, facts: readonly string[], classes: readonly Value[][]): Promise<Assignment | null> {
    const unknown = facts.filter((f) => !F.has(f));
    for (const extra of product(unknown.map((f) => classes[facts.indexOf(f)]!))) {
      const full = new Map(F);
      unknown.forEach((f, i) => full.set(f, extra[i]!));
      if ((await run.consult(full)).materials.find((x) => x.id === m.id)?.required === 'yes') return full;
    }
    return null;
  }

  private async reportWithScenario(run: VersionRun, m: CompiledMaterial, problem: Problem, F: Assignment, full: Assignment, detail: string, told: Told): Promise<void> {
    if (this.seen.has(this.key(run, m, problem))) return;
    const scenario = await run.scenario(full, told, this.when(F, m.facts), m);
    this.report(run, m, problem, F, full, detail, scenario);
  }

  private key(run: VersionRun, m: CompiledMaterial, problem: Problem): string {
    return `${m.source.file}:${m.source.line}:${m.id}:${problem}:${run.v.code}`;
  }

  private report(run: VersionRun, m: CompiledMaterial, problem: Problem, _F: Assignment, _full: Assignment, detail: string, scenario: string | null): void {
    const key = this.key(run, m, problem);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const where = locateMaterial(this.pack, run.v, m);
    const version = run.v.effectiveFrom ? `（${run.v.effectiveFrom} 起施行的版本）` : '';
    this.findings.push({
      file: m.source.file,
      line: m.source.line,
      column: where.column,
      path: where.path,
      code: CODE,
      message: renderMessage(CODE, { detail: `${run.v.code}${version}：${detail}` }),
      scenario,
    });
  }

  /** `年龄=59、代他人申请=未知` (the facts in `facts`, labels from facts.yaml). */
  describe(F: Assignment, facts: readonly string[]): string {
    return facts.map((f) => `${this.label(f)}=${F.has(f) ? this.show(f, F.get(f)!) : '未知'}`).join('、');
  }

  /** `申请人情况为 年龄=59、代他人申请=未知 时，` or, with no facts, `无论申请人情况如何，`. */
  when(F: Assignment, facts: readonly string[]): string {
    return facts.length === 0 ? '无论申请人情况如何，' : `申请人情况为 ${this.describe(F, facts)} 时，`;
  }

  private label(f: string): string {
    if (f === APPLICANT_TYPE) return '申请人类型';
    return this.pack.engine.facts.definition(f)?.label ?? f;
  }

  private show(f: string, v: Value): string {
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (f === APPLICANT_TYPE) return APPLICANT_TYPE_NAMES[String(v)] ?? String(v);
    return String(v);
  }
}

/** The notice a counter-example's applicant read, and which alternatives (variant k) they chose. */
interface Told {
  readonly notice: Decision;
  readonly k: number;
  readonly alternating: ReadonlySet<string>;
}

/** What the applicant hands over for one listed material, as the notice said to bring it. */
export interface Submitted {
  /** The checklist material it answers. */
  readonly material: string;
  /** The id handed over: the material's own, or one of its alternatives. */
  readonly id: string;
  readonly name: string;
  readonly form: NoticeMaterial['form'];
  readonly copies: number;
  readonly party?: string;
}

/** One version's decisions, each made once (by facts and submission) and kept. */
class VersionRun {
  private readonly consults = new Map<string, Promise<Decision>>();
  private readonly applies = new Map<string, Promise<Decision>>();
  private readonly receivedAt: string;

  constructor(
    private readonly pack: Pack,
    readonly v: CompiledVersion,
    readonly date: string,
  ) {
    this.receivedAt = `${date}T10:00:00+08:00`;
  }

  consult(F: Assignment): Promise<Decision> {
    const key = assignmentKey(F);
    let d = this.consults.get(key);
    if (!d) {
      d = this.pack.decide({ item: this.v.code, intent: 'consult', applicant: applicantOf(F), receivedAt: this.receivedAt });
      this.consults.set(key, d);
    }
    return d;
  }

  apply(F: Assignment, submission: readonly Submitted[]): Promise<Decision> {
    const key = `${assignmentKey(F)}|${JSON.stringify(submission.map((s) => [s.id, s.form, s.copies, s.party ?? null]))}`;
    let d = this.applies.get(key);
    if (!d) {
      d = this.pack.decide({ item: this.v.code, intent: 'apply', applicant: applicantOf(F), materials: submission.map(materialOf), receivedAt: this.receivedAt });
      this.applies.set(key, d);
    }
    return d;
  }

  private readonly renders = new Map<string, Promise<string>>();

  /** The consultation notice as printed; '' when it cannot be printed (the template check reports that). */
  render(notice: Decision, textsOnly = false): Promise<string> {
    const key = JSON.stringify(notice.materials.map((m) => [m.id, m.required]));
    if (textsOnly) return Promise.resolve(textsOf(notice));
    let html = this.renders.get(key);
    if (!html) {
      html = renderNotice(this.pack.data, notice, { number: '（静态检查）', date: this.date }).then(
        (r) => r.html,
        () => '',
      );
      this.renders.set(key, html);
    }
    return html;
  }

  /**
   * The counter-example as a scenario to paste into rules/tests/: the applicant with all the facts,
   * bringing exactly what the notice said, expected to draw no demand for materials. Facts the
   * eligibility conditions read are filled in, where a small search finds values they all pass with,
   * so the scenario expects an acceptance.
   */
  async scenario(full: Assignment, told: Told, when: string, m: CompiledMaterial): Promise<string> {
    const { applicant, submission } = await this.passing(full, told, m.id);
    const d = await this.apply(applicant, submission);
    const reasons = d.reasons.map((r) => r.code).filter((c) => !c.startsWith('material:'));
    const failed = d.trace.some((t) => t.rule.startsWith('condition:') && t.passed === false);
    const kind: ScenarioEntry['expect']['kind'] = reasons.length === 0 ? 'accepted' : failed ? 'returned' : 'supplement';
    const entry: ScenarioEntry = {
      name: `一次性告知反例：${this.v.code} ${when}按告知单备齐材料（${m.name}）`.slice(0, 200),
      item: this.v.code,
      applicant: applicantOf(applicant),
      materials: submission.map(materialOf),
      received: `${this.date} 10:00`,
      expect: { kind, missing: [], reasons },
    };
    return scenarioYaml(entry);
  }

  /**
   * `full` with every other fact of the version known — values under which every eligibility
   * condition passes, if a few hundred tries find them, and the fewest materials — and what the
   * applicant told `told.notice` then brings.
   */
  private async passing(full: Assignment, told: Told, shown: string): Promise<{ applicant: Assignment; submission: Submitted[] }> {
    const facts = [...new Set([...this.v.conditions.flatMap((c) => c.facts), ...this.v.materials.flatMap((m) => m.facts)])].filter((f) => !full.has(f)).sort();
    const bringing = async (F: Assignment): Promise<Submitted[]> => submissionFor(told.notice, await this.consult(F), told.k, told.alternating);
    if (facts.length === 0) return { applicant: full, submission: await bringing(full) };
    const leaves: Leaf[] = [];
    const shared = new Map((this.pack.data.facts.conditions ?? []).map((c) => [c.id, c]));
    for (const c of this.v.data.conditions ?? []) collectLeaves(c.when, shared, leaves);
    for (const m of this.v.data.materials) if (m.requiredWhen) collectLeaves(m.requiredWhen, shared, leaves);
    const classes = facts.map((f) => classesOf(f, leaves, this.pack.engine.facts.definition(f)));
    // Best: every condition passes, no material problem but the one shown, the fewest materials.
    let best: { applicant: Assignment; submission: Submitted[]; score: readonly number[] } | null = null;
    let tries = 0;
    for (const choice of product(classes)) {
      if (++tries > 256) break;
      const F = new Map(full);
      facts.forEach((f, i) => F.set(f, choice[i]!));
      const submission = await bringing(F);
      const d = await this.apply(F, submission);
      const passes = d.kind !== 'rejected' && d.trace.every((t) => !t.rule.startsWith('condition:') || t.passed === true);
      const others = this.v.materials.filter((x) => x.id !== shown && problemOf(d, x.id) !== null).length;
      const score = [passes ? 0 : 1, others, submission.length];
      if (!best || lessThan(score, best.score)) best = { applicant: F, submission, score };
    }
    return best ?? { applicant: full, submission: await bringing(full) };
  }
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** Does a decision on applying with nothing demand material `id` (now, or as 容缺 later)? */
function demandedIn(d: Decision, id: string): boolean {
  if (d.kind === 'rejected') return false;
  const rule = `material:${id}`;
  return (
    d.missing.some((x) => x.id === id) ||
    d.deferred.some((x) => x.id === id) ||
    (d.correctable ?? []).some((x) => x.id === id) ||
    d.reasons.some((r) => r.code === rule) ||
    d.trace.some((t) => t.rule === rule && t.passed === false)
  );
}

/** What the decision still asks about material `id` after it was handed over as listed; null when nothing. */
function problemOf(d: Decision, id: string): string | null {
  const rule = `material:${id}`;
  const details = [
    ...d.missing.filter((x) => x.id === id).map((x) => `${x.party ? `${x.party}：` : ''}${x.detail}`),
    ...(d.correctable ?? []).filter((x) => x.id === id).map((x) => x.detail),
  ];
  if (details.length > 0) return [...new Set(details)].join('；');
  const reason = d.reasons.find((r) => r.code === rule);
  if (reason) return reason.message;
  const t = d.trace.find((x) => x.rule === rule && x.passed === false);
  return t ? t.message : null;
}

/** Materials the applicant is told to bring at all: not optional, not fetched by the center. */
function demandable(e: NoticeMaterial): boolean {
  return e.necessity !== 'optional' && e.fetchedByCenter !== true;
}

/**
 * What an applicant who read `notice` hands over once the facts are `atFull`: each demandable
 * material listed as needed, and each listed as "may be needed" that is needed on those facts
 * (the applicant reads its condition). Variant k hands over the k-th alternative instead, for the
 * materials in `alternating` that have one.
 */
function submissionFor(notice: Decision, atFull: Decision, k: number, alternating: ReadonlySet<string> = new Set()): Submitted[] {
  const out: Submitted[] = [];
  for (const e of notice.materials) {
    if (!demandable(e)) continue;
    const now = atFull.materials.find((x) => x.id === e.id)?.required ?? 'unknown';
    if (!(e.required === 'yes' || (e.required === 'unknown' && now !== 'no'))) continue;
    const alt = k > 0 && alternating.has(e.id) ? (e.alternatives ?? [])[k - 1] : undefined;
    // An alternative is brought as the notice states it: its own form and copies, else the row's.
    const base = { material: e.id, id: alt?.id ?? e.id, name: alt?.name ?? e.name, form: alt?.form ?? e.form, copies: alt?.copies ?? e.copies };
    if (e.parties && e.parties.length > 0) for (const party of e.parties) out.push({ ...base, party });
    else out.push(base);
  }
  return out;
}

function materialOf(s: Submitted): ScenarioMaterial {
  if (s.form === 'original' && s.copies === 1 && s.party === undefined) return s.id;
  return { id: s.id, ...(s.form !== 'original' ? { form: s.form } : {}), ...(s.copies !== 1 ? { copies: s.copies } : {}), ...(s.party !== undefined ? { party: s.party } : {}) };
}

function bring(s: Submitted): string {
  const what = s.form === 'original' ? `原件${s.copies}份` : s.form === 'copy' ? `复印件${s.copies}份` : `原件1份、复印件${s.copies}份`;
  return s.party ? `${s.party}${what}` : what;
}

function quote(name: string): string {
  return /^[《“]/.test(name) ? name : `“${name}”`;
}

function applicantOf(F: Assignment): Record<string, Value> {
  const out: Record<string, Value> = { type: String(F.get(APPLICANT_TYPE) ?? 'person') };
  for (const [f, v] of [...F].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (f !== APPLICANT_TYPE) out[f] = v;
  return out;
}

function assignmentKey(F: Assignment): string {
  return JSON.stringify([...F].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

const UNKNOWN: unique symbol = Symbol('unknown');
type Choice = Value | typeof UNKNOWN;

function assignmentOf(facts: readonly string[], choice: readonly Choice[]): Map<string, Value> {
  const F = new Map<string, Value>();
  facts.forEach((f, i) => {
    const c = choice[i]!;
    if (c !== UNKNOWN) F.set(f, c);
  });
  return F;
}

/** Every combination, one value from each list, first list slowest. */
function* product<T>(lists: readonly (readonly T[])[]): Generator<T[]> {
  if (lists.some((l) => l.length === 0)) return;
  const idx = lists.map(() => 0);
  for (;;) {
    yield idx.map((j, i) => lists[i]![j]!);
    let i = lists.length - 1;
    while (i >= 0 && ++idx[i]! >= lists[i]!.length) idx[i--] = 0;
    if (i < 0) return;
  }
}

/** What a built-in template's rendering of the materials depends on, besides their texts. */
function shapeOf(notice: Decision): string {
  return JSON.stringify([
    notice.notice.document,
    notice.materials.map((m) => [
      m.required,
      m.fetchedByCenter === true,
      m.necessity,
      m.form,
      !!m.department,
      !!m.condition,
      !!m.due,
      (m.alternatives ?? []).length > 0,
      !!m.notes,
      m.medium ?? null,
      (m.parties ?? []).length,
    ]),
  ]);
}

/**
 * For a notice of a shape whose built-in rendering was already checked: the texts the template
 * prints for it, so the name and condition checks still read this item's own words.
 */
function textsOf(notice: Decision): string {
  return notice.materials.flatMap((m) => [m.name, m.condition ?? '', ...(m.parties ?? []), ...(m.alternatives ?? []).map((a) => a.name)]).join('\n');
}

/** Does the HTML contain `text`, as written or as Handlebars escapes it? */
function mentions(html: string, text: string): boolean {
  if (html.includes(text)) return true;
  const escaped = text.replace(/[&<>"'`=]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c]!);
  return html.includes(escaped);
}

/** Path and column of a compiled material in its item file: the entry (base or change) at its source line. */
function locateMaterial(pack: Pack, v: CompiledVersion, m: CompiledMaterial): { path: string; column: number } {
  const raw = pack.data.items.get(v.code)?.data as unknown as Record<string, unknown> | undefined;
  const candidates: PathSegment[][] = [];
  const lists = (obj: unknown, prefix: PathSegment[]): void => {
    if (obj === null || typeof obj !== 'object') return;
    const list = (obj as { materials?: unknown }).materials;
    if (Array.isArray(list)) list.forEach((_, i) => candidates.push([...prefix, 'materials', i]));
  };
  if (raw) {
    lists(raw, []);
    const changes = raw['changes'];
    if (Array.isArray(changes)) {
      changes.forEach((c: unknown, k) => {
        if (c === null || typeof c !== 'object') return;
        for (const [op, body] of Object.entries(c as Record<string, unknown>)) lists(body, ['changes', k, op]);
      });
    }
  }
  for (const p of candidates) {
    const loc = pack.data.sources.locate(m.source.file, p);
    if (loc.line === m.source.line) return { path: formatPath(p), column: loc.column ?? 1 };
  }
  return { path: '$', column: 1 };
}
