// Cross-checks: references between files resolve, ids are unique, limits agree, the calendar is sane.
import { describe, expect, test } from 'vitest';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);
const CL = 'items/cl-001.yaml';
const clText = fixtureText(CL);
const CENTER = 'center.yaml';
const centerText = fixtureText(CENTER);
const CAL = 'calendar/2026.yaml';
const calText = fixtureText(CAL);

async function errorsAfter(edits: Record<string, string>) {
  return (await validate(packWith(edits))).errors;
}

test('the minimal fixture pack is valid, without warnings', async () => {
  expect(await expectValid(packWith())).toEqual([]);
});

describe('dangling references', () => {
  test.each([
    ['department of an item', ITEM, 'department: minzheng', 'department: minzhen', 'minzhen', '是否应为 `minzheng`？'],
    ['window of an item', ITEM, 'window: minzheng-window', 'window: minzheng-windo', 'minzheng-windo', '是否应为 `minzheng-window`？'],
    ['shared condition', ITEM, 'condition: is-person', 'condition: is-persn', 'is-persn', '是否应为 `is-person`？'],
    ['fact in a material condition', ITEM, 'fact: forDependant', 'fact: forDependent', 'forDependent', '是否应为 `forDependant`？'],
    ['staff in a post', CENTER, 'b: li-si', 'b: li-sii', 'li-sii', '是否应为 `li-si`？'],
    ['window of a post', CENTER, 'window: canlian-window\n    a:', 'window: canlian-windw\n    a:', 'canlian-windw', '是否应为 `canlian-window`？'],
    ['department of a window', CENTER, 'department: canlian\n', 'department: canlan\n', 'canlan', '是否应为 `canlian`？'],
    ['leader', CENTER, 'staff: zhao-liu', 'staff: zhao-liuu', 'zhao-liuu', '是否应为 `zhao-liu`？'],
    ['discipline action', 'policy.yaml', 'action: xiagang', 'action: xiagan', 'xiagan', '是否应为 `xiagang`？'],
    ['ladder step', 'policy.yaml', 'ladder: [tongbao, xiagang]', 'ladder: [tongbao, xiagang, kaichu]', 'kaichu', '未在 actions 中声明'],
  ])('%s', async (_label, file, from, to, marker, hint) => {
    const text = replaceOnce(from, to)(fixtureText(file));
    const errors = await errorsAfter({ [file]: text });
    expectExactly(errors, [{ file, ...positionOf(text, to, to.indexOf(marker)), code: 'E-REF-UNKNOWN', message: hint }]);
  });

  test('a template the pack does not have', async () => {
    const text = itemText + 'documents:\n  guide: my-guide\n';
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'my-guide'), code: 'E-REF-UNKNOWN', path: '$.documents.guide', message: 'templates/my-guide.hbs' }]);
  });

  test("a pack's own template resolves", async () => {
    await expectValid(packWith({ [ITEM]: itemText + 'documents:\n  guide: my-guide\n', 'templates/my-guide.hbs': '{{item.name}}\n' }));
  });

  test('a fact unknown to discipline rules', async () => {
    const text = replaceOnce('fact: verifiedComplaints, operator: equal', 'fact: complaints, operator: equal')(fixtureText('policy.yaml'));
    const errors = await errorsAfter({ 'policy.yaml': text });
    expectExactly(errors, [{ file: 'policy.yaml', ...positionOf(text, 'complaints, operator: equal'), code: 'E-REF-UNKNOWN', message: '事实 `complaints` 未声明' }]);
  });
});

