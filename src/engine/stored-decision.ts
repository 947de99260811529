/**
 * Decisions written by an earlier version (a case register, a saved `decide --json`) read in
 * today's shape: a field added to the decision later gets the value meaning "not computed then",
 * so a new required field never makes old data refuse to load. One entry per added field.
 */
export function upgradeStoredDecision(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const d = value as Record<string, unknown>;
  let out = d;
  // questions (2026-12): the facts still needed were not listed before; nothing is asked of old cases.
  if (!('questions' in out)) out = { ...out, questions: [] };
  // correctable (2026-12): nothing was corrected on the spot before; every problem was in `missing`.
  if (!('correctable' in out)) out = { ...out, correctable: [] };
  // modeBranch (2026-12) stays optional and is not filled in: absent means the item's default
  // branch (every mode was a single mode then), which is how the register reads it (records/cases.ts).
  // deadline.reply / deadline.leaderReception (2026-12) likewise: old petition decisions lack them.
  return out;
}
