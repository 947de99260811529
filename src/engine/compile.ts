/**
 * Compiles a loaded pack once, at load: per item version one json-rules-engine Engine holding its
 * eligibility conditions and conditional-material conditions (with the pack's shared conditions
 * set as named conditions), the material checklist, fees, documents and every YAML source line a
 * trace will cite. Nothing here runs per request.
 */
import type { TopLevelCondition } from 'json-rules-engine';
import type { PackData } from '../pack/index.ts';
import { deepFreeze, type PathSegment } from '../core/index.ts';
import type {
  Condition,
  DecisionDuration,
  DecisionFee,
  DecisionVersion,
  Documents,
  Duration,
  ItemFile,
  LegalRef,
  MissingMaterial,
  NoticeMaterial,
  SharedCondition,
  SourceRef,
  TraceEntry,
} from '../pack/index.ts';
import { itemVersions, modeBranches, modesOf, originOf, type ItemVersion, type Limits, type Mode } from '../pack/index.ts';
import { buildCalendar, type WorkCalendar } from '../calendar/index.ts';
import { clockOf, type EngineClock } from './clock.ts';
import { factsOf, sharedUsedBy, toEngineCondition, toTopLevel } from './condition.ts';
import { FactDictionary } from './facts.ts';
import { Router, type RouteEntry, type WindowRef } from './route.ts';
import { RuleRunner } from './run.ts';
import { conditionEntry, materialEntry, versionEntry } from './trace.ts';
import { compileSituations, type CompiledSituation } from './situation.ts';
import { Variants } from './shared.ts';

export type Necessity = NoticeMaterial['necessity'];
export type MaterialProblem = MissingMaterial['problem'];
const ALL_PROBLEMS: readonly MaterialProblem[] = ['absent', 'wrong-form', 'too-few-copies'];
export type Form = NoticeMaterial['form'];

/** One eligibility condition (受理条件) of an item version. */
export interface CompiledCondition {
  /** Trace rule id, `condition:<id>`. */
  readonly rule: string;
  readonly id: string;
  readonly text: string;
  readonly reason: string;
  readonly onFail: 'returned' | 'rejected';
  readonly routeTo: string | null;
  /** Index of its result among the engine rule's slots. */
  readonly slot: number;
  /** Facts it reads, through shared conditions too. */
  readonly facts: readonly string[];
  readonly source: SourceRef;
  /** The trace entry for a decided outcome (frozen, shared by decisions). */
  decided(passed: boolean): TraceEntry;
  /** The trace entry when it cannot be decided, `facts` the labels of those missing (frozen, shared). */
  undecided(facts: string): TraceEntry;
  /** The consultation guide's line for it (frozen, shared). */
  guided(met: boolean | null): GuideCondition;
}

/** One condition as the consultation guide lists it. */
export interface GuideCondition {
  readonly id: string;
  readonly text: string;
  readonly met: boolean | null;
}

export interface CompiledAlternative {
  readonly id: string;
  readonly name: string;
  readonly form: Form;
  readonly copies: number;
}

/** One material (申报材料) of an item version, with what its checks need precomputed. */
export interface CompiledMaterial {
  /** Trace rule id, `material:<id>`. */
  readonly rule: string;
  readonly id: string;
  readonly name: string;
  readonly necessity: Necessity;
  readonly form: Form;
  readonly copies: number;
  readonly fetchable: boolean;
  /** requiredWhenText, for conditional materials. */
  readonly condition: string | null;
  /** Engine slot of requiredWhen; -1 when unconditional. */
  readonly slot: number;
  readonly facts: readonly string[];
  /** Any one of these satisfies the material (empty: the material itself). */
  readonly alternatives: readonly CompiledAlternative[];
  readonly due: Duration | null;
  /** Department name (joint items only). */
  readonly department: string | null;
  readonly medium: NonNullable<NoticeMaterial['medium']>;
  readonly notes: string | null;
  /** Parties each needing one (perParty, e.g. 男方、女方); empty: one for the application. */
  readonly parties: readonly string[];
  /** Problems the window lets the applicant correct on the spot (Art. 32(3)); empty: none. */
  readonly correctable: ReadonlySet<MaterialProblem>;
  readonly source: SourceRef;
  /** The one-time notice entry for an answer to "required?" (frozen, shared by decisions). */
  notice(required: NoticeMaterial['required']): NoticeMaterial;
  /** A trace entry whose wording does not depend on the application (frozen, shared). */
  traced(kind: FixedFinding): TraceEntry;
  /** The trace entry when its requiredness cannot be decided, `facts` the labels of those missing (frozen, shared). */
  undecided(facts: string): TraceEntry;
}

