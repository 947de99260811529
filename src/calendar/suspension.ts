/**
 * Suspensions (补正, 听证, 检验检测, 专家评审 …) as resolved, merged intervals of instants during
 * which the clock does not run. `from` and `to` are instants; an open suspension (no `to`) lasts
 * until `until` (the clock's "now"), i.e. it is taken as resumed now.
 */
import type { Suspension } from './contract.ts';
import { ClockError } from './errors.ts';
import { clockInstant } from './clock-input.ts';

/** A suspension interval in epoch ms, `from < to`, half-open [from, to). */
export interface Span {
  readonly from: number;
  readonly to: number;
}

export const NO_SPANS: readonly Span[] = Object.freeze([]);

/**
 * Parses, clips to the clock's start, drops those not yet begun at `until`, sorts and merges.
 * `until` null: every suspension must be closed (a due date without a "now").
 */
export function resolveSpans(startMs: number, suspensions: readonly Suspension[] | undefined, until: number | null, path = 'suspensions'): readonly Span[] {
  if (!suspensions || suspensions.length === 0) return NO_SPANS;
  const spans: Span[] = [];
  suspensions.forEach((s, i) => {
    const from = clockInstant(s.from, `${path}[${i}].from`);
    if (until !== null && from > until) return; // not begun yet at "now"
    let to: number;
    if (s.to == null || s.to === '') {
      if (until === null) throw new ClockError('E-CLOCK-SUSPENSION-INVALID', '暂停计时尚未结束（缺少 to），计算到期时间时必须给出恢复计时的时间', `${path}[${i}].to`);
      to = until;
    } else {
      to = clockInstant(s.to, `${path}[${i}].to`);
      if (to < from) throw new ClockError('E-CLOCK-SUSPENSION-INVALID', `恢复计时时间 ${s.to} 早于暂停时间 ${s.from}`, `${path}[${i}].to`);
      if (until !== null && to > until) to = until; // still suspended at "now": taken as resumed now
    }
    const f = from > startMs ? from : startMs;
    if (to > f) spans.push({ from: f, to });
  });
  spans.sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, s.to) };
    else merged.push(s);
  }
  return merged;
}
