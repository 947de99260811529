/**
 * Submitted materials against the item's checklist (一次性告知: every problem at once). A material
 * is absent, in the wrong form, or in too few copies; a group of alternatives is satisfied by any
 * one; what the center fetches itself is never demanded; conditional materials follow the facts.
 * A material required once per party (perParty: 男方、女方) is checked for each party on its own,
 * and what is missing is listed per party. A problem the item lets the window correct on the spot
 * (Art. 32(3), `correctable`) is listed apart from the missing ones and never asked for in a 补正.
 * Materials are walked in declared order, so the order of submission never matters.
 */
import { renderMessage } from '../core/index.ts';
import { titled } from './titled.ts';
import type { CorrectableMaterial, DecisionWarning, MissingMaterial, NoticeMaterial, TraceEntry } from '../pack/index.ts';
import type { CompiledMaterial, CompiledVersion, Form } from './compile.ts';
import type { ApplicationIssue } from './errors.ts';
import type { Handed, Submission } from './input.ts';
import { FORM_NAMES, materialEntry } from './trace.ts';

export type Required = NoticeMaterial['required'];

const NO_COMMITMENTS: ReadonlySet<string> = new Set();

export interface MaterialCheck {
  readonly notice: NoticeMaterial[];
  /** Every problem that needs a 补正 (or a return), in declared order; one per party for perParty materials. */
  readonly missing: MissingMaterial[];
  /** Problems per material, for one reason per material; `message` is the whole sentence, titles included. */
  readonly problems: ReadonlyArray<{ readonly material: CompiledMaterial; readonly details: string; readonly message: string }>;
  /** Core materials that are required and absent (for some party): the application is returned. */
  readonly absentCore: readonly CompiledMaterial[];
  /** For each of absentCore, what is absent in title marks: 《居民身份证》, or 《女方居民身份证》 per party. */
  readonly absentCoreTitles: readonly string[];
  /** Problems to correct on the spot, in declared order (not in `missing`). */
  readonly correctable: CorrectableMaterial[];
  /** The same per material, for one reason per material. */
  readonly fixable: ReadonlyArray<{ readonly material: CompiledMaterial; readonly message: string }>;
  /** Deferrable materials still outstanding. */
  readonly deferred: readonly CompiledMaterial[];
  /** Required or core materials not submitted whose condition the facts cannot decide. */
  readonly undecided: ReadonlyArray<{ readonly material: CompiledMaterial; readonly facts: string }>;
  /** Submissions of a per-party material naming no party or one the material does not list. */
  readonly partyIssues: readonly ApplicationIssue[];
  /** A party written where it means nothing, or one party's submission repeated while another's is absent. */
  readonly partyWarnings: readonly DecisionWarning[];
  readonly trace: TraceEntry[];
  readonly unknown: readonly string[];
  /** Required materials replaced by the applicant's commitment (告知承诺), in declared order. */
  readonly committed: readonly CompiledMaterial[];
}

/** Whether each material is required on the facts given, from the engine's slot results. */
export interface Requiredness {
  required(m: CompiledMaterial): Required;
  /** Labels of the facts its condition needs but did not get. */
  missing(m: CompiledMaterial): string;
}

function formOf(s: Handed): string {
  return s.original && s.copy ? FORM_NAMES.both : s.original ? FORM_NAMES.original : FORM_NAMES.copy;
}

function formOk(s: Handed, form: Form): boolean {
  return form === 'original' ? s.original : form === 'copy' ? s.copy : s.original && s.copy;
}

function need(form: Form, copies: number): string {
  return `${FORM_NAMES[form]}${copies > 1 ? ` ${copies} 份` : ''}`;
}

interface Problem {
  readonly problem: MissingMaterial['problem'];
  readonly detail: string;
}

/** A problem of one party's share (party null: a material required once). */
interface Found {
  readonly party: string | null;
  readonly problem: Problem;
}

