import { renderMessage, tryParseDate, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { LoadedBundle, LoadedItem, LoadedReferral, SourceMap } from './model.ts';
import type { CalendarFile, CenterFile, Condition, Duration, FactDefinition, FactsFile, ItemFile, MaterialsFile, PolicyFile } from './schema-types.ts';
import type { SourceFile } from './source.ts';
import { checkBundles } from './bundle-checks.ts';
import { checkCalendars } from './calendar-checks.ts';
import { catalogueUses } from './catalogue.ts';
import { checkChanges } from './change-checks.ts';
import { checkSituations } from './situation-checks.ts';
import { checkModes } from './mode-checks.ts';
import { describeDuration, durationSpan } from './duration.ts';
import { suggest } from './suggest.ts';
import { checkFactUsage } from './fact-usage.ts';
import { checkMaterialRules } from './material-checks.ts';
import { checkNationalConformance } from './national-lint.ts';
import { checkStepRules } from './step-checks.ts';
import { checkCommitments } from './commitment-checks.ts';
import { changeDateProblems, policyVersionChecks, type PolicyField } from './policy-versions.ts';
import { changedFields, itemVersions, originOf, type ItemVersion, type PatchField } from './versions.ts';

export interface CrossCheckInput {
  readonly center: CenterFile;
  readonly facts: FactsFile;
  readonly policy: PolicyFile;
  /** Items with catalogue materials already resolved (see catalogue.ts). */
  readonly items: readonly LoadedItem[];
  readonly referrals: readonly LoadedReferral[];
  /** “一件事” bundles (bundles/*.yaml) that passed their schema; none when the pack has no bundles/. */
  readonly bundles?: readonly LoadedBundle[];
  readonly calendars: ReadonlyArray<{ file: string; data: CalendarFile }>;
  /** The shared material catalogue: null when the pack has none, 'broken' when its file has errors. */
  readonly materials: { file: string; data: MaterialsFile } | 'broken' | null;
  /** Whether every item file passed its schema (else a catalogue material may be used by a broken one). */
  readonly itemsComplete: boolean;
  /** Names of the pack's own templates. */
  readonly templates: ReadonlyMap<string, string>;
  readonly sources: SourceMap;
  readonly now: Date;
  /** Per-item findings kept from earlier cross-checks of the same pack (a draft being edited); see CrossCheckMemo. */
  readonly memo?: CrossCheckMemo;
}

type Findings = { readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/**
 * What the item checks found, kept between cross-checks so that after a one-file edit only the
 * items whose inputs changed are checked again. Everything else of the cross-check (center,
 * calendars, facts, catalogue, policy, duplicate codes across items) is cheap and always runs.
 *
 * The findings of one item depend on exactly two things, and are kept under both:
 * - the item's parsed file, by identity: the ParseCache hands out the same frozen SourceFile for
 *   the same path and bytes (and a new one when either changes), and that SourceFile is both the
 *   item's data before catalogue materials are merged in and what locates its diagnostics;
 * - the context, a string of everything an item check reads from the rest of the pack, in the
 *   order it reads it (the order shows in "已声明的有：…" hints): the departments and windows of
 *   center.yaml, the facts (their whole declarations) and shared conditions of facts.yaml, the
 *   template names, and the material catalogue (whole, since its entries are merged into items;
 *   or whether it is absent or broken). When the context changes every item is checked again.
 * A few contexts are kept (drafts with different center.yaml share one cache), the oldest dropped.
 */
export class CrossCheckMemo {
  private readonly contexts = new Map<string, WeakMap<SourceFile, Findings>>();
  /** Items checked again, and items whose findings were reused, since this memo was made. */
  misses = 0;
  hits = 0;

  constructor(private readonly maxContexts = 4) {}

  /** The findings kept for this context (most recently used last). */
  forContext(context: string): WeakMap<SourceFile, Findings> {
    let found = this.contexts.get(context);
    if (found) this.contexts.delete(context);
    else found = new WeakMap();
    this.contexts.set(context, found);
    if (this.contexts.size > this.maxContexts) this.contexts.delete(this.contexts.keys().next().value!);
    return found;
  }
}

/** Built-in facts every application provides; pack facts are declared in facts.yaml. */
export const BUILTIN_FACTS = ['applicantType'] as const;

/** Facts the records module computes per staff member for discipline rules. */
export const DISCIPLINE_FACTS = [
  'verifiedComplaints',
  'overdueWithoutReason',
  'forbiddenPhraseIncidents',
  'postLeftEmpty',
  'undeclaredFees',
  'badReviews',
] as const;

/** The discipline facts in words, for reports. */
export const DISCIPLINE_FACT_LABELS: Readonly<Record<(typeof DISCIPLINE_FACTS)[number], string>> = {
  verifiedComplaints: '查实投诉',
  overdueWithoutReason: '无故超时',
  forbiddenPhraseIncidents: '使用服务忌语',
  postLeftEmpty: '空岗',
  undeclaredFees: '收取未公示费用',
  badReviews: '差评',
};

/** Facts available to assessment grade rules. */
export const ASSESSMENT_FACTS = [
  'firstInquiryAcceptanceRate',
  'firstInquiryCompletionRate',
  'timelyCompletionRate',
  'verifiedComplaints',
  'meetsStandards',
] as const;

/** Document templates shipped with bianmin (templates/NAME.hbs). */
export const BUILTIN_DOCUMENTS = ['consultation', 'supplement', 'correctable', 'accepted', 'immediate', 'returned', 'rejected', 'guide', 'announcement'] as const;

type FactType = Pick<FactDefinition, 'type' | 'values'>;

class Collector {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  constructor(private readonly sources: SourceMap) {}

  error(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void {
    this.errors.push(this.make(file, path, code, message));
  }

  warn(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void {
    this.warnings.push(this.make(file, path, code, message));
  }

  private make(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): Diagnostic {
    const src = this.sources.get(file);
    if (src) return src.diagnostic(path, code, message);
    return { file, line: 0, column: 0, path: '$', code, message };
  }
}

/** Checks what a schema cannot: references between files, uniqueness, and limits that must agree. */
export function crossCheck(input: CrossCheckInput): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const c = new Collector(input.sources);
  checkCenter(input, c);
  checkCalendars(input, c);
  const sharedConditions = checkFacts(input, c);
  const catalogue = checkCatalogue(input, c);
  checkItems(input, c, sharedConditions, catalogue);
  checkModes(input, { error: (f, p, code, m) => c.error(f, p, code, m), condition: (w, f, p) => checkCondition(w, f, p, applicantFacts(input.facts), sharedConditions, c) });
  checkLifeEvents(input, c);
  checkBundles(input, (f, p, code, m) => c.error(f, p, code, m));
  checkFactUsage(input, (f, p, code, m) => c.warn(f, p, code, m));
  checkPolicy(input, c);
  return { errors: c.errors, warnings: c.warnings };
}

function unique<T>(list: readonly T[], key: (t: T) => string, onDuplicate: (t: T, index: number, first: number) => void): Map<string, number> {
  const seen = new Map<string, number>();
  list.forEach((t, i) => {
    const k = key(t);
    const first = seen.get(k);
    if (first !== undefined) onDuplicate(t, i, first);
    else seen.set(k, i);
  });
  return seen;
}

function refHint(value: string, known: Iterable<string>): string {
  const list = [...known];
  const guess = suggest(value, list);
  return guess ? `，是否应为 \`${guess}\`？` : list.length > 0 && list.length <= 12 ? `；已声明的有：${list.join('、')}` : '';
}

function checkCenter({ center }: CrossCheckInput, c: Collector): void {
  const f = 'center.yaml';
  for (const list of ['departments', 'windows', 'staff', 'posts'] as const) {
    unique(center[list], (x) => x.id, (x, i, first) =>
      c.error(f, [list, i, 'id'], 'E-REF-DUPLICATE-ID', `标识 \`${x.id}\` 重复（第 ${first + 1} 项已使用）`),
    );
  }
  unique(center.windows, (w) => String(w.number), (w, i, first) =>
    c.error(f, ['windows', i, 'number'], 'E-REF-DUPLICATE-ID', `窗口号 ${w.number} 重复（第 ${first + 1} 项已使用）`),
  );
  checkOfficeHours(center, c);
  const departments = new Set(center.departments.map((d) => d.id));
  const windows = new Set(center.windows.map((w) => w.id));
  const staff = new Set(center.staff.map((s) => s.id));
  center.windows.forEach((w, i) => {
    if (!departments.has(w.department)) c.error(f, ['windows', i, 'department'], 'E-REF-UNKNOWN', `部门 \`${w.department}\` 未在 departments 中声明${refHint(w.department, departments)}`);
  });
  center.staff.forEach((s, i) => {
    if (s.department && !departments.has(s.department)) c.error(f, ['staff', i, 'department'], 'E-REF-UNKNOWN', `部门 \`${s.department}\` 未在 departments 中声明${refHint(s.department, departments)}`);
  });
  center.posts.forEach((p, i) => {
    if (!windows.has(p.window)) c.error(f, ['posts', i, 'window'], 'E-REF-UNKNOWN', `窗口 \`${p.window}\` 未在 windows 中声明${refHint(p.window, windows)}`);
    for (const role of ['a', 'b'] as const) {
      if (!staff.has(p[role])) c.error(f, ['posts', i, role], 'E-REF-UNKNOWN', `工作人员 \`${p[role]}\` 未在 staff 中声明${refHint(p[role], staff)}`);
    }
    if (p.a === p.b) c.error(f, ['posts', i, 'b'], 'E-POST-SAME-HOLDER', renderMessage('E-POST-SAME-HOLDER', { post: p.name, staff: p.a }));
  });
  const posted = new Set(center.posts.map((p) => p.window));
  // A post whose window is misspelt already explains why that window seems to have no post.
  for (const p of center.posts) if (!windows.has(p.window)) posted.add(suggest(p.window, [...windows]) ?? p.window);
  center.windows.forEach((w, i) => {
    if (!posted.has(w.id)) c.error(f, ['windows', i], 'E-WINDOW-NO-POST', renderMessage('E-WINDOW-NO-POST', { window: w.name, id: w.id }));
  });
  (center.leaders ?? []).forEach((l, i) => {
    if (!staff.has(l.staff)) c.error(f, ['leaders', i, 'staff'], 'E-REF-UNKNOWN', `工作人员 \`${l.staff}\` 未在 staff 中声明${refHint(l.staff, staff)}`);
  });
  (center.dutyRoster ?? []).forEach((m, i) => {
    m.days.forEach((d, j) => {
      if (!d.date.startsWith(m.month)) c.error(f, ['dutyRoster', i, 'days', j, 'date'], 'E-ROSTER-DATE', renderMessage('E-ROSTER-DATE', { date: d.date, month: m.month }));
      for (const role of ['leader', 'onDuty'] as const) {
        const who = d[role];
        if (who && !staff.has(who)) c.error(f, ['dutyRoster', i, 'days', j, role], 'E-REF-UNKNOWN', `工作人员 \`${who}\` 未在 staff 中声明${refHint(who, staff)}`);
      }
    });
  });
}

/** Office hours the clocks can use: each period ends after it starts, in order, without overlap. */
function checkOfficeHours(center: CenterFile, c: Collector): void {
  const hours = center.center.officeHours;
  for (const day of ['default', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const) {
    let prevEnd = -1;
    (hours[day] ?? []).forEach((text, i) => {
      const [from, to] = text.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))) as [number, number];
      const at = ['center', 'officeHours', day, i];
      if (to <= from) c.error('center.yaml', at, 'E-CENTER-OFFICE-HOURS', renderMessage('E-CENTER-OFFICE-HOURS', { text, problem: '的结束时刻不晚于开始时刻' }));
      else if (from < prevEnd) c.error('center.yaml', at, 'E-CENTER-OFFICE-HOURS', renderMessage('E-CENTER-OFFICE-HOURS', { text, problem: '与前一段重叠或顺序颠倒；请按先后顺序写，例如 ["08:30-12:00", "13:00-17:30"]' }));
      prevEnd = Math.max(prevEnd, to);
    });
  }
}

function checkFacts({ facts }: CrossCheckInput, c: Collector): Set<string> {
  const f = 'facts.yaml';
  unique(facts.facts, (x) => x.id, (x, i) => c.error(f, ['facts', i, 'id'], 'E-REF-DUPLICATE-ID', `事实 \`${x.id}\` 重复声明`));
  facts.facts.forEach((x, i) => {
    if (x.type === 'enum' && !x.values) c.error(f, ['facts', i], 'E-SCHEMA-REQUIRED', `类型为 enum 的事实必须写 values（可选值）`);
    if (x.type !== 'enum' && x.values) c.error(f, ['facts', i, 'values'], 'E-SCHEMA-UNKNOWN-KEY', `只有类型为 enum 的事实才写 values`);
    if ((BUILTIN_FACTS as readonly string[]).includes(x.id)) c.error(f, ['facts', i, 'id'], 'E-REF-DUPLICATE-ID', `\`${x.id}\` 是内置事实，无需声明`);
  });
  const shared = new Set((facts.conditions ?? []).map((x) => x.id));
  unique(facts.conditions ?? [], (x) => x.id, (x, i) => c.error(f, ['conditions', i, 'id'], 'E-REF-DUPLICATE-ID', `共享条件 \`${x.id}\` 重复声明`));
  const known = applicantFacts(facts);
  (facts.conditions ?? []).forEach((x, i) => checkCondition(x.when, f, ['conditions', i, 'when'], known, null, c));
  return shared;
}

/** The facts an item condition may use: the built-in ones and those declared in facts.yaml. */
function applicantFacts(facts: FactsFile): Map<string, FactType> {
  const known = new Map<string, FactType>([['applicantType', { type: 'enum', values: ['person', 'organization'] }]]);
  for (const x of facts.facts) if (!known.has(x.id)) known.set(x.id, x);
  return known;
}

const COMPARISONS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * Walks a condition: every fact declared, every shared condition resolved (`shared` null: none may
 * be used here), and each compared value of the fact's type, so a misspelt option (已婚 vs 己婚)
 * cannot silently never match.
 */
function checkCondition(cond: Condition, file: string, path: PathSegment[], facts: ReadonlyMap<string, FactType>, shared: ReadonlySet<string> | null, c: Collector): void {
  const stack: Array<[Condition, PathSegment[]]> = [[cond, path]];
  while (stack.length > 0) {
    const [node, p] = stack.pop()!;
    if ('all' in node) node.all.forEach((n, i) => stack.push([n, [...p, 'all', i]]));
    else if ('any' in node) node.any.forEach((n, i) => stack.push([n, [...p, 'any', i]]));
    else if ('not' in node) stack.push([node.not, [...p, 'not']]);
    else if ('condition' in node) {
      if (shared === null) c.error(file, [...p, 'condition'], 'E-REF-UNKNOWN', file === 'facts.yaml' ? '共享条件中不能再引用共享条件；请直接写出条件' : '此处不能引用共享条件');
      else if (!shared.has(node.condition)) c.error(file, [...p, 'condition'], 'E-REF-UNKNOWN', `共享条件 \`${node.condition}\` 未在 facts.yaml 的 conditions 中声明${refHint(node.condition, shared)}`);
    } else {
      const fact = facts.get(node.fact);
      if (!fact) c.error(file, [...p, 'fact'], 'E-REF-UNKNOWN', `事实 \`${node.fact}\` 未声明${refHint(node.fact, facts.keys())}`);
      else if (node.path === undefined) {
        const problem = valueProblem(fact, node.operator, node.value);
        if (problem) c.error(file, [...p, 'value'], 'E-CONDITION-VALUE', renderMessage('E-CONDITION-VALUE', { fact: node.fact, problem }));
      }
    }
  }
}

function valueProblem(fact: FactType, operator: string, value: unknown): string | null {
  const one = (v: unknown): string | null => {
    switch (fact.type) {
      case 'number':
        return typeof v === 'number' ? null : `是数字，比较的值应为数字，实际是 ${JSON.stringify(v)}`;
      case 'boolean':
        return typeof v === 'boolean' ? null : `是“是/否”，比较的值应为 true 或 false，实际是 ${JSON.stringify(v)}`;
      case 'enum': {
        if (typeof v === 'string' && fact.values?.includes(v)) return null;
        const guess = typeof v === 'string' ? suggest(v, fact.values ?? []) : null;
        return `的可选值是 ${(fact.values ?? []).join('、')}，没有 ${JSON.stringify(v)}${guess ? `，是否应为“${guess}”？` : ''}`;
      }
      case 'date':
        return tryParseDate(v) !== null ? null : `是日期，比较的值应写成 "YYYY-MM-DD"，实际是 ${JSON.stringify(v)}`;
      default:
        return typeof v === 'string' ? null : `是文字，比较的值应为文字，实际是 ${JSON.stringify(v)}`;
    }
  };
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) return `用 ${operator} 比较时，值应为列表，例如 [一级, 二级]`;
    for (const v of value) {
      const p = one(v);
      if (p) return p;
    }
    return null;
  }
  if (operator === 'contains' || operator === 'doesNotContain') return null;
  if (COMPARISONS.has(operator) && fact.type !== 'number' && fact.type !== 'date') return `不是数字或日期，不能用 ${operator} 比较大小`;
  return one(value);
}

