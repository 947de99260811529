/**
 * The changed cases a what-if report lists one by one: the first `limit` by case id of all that
 * are added (all of them with no limit). The rest are only counted (change-tally.ts), so that a
 * replay that changes most of a large register holds and sends a few hundred changes, not all.
 */
import type { CaseChange } from './replay.ts';

export const byCaseId = (x: CaseChange, y: CaseChange): number => (x.subject.id < y.subject.id ? -1 : x.subject.id > y.subject.id ? 1 : 0);

export class CaseListing {
  private list: CaseChange[] = [];

  /** `limit`: cases kept (Infinity: all). */
  constructor(readonly limit: number) {}

  add(c: CaseChange): void {
    this.list.push(c);
    // Trimmed in steps, not at each add: sorting is then paid once per `limit` changes.
    if (this.list.length >= 2 * this.limit + 1_024) this.trim();
  }

  /** The kept cases (in no particular order), handed over: the listing starts empty again. */
  take(): CaseChange[] {
    if (this.list.length > this.limit) this.trim();
    const out = this.list;
    this.list = [];
    return out;
  }

  private trim(): void {
    this.list.sort(byCaseId);
    if (this.list.length > this.limit) this.list.length = this.limit;
  }
}
