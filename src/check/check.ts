import type { Pack } from '../engine/index.ts';
import { sortDiagnostics } from '../pack/index.ts';
import { completenessFindings } from './completeness.ts';
import type { CheckFinding, CheckOptions, CheckReport } from './model.ts';
import { ruleFindings } from './rules.ts';

/**
 * Runs every check on `pack` (or on `options.items` only): the one-time notice completeness proof
 * and the rule checks (dead and overlapping rules, mode/clock/document coherence). Findings are
 * errors (E-CHECK-…) or warnings (W-CHECK-…) by their code, sorted like validate's diagnostics.
 */
export async function checkPack(pack: Pack, options: CheckOptions = {}): Promise<CheckReport> {
  const items = options.items ? [...new Set(options.items)].filter((c) => pack.engine.items.has(c)) : null;
  const [completeness, rules] = [await completenessFindings(pack, items), await ruleFindings(pack, items)];
  const all = [...completeness.findings, ...rules];
  const codes = items ?? [...pack.engine.items.keys()];
  return {
    errors: sorted(all.filter((f) => !f.code.startsWith('W-'))),
    warnings: sorted(all.filter((f) => f.code.startsWith('W-'))),
    stats: {
      items: codes.length,
      versions: codes.reduce((n, c) => n + (pack.engine.items.get(c)?.versions.length ?? 0), 0),
      combinations: completeness.combinations,
    },
  };
}

/** sortDiagnostics keeps each finding whole (scenario included); it only reorders. */
function sorted(list: readonly CheckFinding[]): CheckFinding[] {
  return sortDiagnostics(list) as CheckFinding[];
}