function checkCatalogue({ materials, items, itemsComplete }: CrossCheckInput, c: Collector): ReadonlySet<string> | 'broken' | null {
  if (materials === null || materials === 'broken') return materials;
  const { file, data } = materials;
  unique(data.materials, (m) => m.id, (m, i, first) => c.error(file, ['materials', i, 'id'], 'E-REF-DUPLICATE-ID', `材料标识 \`${m.id}\` 重复（第 ${first + 1} 项已使用）`));
  const used = new Set(items.flatMap((it) => catalogueUses(it.data)));
  data.materials.forEach((m, i) => {
    checkMaterialRules(m, ['materials', i], { error: (p, code, msg) => c.error(file, p, code, msg), warn: (p, code, msg) => c.warn(file, p, code, msg) });
    if (itemsComplete && !used.has(m.id)) c.warn(file, ['materials', i, 'id'], 'W-MATERIAL-UNUSED', renderMessage('W-MATERIAL-UNUSED', { name: m.name, id: m.id }));
  });
  return new Set(data.materials.map((m) => m.id));
}

function longer(a: Duration, b: Duration): boolean {
  return durationSpan(a) > durationSpan(b);
}

interface ItemRefs {
  departments: ReadonlySet<string>;
  windows: ReadonlySet<string>;
  facts: ReadonlyMap<string, FactType>;
  shared: ReadonlySet<string>;
  docs: ReadonlySet<string>;
  /** Catalogue ids; null when the pack has no materials.yaml, 'broken' when it has errors. */
  catalogue: ReadonlySet<string> | 'broken' | null;
}