describe('uniqueness', () => {
  test('two items with one code: reported at the later file, naming the earlier', async () => {
    const errors = await errorsAfter({ [CL]: replaceOnce('code: CL-001', 'code: MZ-001')(clText) });
    expectExactly(errors, [{ file: ITEM, ...positionOf(itemText, 'MZ-001'), code: 'E-REF-DUPLICATE-CODE', message: 'items/cl-001.yaml' }]);
  });

  test('two materials of one item with one id', async () => {
    const text = replaceOnce('  - id: income-proof', '  - id: application')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'application\n    name: 收入证明'), code: 'E-REF-DUPLICATE-ID', path: '$.materials[3].id' }]);
  });

  test('a material id repeated inside an alternatives group', async () => {
    const text = replaceOnce('      - id: hukou-book', '      - id: application')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'application\n        name: 户口簿'), code: 'E-REF-DUPLICATE-ID', path: '$.materials[1].alternatives[1].id' }]);
  });

  test('two staff with one id', async () => {
    const text = replaceOnce('  - id: wang-wu', '  - id: li-si')(centerText);
    const errors = await errorsAfter({ [CENTER]: text });
    expect(errors.map((d) => [d.line, d.code])).toContainEqual([positionOf(text, 'li-si\n    name: 王五').line, 'E-REF-DUPLICATE-ID']);
  });
});

describe('limits and materials', () => {
  test('a promised limit longer than the statutory one', async () => {
    const text = replaceOnce('promised: { amount: 10, unit: workingDays }', 'promised: { amount: 25, unit: workingDays }')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [
      { file: ITEM, ...positionOf(text, '{ amount: 25'), code: 'E-LIMIT-PROMISED-EXCEEDS', path: '$.limits.promised', message: '承诺期限（25个工作日）长于法定时限（20个工作日）' },
    ]);
  });

  test('limits in different units compare by length (31 minutes > 30 minutes, 1 hour > 30 minutes)', async () => {
    const text = replaceOnce('promised: { amount: 30, unit: minutes }', 'promised: { amount: 1, unit: hours }')(clText);
    const errors = await errorsAfter({ [CL]: text });
    // CL-001 is immediate: 1 hour also exceeds the policy's 30-minute immediate clock (mode-checks.ts).
    const at = positionOf(text, '{ amount: 1, unit: hours }');
    expectExactly(errors, [
      { file: CL, ...at, code: 'E-LIMIT-IMMEDIATE' },
      { file: CL, ...at, code: 'E-LIMIT-PROMISED-EXCEEDS' },
    ]);
  });

  test('a deferrable material without a due period', async () => {
    const text = replaceOnce('    due: { amount: 5, unit: workingDays }\n', '')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'id: income-proof'), code: 'E-MATERIAL-DUE', path: '$.materials[3]', message: '收入证明' }]);
  });

  test('a due period on a material that is not deferrable', async () => {
    const text = replaceOnce('    necessity: deferrable\n', '    necessity: required\n')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '{ amount: 5, unit: workingDays }'), code: 'E-MATERIAL-DUE' }]);
  });

  test('a sample form that the item does not list', async () => {
    const text = replaceOnce('    name: 临时救助申请书\n', '    name: 临时救助申请书\n    sample: 申请书样表\n')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '申请书样表'), code: 'E-REF-UNKNOWN' }]);
  });
});

describe('the center', () => {
  test('a post whose A and B holders are the same person', async () => {
    const text = replaceOnce('b: li-si', 'b: zhang-san')(centerText);
    const errors = await errorsAfter({ [CENTER]: text });
    expectExactly(errors, [{ file: CENTER, ...positionOf(text, 'zhang-san\n    b: zhang-san', 'zhang-san\n    b: '.length), code: 'E-POST-SAME-HOLDER' }]);
  });

  test('a window without a post', async () => {
    const text = replaceOnce('  - id: canlian-post\n    name: 残疾人服务岗\n    window: canlian-window\n    a: wang-wu\n    b: zhao-liu\n', '')(centerText);
    const errors = await errorsAfter({ [CENTER]: text });
    expectExactly(errors, [{ file: CENTER, ...positionOf(text, 'id: canlian-window'), code: 'E-WINDOW-NO-POST', path: '$.windows[1]', message: '残联窗口' }]);
  });
});