export type FixedFinding = 'fetched' | 'not-required' | 'ok' | 'optional-missing' | 'deferred' | 'listed';

/**
 * One branch of an item version's mode (a single mode is one default branch). Conditional
 * branches are run in the version's rule runner like conditions; see mode-branch.ts.
 */
export interface CompiledModeBranch {
  /** Trace rule id and supplement reason code, `mode:<index>`. */
  readonly rule: string;
  readonly index: number;
  readonly mode: Mode;
  readonly text: string | null;
  /**
   * Resolved (modeBranches) under the base policy: what the clock runs on when this branch applies
   * and no dated policy change is in force; a decision reads limitsOn(pack, v, date) instead.
   */
  readonly limits: Limits;
  /** Engine slot of its `when`; -1 for the default branch. */
  readonly slot: number;
  readonly facts: readonly string[];
  readonly source: SourceRef;
  /** Whether the item's mode is a list: only then do decisions name the branch. */
  readonly conditional: boolean;
}

export type DocumentKind = 'consultation' | 'supplement' | 'correctable' | 'returned' | 'rejected' | 'accepted' | 'immediate';

/** An item as in force from `effectiveFrom`, compiled. */
export interface CompiledVersion {
  readonly code: string;
  readonly file: string;
  /** null: the base declaration (in force until the first change). */
  readonly effectiveFrom: string | null;
  readonly version: DecisionVersion;
  readonly data: ItemVersion;
  readonly runner: RuleRunner | null;
  readonly conditions: readonly CompiledCondition[];
  /** The mode's branches in order, the default last (one for a single mode). */
  readonly modes: readonly CompiledModeBranch[];
  readonly materials: readonly CompiledMaterial[];
  /** Material ids, alternative ids included, → material. */
  readonly materialIds: ReadonlyMap<string, CompiledMaterial>;
  readonly fees: readonly DecisionFee[];
  readonly documents: Readonly<Record<DocumentKind, string>>;
  /** Trace entry saying which version applies (frozen, shared). */
  readonly versionEntry: TraceEntry;
  readonly window: WindowRef | null;
  readonly departmentName: string;
  readonly departmentNames: readonly string[];
  /** 情形 of this version, each with its variant (situation.ts); empty for a variant itself. */
  readonly situations: readonly CompiledSituation[];
}

export interface CompiledItem {
  readonly code: string;
  /** Ascending by effectiveFrom; the base first. */
  readonly versions: readonly CompiledVersion[];
}

export interface CompiledReferral {
  readonly rule: string;
  readonly code: string;
  readonly name: string;
  readonly organ: string;
  readonly address: string | null;
  readonly phone: string | null;
  readonly reason: string;
  readonly basis: string | null;
  readonly source: SourceRef;
}

export interface CompiledPack {
  readonly data: PackData;
  readonly items: ReadonlyMap<string, CompiledItem>;
  readonly referrals: ReadonlyMap<string, CompiledReferral>;
  readonly facts: FactDictionary;
  readonly router: Router;
  readonly clock: EngineClock;
}

const DOCUMENT_KINDS: readonly DocumentKind[] = ['consultation', 'supplement', 'correctable', 'returned', 'rejected', 'accepted', 'immediate'];

export function legalRefText(ref: LegalRef): string {
  return `${ref.law}${ref.article ?? ''}`;
}