function checkItems(input: CrossCheckInput, c: Collector, shared: ReadonlySet<string>, catalogue: ReadonlySet<string> | 'broken' | null): void {
  const { center, facts, items, referrals, templates } = input;
  const refs: ItemRefs = {
    departments: new Set(center.departments.map((d) => d.id)),
    windows: new Set(center.windows.map((w) => w.id)),
    facts: applicantFacts(facts),
    shared,
    docs: new Set<string>([...BUILTIN_DOCUMENTS, ...templates.keys()]),
    catalogue,
  };

  const codes = new Map<string, string>();
  for (const { file, data } of items) {
    const prior = codes.get(data.code);
    if (prior) c.error(file, ['code'], 'E-REF-DUPLICATE-CODE', `事项编码 ${data.code} 已在 ${prior} 中使用；编码必须唯一`);
    else codes.set(data.code, file);
  }
  for (const r of referrals) {
    const prior = codes.get(r.data.code);
    if (prior) c.error(r.file, ['referrals', r.index, 'code'], 'E-REF-DUPLICATE-CODE', renderMessage('E-REF-DUPLICATE-CODE', { code: r.data.code, file: prior }));
    else codes.set(r.data.code, r.file);
  }

  const memo = input.memo;
  const kept = memo ? memo.forContext(itemContext(refs, input.materials)) : null;
  for (const item of items) {
    const source = kept ? input.sources.get(item.file) : undefined;
    const known = source ? kept!.get(source) : undefined;
    if (known) memo!.hits++;
    const found = known ?? checkItem(item, refs, new Collector(input.sources));
    if (source && !known) {
      memo!.misses++;
      kept!.set(source, found);
    }
    c.errors.push(...found.errors);
    c.warnings.push(...found.warnings);
  }
}

