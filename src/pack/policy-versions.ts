/**
 * The center's policy (policy.yaml) as in force on a given day. Like an item, policy takes dated
 * `changes`: from its `effectiveFrom` each change replaces, whole, the top-level fields it sets.
 * Records judge each period under the policy then in force (see records/sanctions.ts, metrics.ts).
 */
import { formatPath, renderMessage, tryParseDate, type PathSegment } from '../core/index.ts';
import type { PolicyChange, PolicyChangeSet, PolicyFile } from './schema-types.ts';

/** A top-level policy field a change may set. */
export type PolicyField = keyof PolicyChangeSet;

/** The policy in force over a span of days, and where each of its fields is written. */
export interface PolicyVersion {
  readonly policy: PolicyFile;
  /** First day in force (YYYY-MM-DD), or null for the base declaration (in force since ever). */
  readonly from: string | null;
  /** Index in `changes` of the latest change applied; -1 for the base declaration. */
  readonly changeIndex: number;
  /** Path in policy.yaml where `field` of this version is written (the top level, or a change's set). */
  at(field: PolicyField): PathSegment[];
}

/** The changes in the order they take effect: by date, then as written (a same-day pair is a pack error). */
function ordered(policy: PolicyFile): Array<readonly [PolicyChange, number]> {
  return (policy.changes ?? []).map((c, i) => [c, i] as const).sort((a, b) => (a[0].effectiveFrom < b[0].effectiveFrom ? -1 : a[0].effectiveFrom > b[0].effectiveFrom ? 1 : a[1] - b[1]));
}

function versionOf(base: PolicyFile, applied: ReadonlyArray<readonly [PolicyChange, number]>): PolicyVersion {
  let policy: PolicyFile = base;
  const origin = new Map<PolicyField, number>();
  for (const [change, i] of applied) {
    policy = { ...policy, ...change.set };
    for (const key of Object.keys(change.set) as PolicyField[]) origin.set(key, i);
  }
  const last = applied.at(-1);
  return {
    policy,
    from: last ? last[0].effectiveFrom : null,
    changeIndex: last ? last[1] : -1,
    at: (field) => {
      const i = origin.get(field);
      return i === undefined ? [field] : ['changes', i, 'set', field];
    },
  };
}

/**
 * The policy in force on `date` (YYYY-MM-DD, Asia/Shanghai): the top level with every change due
 * by then applied in order, each replacing the fields it sets. The result keeps `changes`, so
 * `policyAt(policyAt(p, a), b)` is `policyAt(p, b)` (re-applying a change sets the same values).
 */
export function policyAt(policy: PolicyFile, date: string): PolicyFile {
  return policyVersionAt(policy, date).policy;
}

/** The version in force on `date`, with where each of its fields is written. */
export function policyVersionAt(policy: PolicyFile, date: string): PolicyVersion {
  return versionOf(policy, ordered(policy).filter(([c]) => c.effectiveFrom <= date));
}

/** A span of days [from, to) under one policy version; `to` null when it is still in force. */
export interface PolicyPeriod {
  readonly from: string | null;
  readonly to: string | null;
  readonly version: PolicyVersion;
}

/**
 * Every version in force on some day from `from` to `to` (inclusive, YYYY-MM-DD), in order; each
 * span is cut to the days of its version, so the spans cover exactly the days asked for.
 */
export function policyPeriods(policy: PolicyFile, from: string, to: string): PolicyPeriod[] {
  const changes = ordered(policy);
  const out: PolicyPeriod[] = [];
  for (let n = 0; n <= changes.length; n++) {
    const start = n === 0 ? null : changes[n - 1]![0].effectiveFrom;
    const end = n === changes.length ? null : changes[n]![0].effectiveFrom;
    // A later change the same day supersedes this one before it was ever in force.
    if (start !== null && end !== null && end <= start) continue;
    if ((end !== null && end <= from) || (start !== null && start > to)) continue;
    out.push({ from: start, to: end, version: versionOf(policy, changes.slice(0, n)) });
  }
  return out;
}

/** Whether `date` (YYYY-MM-DD) falls in the span. */
export function inPolicyPeriod(p: PolicyPeriod, date: string): boolean {
  return (p.from === null || date >= p.from) && (p.to === null || date < p.to);
}

/** A version of the policy to check: its fields, where each is written, and which diagnostics are its own. */
export interface PolicyVersionCheck {
  readonly policy: PolicyFile;
  at(field: PolicyField): PathSegment[];
  /** Whether a diagnostic lies in a field this version writes (one it inherits was reported where it is written). */
  owns(d: { readonly path: string }): boolean;
}

/**
 * E-CHANGE-DATE of a list of dated changes (an item's or policy.yaml's): a second change the same
 * day as an earlier one, and a day that does not exist; each with the change's index.
 */
export function changeDateProblems(changes: ReadonlyArray<{ readonly effectiveFrom: string }>): Array<{ index: number; message: string }> {
  const out: Array<{ index: number; message: string }> = [];
  const dates = new Map<string, number>();
  changes.forEach((ch, index) => {
    const date = ch.effectiveFrom;
    const first = dates.get(date);
    if (first !== undefined) out.push({ index, message: renderMessage('E-CHANGE-DATE', { what: `第 ${first + 1} 项变更也在`, date, problem: '施行；同一天的变更请合并为一项' }) });
    else dates.set(date, index);
    if (tryParseDate(date) === null) out.push({ index, message: renderMessage('E-CHANGE-DATE', { what: '日期', date, problem: '不存在' }) });
  });
  return out;
}

/**
 * The versions to check, each as it will be in force: the top level (owning every field), then
 * each change in the order it takes effect (owning the fields its `set` writes). Changes on the
 * same day, and days that do not exist, are reported through `dateError` (E-CHANGE-DATE).
 */
export function policyVersionChecks(policy: PolicyFile, dateError: (path: PathSegment[], message: string) => void): PolicyVersionCheck[] {
  for (const p of changeDateProblems(policy.changes ?? [])) dateError(['changes', p.index, 'effectiveFrom'], p.message);
  const changes = ordered(policy);
  const out: PolicyVersionCheck[] = [];
  for (let n = 0; n <= changes.length; n++) {
    const v = versionOf(policy, changes.slice(0, n));
    const fields = n === 0 ? (Object.keys(policy).filter((k) => k !== 'changes') as PolicyField[]) : (Object.keys(changes[n - 1]![0].set) as PolicyField[]);
    const prefixes = fields.map((f) => formatPath(v.at(f)));
    out.push({
      policy: v.policy,
      at: v.at,
      owns: (d) => prefixes.some((p) => d.path === p || d.path.startsWith(`${p}.`) || d.path.startsWith(`${p}[`)),
    });
  }
  return out;
}