/** `calendar`: the pack's working-day calendar (Pack builds it once); built here when not given. */
export function compilePack(data: PackData, calendar: WorkCalendar = buildCalendar(data)): CompiledPack {
  const clock = clockOf(calendar);
  const shared = new Map<string, SharedCondition>((data.facts.conditions ?? []).map((c) => [c.id, c]));
  const sharedTop = new Map<string, TopLevelCondition>([...shared].map(([id, c]) => [id, toTopLevel(c.when)]));
  const departments = new Map(data.center.departments.map((d) => [d.id, d.name]));
  const windows = new Map<string, WindowRef>(
    data.center.windows.map((w) => [w.id, { id: w.id, number: w.number, name: w.name, location: w.location ?? null }]),
  );

  const items = new Map<string, CompiledItem>();
  const entries: RouteEntry[] = [];
  for (const { file, data: item } of data.items.values()) {
    const compiled = compileItem(file, item, { data, shared, sharedTop, departments, windows });
    items.set(item.code, compiled);
    entries.push(itemEntry(compiled, departments));
  }

  const referrals = new Map<string, CompiledReferral>();
  for (const { file, index, data: r } of data.referrals.values()) {
    const source = ref(data, file, ['referrals', index]);
    referrals.set(r.code, {
      rule: `referral:${r.code}`,
      code: r.code,
      name: r.name,
      organ: r.organ,
      address: r.address ?? null,
      phone: r.phone ?? null,
      reason: r.reason,
      basis: r.basis ? legalRefText(r.basis) : null,
      source,
    });
    const shown = { window: null, department: null, organ: r.organ, address: r.address ?? null, phone: r.phone ?? null, name: r.name };
    entries.push({ kind: 'referral', code: r.code, names: [r.name], keywords: r.keywords ?? [], related: [r.organ], number: null, show: () => shown });
  }
  for (const w of windows.values()) {
    const dept = departments.get(data.center.windows.find((x) => x.id === w.id)?.department ?? '') ?? null;
    const shown = { window: w, department: dept, organ: null, address: null, phone: null, name: w.name };
    entries.push({ kind: 'window', code: null, names: [w.name], keywords: [], related: dept ? [dept] : [], number: w.number, show: () => shown });
  }

  return { data, items, referrals, facts: new FactDictionary(data.facts), router: new Router(entries), clock };
}

interface Context {
  readonly data: PackData;
  readonly shared: ReadonlyMap<string, SharedCondition>;
  readonly sharedTop: ReadonlyMap<string, TopLevelCondition>;
  readonly departments: ReadonlyMap<string, string>;
  readonly windows: ReadonlyMap<string, WindowRef>;
}

function ref(data: PackData, file: string, path: readonly PathSegment[]): SourceRef {
  const loc = data.sources.locate(file, path);
  return { file: loc.file, line: loc.line };
}

function compileItem(file: string, item: ItemFile, ctx: Context): CompiledItem {
  // itemVersions applies the changes, and says where each field and list element was written.
  return { code: item.code, versions: itemVersions(item).map((data) => compileVersion(file, item, data, ctx)) };
}