/** Everything of the rest of the pack an item check reads (see CrossCheckMemo). */
function itemContext(refs: ItemRefs, materials: CrossCheckInput['materials']): string {
  const catalogue = refs.catalogue === null || refs.catalogue === 'broken' ? refs.catalogue : [...refs.catalogue];
  const merged = materials === null || materials === 'broken' ? materials : materials.data;
  return JSON.stringify([[...refs.departments], [...refs.windows], [...refs.facts], [...refs.shared], [...refs.docs], catalogue, merged]);
}

/** The checks of one item on its own: its dated changes, each version as it will be in force, its basis. */
function checkItem({ file, data }: LoadedItem, refs: ItemRefs, c: Collector): Findings {
  for (const p of changeDateProblems(data.changes ?? [])) c.error(file, ['changes', p.index, 'effectiveFrom'], 'E-CHANGE-DATE', p.message);
  // Every version as it will be in force, built as itemVersionAt builds it (each change patching the
  // version before); each is checked for what its change writes, located where that is written.
  for (const version of itemVersions(data)) checkItemVersion(file, version.appliedChange ? changedFields(version.appliedChange) : Object.keys(data), version, refs, c);
  checkChanges(file, data, c);
  checkSituations(file, data, {
    error: (f, p, code, m) => c.error(f, p, code, m),
    warn: (f, p, code, m) => c.warn(f, p, code, m),
    condition: (when, p) => checkCondition(when, file, p, refs.facts, refs.shared, c),
    use: (use, p) => {
      if (refs.catalogue === 'broken') return;
      if (!refs.catalogue) c.error(file, p, 'E-REF-UNKNOWN', `共享材料 \`${use}\` 不存在：本规则包没有共享材料目录 materials.yaml`);
      else if (!refs.catalogue.has(use)) c.error(file, p, 'E-REF-UNKNOWN', `共享材料 \`${use}\` 未在 materials.yaml 中声明${refHint(use, refs.catalogue)}`);
    },
  });
  if (!data.basis || data.basis.length === 0) c.warn(file, ['code'], 'W-ITEM-NO-BASIS', renderMessage('W-ITEM-NO-BASIS', { name: data.name }));
  checkNationalConformance(data, { warn: (p, code, msg) => c.warn(file, p, code, msg) });
  return c;
}