/** What was handed over under `id`, for `party` or (party null) for the application as a whole. */
function handed(submitted: ReadonlyMap<string, Submission>, party: string | null, id: string): Handed | undefined {
  const s = submitted.get(id);
  return party === null ? s : s?.parties.get(party);
}

/** The one share of a material required once (not per party). */
const WHOLE: ReadonlyArray<string | null> = [null];

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** Problems of one candidate submission; empty when it satisfies the requirement. */
function problemsOf(s: Handed, form: Form, copies: number, prefix: string): readonly Problem[] {
  // The common case, shared: a material handed over as asked.
  if (formOk(s, form) && s.copies >= copies) return NO_PROBLEMS;
  const out: Problem[] = [];
  if (!formOk(s, form)) out.push({ problem: 'wrong-form', detail: `${prefix}需${FORM_NAMES[form]}，只提交了${formOf(s)}` });
  if (s.copies < copies) out.push({ problem: 'too-few-copies', detail: `${prefix}需 ${copies} 份，只提交了 ${s.copies} 份` });
  return out;
}

/** `absent` when nothing of the material was submitted; [] when satisfied. */
function inspect(m: CompiledMaterial, submitted: ReadonlyMap<string, Submission>, party: string | null): readonly Problem[] | 'absent' {
  if (m.alternatives.length === 0) {
    const s = handed(submitted, party, m.id);
    return s ? problemsOf(s, m.form, m.copies, '') : 'absent';
  }
  let first: readonly Problem[] | null = null;
  const own = handed(submitted, party, m.id);
  if (own) {
    const p = problemsOf(own, m.form, m.copies, '');
    if (p.length === 0) return p;
    first = p;
  }
  for (const a of m.alternatives) {
    const s = handed(submitted, party, a.id);
    if (!s) continue;
    const p = problemsOf(s, a.form, a.copies, `所交${titled(a.name)}`);
    if (p.length === 0) return p;
    first ??= p;
  }
  return first ?? 'absent';
}

function absentDetail(m: CompiledMaterial): string {
  if (m.alternatives.length === 0) return `未提交（需${need(m.form, m.copies)}）`;
  return `未提交；以下任选其一：${m.alternatives.map((a) => `${titled(a.name)}${need(a.form, a.copies)}`).join('、')}`;
}

/** 《女方居民身份证》: the party's share in title marks; a name already in marks keeps them (女方《出生医学证明》). */
export function partyTitle(name: string, party: string | null): string {
  if (party === null) return titled(name);
  return name.startsWith('《') ? `${party}${name}` : titled(`${party}${name}`);
}

/** One sentence for a material's problems, per party in the order found: 《女方居民身份证》未提交（需原件）. */
function sentence(m: CompiledMaterial, found: readonly Found[]): string {
  const byParty = new Map<string | null, string[]>();
  for (const f of found) {
    const list = byParty.get(f.party);
    if (list) list.push(f.problem.detail);
    else byParty.set(f.party, [f.problem.detail]);
  }
  return [...byParty].map(([party, details]) => `${partyTitle(m.name, party)}${details.join('；')}`).join('；');
}

