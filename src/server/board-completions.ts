/**
 * The center board's 近期办结公告 from the case register: cases completed recently whose item (as
 * in force when completed) requires a completion announcement. Only what the announcement
 * publishes leaves the register — the applicant's name (masked by the board), the item, when it was
 * completed and the item's declared result. An applicant who gave no name is not listed (there is
 * nothing to announce about them), nor a case whose item has since left the pack.
 */
import { shanghaiDate } from '../calendar/index.ts';
import { parseInstant } from '../core/index.ts';
import type { CompletionRecord } from '../documents/index.ts';
import { itemVersionAt, type PackData } from '../pack/index.ts';
import type { Records } from '../records/index.ts';

/** How far back the board looks: a completion announcement is posted for days, not months. */
const RECENT_DAYS = 30;
/** More than the board prints (it keeps the newest), few enough to stay cheap on a big register. */
const MAX_TAKEN = 50;

export function boardCompletions(records: Records, pack: PackData, now: number = Date.now()): CompletionRecord[] {
  const since = now - RECENT_DAYS * 86_400_000;
  const years = records.cases.years().filter((y) => y >= new Date(since).getUTCFullYear() - 1);
  const found: Array<{ at: number; entry: CompletionRecord }> = [];
  for (const c of records.cases.all(years)) {
    const done = c.events.find((e) => e.type === 'completed');
    if (!done) continue;
    const at = parseInstant(done.at);
    if (at < since || at > now) continue;
    const item = pack.items.get(c.item);
    const name = c.application?.applicant.name;
    if (!item || !name) continue;
    const version = itemVersionAt(item.data, shanghaiDate(at));
    if (!version.announcement?.required) continue;
    found.push({
      at,
      entry: {
        item: c.item,
        applicant: { name, type: c.application!.applicant.type },
        completedAt: done.at,
        // The item's declared result: an officer's note on the event is internal, not a result.
        result: version.result?.name ?? '已办结',
      },
    });
  }
  return found
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_TAKEN)
    .map((f) => f.entry);
}