function compileVersion(file: string, item: ItemFile, data: ItemVersion, ctx: Context, variant = false): CompiledVersion {
  const change = data.appliedChange;
  const changeIndex = data.changeIndex;
  const at = (field: string, ...rest: PathSegment[]): SourceRef => ref(ctx.data, file, originOf(data, [field, ...rest]));
  const slots: object[] = [];
  const used = new Set<string>();
  const slotOf = (cond: Condition): number => {
    sharedUsedBy(cond, ctx.shared, used);
    slots.push(toEngineCondition(cond));
    return slots.length - 1;
  };

  const conditions: CompiledCondition[] = (data.conditions ?? []).map(
    (c, i) => new Eligibility(c.id, c.text, c.reason, c.onFail ?? 'returned', c.routeTo ?? null, slotOf(c.when), factsOf(c.when, ctx.shared), at('conditions', i)),
  );

  const conditional = typeof data.mode !== 'string';
  // Limits under the base policy (no dated change applied): a decision reads them through
  // limitsOn (mode-branch.ts), which resolves them again, once per version, under the policy in
  // force on the day of receipt when policy.yaml has dated changes.
  const modes: CompiledModeBranch[] = modeBranches(data, ctx.data.policy).map((b) =>
    deepFreeze({
      rule: `mode:${b.index}`,
      index: b.index,
      mode: b.mode,
      text: b.text,
      limits: b.limits,
      slot: b.when ? slotOf(b.when) : -1,
      facts: b.when ? factsOf(b.when, ctx.shared) : [],
      source: ref(ctx.data, file, b.path),
      conditional,
    }),
  );

  const joint = modesOf(data.mode).has('joint');
  const leadName = ctx.departments.get(data.department) ?? data.department;
  const materials: CompiledMaterial[] = data.materials.map((m, i) => {
    const form: Form = m.form ?? 'original';
    const copies = m.copies ?? 1;
    return new Checklisted({
      id: m.id,
      name: m.name,
      necessity: m.necessity,
      form,
      copies,
      fetchable: m.fetchable === true,
      condition: m.requiredWhenText ?? null,
      slot: m.requiredWhen ? slotOf(m.requiredWhen) : -1,
      facts: m.requiredWhen ? factsOf(m.requiredWhen, ctx.shared) : [],
      alternatives: (m.alternatives ?? []).map((a) => ({ id: a.id, name: a.name, form: a.form ?? form, copies: a.copies ?? copies })),
      due: m.necessity === 'deferrable' && m.due ? { amount: m.due.amount, unit: m.due.unit } : null,
      department: joint ? (ctx.departments.get(m.department ?? data.department) ?? m.department ?? leadName) : null,
      medium: m.medium ?? 'paper',
      notes: m.notes ?? null,
      parties: m.perParty ?? [],
      correctable: new Set(m.correctable === true ? ALL_PROBLEMS : m.correctable === false || m.correctable === undefined ? [] : m.correctable),
      source: at('materials', i),
    });
  });
  const materialIds = new Map<string, CompiledMaterial>();
  for (const m of materials) {
    materialIds.set(m.id, m);
    for (const a of m.alternatives) materialIds.set(a.id, m);
  }

  // Before the runner is made: each situation's `when` is a slot of this version's runner.
  const situations = variant ? [] : compileSituations(data, { slotOf, factsOf: (w) => factsOf(w, ctx.shared), source: (p) => ref(ctx.data, file, originOf(data, p)), variant: (d) => compileVersion(file, item, d, ctx, true) });
  const sharedUsed = new Map([...used].flatMap((id) => {
    const top = ctx.sharedTop.get(id);
    return top ? [[id, top] as const] : [];
  }));
  const name = `${item.code}@${change ? change.effectiveFrom : 'base'}`;
  const documents = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, (data.documents as Documents | undefined)?.[k] ?? k])) as Record<DocumentKind, string>;

  const version = change ? deepFreeze({ effectiveFrom: change.effectiveFrom, reference: change.reference }) : null;
  const source = change ? ref(ctx.data, file, ['changes', changeIndex]) : ref(ctx.data, file, ['code']);
  return {
    code: item.code,
    file,
    effectiveFrom: change ? change.effectiveFrom : null,
    version,
    data,
    runner: slots.length > 0 ? new RuleRunner(name, slots, sharedUsed) : null,
    conditions,
    modes,
    materials,
    materialIds,
    fees: deepFreeze((data.fees ?? []).map((f) => ({ name: f.name, amount: f.amount, per: f.per ?? null, basis: legalRefText(f.basis) }))),
    documents,
    versionEntry: deepFreeze(versionEntry({ version, data }, source)),
    window: ctx.windows.get(data.window) ?? null,
    departmentName: leadName,
    departmentNames: (data.departments ?? []).map((d) => ctx.departments.get(d) ?? d),
    situations,
  };
}

function itemEntry(item: CompiledItem, departments: ReadonlyMap<string, string>): RouteEntry {
  const names = new Set<string>();
  const keywords = new Set<string>();
  const related = new Set<string>();
  for (const v of item.versions) {
    names.add(v.data.name);
    for (const k of v.data.keywords ?? []) keywords.add(k);
    if (v.window) related.add(v.window.name);
    related.add(departments.get(v.data.department) ?? v.data.department);
  }
  return {
    kind: 'item',
    code: item.code,
    names: [...names],
    keywords: [...keywords],
    related: [...related],
    number: null,
    show: (date) => {
      const v = versionAt(item, date);
      return { name: v.data.name, window: v.window, department: v.departmentName, organ: null, address: null, phone: null };
    },
  };
}

/**
 * An eligibility condition. Its decided trace entries are made on first use and then shared:
 * most items of a large pack are never asked about, so nothing is spent on them up front.
 */
class Eligibility implements CompiledCondition {
  readonly rule: string;
  private entries: [TraceEntry | null, TraceEntry | null] = [null, null];
  private undecidedEntries: Variants<TraceEntry> | null = null;
  private lines: [GuideCondition | null, GuideCondition | null, GuideCondition | null] = [null, null, null];