describe('policy and roster', () => {
  test('the last assessment grade must be the catch-all (no when)', async () => {
    const text = replaceOnce('    - grade: 不称职\n', '    - grade: 不称职\n      when: { fact: meetsStandards, operator: equal, value: false }\n')(fixtureText('policy.yaml'));
    const errors = await errorsAfter({ 'policy.yaml': text });
    expectExactly(errors, [{ file: 'policy.yaml', ...positionOf(text, 'grade: 不称职'), code: 'E-POLICY-GRADE' }]);
  });

  test('a bad-review grade that is not among the grades', async () => {
    const text = replaceOnce('bad: [不满意]', 'bad: [不满议]')(fixtureText('policy.yaml'));
    const errors = await errorsAfter({ 'policy.yaml': text });
    expectExactly(errors, [{ file: 'policy.yaml', ...positionOf(text, '不满议'), code: 'E-REF-UNKNOWN', message: '是否应为 `不满意`？' }]);
  });

  test('a duty-roster day outside its month, and an unknown leader', async () => {
    const text = centerText + 'dutyRoster:\n  - month: "2026-03"\n    days:\n      - { date: "2026-04-01", leader: zhao-liu }\n      - { date: "2026-03-02", leader: zhao-liuu }\n';
    const errors = await errorsAfter({ [CENTER]: text });
    expectExactly(errors, [
      { file: CENTER, ...positionOf(text, '"2026-04-01"'), code: 'E-ROSTER-DATE' },
      { file: CENTER, ...positionOf(text, 'zhao-liuu'), code: 'E-REF-UNKNOWN' },
    ]);
  });
});

describe('office hours', () => {
  test.each([
    ['a period that ends before it starts', '["08:30-12:00", "17:30-13:00"]', '"17:30-13:00"', '不晚于开始时刻'],
    ['overlapping periods', '["08:30-12:00", "11:30-17:30"]', '"11:30-17:30"', '重叠'],
    ['periods out of order', '["13:00-17:30", "08:30-12:00"]', '"08:30-12:00"', '顺序颠倒'],
  ])('%s', async (_label, hours, marker, message) => {
    const text = replaceOnce('default: ["08:30-12:00", "13:00-17:30"]', `default: ${hours}`)(centerText);
    const errors = await errorsAfter({ [CENTER]: text });
    expectExactly(errors, [{ file: CENTER, ...positionOf(text, marker), code: 'E-CENTER-OFFICE-HOURS', message }]);
  });

  test('a day without office hours and a lunch-free day are fine', async () => {
    const text = replaceOnce('default: ["08:30-12:00", "13:00-17:30"]', 'default: ["09:00-17:00"]\n    wed: []\n    sat: ["09:00-12:00"]')(centerText);
    await expectValid(packWith({ [CENTER]: text }));
  });
});

describe('conditions compare values of the right kind', () => {
  test('an enum option that does not exist (a typo that would never match)', async () => {
    const facts = fixtureText('facts.yaml') + '  - id: married\n    text: 已婚\n    when: { fact: maritalStatus, operator: equal, value: 己婚 }\n';
    const withFact = replaceOnce('conditions:\n', '  - id: maritalStatus\n    label: 婚姻状况\n    type: enum\n    values: [未婚, 已婚, 离婚, 丧偶]\nconditions:\n')(facts);
    const errors = await errorsAfter({ 'facts.yaml': withFact });
    expectExactly(errors, [{ file: 'facts.yaml', ...positionOf(withFact, '己婚'), code: 'E-CONDITION-VALUE', message: '没有 "己婚"' }]);
  });

  test('a yes/no fact compared with text', async () => {
    const text = replaceOnce('operator: equal, value: true', 'operator: equal, value: "是"')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '"是"'), code: 'E-CONDITION-VALUE', message: 'true 或 false' }]);
  });

  test('applicantType takes person or organization', async () => {
    const text = replaceOnce('value: person', 'value: 个人')(fixtureText('facts.yaml'));
    const errors = await errorsAfter({ 'facts.yaml': text });
    expectExactly(errors, [{ file: 'facts.yaml', ...positionOf(text, '个人'), code: 'E-CONDITION-VALUE', message: 'person、organization' }]);
  });
});

describe('handling modes', () => {
  test('a joint item without co-departments', async () => {
    const text = replaceOnce('mode: promised', 'mode: joint')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'joint'), code: 'E-ITEM-JOINT' }]);
  });

  test('a reported item without the approving authority', async () => {
    const text = replaceOnce('mode: promised', 'mode: reported')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'reported'), code: 'E-ITEM-REPORTED' }]);
  });

  test('a rejecting condition without where to send the applicant', async () => {
    const text = replaceOnce('    reason: 临时救助只受理自然人的申请\n', '    reason: 临时救助只受理自然人的申请\n    onFail: rejected\n')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'id: person-only'), code: 'E-ITEM-ROUTE' }]);
  });
});

