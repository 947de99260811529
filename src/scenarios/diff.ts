/**
 * What-if (`bianmin diff`): the same inputs run on a base pack and on the current one, and every
 * decision (kind, mode, missing, deferred, reasons, route), deadline, warning level, sanction or
 * grade that differs, with the rules behind the difference: the trace entries that changed, the
 * time limits, and the discipline rules that fire on one side only — each with its file and line.
 */
import type { Pack } from '../engine/index.ts';
import type { Decision, TraceEntry } from '../pack/index.ts';
import { describeDuration, itemVersionAt, modeBranches, originOf, policyVersionAt } from '../pack/index.ts';
import { kindText, levelText, listText, missingText, modeText, titled } from './labels.ts';
import type { Outcome } from './run.ts';
import { shortTime } from './time.ts';

export type Aspect = 'run' | 'kind' | 'mode' | 'missing' | 'deferred' | 'reasons' | 'routeTo' | 'deadline' | 'warning' | 'sanctions' | 'grade';

export interface FieldChange {
  readonly aspect: Aspect;
  /** Chinese label, e.g. 分类, 承诺期限, 责任追究（陈丽 chen-li）. */
  readonly label: string;
  readonly before: string;
  readonly after: string;
  /** Machine values for --json. */
  readonly from: unknown;
  readonly to: unknown;
}

export interface RuleSide {
  readonly passed: boolean | null;
  readonly message: string;
  readonly file: string;
  readonly line: number;
}

/** A rule whose outcome or text differs: a trace entry, an item's time limit, a discipline rule. */
export interface RuleChange {
  readonly rule: string;
  readonly before: RuleSide | null;
  readonly after: RuleSide | null;
}

export interface Comparison {
  readonly changes: readonly FieldChange[];
  readonly rules: readonly RuleChange[];
}

