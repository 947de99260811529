// E-LIMIT-IMMEDIATE / E-LIMIT-PETITION against a dated policy: each item version is held to every
// policy version in force on some day of it (policy.yaml `changes`), not only to the base policy.
// Before, a policy change from 2027-01-01 shortening clocks.immediate to 20 minutes validated
// clean against a 即办件 promising 30 minutes, and its 2027 decisions ran on 30.
import { describe, test } from 'vitest';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce } from './fixture-pack.ts';

const POLICY = 'policy.yaml';
const policyText = fixtureText(POLICY);
const CL = 'items/cl-001.yaml';
const clText = fixtureText(CL);
const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);

/** The policy with a change from 2027-01-01 whose clocks are the base ones with `edit` applied. */
function policyChange(edit: (clocks: string) => string): string {
  const clocks = /^clocks:\n(?: {2}.*\n)+/m.exec(policyText)![0];
  const set = edit(clocks)
    .split('\n')
    .filter(Boolean)
    .map((l) => `      ${l}`)
    .join('\n');
  return `${policyText}changes:\n  - effectiveFrom: "2027-01-01"\n    reference: 中心制度（2026年12月修订）\n    set:\n${set}\n`;
}

const shorterImmediate = policyChange(replaceOnce('immediate: { amount: 30, unit: minutes }', 'immediate: { amount: 20, unit: minutes }'));

describe('mode checks follow dated policy changes', () => {
  test('a 即办件 promising 30 minutes is an error once the policy shortens the immediate clock to 20', async () => {
    const errors = (await validate(packWith({ [POLICY]: shorterImmediate }))).errors;
    expectExactly(errors, [{ file: CL, ...positionOf(clText, 'promised: { amount: 30', 'promised: '.length), code: 'E-LIMIT-IMMEDIATE', path: '$.limits.promised', message: /30分钟.*20分钟.*2027-01-01/ }]);
  });

  test('an item version in force only before the change is held to the old clock', async () => {
    // The item itself moves to 20 minutes from the same day: its base (30) only runs in 2026.
    const text = `${clText}changes:\n  - effectiveFrom: "2027-01-01"\n    reference: 测残联发〔2026〕1号\n    set:\n      limits: { statutory: { amount: 20, unit: minutes }, promised: { amount: 20, unit: minutes } }\n`;
    await expectValid(packWith({ [POLICY]: shorterImmediate, [CL]: text }));
  });

  test("a petition's completion limit is checked against a later, longer reply clock", async () => {
    const petition = replaceOnce('mode: promised\n', 'mode: petition\n')(replaceOnce('promised: { amount: 10, unit: workingDays }\nfees', 'promised: { amount: 5, unit: calendarDays }\nfees')(itemText));
    await expectValid(packWith({ [ITEM]: petition }));
    const policy = policyChange(replaceOnce('petitionReply: { amount: 3, unit: calendarDays }', 'petitionReply: { amount: 7, unit: calendarDays }'));
    const errors = (await validate(packWith({ [POLICY]: policy, [ITEM]: petition }))).errors;
    // MZ-001's base (5 calendar days) runs only until its change of 2026-07-01, before the policy
    // change; the changed version (5 working days) runs on into 2027 and is reported where written.
    expectExactly(errors, [{ file: ITEM, ...positionOf(petition, 'promised: { amount: 5, unit: workingDays', 'promised: '.length), code: 'E-LIMIT-PETITION', path: '$.changes[0].set.limits.promised', message: /5个工作日.*7日.*2027-01-01/ }]);
  });
});