/** The full checklist for an application (`submitted` given) or a consultation (`submitted` null). */
export function checkMaterials(version: CompiledVersion, requiredness: Requiredness, submitted: ReadonlyMap<string, Submission> | null, commitments: ReadonlySet<string> = NO_COMMITMENTS): MaterialCheck {
  const notice: NoticeMaterial[] = [];
  const missing: MissingMaterial[] = [];
  const problems: Array<{ material: CompiledMaterial; details: string; message: string }> = [];
  const absentCore: CompiledMaterial[] = [];
  const absentCoreTitles: string[] = [];
  const correctable: CorrectableMaterial[] = [];
  const fixable: Array<{ material: CompiledMaterial; message: string }> = [];
  const deferred: CompiledMaterial[] = [];
  const undecided: Array<{ material: CompiledMaterial; facts: string }> = [];
  const partyIssues: ApplicationIssue[] = [];
  const trace: TraceEntry[] = [];
  const committed: CompiledMaterial[] = [];

  for (const m of version.materials) {
    const required = requiredness.required(m);
    notice.push(m.notice(required));
    if (m.fetchable) {
      trace.push(m.traced('fetched'));
      continue;
    }
    if (required === 'no') {
      trace.push(m.traced('not-required'));
      continue;
    }
    if (submitted === null) {
      trace.push(required === 'unknown' ? m.undecided(requiredness.missing(m)) : m.traced('listed'));
      continue;
    }
    // A written commitment stands in for the material itself, whatever else lies on the counter.
    if (commitments.has(m.id)) {
      committed.push(m);
      trace.push(materialEntry(m, { kind: 'stated', passed: true, message: `${titled(m.name)}以申请人的书面承诺代替（告知承诺），按已提交计；受理后核查` }));
      continue;
    }
    if (m.parties.length > 0) partyIssues.push(...unnamedParties(m, submitted));

    // Each party's share is checked on its own: one party's card never stands in for the other's.
    const shares: ReadonlyArray<string | null> = m.parties.length > 0 ? m.parties : WHOLE;
    // Made only for a material with a problem: most are handed over as asked.
    let failing: Array<{ party: string | null; found: readonly Problem[] | 'absent' }> | null = null;
    for (const party of shares) {
      const found = inspect(m, submitted, party);
      if (found === 'absent' || found.length > 0) (failing ??= []).push({ party, found });
    }
    if (failing === null) {
      trace.push(m.traced('ok'));
      continue;
    }
    if (m.necessity === 'optional') {
      trace.push(m.traced('optional-missing'));
      continue;
    }
    if (m.necessity === 'deferrable') {
      deferred.push(m);
      trace.push(m.traced('deferred'));
      continue;
    }
    if (required === 'unknown' && failing.length === shares.length && failing.every((f) => f.found === 'absent')) {
      const facts = requiredness.missing(m);
      undecided.push({ material: m, facts });
      trace.push(m.undecided(facts));
      continue;
    }

    const kept: Found[] = [];
    const fixed: Found[] = [];
    for (const f of failing) {
      const list: readonly Problem[] = f.found === 'absent' ? [{ problem: 'absent', detail: absentDetail(m) }] : f.found;
      for (const problem of list) (m.correctable.has(problem.problem) ? fixed : kept).push({ party: f.party, problem });
    }
    const party = (f: Found): { party?: string } => (f.party === null ? {} : { party: f.party });
    for (const f of kept) {
      missing.push({ id: m.id, name: m.name, necessity: m.necessity, ...party(f), problem: f.problem.problem, detail: f.problem.detail, department: m.department });
    }
    for (const f of fixed) correctable.push({ id: m.id, name: m.name, ...party(f), problem: f.problem.problem, detail: f.problem.detail });

    const keptText = kept.length > 0 ? sentence(m, kept) : '';
    const fixedText = fixed.length > 0 ? sentence(m, fixed) : '';
    if (kept.length > 0) problems.push({ material: m, details: kept.map((f) => f.problem.detail).join('；'), message: keptText });
    if (fixed.length > 0) fixable.push({ material: m, message: fixedText });
    const absent = kept.filter((f) => f.problem.problem === 'absent');
    if (m.necessity === 'core' && absent.length > 0) {
      absentCore.push(m);
      absentCoreTitles.push(absent.map((f) => partyTitle(m.name, f.party)).join('、'));
    }
    const traced = [keptText, fixedText ? `${fixedText}（可以当场更正）` : ''].filter((t) => t !== '').join('；');
    trace.push(materialEntry(m, { kind: 'stated', passed: false, message: traced }));
  }

  const unknown: string[] = [];
  if (submitted !== null) {
    for (const id of submitted.keys()) if (!version.materialIds.has(id)) unknown.push(id);
    unknown.sort();
  }
  // Only a submission that names a party can draw a party warning: most applications name none.
  const partyWarnings = submitted === null || !namesAParty(submitted) ? [] : version.materials.flatMap((m) => partyWarningsOf(m, submitted));
  return { notice, missing, problems, absentCore, absentCoreTitles, correctable, fixable, deferred, undecided, partyIssues, partyWarnings, trace, unknown, committed };
}

