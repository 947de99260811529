import type { Pack } from '../engine/index.ts';
import type { CheckOptions, CheckReport } from './model.ts';

/** Runs every check on `pack`. (Scaffold: the checks land in completeness.ts and rules.ts.) */
export async function checkPack(pack: Pack, options: CheckOptions = {}): Promise<CheckReport> {
  void pack;
  void options;
  return { errors: [], warnings: [], stats: { items: 0, versions: 0, combinations: 0 } };
}
