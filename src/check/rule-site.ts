/** Where a rule finding is written, and the list findings are collected in (each once). */
import { formatPath, renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { Pack } from '../engine/index.ts';
import type { CheckFinding } from './model.ts';

export class Findings {
  readonly list: CheckFinding[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly pack: Pack) {}

  /**
   * A finding at `path` of `file`, its message rendered from the catalogue. A second finding of
   * the same code at the same place is dropped: an element kept by several versions of an item is
   * reported once, as the base declaration has it (versions come base first). With `distinct`,
   * findings at one place that say different things (two documents missing) are all kept.
   * `scenario`: an application reproducing the finding, as a scenario entry to paste.
   */
  add(file: string, path: readonly PathSegment[], code: ErrorCode, params: Record<string, string | number>, options: { distinct?: boolean; scenario?: string | null } = {}): void {
    const distinct = options.distinct === true;
    const loc = this.pack.data.sources.locate(file, path);
    const finding: CheckFinding = {
      file: loc.file,
      line: loc.line,
      column: loc.column,
      path: formatPath(path),
      code,
      message: renderMessage(code, params),
      scenario: options.scenario ?? null,
    };
    const key = `${finding.file}\u0000${finding.line}\u0000${finding.column}\u0000${code}${distinct ? `\u0000${finding.message}` : ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(finding);
  }
}

/** `“申请书”` style quoting of a name for messages. */
export const q = (s: string): string => `“${s}”`;
