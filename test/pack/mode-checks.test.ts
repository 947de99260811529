// Mode checks (issue 15): fields that do not fit the mode (danger 2), one source per clock
// (danger 3), and the conditional mode list. Each danger test names what the code before this
// change did with the same pack: it validated clean.
import { describe, expect, test } from 'vitest';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);
const CL = 'items/cl-001.yaml';
const clText = fixtureText(CL);
const FACTS = 'facts.yaml';
/** The minimal pack's facts with a number fact for mode conditions. */
const factsWithAmount = replaceOnce('    type: boolean\n', '    type: boolean\n  - id: amount\n    label: 申请金额\n    type: number\n    unit: 元\n')(fixtureText(FACTS));

async function errorsOf(edits: Record<string, string>) {
  return (await validate(packWith(edits))).errors;
}

/** MZ-001 with `mode: promised` replaced by `mode` (YAML text at the top level). */
function withMode(mode: string, text = itemText): string {
  return replaceOnce('mode: promised\n', mode)(text);
}

describe('danger 2: a field that belongs to another mode is an error with the reason', () => {
  // Before: each of these validated clean and the field was silently ignored.
  test('reportTo on a promised item', async () => {
    const text = itemText + 'reportTo: 县民政局\n';
    const errors = await errorsOf({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '县民政局'), code: 'E-ITEM-MODE-FIELD', path: '$.reportTo', message: /只用于上报件.*承诺件/ }]);
  });

  test('departments on a promised item', async () => {
    const text = itemText + 'departments: [canlian]\n';
    const errors = await errorsOf({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '[canlian]'), code: 'E-ITEM-MODE-FIELD', path: '$.departments', message: '只用于联办件' }]);
  });

  test("a material's department on a promised item", async () => {
    const text = replaceOnce('    name: 临时救助申请书\n', '    name: 临时救助申请书\n    department: minzheng\n')(itemText);
    const errors = await errorsOf({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'minzheng\n    necessity'), code: 'E-ITEM-MODE-FIELD', path: '$.materials[0].department', message: '临时救助申请书' }]);
  });

  test('a dated change that writes reportTo on a promised item is reported at the change', async () => {
    const text = itemText + '  - effectiveFrom: "2026-09-01"\n    reference: 测民发〔2026〕2号\n    set: { reportTo: 县民政局 }\n';
    const errors = await errorsOf({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '县民政局'), code: 'E-ITEM-MODE-FIELD', path: '$.changes[1].set.reportTo' }]);
  });

  test('the fields of the mode the item has are accepted', async () => {
    const joint = withMode('mode: joint\ndepartments: [canlian]\n', replaceOnce('    name: 临时救助申请书\n', '    name: 临时救助申请书\n    department: canlian\n')(itemText));
    await expectValid(packWith({ [ITEM]: joint }));
    await expectValid(packWith({ [ITEM]: withMode('mode: reported\nreportTo: 县民政局\n') }));
  });
});

describe('danger 3: one source per clock', () => {
  test('an immediate item promising 20 working days is an error', async () => {
    // Before: validated clean, and every decision counted 20 working days, not the 30-minute clock.
    const text = replaceOnce('statutory: { amount: 30, unit: minutes }\n  promised: { amount: 30, unit: minutes }', 'statutory: { amount: 20, unit: workingDays }\n  promised: { amount: 20, unit: workingDays }')(clText);
    const errors = await errorsOf({ [CL]: text });
    expectExactly(errors, [{ file: CL, ...positionOf(text, 'promised: { amount: 20', 'promised: '.length), code: 'E-LIMIT-IMMEDIATE', path: '$.limits.promised', message: /20个工作日.*30分钟/ }]);
  });

  test('an immediate item may leave out limits: the policy clock applies', async () => {
    // Before: `limits` was required of every item.
    const text = clText.replace(/limits:\n(  .*\n)+/, '');
    expect(text).not.toContain('limits');
    await expectValid(packWith({ [CL]: text }));
  });

  test('an immediate item promising 30 minutes with a same-day statutory limit is valid', async () => {
    const text = replaceOnce('statutory: { amount: 30, unit: minutes }', 'statutory: { amount: 0, unit: sameDay }')(clText);
    await expectValid(packWith({ [CL]: text }));
  });

  test('a promised item without limits is an error naming its mode', async () => {
    const text = itemText.replace(/limits:\n(  .*\n)+/, '');
    const errors = await errorsOf({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'promised\n'), code: 'E-LIMIT-MISSING', path: '$.mode', message: '承诺件须写 limits' }]);
  });

  test("a petition promising less than the policy's reply clock is an error", async () => {
    // Before: the petition clocks of policy.yaml and the item's limits could disagree silently.
    const text = withMode('mode: petition\n', replaceOnce('promised: { amount: 10, unit: workingDays }\nfees', 'promised: { amount: 2, unit: calendarDays }\nfees')(itemText));
    const errors = await errorsOf({ [ITEM]: text });
    const at = positionOf(text, 'promised: { amount: 2', 'promised: '.length);
    expectExactly(errors, [{ file: ITEM, ...at, code: 'E-LIMIT-PETITION', path: '$.limits.promised', message: /2日.*信访答复期限（3日.*petitionReply/ }]);
  });
});

