/**
 * Checks of an item's mode and the fields and clocks that belong to it (issue 15, dangers 2 and 3):
 * what the schema accepts but the engine would silently ignore or count wrong.
 *
 * - A field that only one mode uses, on an item with no branch of that mode (reportTo on a
 *   promised item, departments or a material's department on a non-joint item), is an error that
 *   says which mode it belongs to: it was accepted and ignored before.
 * - One source per clock: a mode other than immediate needs limits; an immediate branch takes
 *   `policy.clocks.immediate` unless it declares a promised limit within it, and declaring a longer
 *   one (20 working days on a 即办件) is an error; a petition's promised limit may not be shorter
 *   than the policy's reply or leader-reception clock, which its decisions carry as dues.
 * - A conditional mode (a list) has exactly one default, last, and each conditional branch says in
 *   words when it applies (the guide prints it).
 *
 * Every version of an item is checked as it will be in force (itemVersions). The base reports
 * everything; a dated change reports only the findings its version adds, located where the field
 * is written (originOf: the change that set or added it, else the base). Runs on every
 * cross-check, outside the per-item memo: it reads policy.yaml, which the memo's context does not.
 */
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { CrossCheckInput } from './crossref.ts';
import { describeDuration, durationSpan } from './duration.ts';
import { MODE_LABELS, modeBranches, modeChoices, modesOf, type ModeBranch } from './modes.ts';
import { policyPeriods } from './policy-versions.ts';
import type { Condition, Limits, PolicyFile } from './schema-types.ts';
import { itemVersions, originOf, type ItemVersion } from './versions.ts';

/** How findings leave this module: crossref's collector, and its condition check for branch `when`s. */
export interface ModeCheckReport {
  error(file: string, path: readonly PathSegment[], code: ErrorCode, message: string): void;
  /** Checks a branch's `when` like any item condition (facts declared, values of the fact's type). */
  condition(when: Condition, file: string, path: PathSegment[]): void;
}

interface Finding {
  readonly path: PathSegment[];
  readonly code: ErrorCode;
  readonly message: string;
}

export function checkModes(input: Pick<CrossCheckInput, 'items' | 'policy'>, report: ModeCheckReport): void {
  for (const { file, data } of input.items) {
    let previous = new Set<string>();
    const versions = itemVersions(data);
    versions.forEach((v, n) => {
      // Each version against every policy version in force on some day of it (policy.yaml may
      // shorten the immediate clock from a date): the clock a decision that day runs on.
      const from = v.appliedChange?.effectiveFrom ?? null;
      const until = versions[n + 1]?.appliedChange?.effectiveFrom ?? null;
      const found: Finding[] = [];
      const seen = new Set<string>();
      for (const period of policyPeriods(input.policy, from ?? '0000-01-01', '9999-12-31')) {
        if (until !== null && period.from !== null && period.from >= until) continue;
        // A dated policy version is named, so the finding says which revision's clock it is (and
        // a later item version under the same revision repeats the same finding, not reported twice).
        for (const f of versionFindings(v, period.version.policy, period.from)) {
          if (!seen.has(key(f))) found.push(f);
          seen.add(key(f));
        }
      }
      for (const f of found) if (!previous.has(key(f))) report.error(file, originOf(v, f.path), f.code, f.message);
      previous = new Set(found.map(key));
      // A branch's `when` is checked where it is written: in the base, or the change that sets mode.
      if (typeof v.mode !== 'string' && (v.appliedChange === null || 'mode' in (v.appliedChange.set ?? {}))) {
        v.mode.forEach((c, i) => {
          if (c.when) report.condition(c.when, file, originOf(v, ['mode', i, 'when']));
        });
      }
    });
  }
}

function key(f: Finding): string {
  return `${f.code}\u0000${f.path.join('.')}\u0000${f.message}`;
}

/**
 * Everything wrong with one version's mode, fields and clocks, at paths as if written in the base,
 * under `policy`; `since`: the day that policy takes effect when it is a dated revision (changes).
 */
