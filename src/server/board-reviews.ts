/**
 * The board's 好差评 column: a month's reviews counted per window and grade (评价结果公开). Only
 * counts leave the register — no reviewer, no comment, no staff member — and a review struck on
 * appeal (申诉复核撤销) is not counted. Every window of center.yaml is listed (zeros included, so
 * the board's table has a fixed shape); a review of a window since removed is not (the board could
 * not label it), nor one without a window.
 */
import { parseInstant } from '../core/index.ts';
import type { PackData } from '../pack/index.ts';
import { isStruck, parsePeriod, RecordsError, type Records } from '../records/index.ts';

export interface BoardReviews {
  /** YYYY-MM (Asia/Shanghai). */
  readonly month: string;
  readonly windows: ReadonlyArray<{
    readonly window: string;
    /** The window's number (center.yaml), for the label 「1号 民政窗口」. */
    readonly number: number;
    readonly name: string;
    /** Reviews counted (struck excluded). */
    readonly total: number;
    /** Of which bad (policy.reviews.bad). */
    readonly bad: number;
    /** One entry per grade of policy.reviews.grades, in that order. */
    readonly counts: ReadonlyArray<{ readonly grade: string; readonly count: number }>;
  }>;
}

/** `month` is `YYYY-MM`; anything else is refused (E-PERIOD). `pack` is the served pack (or its data). */
export function boardReviews(records: Records, pack: PackData | { readonly data: PackData }, month: string): BoardReviews {
  const data = 'data' in pack ? pack.data : pack;
  // A month only: the board shows one month's counts (parsePeriod also reads years and quarters).
  if (!/^\d{4}-\d{2}$/.test(month)) throw RecordsError.of('E-PERIOD', { text: month });
  const period = parsePeriod(month);
  const { grades, bad } = data.policy.reviews;
  const tally = new Map(data.center.windows.map((w) => [w.id, new Map(grades.map((g) => [g, 0]))]));
  for (const r of records.reviews.all()) {
    if (!r.window || isStruck(r)) continue;
    const at = parseInstant(r.at);
    if (at < period.from || at >= period.to) continue;
    const counts = tally.get(r.window);
    // A grade since dropped from policy.yaml has no column on the board.
    if (counts?.has(r.grade)) counts.set(r.grade, counts.get(r.grade)! + 1);
  }
  return {
    month,
    windows: data.center.windows.map((w) => {
      const counts = [...tally.get(w.id)!].map(([grade, count]) => ({ grade, count }));
      return {
        window: w.id,
        number: w.number,
        name: w.name,
        total: counts.reduce((n, c) => n + c.count, 0),
        bad: counts.filter((c) => bad.includes(c.grade)).reduce((n, c) => n + c.count, 0),
        counts,
      };
    }),
  };
}
