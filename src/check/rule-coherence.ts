/**
 * Mode, clock and document coherence of an item version: every kind of decision it can produce has
 * a template to print it on, and every clock it runs is one the calendar can count.
 *
 * Not repeated from validate: an item `documents` name that is no template at all (E-REF-UNKNOWN),
 * promised longer than statutory (E-LIMIT-PROMISED-EXCEEDS), an extension of 0, an immediate item
 * with day limits or a petition item whose limits disagree with the policy (mode-checks.ts), a
 * sameDay amount other than 0 (schema), the last calendar year running out (W-CALENDAR-ENDING).
 */
import { readdirSync } from 'node:fs';
import type { PathSegment } from '../core/index.ts';
import type { Duration, ItemVersion, Limits, LoadedItem, ModeChoice } from '../pack/index.ts';
import { describeDuration, modeBranches, modeChoices, originOf, unitName } from '../pack/index.ts';
import type { Pack } from '../engine/index.ts';
import { BUILTIN_TEMPLATE_DIR, DOCUMENT_TYPES } from '../documents/index.ts';
import { Findings, q } from './rule-site.ts';

/** Decision kinds and the document each is printed on, in the words of the notices. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  consultation: '咨询（一次性告知单）',
  supplement: '补正件（补正材料通知书）',
  correctable: '当场更正（当场更正告知单）',
  returned: '退回件（退回件通知书）',
  rejected: '不予受理（不予受理通知书）',
  accepted: '受理件（受理通知书）',
  immediate: '即办件（即办件回执）',
};

/**
 * Units counted in office time: without any office hours such a clock can never run out. (Day
 * units, sameDay included, end at the end of the day when a day has no hours: still countable.)
 */
const OFFICE_UNITS = new Set(['hours', 'minutes']);

/** A limit in running message text, worded as the pack checks word it: `20个工作日`, `7日`, `当日`. */
function duration(d: Duration): string {
  return describeDuration(d, { tight: true });
}

/** Per pack: what the checks of every item read from the rest of it, worked out once. */
export interface Context {
  readonly templates: ReadonlySet<string>;
  readonly officeOnWeekdays: boolean;
  readonly calendarYears: ReadonlySet<number>;
  readonly firstYear: number;
}

const contexts = new WeakMap<Pack, Context>();

/** The templates bianmin ships (templates/NAME.hbs), by name. */
export function builtinTemplateNames(): string[] {
  try {
    return readdirSync(BUILTIN_TEMPLATE_DIR).filter((f) => f.endsWith('.hbs')).map((f) => f.slice(0, -4));
  } catch {
    // None readable: every template must then come from the pack.
    return [];
  }
}

/** `builtin`: the names of bianmin's own templates (by default those in its templates/ folder). */
export function contextOf(pack: Pack, builtin?: readonly string[]): Context {
  let c = builtin === undefined ? contexts.get(pack) : undefined;
  if (c) return c;
  const templates = new Set<string>([...pack.data.templates.keys(), ...(builtin ?? builtinTemplateNames())]);
  const hours = pack.data.center.center.officeHours;
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
  const officeOnWeekdays = weekdays.some((d) => (hours[d] ?? hours.default).length > 0);
  const years = new Set(pack.data.calendars.map((cal) => cal.year));
  c = { templates, officeOnWeekdays, calendarYears: years, firstYear: Math.min(...years) };
  if (builtin === undefined) contexts.set(pack, c);
  return c;
}

export function coherenceFindings(pack: Pack, ctx: Context, loaded: LoadedItem, version: ItemVersion, out: Findings): void {
  documentFindings(loaded.file, version, ctx, out);
  clockFindings(pack, loaded.file, version, ctx, out);
}