function versionFindings(v: ItemVersion, policy: PolicyFile, since: string | null = null): Finding[] {
  const dated = since === null ? '' : `（${since} 起施行的 policy.yaml 制度修订）`;
  const out: Finding[] = [];
  const add = (path: PathSegment[], code: ErrorCode, message: string): void => void out.push({ path, code, message });
  const branches = modeBranches(v, policy);
  const modes = modesOf(v.mode);
  const list = typeof v.mode !== 'string';
  const modeText = [...modes].map((m) => MODE_LABELS[m]).join('或');
  // Paths here are as in the version; checkModes maps them to where they are written (originOf).
  const at = (b: ModeBranch): PathSegment[] => (list ? ['mode', b.index] : ['mode']);

  if (list) {
    const choices = modeChoices(v.mode);
    choices.forEach((c, i) => {
      const last = i === choices.length - 1;
      if (!c.when && !last) add(['mode', i], 'E-ITEM-MODE-LIST', renderMessage('E-ITEM-MODE-LIST', { detail: `第 ${i + 1} 项没写 when；只有最后一项可以不写 when（作为其余情况），请给这一项写明适用条件，或把它移到最后` }));
      if (c.when && last) add(['mode', i, 'when'], 'E-ITEM-MODE-LIST', renderMessage('E-ITEM-MODE-LIST', { detail: '最后一项不应写 when：它是其余情况的办理方式，保证每件申请都有办理方式；请在最后另加一项不写 when 的' }));
      if (c.when && !c.text) add(['mode', i], 'E-ITEM-MODE-LIST', renderMessage('E-ITEM-MODE-LIST', { detail: `第 ${i + 1} 项有适用条件，须用 text 写明适用情形（办事指南、告知单上显示），例如 救助金额1000元以下的` }));
    });
    // The single-mode forms of these two are crossref's E-ITEM-JOINT / E-ITEM-REPORTED.
    branches.forEach((b) => {
      if (b.mode === 'joint' && !(v.departments && v.departments.length > 0)) add([...at(b), 'mode'], 'E-ITEM-JOINT', renderMessage('E-ITEM-JOINT'));
      if (b.mode === 'reported' && !v.reportTo) add([...at(b), 'mode'], 'E-ITEM-REPORTED', renderMessage('E-ITEM-REPORTED'));
    });
  }

  // Danger 2: a field that belongs to a mode the item never takes.
  if (v.reportTo !== undefined && !modes.has('reported')) {
    add(['reportTo'], 'E-ITEM-MODE-FIELD', renderMessage('E-ITEM-MODE-FIELD', { field: 'reportTo', fits: '上报件（mode: reported，报上级审批）', mode: modeText, hint: '报上级审批的，把办理方式改为 reported；否则删去 reportTo' }));
  }
  if (v.departments !== undefined && !modes.has('joint')) {
    add(['departments'], 'E-ITEM-MODE-FIELD', renderMessage('E-ITEM-MODE-FIELD', { field: 'departments', fits: '联办件（mode: joint，多部门联合办理）', mode: modeText, hint: '多部门联合办理的，把办理方式改为 joint；否则删去 departments' }));
  }
  if (!modes.has('joint')) {
    v.materials.forEach((m, i) => {
      if (m.department === undefined) return;
      add(['materials', i, 'department'], 'E-ITEM-MODE-FIELD', renderMessage('E-ITEM-MODE-FIELD', { field: 'department', fits: '联办件（mode: joint）的材料，写明材料交给哪个部门', mode: modeText, hint: `删去材料“${m.name}”的 department，或把办理方式改为 joint` }));
    });
  }
  if (list && v.limits !== undefined && !branches.some((b, i) => b.mode !== 'immediate' && modeChoices(v.mode)[i]!.limits === undefined)) {
    add(['limits'], 'E-ITEM-MODE-FIELD', renderMessage('E-ITEM-MODE-FIELD', { field: 'limits', fits: '没有自己 limits 的非即办办理方式', mode: modeText, hint: '每种办理方式都写了自己的 limits（即办件按即办时限），事项的 limits 没有一种办理方式使用；请删去，或删去某种办理方式自己的 limits' }));
  }

  // Danger 3: one source per clock.
  const immediate = policy.clocks.immediate;
  for (const b of branches) {
    const declared = declaredLimits(v, b);
    const limitsPath = declared === null ? null : list && modeChoices(v.mode)[b.index]!.limits ? [...at(b), 'limits'] : ['limits'];
    if (b.mode !== 'immediate' && declared === null) {
      add(at(b), 'E-LIMIT-MISSING', renderMessage('E-LIMIT-MISSING', { mode: list ? `第 ${b.index + 1} 项办理方式（${MODE_LABELS[b.mode]}）` : MODE_LABELS[b.mode] }));
      continue;
    }
    if (declared && limitsPath && b.mode === 'immediate' && durationSpan(declared.promised) > durationSpan(immediate)) {
      add([...limitsPath, 'promised'], 'E-LIMIT-IMMEDIATE', renderMessage('E-LIMIT-IMMEDIATE', { promised: fmt(declared.promised), clock: fmt(immediate) + dated }));
    }
    // A branch's own limits are not seen by crossref's item-level promised-vs-statutory check.
    if (declared && limitsPath && limitsPath.length > 1 && durationSpan(declared.promised) > durationSpan(declared.statutory)) {
      add([...limitsPath, 'promised'], 'E-LIMIT-PROMISED-EXCEEDS', renderMessage('E-LIMIT-PROMISED-EXCEEDS', { promised: fmt(declared.promised), statutory: fmt(declared.statutory) }));
    }
    // A petition's limits are its completion (办结); the reply (答复) clock is the policy's and its
    // decisions carry it. Promising completion before the reply is due means the item's limits were
    // written as the reply clock: two sources for one clock. (The leader-reception reply, a week,
    // applies only to petitions a leader receives, so a faster completion does not contradict it.)
    if (b.mode === 'petition' && declared && limitsPath) {
      const reply = policy.clocks.petitionReply;
      if (durationSpan(declared.promised) < durationSpan(reply)) {
        add([...limitsPath, 'promised'], 'E-LIMIT-PETITION', renderMessage('E-LIMIT-PETITION', { promised: fmt(declared.promised), reply: fmt(reply) + dated }));
      }
    }
  }
  return out;
}

/** The limits written for a branch (its own, or the item's it inherits); null when none are. */
function declaredLimits(v: ItemVersion, b: ModeBranch): Limits | null {
  const own = typeof v.mode === 'string' ? undefined : v.mode[b.index]?.limits;
  if (own) return own;
  if (typeof v.mode === 'string' || b.mode !== 'immediate') return v.limits ?? null;
  return null;
}

/** A limit in running message text: `20个工作日`, `当日`. */
function fmt(d: { amount: number; unit: string }): string {
  return describeDuration(d, { tight: true });
}