function namesAParty(submitted: ReadonlyMap<string, Submission>): boolean {
  for (const s of submitted.values()) for (const e of s.entries) if (e.party !== null) return true;
  return false;
}

/**
 * Warnings, not refusals: the card is on the counter either way, and refusing the whole
 * application over a label would send the applicant back for nothing. A party on a material not
 * required per party is ignored (`party-ignored`: said, so the window knows it was not checked per
 * party); one party's submission written twice while another listed party has none
 * (`party-repeated`) is counted as copies, as a repeated plain id is, but is most likely the other
 * party's card entered under the wrong party: the window is asked to look before the notice goes out.
 */
function partyWarningsOf(m: CompiledMaterial, submitted: ReadonlyMap<string, Submission>): DecisionWarning[] {
  const out: DecisionWarning[] = [];
  const perParty = new Map<string, number>();
  for (const id of [m.id, ...m.alternatives.map((a) => a.id)]) {
    const s = submitted.get(id);
    if (!s) continue;
    const name = id === m.id ? m.name : (m.alternatives.find((a) => a.id === id)?.name ?? m.name);
    for (const e of s.entries) {
      if (e.party === null) continue;
      if (m.parties.length === 0) {
        out.push({ code: 'party-ignored', message: `材料 ${id}（${name}）不是每一方各需一份的材料，第 ${e.index + 1} 项写的一方“${e.party}”未予考虑：按整份申请的材料审查` });
      } else perParty.set(e.party, (perParty.get(e.party) ?? 0) + 1);
    }
  }
  const absent = m.parties.filter((p) => !perParty.has(p));
  for (const [party, n] of perParty) {
    if (n < 2 || absent.length === 0 || !m.parties.includes(party)) continue;
    out.push({ code: 'party-repeated', message: `材料 ${m.id}（${m.name}）提交了 ${n} 份${party}的，没有${absent.join('、')}的：请核对其中是否有一份是${absent.join('或')}的、party 写错了` });
  }
  return out;
}

/**
 * Submissions of a per-party material (or one of its alternatives) that name no party, or a party
 * the material does not list. Counting them for no party would print a 补正 notice asking for a
 * card that lies on the counter; the window is told to say whose it is instead.
 */
function unnamedParties(m: CompiledMaterial, submitted: ReadonlyMap<string, Submission>): ApplicationIssue[] {
  const out: ApplicationIssue[] = [];
  const allowed = m.parties.join('、');
  for (const id of [m.id, ...m.alternatives.map((a) => a.id)]) {
    const s = submitted.get(id);
    if (!s) continue;
    const name = id === m.id ? m.name : (m.alternatives.find((a) => a.id === id)?.name ?? m.name);
    for (const e of s.entries) {
      if (e.party === null) {
        const problem = `是每一方各需一份的材料，须写明是哪一方的材料：写成 { id: ${id}, party: ${m.parties[0]} }（可选：${allowed}）`;
        out.push({ path: `$.materials[${e.index}]`, code: 'E-APP-PARTY', message: renderMessage('E-APP-PARTY', { id, name, problem }) });
      } else if (!m.parties.includes(e.party)) {
        const problem = `写的一方“${e.party}”不是该材料所列的一方；可选：${allowed}`;
        out.push({ path: `$.materials[${e.index}].party`, code: 'E-APP-PARTY', message: renderMessage('E-APP-PARTY', { id, name, problem }) });
      }
    }
  }
  return out;
}
