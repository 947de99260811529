/**
 * A dated change that takes a material away while the pack's own scenarios (tests/*.yaml) still
 * submit it on or after that day: either the change drops more than the officer meant (a `set` of
 * the whole list that forgot an entry) or the scenarios describe an application that no longer
 * fits. The pack loader does not read scenarios, so `validate` calls this beside it; `check` may too.
 */
import path from 'node:path';
import { shanghaiDate } from '../calendar/index.ts';
import { formatPath, renderMessage, type PathSegment } from '../core/index.ts';
import type { Diagnostic, ItemFile, PackData, ScenarioFile } from '../pack/index.ts';
import { itemVersions, parseSource, readRegularFile } from '../pack/index.ts';
import { scenarioFiles } from './load.ts';
import { epoch, scenarioTime } from './time.ts';

/** A material a change takes away: from its date on the item no longer lists it. */
interface Loss {
  readonly id: string;
  readonly name: string;
  readonly date: string;
  /** Where the loss is written in the item's file. */
  readonly at: PathSegment[];
}

/** Every material (alternatives included) each change of `item` takes away from the version before. */
export function materialLosses(item: ItemFile): Loss[] {
  const versions = itemVersions(item);
  const out: Loss[] = [];
  const ids = (v: (typeof versions)[number]): Map<string, string> => {
    const m = new Map<string, string>();
    for (const x of v.materials) {
      m.set(x.id, x.name);
      for (const a of x.alternatives ?? []) if (!m.has(a.id)) m.set(a.id, a.name);
    }
    return m;
  };
  for (let k = 1; k < versions.length; k++) {
    const before = ids(versions[k - 1]!);
    const after = ids(versions[k]!);
    const change = versions[k]!.appliedChange!;
    const i = versions[k]!.changeIndex;
    for (const [id, name] of before) {
      if (after.has(id)) continue;
      const removed = (change.remove?.materials ?? []).indexOf(id);
      const at: PathSegment[] = removed >= 0 ? ['changes', i, 'remove', 'materials', removed] : change.set?.materials ? ['changes', i, 'set', 'materials'] : ['changes', i];
      out.push({ id, name, date: change.effectiveFrom, at });
    }
  }
  return out;
}

/**
 * Warnings W-CHANGE-LOST-SUBMITTED for the pack in `dir` (already loaded as `pack`): one per
 * material a change takes away and scenario that submits it for that item on or after the date.
 * Scenario files that do not parse are skipped here (`bianmin test` reports them).
 */
export async function lostSubmittedMaterials(dir: string, pack: PackData): Promise<Diagnostic[]> {
  const losses = new Map<string, Loss[]>();
  for (const [code, { data }] of pack.items) {
    const found = materialLosses(data);
    if (found.length > 0) losses.set(code, found);
  }
  if (losses.size === 0) return [];
  const out: Diagnostic[] = [];
  for (const rel of await scenarioFiles(dir)) {
    let bytes: Uint8Array;
    try {
      const read = readRegularFile(path.join(dir, rel));
      if (!(read instanceof Uint8Array)) continue;
      bytes = read;
    } catch {
      continue;
    }
    const parsed = parseSource(rel, bytes);
    if (!parsed.ok) continue;
    const list = (parsed.source.data as Partial<ScenarioFile> | null)?.scenarios;
    if (!Array.isArray(list)) continue;
    list.forEach((s, index) => {
      if (typeof s?.item !== 'string' || typeof s.received !== 'string' || !Array.isArray(s.materials)) return;
      const itemLosses = losses.get(s.item);
      if (!itemLosses) return;
      const time = scenarioTime(s.received);
      if (!('time' in time)) return;
      const day = shanghaiDate(epoch(time.time));
      const submitted = new Set(s.materials.map((m) => (typeof m === 'string' ? m : m?.id)).filter((m): m is string => typeof m === 'string'));
      const line = parsed.source.locate(['scenarios', index]).line;
      for (const loss of itemLosses) {
        if (loss.date > day || !submitted.has(loss.id)) continue;
        const file = pack.items.get(s.item)!.file;
        const where = pack.sources.locate(file, loss.at);
        out.push({
          file: where.file,
          line: where.line,
          column: where.column,
          path: formatPath(loss.at),
          code: 'W-CHANGE-LOST-SUBMITTED',
          message: renderMessage('W-CHANGE-LOST-SUBMITTED', { date: loss.date, name: loss.name, id: loss.id, scenario: s.name, file: rel, line, received: s.received }),
        });
      }
    });
  }
  return out;
}
