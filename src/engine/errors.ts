import type { RouteMatch } from './route.ts';

/** One located problem in an application (the input of a decision). */
export interface ApplicationIssue {
  /** JSON path into the application, e.g. `$.applicant.age` or `$.materials[2].copies`. */
  readonly path: string;
  /** Stable machine-readable code, e.g. `E-APP-TYPE`, `E-APP-UNKNOWN-ITEM`. */
  readonly code: string;
  /** Chinese message for the window clerk or the client developer. */
  readonly message: string;
}

/**
 * The only error `decide` rejects with: the application itself is unusable (malformed, wrong
 * types, missing fields, unknown item, invalid time). Carries every problem found, each with its
 * JSON path; for an unknown item, the items and organs the query most resembles (首问负责: point
 * the way instead of just refusing).
 */
export class ApplicationError extends Error {
  override readonly name = 'ApplicationError';
  /** Code of the first issue. */
  readonly code: string;
  /** JSON path of the first issue. */
  readonly path: string;
  readonly issues: readonly ApplicationIssue[];
  /** For `E-APP-UNKNOWN-ITEM`: the closest items, referrals and windows, best first. */
  readonly suggestions: readonly RouteMatch[];

  constructor(issues: readonly ApplicationIssue[], suggestions: readonly RouteMatch[] = []) {
    const first = issues[0] ?? { path: '$', code: 'E-APP', message: '申请无效' };
    const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '';
    super(`${first.path === '$' ? '' : `${first.path}：`}${first.message}${more}`);
    this.code = first.code;
    this.path = first.path;
    this.issues = issues.length > 0 ? issues : [first];
    this.suggestions = suggestions;
  }
}
