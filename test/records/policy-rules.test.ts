// Discipline rules and grades are YAML conditions run by json-rules-engine on counted facts.
import { expect, test } from 'vitest';
import type { Condition } from '../../src/pack/index.ts';
import { factsOf, RuleSet } from '../../src/records/policy-rules.ts';

const twice: Condition = { fact: 'verifiedComplaints', operator: 'greaterThanInclusive', value: 2 };
const once: Condition = { all: [{ fact: 'verifiedComplaints', operator: 'equal', value: 1 }, { not: { fact: 'overdueCases', operator: 'greaterThan', value: 0 } }] };
const anyBad: Condition = { any: [{ fact: 'badReviews', operator: 'greaterThan', value: 0 }, { fact: 'postLeftEmpty', operator: 'equal', value: true }] };

test('the facts a rule reads, through all, any and not', () => {
  expect([...factsOf(once)].sort()).toEqual(['overdueCases', 'verifiedComplaints']);
  expect([...factsOf(anyBad)].sort()).toEqual(['badReviews', 'postLeftEmpty']);
  expect([...factsOf(twice)]).toEqual(['verifiedComplaints']);
});

test('a run returns the positions of the rules that hold; a rule without a condition never does', async () => {
  const rules = new RuleSet([once, twice, undefined, anyBad]);
  const facts = { verifiedComplaints: 1, overdueCases: 0, badReviews: 0, postLeftEmpty: false };
  expect([...(await rules.run(facts))]).toEqual([0]);
  expect([...(await rules.run({ ...facts, verifiedComplaints: 2 }))]).toEqual([1]);
  expect([...(await rules.run({ ...facts, verifiedComplaints: 2, postLeftEmpty: true }))].sort()).toEqual([1, 3]);
  expect([...(await rules.run({ ...facts, overdueCases: 1 }))]).toEqual([]);
});

test('the same rule set answers repeated runs independently', async () => {
  const rules = new RuleSet([twice]);
  const runs = await Promise.all([1, 2, 3, 0].map((n) => rules.run({ verifiedComplaints: n })));
  expect(runs.map((r) => r.has(0))).toEqual([false, true, true, false]);
});

test('a fact the records did not supply is an error, never a silent false', async () => {
  await expect(new RuleSet([twice]).run({})).rejects.toThrow(/verifiedComplaints/);
});