/**
 * Checks one version of an item. `fields` are those this version sets (all of them for the base
 * declaration); problems in fields it inherits were already reported where they are written, so
 * only what this version writes, or what its new fields make wrong, is reported here.
 */
function checkItemVersion(file: string, fields: readonly string[], v: ItemVersion, refs: ItemRefs, c: Collector): void {
  const at = (...p: PathSegment[]): PathSegment[] => originOf(v, p);
  const sets = (...names: string[]): boolean => names.some((n) => fields.includes(n));
  // Entries a version inherits unchanged were checked in the version that wrote them.
  const fresh = (field: PatchField, i: number): boolean => v.changeIndex < 0 || originOf(v, [field, i])[1] === v.changeIndex;
  // An added entry whose id is taken is reported by the change checks, with what to write instead.
  const added = (field: PatchField, i: number): boolean => originOf(v, [field, i])[2] === 'add';
  if (sets('department') && !refs.departments.has(v.department)) c.error(file, at('department'), 'E-REF-UNKNOWN', `部门 \`${v.department}\` 未在 center.yaml 中声明${refHint(v.department, refs.departments)}`);
  if (sets('window') && !refs.windows.has(v.window)) c.error(file, at('window'), 'E-REF-UNKNOWN', `窗口 \`${v.window}\` 未在 center.yaml 中声明${refHint(v.window, refs.windows)}`);
  if (sets('departments')) {
    (v.departments ?? []).forEach((d, i) => {
      if (!refs.departments.has(d)) c.error(file, at('departments', i), 'E-REF-UNKNOWN', `部门 \`${d}\` 未在 center.yaml 中声明${refHint(d, refs.departments)}`);
    });
  }
  if (sets('mode', 'departments') && v.mode === 'joint' && !(v.departments && v.departments.length > 0)) {
    c.error(file, at(sets('mode') ? 'mode' : 'departments'), 'E-ITEM-JOINT', renderMessage('E-ITEM-JOINT'));
  }
  if (sets('mode', 'reportTo') && v.mode === 'reported' && !v.reportTo) c.error(file, at('mode'), 'E-ITEM-REPORTED', renderMessage('E-ITEM-REPORTED'));
  if (sets('limits') && v.limits && longer(v.limits.promised, v.limits.statutory)) {
    c.error(file, at('limits', 'promised'), 'E-LIMIT-PROMISED-EXCEEDS', renderMessage('E-LIMIT-PROMISED-EXCEEDS', { promised: fmt(v.limits.promised), statutory: fmt(v.limits.statutory) }));
  }
  if (sets('limits') && v.limits?.extension && v.limits.extension.max.amount === 0) {
    c.error(file, at('limits', 'extension', 'max'), 'E-SCHEMA-RANGE', '可延长期限为 0；不能延长请删除 extension');
  }
  if (sets('conditions')) {
    const ids = new Set<string>();
    (v.conditions ?? []).forEach((rule, i) => {
      if (ids.has(rule.id) && fresh('conditions', i) && !added('conditions', i)) c.error(file, at('conditions', i, 'id'), 'E-REF-DUPLICATE-ID', `受理条件标识 \`${rule.id}\` 重复`);
      ids.add(rule.id);
      if (!fresh('conditions', i)) return;
      if (rule.onFail === 'rejected' && !rule.routeTo) c.error(file, at('conditions', i), 'E-ITEM-ROUTE', renderMessage('E-ITEM-ROUTE'));
      checkCondition(rule.when, file, at('conditions', i, 'when'), refs.facts, refs.shared, c);
    });
  }
  // Fee and step ids exist so a dated change can target them: two of one id would make it ambiguous.
  for (const [field, what] of [['fees', '收费项目'], ['procedure', '办事步骤']] as const) {
    if (!sets(field)) continue;
    const ids = new Set<string>();
    (v[field] ?? []).forEach((x: { readonly id?: string }, i: number) => {
      if (x.id === undefined) return;
      if (ids.has(x.id) && fresh(field, i) && !added(field, i)) c.error(file, at(field, i, 'id'), 'E-REF-DUPLICATE-ID', `${what}标识 \`${x.id}\` 在本事项中重复`);
      ids.add(x.id);
    });
  }
  if (sets('procedure')) {
    (v.procedure ?? []).forEach((s, i) => {
      if (fresh('procedure', i)) checkStepRules(s, at('procedure', i), { warn: (p, code, msg) => c.warn(file, p, code, msg) });
    });
  }
  const involved = new Set([v.department, ...(v.departments ?? [])]);
  const forms = new Set((v.forms ?? []).map((f) => f.name));
  if (sets('materials')) {
    const ids = new Map<string, PathSegment[]>();
    const claim = (id: string, p: PathSegment[], report = true): void => {
      if (ids.has(id)) {
        if (report) c.error(file, p, 'E-REF-DUPLICATE-ID', `材料标识 \`${id}\` 在本事项中重复（材料和可选其一的材料共用一套标识）`);
      } else ids.set(id, p);
    };
    const checkUse = (use: string | undefined, p: PathSegment[]): void => {
      if (use === undefined || refs.catalogue === 'broken') return;
      if (!refs.catalogue) c.error(file, p, 'E-REF-UNKNOWN', `共享材料 \`${use}\` 不存在：本规则包没有共享材料目录 materials.yaml`);
      else if (!refs.catalogue.has(use)) c.error(file, p, 'E-REF-UNKNOWN', `共享材料 \`${use}\` 未在 materials.yaml 中声明${refHint(use, refs.catalogue)}`);
    };
    v.materials.forEach((m, i) => {
      const own = fresh('materials', i);
      if (own) checkUse(m.use, at('materials', i, 'use'));
      // An id taken from `use` is reported where `use` is written.
      claim(m.id, at('materials', i, m.use !== undefined && m.id === m.use ? 'use' : 'id'), own && !added('materials', i));
      (m.alternatives ?? []).forEach((alt, j) => {
        if (own) checkUse(alt.use, at('materials', i, 'alternatives', j, 'use'));
        claim(alt.id, at('materials', i, 'alternatives', j, alt.use !== undefined && alt.id === alt.use ? 'use' : 'id'), own);
      });
      if (!own) return;
      checkMaterialRules(m, at('materials', i), { error: (p, code, msg) => c.error(file, p, code, msg), warn: (p, code, msg) => c.warn(file, p, code, msg) });
      if (m.necessity === 'deferrable' && !m.due) c.error(file, at('materials', i), 'E-MATERIAL-DUE', `容缺材料“${m.name}”须用 due 写明补交期限，例如 due: { amount: 5, unit: workingDays }`);
      if (m.due && m.necessity !== 'deferrable') c.error(file, at('materials', i, 'due'), 'E-MATERIAL-DUE', `只有容缺材料（necessity: deferrable）才有补交期限 due`);
      // 当场更正 only changes what a 补正 would demand: on these materials it is never applied.
      const idle = m.fetchable ? '由中心调取，不要求申请人提交' : m.necessity === 'optional' ? '是可选材料，缺少不影响受理' : m.necessity === 'deferrable' ? '是容缺材料，缺少时照常受理、限期补交' : null;
      if (m.correctable !== undefined && m.correctable !== false && idle) c.warn(file, at('materials', i, 'correctable'), 'W-MATERIAL-CORRECTABLE', renderMessage('W-MATERIAL-CORRECTABLE', { name: m.name, why: idle }));
      if (m.requiredWhen) checkCondition(m.requiredWhen, file, at('materials', i, 'requiredWhen'), refs.facts, refs.shared, c);
    });
  }
  // Relations between materials and fields a change may replace on their own.
  v.materials.forEach((m, i) => {
    const own = sets('materials') && fresh('materials', i);
    if (m.department && (own || sets('department', 'departments'))) {
      const p = own ? at('materials', i, 'department') : at(sets('departments') ? 'departments' : 'department');
      if (!refs.departments.has(m.department)) {
        if (own) c.error(file, p, 'E-REF-UNKNOWN', `部门 \`${m.department}\` 未在 center.yaml 中声明${refHint(m.department, refs.departments)}`);
      } else if (!involved.has(m.department)) {
        c.error(file, p, 'E-REF-UNKNOWN', `材料“${m.name}”所属部门 \`${m.department}\` 不是本事项的主办或协办部门`);
      }
    }
    if (m.sample && (own || sets('forms')) && !forms.has(m.sample)) {
      c.error(file, own ? at('materials', i, 'sample') : at('forms'), 'E-REF-UNKNOWN', `材料“${m.name}”的样表“${m.sample}”未在 forms 中列出`);
    }
  });
  if (sets('materials', 'commitment')) checkCommitments(v, at, (i) => sets('materials') && fresh('materials', i), sets('commitment'), { error: (p, code, msg) => c.error(file, p, code, msg), warn: (p, code, msg) => c.warn(file, p, code, msg) });
  if (sets('documents') && v.documents) {
    for (const [kind, name] of Object.entries(v.documents)) {
      if (typeof name === 'string' && !refs.docs.has(name)) c.error(file, at('documents', kind), 'E-REF-UNKNOWN', `模板 \`${name}\` 不存在（templates/${name}.hbs）${refHint(name, refs.docs)}`);
    }
  }
}

