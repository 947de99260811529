/**
 * The decision's trace: one entry per rule the engine applied (referral, version, each
 * eligibility condition, each material), with its outcome, why in Chinese, and the YAML line it
 * came from.
 */
import { titled } from './titled.ts';
import type { SourceRef, TraceEntry } from '../pack/index.ts';
import type { CompiledCondition, CompiledMaterial, CompiledReferral, CompiledVersion, Form } from './compile.ts';

export const FORM_NAMES: Readonly<Record<Form, string>> = { original: '原件', copy: '复印件', both: '原件和复印件' };

export function entry(rule: string, passed: boolean | null, message: string, source: SourceRef): TraceEntry {
  return { rule, passed, message, source };
}

export function versionEntry(v: Pick<CompiledVersion, 'version' | 'data'>, source: SourceRef): TraceEntry {
  const message = v.version
    ? `适用 ${v.version.effectiveFrom} 起施行的事项版本（${v.version.reference}）`
    : `适用事项“${v.data.name}”的现行规定（收件日无已施行的变更）`;
  return entry('version', true, message, source);
}

export function referralEntry(r: CompiledReferral): TraceEntry {
  return entry(r.rule, false, `“${r.name}”不属本中心职权：${r.reason} 应向${r.organ}申请`, r.source);
}

export function conditionEntry(c: Pick<CompiledCondition, 'rule' | 'text' | 'reason' | 'source'>, passed: boolean | null, missingFacts: string): TraceEntry {
  const message =
    passed === true
      ? `符合受理条件：${c.text}`
      : passed === false
        ? `不符合受理条件：${c.text}（${c.reason}）`
        : `无法判断是否符合受理条件：${c.text}；缺少申请人事实：${missingFacts}`;
  return entry(c.rule, passed, message, c.source);
}

/** What a material's check found, for its trace entry. */
export type MaterialFinding =
  | { readonly kind: 'fetched' }
  | { readonly kind: 'not-required' }
  | { readonly kind: 'undecided'; readonly facts: string }
  | { readonly kind: 'ok' }
  | { readonly kind: 'optional-missing' }
  | { readonly kind: 'deferred' }
  | { readonly kind: 'problem'; readonly details: string }
  /** Wording built by the caller (per-party problems, problems to correct on the spot). */
  | { readonly kind: 'stated'; readonly passed: boolean; readonly message: string }
  | { readonly kind: 'listed' };

export type MaterialRef = Pick<CompiledMaterial, 'rule' | 'name' | 'condition' | 'source' | 'necessity'>;

export function materialEntry(m: MaterialRef, f: MaterialFinding): TraceEntry {
  const title = titled(m.name);
  switch (f.kind) {
    case 'fetched':
      return entry(m.rule, true, `${title}由中心通过共享调取，申请人无需提交`, m.source);
    case 'not-required':
      return entry(m.rule, true, `${title}本次不需要（${m.condition ?? '条件不满足'}，与申请人情况不符）`, m.source);
    case 'undecided':
      return entry(m.rule, null, `无法判断是否需要${title}（${m.condition ?? ''}）；缺少申请人事实：${f.facts}`, m.source);
    case 'ok':
      return entry(m.rule, true, `${title}已提交，符合要求`, m.source);
    case 'optional-missing':
      return entry(m.rule, true, `${title}为可选材料，未提交不影响受理`, m.source);
    case 'deferred':
      return entry(m.rule, false, `${title}为容缺材料，尚未交齐，可先受理后补交`, m.source);
    case 'problem':
      return entry(m.rule, false, `${title}${f.details}`, m.source);
    case 'stated':
      return entry(m.rule, f.passed, f.message, m.source);
    case 'listed':
      return entry(m.rule, true, `${title}列入一次性告知（${necessityName(m)}）`, m.source);
  }
}

function necessityName(m: MaterialRef): string {
  return { core: '主件', required: '必要材料', deferrable: '容缺材料', optional: '可选材料' }[m.necessity];
}