  constructor(
    readonly id: string,
    readonly text: string,
    readonly reason: string,
    readonly onFail: 'returned' | 'rejected',
    readonly routeTo: string | null,
    readonly slot: number,
    readonly facts: readonly string[],
    readonly source: SourceRef,
  ) {
    this.rule = `condition:${id}`;
  }

  decided(passed: boolean): TraceEntry {
    const i = passed ? 0 : 1;
    return (this.entries[i] ??= deepFreeze(conditionEntry(this, passed, '')));
  }

  undecided(facts: string): TraceEntry {
    return (this.undecidedEntries ??= new Variants()).get(facts, () => conditionEntry(this, null, facts));
  }

  guided(met: boolean | null): GuideCondition {
    const i = met === null ? 2 : met ? 0 : 1;
    return (this.lines[i] ??= Object.freeze({ id: this.id, text: this.text, met }));
  }
}

type MaterialFields = Omit<CompiledMaterial, 'rule' | 'notice' | 'traced' | 'undecided'>;

/** A material of the checklist; notice and trace entries are made on first use, then shared. */
class Checklisted implements CompiledMaterial {
  readonly rule: string;
  readonly id: string;
  readonly name: string;
  readonly necessity: Necessity;
  readonly form: Form;
  readonly copies: number;
  readonly fetchable: boolean;
  readonly condition: string | null;
  readonly slot: number;
  readonly facts: readonly string[];
  readonly alternatives: readonly CompiledAlternative[];
  readonly due: DecisionDuration | null;
  readonly department: string | null;
  readonly medium: NonNullable<NoticeMaterial['medium']>;
  readonly notes: string | null;
  readonly parties: readonly string[];
  readonly correctable: ReadonlySet<MaterialProblem>;
  readonly source: SourceRef;
  private notices: Partial<Record<NoticeMaterial['required'], NoticeMaterial>> | null = null;
  private entries: Partial<Record<FixedFinding, TraceEntry>> | null = null;
  private undecidedEntries: Variants<TraceEntry> | null = null;

  constructor(f: MaterialFields) {
    this.rule = `material:${f.id}`;
    this.id = f.id;
    this.name = f.name;
    this.necessity = f.necessity;
    this.form = f.form;
    this.copies = f.copies;
    this.fetchable = f.fetchable;
    this.condition = f.condition;
    this.slot = f.slot;
    this.facts = f.facts;
    this.alternatives = f.alternatives;
    this.due = f.due;
    this.department = f.department;
    this.medium = f.medium;
    this.notes = f.notes;
    this.parties = f.parties;
    this.correctable = f.correctable;
    this.source = f.source;
  }

  notice(required: NoticeMaterial['required']): NoticeMaterial {
    const cache = (this.notices ??= {});
    return (cache[required] ??= deepFreeze({
      id: this.id,
      name: this.name,
      necessity: this.necessity,
      form: this.form,
      copies: this.copies,
      medium: this.medium,
      required,
      condition: this.condition,
      // An alternative wanted in another form or number of copies says so, or the notice would not tell it.
      alternatives: this.alternatives.map((a) => (a.form === this.form && a.copies === this.copies ? { id: a.id, name: a.name } : { id: a.id, name: a.name, form: a.form, copies: a.copies })),
      department: this.department,
      fetchedByCenter: this.fetchable,
      notes: this.notes,
      due: this.due,
      ...(this.parties.length > 0 ? { parties: [...this.parties] } : {}),
    }));
  }

  traced(kind: FixedFinding): TraceEntry {
    const cache = (this.entries ??= {});
    return (cache[kind] ??= deepFreeze(materialEntry(this, { kind })));
  }

  undecided(facts: string): TraceEntry {
    return (this.undecidedEntries ??= new Variants()).get(facts, () => materialEntry(this, { kind: 'undecided', facts }));
  }
}

/** The version of `item` in force on `date` (YYYY-MM-DD). */
export function versionAt(item: CompiledItem, date: string): CompiledVersion {
  const list = item.versions;
  for (let i = list.length - 1; i > 0; i--) {
    const v = list[i]!;
    if (v.effectiveFrom !== null && v.effectiveFrom <= date) return v;
  }
  return list[0]!;
}