describe('calendar', () => {
  test('a make-up workday that is not a weekend day', async () => {
    const text = replaceOnce('"2026-10-10"', '"2026-10-12"')(calText);
    const errors = await errorsAfter({ [CAL]: text });
    expectExactly(errors, [{ file: CAL, ...positionOf(text, '"2026-10-12"'), code: 'E-CALENDAR-WORKDAY', message: '星期一' }]);
  });

  test('a day declared both holiday and workday', async () => {
    const text = replaceOnce('"2026-10-10"', '"2026-10-03"')(calText);
    const errors = await errorsAfter({ [CAL]: text });
    expectExactly(errors, [{ file: CAL, ...positionOf(text, '"2026-10-03"'), code: 'E-CALENDAR-WORKDAY', message: '同时被声明为放假日' }]);
  });

  test('a holiday that ends before it starts', async () => {
    const text = replaceOnce('to: "2026-10-07"', 'to: "2026-09-07"')(calText);
    const errors = await errorsAfter({ [CAL]: text });
    expectExactly(errors, [{ file: CAL, ...positionOf(text, '"2026-09-07"'), code: 'E-CALENDAR-RANGE' }]);
  });

  test('a holiday of two months (a mistyped month)', async () => {
    const text = replaceOnce('to: "2026-10-07"', 'to: "2026-12-07"')(calText);
    const errors = await errorsAfter({ [CAL]: text });
    expectExactly(errors, [{ file: CAL, ...positionOf(text, '"2026-12-07"'), code: 'E-CALENDAR-RANGE', message: '68 天' }]);
  });

  test('a date that does not exist', async () => {
    const text = replaceOnce('from: "2026-10-01"', 'from: "2026-09-31"')(calText);
    const errors = await errorsAfter({ [CAL]: text });
    expectExactly(errors, [{ file: CAL, ...positionOf(text, '"2026-09-31"'), code: 'E-CALENDAR-DATE' }]);
  });

  test('a holiday in another year', async () => {
    const text = replaceOnce('{ name: 国庆节, from: "2026-10-01", to: "2026-10-07" }', '{ name: 国庆节, from: "2025-10-01", to: "2025-10-07" }')(calText);
    const errors = await errorsAfter({ [CAL]: text });
    expectExactly(errors, [{ file: CAL, ...positionOf(text, '"2025-10-01"'), code: 'E-CALENDAR-YEAR' }]);
  });

  test('a New Year holiday that starts in December of the year before is accepted (as the State Council declares it)', async () => {
    const text = replaceOnce('holidays:\n', 'holidays:\n  - { name: 元旦, from: "2025-12-31", to: "2026-01-02" }\n')(calText);
    await expectValid(packWith({ [CAL]: text }));
  });

  test('a file name that disagrees with its year', async () => {
    const text = replaceOnce('year: 2026', 'year: 2027')(calText);
    const result = await validate(packWith({ [CAL]: text }));
    expect(result.errors[0]).toMatchObject({ file: CAL, ...positionOf(text, '2027'), code: 'E-CALENDAR-YEAR' });
  });

  test('one year declared in two files', async () => {
    const errors = await errorsAfter({ 'calendar/2026-bis.yaml': calText });
    expectExactly(errors, [{ file: 'calendar/2026.yaml', ...positionOf(calText, '2026'), code: 'E-CALENDAR-DUPLICATE' }]);
  });
});

