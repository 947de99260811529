/**
 * Submitted materials against the item's checklist (一次性告知: every problem at once). A material
 * is absent, in the wrong form, or in too few copies; a group of alternatives is satisfied by any
 * one; what the center fetches itself is never demanded; conditional materials follow the facts.
 * Materials are walked in declared order, so the order of submission never matters.
 */
import { titled } from './titled.ts';
import type { MissingMaterial, NoticeMaterial, TraceEntry } from '../pack/index.ts';
import type { CompiledMaterial, CompiledVersion, Form } from './compile.ts';
import type { Submission } from './input.ts';
import { FORM_NAMES, materialEntry } from './trace.ts';

export type Required = NoticeMaterial['required'];

export interface MaterialCheck {
  readonly notice: NoticeMaterial[];
  /** Every problem, in declared order. */
  readonly missing: MissingMaterial[];
  /** Problems per material, for one reason per material. */
  readonly problems: ReadonlyArray<{ readonly material: CompiledMaterial; readonly details: string }>;
  /** Core materials that are required and absent: the application is returned. */
  readonly absentCore: readonly CompiledMaterial[];
  /** Deferrable materials still outstanding. */
  readonly deferred: readonly CompiledMaterial[];
  /** Required or core materials not submitted whose condition the facts cannot decide. */
  readonly undecided: ReadonlyArray<{ readonly material: CompiledMaterial; readonly facts: string }>;
  readonly trace: TraceEntry[];
  readonly unknown: readonly string[];
}

/** Whether each material is required on the facts given, from the engine's slot results. */
export interface Requiredness {
  required(m: CompiledMaterial): Required;
  /** Labels of the facts its condition needs but did not get. */
  missing(m: CompiledMaterial): string;
}

function formOf(s: Submission): string {
  return s.original && s.copy ? FORM_NAMES.both : s.original ? FORM_NAMES.original : FORM_NAMES.copy;
}

function formOk(s: Submission, form: Form): boolean {
  return form === 'original' ? s.original : form === 'copy' ? s.copy : s.original && s.copy;
}

function need(form: Form, copies: number): string {
  return `${FORM_NAMES[form]}${copies > 1 ? ` ${copies} 份` : ''}`;
}

interface Problem {
  readonly problem: MissingMaterial['problem'];
  readonly detail: string;
}

/** Problems of one candidate submission; empty when it satisfies the requirement. */
function problemsOf(s: Submission, form: Form, copies: number, prefix: string): Problem[] {
  const out: Problem[] = [];
  if (!formOk(s, form)) out.push({ problem: 'wrong-form', detail: `${prefix}需${FORM_NAMES[form]}，只提交了${formOf(s)}` });
  if (s.copies < copies) out.push({ problem: 'too-few-copies', detail: `${prefix}需 ${copies} 份，只提交了 ${s.copies} 份` });
  return out;
}

/** `absent` when nothing of the material was submitted; [] when satisfied. */
function inspect(m: CompiledMaterial, submitted: ReadonlyMap<string, Submission>): Problem[] | 'absent' {
  if (m.alternatives.length === 0) {
    const s = submitted.get(m.id);
    return s ? problemsOf(s, m.form, m.copies, '') : 'absent';
  }
  let first: Problem[] | null = null;
  const own = submitted.get(m.id);
  if (own) {
    const p = problemsOf(own, m.form, m.copies, '');
    if (p.length === 0) return p;
    first = p;
  }
  for (const a of m.alternatives) {
    const s = submitted.get(a.id);
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

/** The full checklist for an application (`submitted` given) or a consultation (`submitted` null). */
export function checkMaterials(version: CompiledVersion, requiredness: Requiredness, submitted: ReadonlyMap<string, Submission> | null): MaterialCheck {
  const notice: NoticeMaterial[] = [];
  const missing: MissingMaterial[] = [];
  const problems: Array<{ material: CompiledMaterial; details: string }> = [];
  const absentCore: CompiledMaterial[] = [];
  const deferred: CompiledMaterial[] = [];
  const undecided: Array<{ material: CompiledMaterial; facts: string }> = [];
  const trace: TraceEntry[] = [];

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
      trace.push(required === 'unknown' ? materialEntry(m, { kind: 'undecided', facts: requiredness.missing(m) }) : m.traced('listed'));
      continue;
    }
    const found = inspect(m, submitted);
    if (found !== 'absent' && found.length === 0) {
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
    if (found === 'absent' && required === 'unknown') {
      const facts = requiredness.missing(m);
      undecided.push({ material: m, facts });
      trace.push(materialEntry(m, { kind: 'undecided', facts }));
      continue;
    }
    const list: Problem[] = found === 'absent' ? [{ problem: 'absent', detail: absentDetail(m) }] : found;
    for (const p of list) {
      missing.push({ id: m.id, name: m.name, necessity: m.necessity, problem: p.problem, detail: p.detail, department: m.department });
    }
    const details = list.map((p) => p.detail).join('；');
    problems.push({ material: m, details });
    if (found === 'absent' && m.necessity === 'core') absentCore.push(m);
    trace.push(materialEntry(m, { kind: 'problem', details }));
  }

  const unknown: string[] = [];
  if (submitted !== null) {
    for (const id of submitted.keys()) if (!version.materialIds.has(id)) unknown.push(id);
    unknown.sort();
  }
  return { notice, missing, problems, absentCore, deferred, undecided, trace, unknown };
}