export function compareOutcomes(base: Pack, current: Pack, a: Outcome, b: Outcome, staffName: (id: string) => string): Comparison {
  const changes: FieldChange[] = [];
  const rules: RuleChange[] = [];
  // Each aspect's text is a function of the raw values compared first, so equal values (most
  // replayed cases) skip building the texts; the text comparison still decides a change.
  if (a.problem || b.problem) {
    add(changes, 'run', '运行', a.problem ? `无法运行：${a.problem.message}` : '正常', b.problem ? `无法运行：${b.problem.message}` : '正常', a.problem, b.problem);
  }
  const da = a.decision;
  const db = b.decision;
  if (da || db) {
    if (!(da && db && da.kind === db.kind)) add(changes, 'kind', '分类', da ? kindText(da.kind) : '无', db ? kindText(db.kind) : '无', da?.kind ?? null, db?.kind ?? null);
    if ((da?.mode ?? null) !== (db?.mode ?? null)) add(changes, 'mode', '办理方式', modeText(da?.mode ?? null), modeText(db?.mode ?? null), da?.mode ?? null, db?.mode ?? null);
    if (!sameList(da?.missing, db?.missing, sameMissing)) {
      add(changes, 'missing', '缺件', listText(da?.missing.map(missingText) ?? []), listText(db?.missing.map(missingText) ?? []), ids(da?.missing), ids(db?.missing));
    }
    if (!sameList(da?.deferred, db?.deferred, sameDeferred)) add(changes, 'deferred', '容缺', deferredText(da), deferredText(db), ids(da?.deferred), ids(db?.deferred));
    if (!sameList(da?.reasons, db?.reasons, sameMessage)) {
      add(changes, 'reasons', '理由', reasonsText(da), reasonsText(db), da?.reasons.map(reasonCode) ?? [], db?.reasons.map(reasonCode) ?? []);
    }
    const oa = da?.routeTo?.organ ?? null;
    const ob = db?.routeTo?.organ ?? null;
    if (oa !== ob) add(changes, 'routeTo', '去向', oa ?? '无', ob ?? '无', oa, ob);
    traceChanges(da?.trace ?? [], db?.trace ?? [], rules);
  }
  let deadlineChanged = false;
  for (const k of LIMIT_KINDS) {
    const x = a.deadline?.[k];
    const y = b.deadline?.[k];
    if (x === y || (x && y && x.due === y.due && x.amount === y.amount && x.unit === y.unit)) continue;
    const n = changes.length;
    add(changes, 'deadline', k === 'promised' ? '承诺期限' : '法定期限', limitDueText(x), limitDueText(y), x?.due ?? null, y?.due ?? null);
    if (changes.length > n) deadlineChanged = true;
  }
  if (deadlineChanged && a.deadline && b.deadline && da && db && da.item === db.item) {
    const sa = limitsSide(base, da);
    const sb = limitsSide(current, db);
    if (sa || sb) rules.push({ rule: `limits:${db.item}`, before: sa, after: sb });
  }
  const la = a.clock?.level;
  const lb = b.clock?.level;
  if (la !== lb) add(changes, 'warning', '预警', la ? levelText(la) : '无', lb ? levelText(lb) : '无', la ?? null, lb ?? null);

  if (a.sanctions || b.sanctions) {
    const staff = new Set([...(a.sanctions?.staff ?? []), ...(b.sanctions?.staff ?? [])].map((s) => s.staff));
    for (const id of staff) {
      const x = a.sanctions?.staff.find((s) => s.staff === id)?.actions ?? [];
      const y = b.sanctions?.staff.find((s) => s.staff === id)?.actions ?? [];
      const names = (l: typeof x): string => listText(l.map((s) => s.actionName).sort());
      add(changes, 'sanctions', `责任追究（${staffName(id)} ${id}）`, names(x), names(y), x.map((s) => s.action), y.map((s) => s.action));
      for (const r of new Set([...x, ...y].map((s) => s.rule))) {
        const before = x.find((s) => s.rule === r);
        const after = y.find((s) => s.rule === r);
        if (before && after && before.action === after.action) continue;
        const side = (s: typeof before, pack: Pack): RuleSide | null => (s ? { passed: true, message: `${s.ruleName} → ${s.actionName}`, file: s.source.file, line: s.source.line } : quietRule(pack, r));
        if (!rules.some((c) => c.rule === `discipline:${r}`)) rules.push({ rule: `discipline:${r}`, before: side(before, base), after: side(after, current) });
      }
    }
  }
  if (a.metrics || b.metrics) {
    const staff = new Set([...(a.metrics?.staff ?? []), ...(b.metrics?.staff ?? [])].map((s) => s.staff));
    for (const id of staff) {
      const x = a.metrics?.staff.find((s) => s.staff === id)?.grade ?? '无';
      const y = b.metrics?.staff.find((s) => s.staff === id)?.grade ?? '无';
      add(changes, 'grade', `考评等级（${staffName(id)} ${id}）`, x, y, x, y);
    }
  }
  return { changes, rules };
}

const LIMIT_KINDS = ['promised', 'statutory'] as const;

type Limit = NonNullable<Outcome['deadline']>['promised'];

function add(changes: FieldChange[], aspect: Aspect, label: string, before: string, after: string, from: unknown, to: unknown): void {
  if (before !== after) changes.push({ aspect, label, before, after, from, to });
}

/** Both absent, or the same length with every pair equal under `same`. */
function sameList<T>(x: readonly T[] | undefined, y: readonly T[] | undefined, same: (p: T, q: T) => boolean): boolean {
  if (x === undefined || y === undefined) return x === y;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!same(x[i]!, y[i]!)) return false;
  return true;
}

/** The fields missingText shows. */
function sameMissing(p: Decision['missing'][number], q: Decision['missing'][number]): boolean {
  return p.id === q.id && p.name === q.name && p.party === q.party && p.problem === q.problem && p.detail === q.detail;
}

function sameDeferred(p: Decision['deferred'][number], q: Decision['deferred'][number]): boolean {
  return p.id === q.id && p.name === q.name && p.due === q.due;
}

function sameMessage(p: { readonly message: string }, q: { readonly message: string }): boolean {
  return p.message === q.message;
}

function deferredText(d: Decision | null): string {
  return listText(d?.deferred.map(deferredItemText) ?? []);
}

function deferredItemText(m: Decision['deferred'][number]): string {
  return `${m.id}${titled(m.name)}${m.due ? `（${shortTime(m.due)} 前补交）` : ''}`;
}

function reasonsText(d: Decision | null): string {
  return listText(d?.reasons.map(reasonMessage) ?? []);
}

function reasonMessage(r: Decision['reasons'][number]): string {
  return r.message;
}

