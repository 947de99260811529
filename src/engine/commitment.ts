/**
 * 告知承诺制 (国办发〔2020〕42号) in a decision: the applicant commits in writing instead of
 * submitting some materials (`commitments` in the application). A material accepts a commitment
 * only when its own item file entry says `commitment` (see src/pack/commitment-checks.ts); any
 * other id is an application error at `$.commitments[i]`. An applicant the register excludes (a
 * prior false commitment, DecideOptions.commitmentExcluded) has every commitment refused: the
 * materials stay missing, and a warning says why, citing the record.
 */
import { renderMessage } from '../core/index.ts';
import type { DecisionWarning } from '../pack/index.ts';
import type { CompiledVersion } from './compile.ts';
import type { ApplicationIssue } from './errors.ts';
import { titled } from './titled.ts';

/** Why the applicant may not use 告知承诺 this time, e.g. a false commitment recorded in the register. */
export interface CommitmentExclusion {
  readonly reason: string;
}

export interface CommitmentOutcome {
  /** Material ids that count as provided (empty when excluded). */
  readonly accepted: ReadonlySet<string>;
  readonly issues: readonly ApplicationIssue[];
  readonly warnings: readonly DecisionWarning[];
}

const NONE: CommitmentOutcome = { accepted: new Set(), issues: [], warnings: [] };

/** Which of `ids` the version accepts by commitment, located problems for the others. */
export function resolveCommitments(v: CompiledVersion, ids: readonly string[], excluded: CommitmentExclusion | undefined): CommitmentOutcome {
  if (ids.length === 0) return NONE;
  const issues: ApplicationIssue[] = [];
  const accepted = new Set<string>();
  ids.forEach((id, i) => {
    const index = v.materials.findIndex((m) => m.id === id);
    const data = index >= 0 ? v.data.materials[index] : undefined;
    let problem: string | null = null;
    if (index < 0) {
      const group = v.materialIds.get(id);
      problem = group ? `是“${group.name}”的任选其一材料之一：承诺请写该材料的标识 ${group.id}` : `不在事项 ${v.code} 的材料清单中`;
    } else if (data?.commitment === undefined) {
      problem = '不接受告知承诺，须提交材料本身';
    }
    if (problem !== null) {
      const name = index >= 0 ? `（${v.materials[index]!.name}）` : '';
      issues.push({ path: `$.commitments[${i}]`, code: 'E-APP-COMMITMENT', message: renderMessage('E-APP-COMMITMENT', { id, name, problem }) });
    } else accepted.add(id);
  });
  if (issues.length > 0 || !excluded) return { accepted, issues, warnings: [] };
  const titles = v.materials.filter((m) => accepted.has(m.id)).map((m) => titled(m.name)).join('、');
  return {
    accepted: new Set(),
    issues: [],
    warnings: [{ code: 'commitment-excluded', message: `申请人不适用告知承诺（${excluded.reason}）：${titles}须提交材料本身` }],
  };
}