/** Each decision kind the version can produce, with the element that makes it possible. */
function producibleKinds(version: ItemVersion): Map<string, PathSegment[]> {
  const kinds = new Map<string, PathSegment[]>();
  const put = (kind: string, path: PathSegment[]): void => {
    if (!kinds.has(kind)) kinds.set(kind, path);
  };
  put('consultation', ['code']);
  const conditions = version.conditions ?? [];
  conditions.forEach((c, i) => {
    const at = originOf(version, ['conditions', i]);
    // An undecided condition asks for facts (补正); a failed one refuses.
    put('supplement', at);
    put(c.onFail === 'rejected' ? 'rejected' : 'returned', at);
  });
  version.materials.forEach((m, i) => {
    const at = originOf(version, ['materials', i]);
    if (m.correctable === true || (Array.isArray(m.correctable) && m.correctable.length > 0)) put('correctable', originOf(version, ['materials', i, 'correctable']));
    if (m.fetchable === true) return;
    if (m.necessity === 'core') put('returned', at);
    if (m.necessity === 'core' || m.necessity === 'required') put('supplement', at);
  });
  const choices: readonly ModeChoice[] = modeChoices(version.mode);
  choices.forEach((c, i) => {
    const at = originOf(version, typeof version.mode === 'string' ? ['mode'] : ['mode', i, 'mode']);
    if (c.when) put('supplement', originOf(version, ['mode', i, 'when']));
    put(c.mode === 'immediate' ? 'immediate' : 'accepted', at);
  });
  return kinds;
}

/**
 * The decision kinds of `version` whose template is not among `available` (template names: the
 * pack's own and bianmin's), each with where to point and the template name wanted.
 */
function missingTemplates(version: ItemVersion, available: ReadonlySet<string>): Array<{ kind: string; name: string; path: PathSegment[] }> {
  const documents = (version.documents ?? {}) as Readonly<Record<string, string | undefined>>;
  const out: Array<{ kind: string; name: string; path: PathSegment[] }> = [];
  for (const [kind, where] of producibleKinds(version)) {
    const own = documents[kind];
    const name = own ?? kind;
    if (available.has(name)) continue;
    // A name of the item's own that is no document type's is validate's E-REF-UNKNOWN.
    if (own !== undefined && !(DOCUMENT_TYPES as readonly string[]).includes(own)) continue;
    out.push({ kind, name, path: own !== undefined ? originOf(version, ['documents', kind]) : where });
  }
  return out;
}

function documentFindings(file: string, version: ItemVersion, ctx: Context, out: Findings): void {
  for (const m of missingTemplates(version, ctx.templates)) {
    out.add(file, m.path, 'E-CHECK-TEMPLATE-MISSING', { kind: KIND_NAMES[m.kind] ?? m.kind, name: m.name }, { distinct: true });
  }
}

interface Clock {
  readonly d: Duration;
  readonly path: PathSegment[];
  readonly what: string;
}

/** The limits a branch writes itself, or inherits from the item; null when it runs on the policy's immediate clock. */
function declaredLimits(version: ItemVersion, choice: ModeChoice, index: number): { limits: Limits; base: PathSegment[] } | null {
  if (typeof version.mode !== 'string' && choice.limits) return { limits: choice.limits, base: ['mode', index, 'limits'] };
  if (typeof version.mode !== 'string' && choice.mode === 'immediate') return null;
  return version.limits ? { limits: version.limits, base: ['limits'] } : null;
}