/** A limit in running message text: `20个工作日`, `当日`. */
function fmt(d: Duration): string {
  return describeDuration(d, { tight: true });
}

/** The kiosk's life events: unique ids, and each code an item of the pack (a referral is not handled here). */
function checkLifeEvents({ center, items, referrals, itemsComplete }: CrossCheckInput, c: Collector): void {
  const f = 'center.yaml';
  const events = center.lifeEvents ?? [];
  unique(events, (e) => e.id, (e, i, first) => c.error(f, ['lifeEvents', i, 'id'], 'E-REF-DUPLICATE-ID', `人生事件标识 \`${e.id}\` 重复（第 ${first + 1} 项已使用）`));
  // A broken item file may be the one declaring a code: unknown codes are judged only over a whole pack.
  if (!itemsComplete) return;
  const codes = new Set(items.map((it) => it.data.code));
  const outside = new Map(referrals.map((r) => [r.data.code, r.data.name]));
  events.forEach((e, i) => {
    e.items.forEach((code, j) => {
      if (codes.has(code)) return;
      const referral = outside.get(code);
      const message = referral
        ? `\`${code}\`（${referral}）是转办事项，不在本中心办理，不能列入人生事件；人生事件只列 items/ 中的事项`
        : `事项 \`${code}\` 不在规则包中（items/ 下没有这个编码）${refHint(code, codes)}`;
      c.error(f, ['lifeEvents', i, 'items', j], 'E-REF-UNKNOWN', message);
    });
  });
}

