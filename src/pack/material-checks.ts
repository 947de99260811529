/**
 * Rules of the seeds on materials, made checks (issue 16): a catch-all material (属于兜底性质的
 * “其他材料”“有关材料”等，不得要求申请人提供) is an error; a copy demanded of the applicant
 * (一律不得要求申请人提交复印件，由窗口复印) warns unless `copyReason` says why.
 */
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';

/**
 * Names that are catch-alls: the whole name is 其他/有关/相关材料, or it ends in 其他材料, 等材料,
 * 的有关材料. A specific noun before 相关证明 (收入相关证明) names a material and is not caught.
 */
export const CATCH_ALL_PATTERN = /(其他|其它|等|的有关|的相关)(相关|有关)?(材料|证明|资料)$|^(其他|其它|有关|相关)(相关|有关)?(材料|证明|资料)/u;

interface MaterialLike {
  readonly name?: string;
  readonly form?: string;
  readonly fetchable?: boolean;
  readonly copyReason?: string;
}

export interface MaterialSink {
  error(path: readonly PathSegment[], code: ErrorCode, message: string): void;
  warn(path: readonly PathSegment[], code: ErrorCode, message: string): void;
}

/** Checks one material written at `at` (an item's or the catalogue's). */
export function checkMaterialRules(m: MaterialLike, at: readonly PathSegment[], sink: MaterialSink): void {
  if (m.name !== undefined && CATCH_ALL_PATTERN.test(m.name.trim())) {
    sink.error([...at, 'name'], 'E-MATERIAL-CATCH-ALL', renderMessage('E-MATERIAL-CATCH-ALL', { name: m.name }));
  }
  if (m.form === 'copy' && !m.fetchable && !m.copyReason) {
    sink.warn([...at, 'form'], 'W-MATERIAL-COPY', renderMessage('W-MATERIAL-COPY', { name: m.name ?? '' }));
  }
}
