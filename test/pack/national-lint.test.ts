// 实施清单 conformance lint: each rule's warning, located, in Chinese; the rules it leaves alone;
// the sample pack gains no warning from it.
import { describe, expect, test } from 'vitest';
import { resultTypeProblem } from '../../src/pack/national-lint.ts';
import { expectExactly, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce, SAMPLE_PACK } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const withTop = (extra: string): string => replaceOnce('conditions:', `${extra}\nconditions:`)(fixtureText(ITEM));

async function nationalWarnings(text: string) {
  const { errors, warnings } = await validate(packWith({ [ITEM]: text }));
  expect(errors).toEqual([]);
  return warnings.filter((w) => w.code.startsWith('W-NATIONAL-'));
}

describe('到办事现场次数', () => {
  test('visits ≠ 0 without a reason warns W-NATIONAL-VISITS-REASON at visits.count', async () => {
    const text = withTop('visits: { count: 2 }');
    expectExactly(await nationalWarnings(text), [
      { file: ITEM, ...positionOf(text, '2 }'), code: 'W-NATIONAL-VISITS-REASON', path: '$.visits.count', message: '到办事现场 2 次' },
    ]);
  });
  test('with the reason there is nothing to say', async () => {
    expect(await nationalWarnings(withTop('visits: { count: 1, reason: 须核验本人身份 }'))).toEqual([]);
  });
  test('0 visits with neither online service nor mail warns W-NATIONAL-NO-DELIVERY', async () => {
    const text = withTop('visits: { count: 0 }\nchannels: { forms: [窗口办理] }\ndelivery: { results: true }');
    expectExactly(await nationalWarnings(text), [
      { file: ITEM, ...positionOf(text, '0 }'), code: 'W-NATIONAL-NO-DELIVERY', path: '$.visits.count', message: '不能邮寄申请材料' },
    ]);
  });
  test('0 visits is fine online, by 邮寄办理, or with both materials and results mailed', async () => {
    expect(await nationalWarnings(withTop('visits: { count: 0 }\nchannels: { forms: [窗口办理, 网上办理] }'))).toEqual([]);
    expect(await nationalWarnings(withTop('visits: { count: 0 }\nchannels: { forms: [邮寄办理] }'))).toEqual([]);
    expect(await nationalWarnings(withTop('visits: { count: 0 }\ndelivery: { materials: true, results: true }'))).toEqual([]);
    // Without channels, the older service.online flag counts.
    expect(await nationalWarnings(withTop('visits: { count: 0 }\nservice: { online: true }'))).toEqual([]);
  });
});

describe('审批结果类型', () => {
  test('a 证照 named like a notice warns W-NATIONAL-RESULT-TYPE at result.type', async () => {
    const text = withTop('result: { name: 临时救助审批通知书, type: 证照 }');
    expectExactly(await nationalWarnings(text), [
      { file: ITEM, ...positionOf(text, '证照 }'), code: 'W-NATIONAL-RESULT-TYPE', path: '$.result.type', message: '临时救助审批通知书' },
    ]);
  });
  test('a 批文 named like a certificate warns too', async () => {
    const text = withTop('result: { name: 《临时救助证》, type: 批文 }');
    expectExactly(await nationalWarnings(text), [{ file: ITEM, ...positionOf(text, '批文 }'), code: 'W-NATIONAL-RESULT-TYPE', path: '$.result.type', message: '证照' }]);
  });
  test('the table', () => {
    expect(resultTypeProblem('证照', '《中华人民共和国残疾人证》（第二代）')).toBeNull();
    expect(resultTypeProblem('证照', '《农村宅基地批准书》《乡村建设规划许可证》')).toBeNull();
    expect(resultTypeProblem('证照', '准予行政许可决定书')).not.toBeNull();
    expect(resultTypeProblem('证照', '审核意见')).not.toBeNull();
    expect(resultTypeProblem('批文', '临时救助审批决定（救助金或实物）')).toBeNull();
    expect(resultTypeProblem('批文', '《特困人员救助供养证》')).not.toBeNull();
    expect(resultTypeProblem('批文', '居民居住情况证明')).toBeNull();
    expect(resultTypeProblem('其他', '准予行政许可决定书')).toBeNull();
  });
});

test('the sample pack has no conformance warning', async () => {
  const { errors, warnings } = await validate(SAMPLE_PACK);
  expect(errors).toEqual([]);
  expect(warnings.filter((w) => w.code.startsWith('W-NATIONAL-'))).toEqual([]);
});
