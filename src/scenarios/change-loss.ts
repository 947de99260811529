/**
 * A dated change that takes a material away while the pack's own scenarios (tests/*.yaml) still
 * submit it on or after that day: either the change drops more than the officer meant (a `set` of
 * the whole list that forgot an entry) or the scenarios describe an application that no longer
 * fits. The pack loader does not read scenarios: validateWithScenarios reports this beside the
 * loader's diagnostics, for `validate`, `check` and the workbench's draft diagnostics alike.
 */
import path from 'node:path';
import { shanghaiDate } from '../calendar/index.ts';
import { formatPath, renderMessage, type PathSegment } from '../core/index.ts';
import { withTemplateChecks } from '../documents/index.ts';
import type { Diagnostic, ItemFile, LoadOptions, PackData, ScenarioFile, ValidationResult } from '../pack/index.ts';
import { itemVersions, parseSource, readRegularFile, sortDiagnostics, validatePack } from '../pack/index.ts';
import { scenarioFiles, TESTS_DIR } from './load.ts';

/** A draft's files read instead of the pack's (pack-relative path → file, or null: deleted). */
type PackOverlay = NonNullable<LoadOptions['overlay']>;
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

/** A pack's validation with the findings that need its scenarios too (validateWithScenarios). */
export interface FullValidation extends ValidationResult {
  /** The W-CHANGE-LOST-SUBMITTED warnings among `warnings`. */
  readonly scenarioWarnings: readonly Diagnostic[];
}

/**
 * The one validation of `bianmin validate`, `bianmin check` and the workbench's draft diagnostics
 * (whose API promises the same answer as validate --json): the loader's diagnostics, the document
 * templates' (a pack that cannot print its notices is not valid) and, for a pack without errors,
 * W-CHANGE-LOST-SUBMITTED from its own scenarios (read through the draft's overlay, if any).
 */
export async function validateWithScenarios(dir: string, options: LoadOptions = {}): Promise<FullValidation> {
  const checked = withTemplateChecks(await validatePack(dir, options));
  if (!checked.pack) return { ...checked, scenarioWarnings: [] };
  const lost = await lostSubmittedMaterials(dir, checked.pack, options.overlay);
  if (lost.length === 0) return { ...checked, scenarioWarnings: [] };
  return { ...checked, warnings: sortDiagnostics([...checked.warnings, ...lost]), scenarioWarnings: lost };
}

/**
 * Warnings W-CHANGE-LOST-SUBMITTED for the pack in `dir` (already loaded as `pack`): one per
 * material a change takes away and scenario that submits it for that item on or after the date.
 * Scenario files that do not parse are skipped here (`bianmin test` reports them). With an
 * `overlay` (a draft) the scenario files are those of the pack seen through it.
 */
export async function lostSubmittedMaterials(dir: string, pack: PackData, overlay?: PackOverlay): Promise<Diagnostic[]> {
  const losses = new Map<string, Loss[]>();
  for (const [code, { data }] of pack.items) {
    if (!data.changes || data.changes.length === 0) continue;
    const found = materialLosses(data);
    if (found.length > 0) losses.set(code, found);
  }
  if (losses.size === 0) return [];
  const out: Diagnostic[] = [];
  for (const rel of await overlaidScenarioFiles(dir, overlay)) {
    let bytes: Uint8Array;
    try {
      const read = readRegularFile(overlay?.get(rel) ?? path.join(dir, rel));
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

/** The scenario files under tests/, as scenarioFiles finds them, with a draft's additions and deletions. */
async function overlaidScenarioFiles(dir: string, overlay?: PackOverlay): Promise<string[]> {
  const onDisk = await scenarioFiles(dir);
  if (!overlay) return onDisk;
  const files = new Set(onDisk.filter((rel) => overlay.get(rel) !== null));
  const scenario = new RegExp(`^${TESTS_DIR}/[^/]+\\.ya?ml$`, 'i');
  for (const [rel, replacement] of overlay) if (replacement !== null && scenario.test(rel)) files.add(rel);
  return [...files].sort();
}