function reasonCode(r: Decision['reasons'][number]): string {
  return r.code;
}

function limitDueText(d: Limit | undefined): string {
  return d ? `${shortTime(d.due)}（${limitText(d)}）` : '无';
}

/** `10 个工作日`, `当日` (a same-day limit has no number). */
function limitText(d: { readonly amount: number; readonly unit: string }): string {
  return describeDuration(d);
}

function ids(list: ReadonlyArray<{ readonly id: string }> | undefined): string[] {
  return [...new Set((list ?? []).map((m) => m.id))];
}

/** Trace entries (by rule id) whose outcome or message differ, or that exist on one side only, added to `out`. */
function traceChanges(a: readonly TraceEntry[], b: readonly TraceEntry[], out: RuleChange[]): void {
  // Same rules in the same order with the same outcomes and messages (the usual case): nothing differs.
  if (a.length === b.length) {
    let same = true;
    for (let i = 0; i < a.length && same; i++) {
      const x = a[i]!;
      const y = b[i]!;
      same = x.rule === y.rule && x.passed === y.passed && x.message === y.message;
    }
    if (same) return;
  }
  const x = firstByRule(a);
  const y = firstByRule(b);
  for (const rule of new Set([...x.keys(), ...y.keys()])) {
    const before = x.get(rule);
    const after = y.get(rule);
    if (before && after && before.passed === after.passed && before.message === after.message) continue;
    out.push({ rule, before: traceSide(before), after: traceSide(after) });
  }
}

function firstByRule(list: readonly TraceEntry[]): Map<string, TraceEntry> {
  const m = new Map<string, TraceEntry>();
  for (const t of list) if (!m.has(t.rule)) m.set(t.rule, t);
  return m;
}

/**
 * One side per trace entry the engine shares between decisions (frozen, so its side never
 * changes): the many cases a change affects alike then hold one object, which a thread posts once
 * per message instead of once per case.
 */
const SIDES = new WeakMap<TraceEntry, RuleSide>();

function traceSide(t: TraceEntry | undefined): RuleSide | null {
  if (!t) return null;
  let side = SIDES.get(t);
  if (!side) {
    side = { passed: t.passed, message: t.message, file: t.source.file, line: t.source.line };
    if (Object.isFrozen(t) && Object.isFrozen(t.source)) SIDES.set(t, Object.freeze(side));
  }
  return side;
}

/**
 * Where the time limits of the mode branch that applied are written in the version that applied:
 * the branch's own limits, the item's, or — an immediate item that declares none — the policy's
 * immediate clock.
 */
function limitsSide(pack: Pack, d: Decision): RuleSide | null {
  const item = pack.data.items.get(d.item);
  if (!item || !d.deadline) return null;
  const day = d.receivedAt.slice(0, 10);
  const v = itemVersionAt(item.data, day);
  // The policy in force on the day of receipt, as decide resolves the immediate clock; its clock
  // is written at the top level or in the change that last set `clocks`.
  const policy = policyVersionAt(pack.data.policy, day);
  const branches = modeBranches(v, policy.policy);
  const b = branches[d.modeBranch?.index ?? branches.length - 1];
  const own = typeof v.mode !== 'string' && b !== undefined && v.mode[b.index]?.limits !== undefined;
  const inherited = v.limits !== undefined && (typeof v.mode === 'string' || b?.mode !== 'immediate');
  const [file, path] = own ? [item.file, [...b!.path, 'limits']] : inherited ? [item.file, originOf(v, ['limits'])] : ['policy.yaml', [...policy.at('clocks'), 'immediate']];
  const at = pack.data.sources.locate(file, path);
  const l = d.deadline;
  return { passed: true, message: `时限：承诺 ${limitText(l.promised)}，法定 ${limitText(l.statutory)}`, file, line: at.line };
}

/** A discipline rule of the pack that did not fire (null when the pack has no such rule). */
function quietRule(pack: Pack, id: string): RuleSide | null {
  const i = pack.data.policy.discipline.rules.findIndex((r) => r.id === id);
  if (i < 0) return null;
  const rule = pack.data.policy.discipline.rules[i]!;
  const at = pack.data.sources.locate('policy.yaml', ['discipline', 'rules', i]);
  return { passed: false, message: `${rule.name}：条件不满足，未触发`, file: 'policy.yaml', line: at.line };
}
