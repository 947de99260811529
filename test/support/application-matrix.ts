// Applications that bring out every kind of decision a pack gives: each item applied for with no
// materials and with the usual ones, and consulted on, by each of the applicants.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Application } from '../../src/pack/index.ts';

/** The item codes of a pack directory, from its items/ file names. */
export function itemCodes(packDir: string): string[] {
  return readdirSync(path.join(packDir, 'items')).map((f) => f.replace(/\.yaml$/, '').toUpperCase());
}

export function applicationMatrix(items: readonly string[], applicants: ReadonlyArray<Record<string, unknown>>): Application[] {
  const out: Application[] = [];
  for (const item of items) {
    for (const applicant of applicants) {
      for (const materials of [[], ['id-card', 'application', 'household-register', 'authorization', 'income-statement']]) {
        out.push({ item, intent: 'apply', applicant, materials, receivedAt: '2026-11-23T09:30:00+08:00' } as unknown as Application);
      }
      out.push({ item, intent: 'consult', applicant, receivedAt: '2026-11-23T11:00:00+08:00' } as unknown as Application);
    }
  }
  return out;
}