describe('dated changes', () => {
  const change = (date: string, set: string) => `  - effectiveFrom: "${date}"\n    reference: 测民发〔2026〕9号\n    set: ${set}\n`;

  test('two changes on one day', async () => {
    const text = itemText + change('2026-07-01', '{ name: 临时救助 }');
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '"2026-07-01"\n    reference: 测民发〔2026〕9号'), code: 'E-CHANGE-DATE', message: '第 1 项变更' }]);
  });

  test('a promised limit over the statutory one from a future date', async () => {
    const text = replaceOnce('promised: { amount: 5, unit: workingDays }', 'promised: { amount: 25, unit: workingDays }')(itemText);
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '{ amount: 25'), code: 'E-LIMIT-PROMISED-EXCEEDS', path: '$.changes[0].set.limits.promised' }]);
  });

  test('a change that moves the item to a window that does not exist', async () => {
    const text = itemText + change('2026-08-01', '{ window: nowhere }');
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'nowhere'), code: 'E-REF-UNKNOWN', path: '$.changes[1].set.window' }]);
  });

  test('changes apply in date order, whatever order they are listed in', async () => {
    // Listed first but later in time: co-departments from September; joint handling from August.
    const text = itemText + change('2026-09-01', '{ departments: [canlian] }') + change('2026-08-01', '{ mode: joint }');
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'joint'), code: 'E-ITEM-JOINT', path: '$.changes[2].set.mode' }]);
  });

  test('a change that repeats a material id', async () => {
    const text = itemText + change('2026-08-01', '{ materials: [ { id: a, name: 甲, necessity: core }, { id: a, name: 乙, necessity: core } ] }');
    const errors = await errorsAfter({ [ITEM]: text });
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'a, name: 乙'), code: 'E-REF-DUPLICATE-ID', path: '$.changes[1].set.materials[1].id' }]);
  });
});

describe('warnings', () => {
  test('an item without a legal basis is valid, with a warning', async () => {
    const text = replaceOnce('basis:\n  - law: 《残疾人证管理办法》\n', '')(clText);
    const warnings = await expectValid(packWith({ [CL]: text }));
    expectExactly(warnings, [{ file: CL, ...positionOf(text, 'CL-001'), code: 'W-ITEM-NO-BASIS', message: '残疾人证申领' }]);
  });

  test('the calendar ending within 60 days of today warns; 61 days does not', async () => {
    const dir = packWith();
    // 2026-11-01 is 60 days before 2026-12-31; at 23:30 UTC on Oct 31 it is already Nov 1 in Shanghai.
    // From 1 November the missing 2027 file is asked for by W-CALENDAR-NEXT-YEAR, which then says
    // how long the calendar lasts instead of a second warning (test/calendar/statutory-holidays.test.ts).
    const at60 = await validate(dir, new Date('2026-10-31T23:30:00Z'));
    expect(at60.ok).toBe(true);
    expectExactly(at60.warnings, [{ file: CAL, ...positionOf(calText, '2026'), code: 'W-CALENDAR-NEXT-YEAR', message: '还有 60 天' }]);
    const at61 = await validate(dir, new Date('2026-10-31T15:30:00Z'));
    expect(at61.warnings).toEqual([]);
  });

  test('a calendar already past warns too', async () => {
    const result = await validate(packWith(), new Date('2027-01-05T09:00:00+08:00'));
    expectExactly(result.warnings, [{ file: CAL, line: 1, code: 'W-CALENDAR-ENDING', message: '已过 5 天' }]);
  });
});

test('all errors of all files come in one run, sorted by file and line', async () => {
  const errors = await errorsAfter({
    [ITEM]: replaceOnce('mode: promised', 'mode: promissed')(replaceOnce('promised: { amount: 10', 'promised: { amount: 30')(itemText)),
    [CL]: replaceOnce('copies: 2', 'copies: 两份')(clText),
    [CENTER]: replaceOnce('b: li-si', 'b: zhang-san')(centerText),
    [CAL]: replaceOnce('"2026-10-10"', '"2026-10-12"')(calText),
  });
  expect(errors.map((d) => [d.file, d.code])).toEqual([
    ['calendar/2026.yaml', 'E-CALENDAR-WORKDAY'],
    ['center.yaml', 'E-POST-SAME-HOLDER'],
    ['items/cl-001.yaml', 'E-SCHEMA-TYPE'],
    ['items/mz-001.yaml', 'E-SCHEMA-ENUM'],
  ]);
  // A schema error keeps that file out of the cross-checks; fix it and the next problem shows.
  const next = await errorsAfter({ [ITEM]: replaceOnce('promised: { amount: 10', 'promised: { amount: 30')(itemText) });
  expect(next.map((d) => d.code)).toEqual(['E-LIMIT-PROMISED-EXCEEDS']);
});
