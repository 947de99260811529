// Danger 4 of issue 15: a fact declared in facts.yaml and used by no condition (e.g. `amount`)
// validated clean — a question the window asks for nothing, or a rule forgotten. Now it is a
// warning W-FACT-UNUSED at the declaration; a shared condition nothing uses is W-CONDITION-UNUSED,
// and a fact used only by such a condition is unused too. Every condition site counts, found by a
// generic walk: conditions, requiredWhen, mode branches, and what dated changes add.
// Before the fix none of these warnings existed (the first test got no warnings).
import { describe, expect, test } from 'vitest';
import { expectExactly, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce, SAMPLE_PACK } from './fixture-pack.ts';

const FACTS = 'facts.yaml';
const ITEM = 'items/mz-001.yaml';
const factsText = fixtureText(FACTS);
const itemText = fixtureText(ITEM);

const AMOUNT = `  - id: amount
    label: 救助金额
    type: number
`;
const withAmount = replaceOnce('facts:\n', `facts:\n${AMOUNT}`)(factsText);

describe('unused facts and shared conditions', () => {
  test('a declared fact no condition uses: W-FACT-UNUSED at its id', async () => {
    const result = await validate(packWith({ [FACTS]: withAmount }));
    expect(result.errors).toEqual([]);
    expectExactly(result.warnings, [{ file: FACTS, ...positionOf(withAmount, 'id: amount', 4), code: 'W-FACT-UNUSED', path: '$.facts[0].id', message: '事实“救助金额”（amount）已声明，但没有任何受理条件、材料条件或办理方式分支使用它' }]);
  });

  test('a fact used only by a shared condition nothing uses: both warned', async () => {
    const text = `${withAmount.trimEnd()}\n  - id: small-amount\n    text: 救助金额1000元以下\n    when: { fact: amount, operator: lessThanInclusive, value: 1000 }\n`;
    const result = await validate(packWith({ [FACTS]: text }));
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['W-FACT-UNUSED', '$.facts[0].id'],
      ['W-CONDITION-UNUSED', '$.conditions[1].id'],
    ]);
    expect(result.warnings[0]!.message).toContain('只在未被使用的共享条件 small-amount 中出现');
    // Once an item uses the shared condition, the fact is used through it.
    const item = replaceOnce('when: { condition: is-person }', 'when: { all: [{ condition: is-person }, { condition: small-amount }] }')(itemText);
    const used = await validate(packWith({ [FACTS]: text, [ITEM]: item }));
    expect(used.warnings).toEqual([]);
  });

  test.each([
    ['a condition', (t: string) => replaceOnce('when: { condition: is-person }', 'when: { fact: amount, operator: lessThanInclusive, value: 1000 }')(t)],
    ['a material condition', (t: string) => replaceOnce('requiredWhen: { fact: forDependant, operator: equal, value: true }', 'requiredWhen: { any: [{ fact: forDependant, operator: equal, value: true }, { fact: amount, operator: greaterThan, value: 1000 }] }')(t)],
    ['a mode branch', (t: string) => replaceOnce('mode: promised\n', 'mode:\n  - when: { fact: amount, operator: greaterThan, value: 1000 }\n    mode: promised\n    text: 救助金额超过1000元的\n  - mode: promised\n    text: 其余\n')(t)],
    ['a material a dated change adds', (t: string) => `${t.trimEnd()}\n    add:\n      materials:\n        - id: large-proof\n          name: 大额救助说明\n          necessity: required\n          requiredWhen: { fact: amount, operator: greaterThan, value: 1000 }\n          requiredWhenText: 救助金额超过1000元的\n`],
  ])('use in %s counts', async (_label, edit) => {
    const result = await validate(packWith({ [FACTS]: withAmount, [ITEM]: edit(itemText) }));
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.code === 'W-FACT-UNUSED')).toEqual([]);
  });

  test('while an item file is broken, nothing is said (it may hold the only use)', async () => {
    const result = await validate(packWith({ [FACTS]: withAmount, [ITEM]: itemText.replace('necessity: core', 'necessity: kore') }));
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.warnings.filter((w) => w.code === 'W-FACT-UNUSED')).toEqual([]);
  });

  test('the sample pack declares no unused fact or shared condition', async () => {
    const result = await validate(SAMPLE_PACK, new Date('2026-12-02T10:00:00+08:00'));
    expect(result.warnings.filter((w) => w.code === 'W-FACT-UNUSED' || w.code === 'W-CONDITION-UNUSED')).toEqual([]);
  });
});
