import { BianminError, type Problem } from '../core/index.ts';
import type { RouteMatch } from './route.ts';

/** One located problem in an application: a Problem whose JSON path (`$.applicant.age`, `$.materials[2].copies`) is always known. */
export interface ApplicationIssue extends Problem {
  readonly path: string;
}

/**
 * The only error `decide` rejects with: the application itself is unusable (malformed, wrong
 * types, missing fields, unknown item, invalid time). Its details are every problem found, each
 * with its JSON path; for an unknown item, `suggestions` are the items and organs the query most
 * resembles (首问负责: point the way instead of just refusing).
 */
export class ApplicationError extends BianminError {
  override name = 'ApplicationError';
  override readonly details: readonly ApplicationIssue[];
  /** For `E-APP-UNKNOWN-ITEM`: the closest items, referrals and windows, best first. */
  readonly suggestions: readonly RouteMatch[];

  constructor(issues: readonly ApplicationIssue[], suggestions: readonly RouteMatch[] = []) {
    const first: ApplicationIssue = issues[0] ?? { path: '$', code: 'E-APP-SCHEMA', message: '申请无效' };
    super(first.code, first.message, { path: first.path }, issues);
    this.details = issues.length > 0 ? issues : [first];
    this.suggestions = suggestions;
    // The one-line form says there is more, so a log line does not hide the other problems.
    if (this.details.length > 1) this.message += `（另有 ${this.details.length - 1} 处问题）`;
  }
}
