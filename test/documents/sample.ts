// Real decisions from the sample pack (rules/) through the real engine, one per kind of notice,
// checked against schemas/decision.schema.json so that the fixtures stay honest.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadPack, type Pack } from '../../src/index.ts';
import type { Decision } from '../../src/pack/schema-types.ts';
import { schemaValidator } from '../../src/pack/schemas.ts';
import { translateAjvErrors } from '../../src/core/index.ts';

export const RULES = path.resolve(import.meta.dirname, '../../rules');
export const RECEIVED = '2026-11-23T09:30:00+08:00';

const local = { type: 'person', hukouLocal: true, householdIncomePerCapita: 400, forDependant: false, hasDisabilityCert: false } as const;

/** Applications that the sample pack decides as each notice type. */
export const APPLICATIONS = {
  consultation: { item: 'MZ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: RECEIVED },
  supplement: { item: 'MZ-001', intent: 'apply', applicant: local, materials: ['application', 'id-card', 'authorization'], receivedAt: RECEIVED },
  returned: { item: 'NY-001', intent: 'apply', applicant: { type: 'person' }, materials: [], receivedAt: RECEIVED },
  rejected: { item: 'ZB-001', intent: 'apply', applicant: { type: 'person' }, receivedAt: RECEIVED },
  accepted: { item: 'MZ-001', intent: 'apply', applicant: local, materials: ['application', 'id-card', 'authorization', 'income-statement'], receivedAt: RECEIVED },
  promised: { item: 'RS-003', intent: 'apply', applicant: { type: 'person', forDependant: false, cardDamaged: false }, materials: ['id-card', 'application', 'photo'], receivedAt: RECEIVED },
  immediate: { item: 'ZH-001', intent: 'apply', applicant: { type: 'person', forDependant: false, hukouLocal: true, residesLocal: true }, materials: ['id-card', 'commitment'], receivedAt: RECEIVED },
} as const;

export type Sample = keyof typeof APPLICATIONS;

// The project's own validator of decision.schema.json (the one ajv, the one set of formats).
const validateDecision = schemaValidator('decision');

/** Throws unless `d` is a valid decision; returns it typed. */
export function checkedDecision(d: unknown): Decision {
  if (!validateDecision(d)) throw new Error(`invalid decision: ${translateAjvErrors(validateDecision.errors ?? [], { family: 'application' }).map((p) => `${p.path} ${p.message}`).join('; ')}`);
  return d as Decision;
}

let rules: Promise<Pack> | null = null;
export function samplePack(): Promise<Pack> {
  rules ??= loadPack(RULES);
  return rules;
}

export async function sampleDecision(which: Sample, pack?: Pack): Promise<Decision> {
  const p = pack ?? (await samplePack());
  return checkedDecision(await p.decide(APPLICATIONS[which]));
}

/** A copy of the sample pack in a temporary directory, for tests that add templates or edit items. */
export async function copyOfRules(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-docs-'));
  await cp(RULES, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