describe('a mode chosen by a condition', () => {
  const BRANCHES =
    'mode:\n' +
    '  - when: { fact: amount, operator: lessThanInclusive, value: 1000 }\n' +
    '    mode: immediate\n' +
    '    text: 1000元以下的\n' +
    '  - mode: promised\n' +
    '    text: 超过1000元的\n';

  test('an immediate branch and a promised default with the item limits is valid', async () => {
    await expectValid(packWith({ [FACTS]: factsWithAmount, [ITEM]: withMode(BRANCHES) }));
  });

  test('a misspelt mode still gets the enum message and a suggestion', async () => {
    const text = withMode('mode: promisd\n');
    const errors = await errorsOf({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'promisd'), code: 'E-SCHEMA-ENUM', message: 'promised' }]);
  });

  test('the default must be exactly one branch, the last', async () => {
    const swapped = 'mode:\n  - mode: promised\n    text: 其余\n  - when: { fact: amount, operator: greaterThan, value: 1000 }\n    mode: immediate\n    text: 超过1000元的\n';
    const text = withMode(swapped);
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [
      { file: ITEM, ...positionOf(text, 'mode: promised\n    text: 其余'), code: 'E-ITEM-MODE-LIST', path: '$.mode[0]', message: '只有最后一项可以不写 when' },
      { file: ITEM, ...positionOf(text, '{ fact: amount'), code: 'E-ITEM-MODE-LIST', path: '$.mode[1].when', message: '最后一项不应写 when' },
    ]);
  });

  test('a conditional branch must say in words when it applies', async () => {
    const text = withMode(BRANCHES.replace('    text: 1000元以下的\n', ''));
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'when: { fact: amount'), code: 'E-ITEM-MODE-LIST', path: '$.mode[0]', message: 'text' }]);
  });

  test("a branch's condition is checked like any condition", async () => {
    const text = withMode(BRANCHES.replace('fact: amount', 'fact: amout'));
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'amout'), code: 'E-REF-UNKNOWN', path: '$.mode[0].when.fact', message: '是否应为 `amount`？' }]);
  });

  test("an immediate branch's own limits are held to the immediate clock", async () => {
    const text = withMode(BRANCHES.replace('    text: 1000元以下的\n', '    text: 1000元以下的\n    limits: { statutory: { amount: 20, unit: workingDays }, promised: { amount: 10, unit: workingDays } }\n'));
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '{ amount: 10, unit: workingDays } }'), code: 'E-LIMIT-IMMEDIATE', path: '$.mode[0].limits.promised' }]);
  });

  test("a branch's own promised limit may not exceed its statutory one", async () => {
    const text = withMode(BRANCHES.replace('    text: 超过1000元的\n', '    text: 超过1000元的\n    limits: { statutory: { amount: 5, unit: workingDays }, promised: { amount: 8, unit: workingDays } }\n'));
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [
      { file: ITEM, ...positionOf(text, '{ amount: 8'), code: 'E-LIMIT-PROMISED-EXCEEDS', path: '$.mode[1].limits.promised' },
      // Both branches now have limits of their own (immediate: the policy's), so the item's are unused.
      { file: ITEM, ...positionOf(text, '  statutory: { amount: 20', 2), code: 'E-ITEM-MODE-FIELD', path: '$.limits' },
    ]);
  });

  test('item limits no branch uses are an error', async () => {
    const own = '    limits: { statutory: { amount: 20, unit: workingDays }, promised: { amount: 10, unit: workingDays } }\n';
    const text = withMode(BRANCHES + own);
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '  statutory: { amount: 20', 2), code: 'E-ITEM-MODE-FIELD', path: '$.limits', message: '没有一种办理方式使用' }]);
  });

  test('a dated change that makes the mode conditional is checked where it is written', async () => {
    const text = itemText + '  - effectiveFrom: "2026-09-01"\n    reference: 测民发〔2026〕2号\n    set:\n      mode:\n        - { when: { fact: amout, operator: lessThan, value: 500 }, mode: immediate }\n        - { mode: promised }\n';
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [
      { file: ITEM, ...positionOf(text, '{ when: { fact: amout'), code: 'E-ITEM-MODE-LIST', path: '$.changes[1].set.mode[0]', message: 'text' },
      { file: ITEM, ...positionOf(text, 'amout'), code: 'E-REF-UNKNOWN', path: '$.changes[1].set.mode[0].when.fact' },
    ]);
  });

  // Before: the mode field's oneOf (a mode name, or a list) also reported the name branch's
  // complaints about the list (E-SCHEMA-ENUM "not in immediate…", E-SCHEMA-TYPE "应为文字，实际是列表"):
  // three errors for one mistake.
  test("a mistake inside a branch's limits is one error, at the bad field", async () => {
    const text = withMode(BRANCHES.replace('    text: 超过1000元的\n', '    text: 超过1000元的\n    limits: { statutory: { amount: 5, unit: workingDays }, promised: { amount: 3, unit: sameDay } }\n'));
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '3, unit: sameDay'), code: 'E-SCHEMA-ENUM', path: '$.mode[1].limits.promised.amount', message: '应为 0' }]);
  });

  test("a misspelt mode name in a branch is one error, with a suggestion", async () => {
    const text = withMode(BRANCHES.replace('  - mode: promised\n', '  - mode: promisd\n'));
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'promisd'), code: 'E-SCHEMA-ENUM', path: '$.mode[1].mode', message: '是否应为 `promised`？' }]);
  });

  test('a joint branch needs co-departments like a joint item', async () => {
    const text = withMode(BRANCHES.replace('  - mode: promised\n', '  - mode: joint\n'));
    const errors = await errorsOf({ [FACTS]: factsWithAmount, [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'joint'), code: 'E-ITEM-JOINT', path: '$.mode[1].mode' }]);
  });
});