function clockFindings(pack: Pack, file: string, version: ItemVersion, ctx: Context, out: Findings): void {
  const clocks: Clock[] = [];
  const choices = modeChoices(version.mode);
  const branches = modeBranches(version, pack.data.policy);
  const seenBases = new Set<string>();
  choices.forEach((choice, i) => {
    const declared = declaredLimits(version, choice, i);
    const resolved = branches[i]?.limits;
    if (declared) {
      const key = declared.base.join('.');
      if (!seenBases.has(key)) {
        seenBases.add(key);
        clocks.push({ d: declared.limits.statutory, path: originOf(version, [...declared.base, 'statutory']), what: '法定时限' });
        clocks.push({ d: declared.limits.promised, path: originOf(version, [...declared.base, 'promised']), what: '承诺期限' });
        if (declared.limits.extension) clocks.push({ d: declared.limits.extension.max, path: originOf(version, [...declared.base, 'extension', 'max']), what: '可延长期限' });
      }
      // The clock adds approved extensions to both limits, in the extension's unit (calendar/extension.ts).
      const max = declared.limits.extension?.max;
      if (max && resolved) {
        for (const [which, limit] of [['承诺期限', resolved.promised], ['法定时限', resolved.statutory]] as const) {
          if (limit.unit !== max.unit) {
            out.add(file, originOf(version, [...declared.base, 'extension', 'max', 'unit']), 'E-CHECK-EXTENSION-UNIT', {
              maxUnit: unitName(max.unit),
              which,
              unit: unitName(limit.unit),
            });
            break;
          }
        }
      }
    }
  });
  version.materials.forEach((m, i) => {
    if (m.due) clocks.push({ d: m.due, path: originOf(version, ['materials', i, 'due']), what: `容缺材料${q(m.name)}的补交期限` });
  });
  const statutory = declaredStatutory(version, choices);
  const steps = version.procedure ?? [];
  let total = 0;
  let comparable = statutory !== null;
  steps.forEach((s, i) => {
    if (!s.limit) return;
    const path = originOf(version, ['procedure', i, 'limit']);
    clocks.push({ d: s.limit, path, what: `办事程序${q(s.step)}的时限` });
    if (statutory && s.limit.unit === statutory.d.unit && s.limit.unit !== 'sameDay') {
      total += s.limit.amount;
      if (s.limit.amount > statutory.d.amount) {
        out.add(file, path, 'W-CHECK-STEP-LIMIT', { detail: `步骤${q(s.step)}的时限 ${duration(s.limit)} 长于事项的法定时限 ${duration(statutory.d)}` });
        comparable = false;
      }
    } else comparable = false;
  });
  // Steps run one after another: their limits together must fit in the statutory one.
  if (comparable && statutory && total > statutory.d.amount) {
    out.add(file, statutory.path, 'W-CHECK-STEP-LIMIT', { detail: `办事程序各步骤的时限合计 ${duration({ amount: total, unit: statutory.d.unit })}，长于法定时限 ${duration(statutory.d)}` });
  }
  const period = (version.announcement as { period?: Duration } | undefined)?.period;
  if (period) clocks.push({ d: period, path: originOf(version, ['announcement', 'period']), what: '公示期' });

  if (!ctx.officeOnWeekdays) {
    for (const c of clocks) officeHoursFinding(file, c, out);
  }
  calendarYearFinding(file, version, clocks, ctx, out);
}

/** The one statutory limit every branch of the version shares, or null (several, or the policy's). */
function declaredStatutory(version: ItemVersion, choices: readonly ModeChoice[]): { d: Duration; path: PathSegment[] } | null {
  if (choices.some((c, i) => declaredLimits(version, c, i)?.base[0] === 'mode')) return null;
  return version.limits ? { d: version.limits.statutory, path: originOf(version, ['limits', 'statutory']) } : null;
}

function officeHoursFinding(file: string, c: Clock, out: Findings): void {
  if (!OFFICE_UNITS.has(c.d.unit)) return;
  out.add(file, [...c.path, 'unit'], 'E-CHECK-CLOCK-OFFICE-HOURS', { what: c.what, unit: unitName(c.d.unit) });
}

/** A dated version that takes effect in a year the pack has no holiday arrangements for. */
function calendarYearFinding(file: string, version: ItemVersion, clocks: readonly Clock[], ctx: Context, out: Findings): void {
  const change = version.appliedChange;
  if (!change || clocks.length === 0) return;
  const year = Number(change.effectiveFrom.slice(0, 4));
  if (ctx.calendarYears.has(year) || year < ctx.firstYear) return;
  const units = [...new Set(clocks.map((c) => unitName(c.d.unit)))].join('、');
  out.add(file, ['changes', version.changeIndex, 'effectiveFrom'], 'W-CHECK-CALENDAR-YEAR', { date: change.effectiveFrom, units, year });
}

/** policy.yaml clocks (and those its dated changes set) in office-time units, when there is no office time. */
export function policyClockFindings(pack: Pack, ctx: Context, out: Findings): void {
  if (ctx.officeOnWeekdays) return;
  const policy = pack.data.policy;
  const visit = (clocks: unknown, base: PathSegment[]): void => {
    if (clocks === null || typeof clocks !== 'object') return;
    for (const [key, value] of Object.entries(clocks as Record<string, unknown>)) {
      const d = value as Partial<Duration> | null;
      if (d && typeof d === 'object' && typeof d.unit === 'string' && typeof d.amount === 'number') {
        officeHoursFinding('policy.yaml', { d: d as Duration, path: [...base, key], what: `管理制度时限 clocks.${key}` }, out);
      }
    }
  };
  visit(policy.clocks, ['clocks']);
  (policy.changes ?? []).forEach((c, i) => visit((c as { set?: { clocks?: unknown } }).set?.clocks, ['changes', i, 'set', 'clocks']));
}