function checkPolicy({ policy, sources }: CrossCheckInput, c: Collector): void {
  // Each dated version as it will be in force, its problems reported where the version writes them.
  for (const v of policyVersionChecks(policy, (p, m) => c.error('policy.yaml', p, 'E-CHANGE-DATE', m))) {
    const own = new Collector(sources);
    checkPolicyVersion(v.policy, v.at, own);
    c.errors.push(...own.errors.filter(v.owns));
    c.warnings.push(...own.warnings.filter(v.owns));
  }
}

function checkPolicyVersion(policy: PolicyFile, at: (field: PolicyField) => PathSegment[], c: Collector): void {
  const f = 'policy.yaml';
  // Optional, since no law sets it; without it the supplement notice can name no date, so say so here.
  if (!policy.clocks.supplementPeriod) c.warn(f, at('clocks'), 'W-POLICY-NO-SUPPLEMENT-PERIOD', renderMessage('W-POLICY-NO-SUPPLEMENT-PERIOD', {}));
  const d = policy.discipline;
  unique(d.actions, (x) => x.id, (x, i) => c.error(f, [...at('discipline'), 'actions', i, 'id'], 'E-REF-DUPLICATE-ID', `处理措施 \`${x.id}\` 重复声明`));
  unique(d.rules, (x) => x.id, (x, i) => c.error(f, [...at('discipline'), 'rules', i, 'id'], 'E-REF-DUPLICATE-ID', `追究规则 \`${x.id}\` 重复声明`));
  const actions = new Set(d.actions.map((a) => a.id));
  d.ladder.forEach((id, i) => {
    if (!actions.has(id)) c.error(f, [...at('discipline'), 'ladder', i], 'E-REF-UNKNOWN', `处理措施 \`${id}\` 未在 actions 中声明${refHint(id, actions)}`);
  });
  const counts: FactType = { type: 'number' };
  const disciplineFacts = new Map<string, FactType>(DISCIPLINE_FACTS.map((x) => [x, counts]));
  d.rules.forEach((r, i) => {
    if (!actions.has(r.action)) c.error(f, [...at('discipline'), 'rules', i, 'action'], 'E-REF-UNKNOWN', `处理措施 \`${r.action}\` 未在 actions 中声明${refHint(r.action, actions)}`);
    checkCondition(r.when, f, [...at('discipline'), 'rules', i, 'when'], disciplineFacts, null, c);
  });
  const assessmentFacts = new Map<string, FactType>(ASSESSMENT_FACTS.map((x) => [x, x === 'meetsStandards' ? { type: 'boolean' } : counts]));
  const grades = policy.assessment.grades;
  grades.forEach((g, i) => {
    if (g.when) checkCondition(g.when, f, [...at('assessment'), 'grades', i, 'when'], assessmentFacts, null, c);
    else if (i !== grades.length - 1) c.error(f, [...at('assessment'), 'grades', i], 'E-POLICY-GRADE', '只有最后一个等级可以不写 when（作为其余情况）');
  });
  if (grades.at(-1)?.when) c.error(f, [...at('assessment'), 'grades', grades.length - 1], 'E-POLICY-GRADE', '最后一个等级不应写 when：它是其余情况的等级，保证每人都有等级');
  policy.reviews.bad.forEach((b, i) => {
    if (!policy.reviews.grades.includes(b)) c.error(f, [...at('reviews'), 'bad', i], 'E-REF-UNKNOWN', `差评等级“${b}”不在 grades 中${refHint(b, policy.reviews.grades)}`);
  });
}
