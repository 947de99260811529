/**
 * Decisions written by an earlier version (a case register, a saved `decide --json`) read in
 * today's shape: a field added to the decision later gets the value meaning "not computed then",
 * so a new required field never makes old data refuse to load. One entry per added field.
 */
export function upgradeStoredDecision(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const d = value as Record<string, unknown>;
  // questions (2026-12): the facts still needed were not listed before; nothing is asked of old cases.
  return 'questions' in d ? d : { ...d, questions: [] };
}
