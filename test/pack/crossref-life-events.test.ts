// center.yaml lifeEvents (the kiosk's "我要办什么" buttons): each code is an item of the pack —
// a misspelt one is located at its list entry with the nearest code, a referral's code is told
// apart (it is not handled here) — ids are unique, and the schema's own limits hold.
import { describe, expect, test } from 'vitest';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf } from './fixture-pack.ts';

const CENTER = 'center.yaml';
const centerText = fixtureText(CENTER);

function withEvents(yaml: string): string {
  return `${centerText.trimEnd()}\n\nlifeEvents:\n${yaml}`;
}

describe('lifeEvents in center.yaml', () => {
  test('events naming the items of the pack are valid', async () => {
    const text = withEvents('  - { id: jiuzhu, name: 困难救助, description: 家里遇到困难, items: [MZ-001] }\n  - { id: canji, name: 残疾人服务, items: [CL-001, MZ-001] }\n');
    expect(await expectValid(packWith({ [CENTER]: text }))).toEqual([]);
  });

  test('a code that is no item: located at the entry, with the nearest code', async () => {
    const text = withEvents('  - { id: jiuzhu, name: 困难救助, items: [MZ-001, CL-01] }\n');
    const { errors } = await validate(packWith({ [CENTER]: text }));
    expectExactly(errors, [{ file: CENTER, ...positionOf(text, 'CL-01]'), code: 'E-REF-UNKNOWN', path: '$.lifeEvents[0].items[1]', message: '是否应为 `CL-001`？' }]);
  });

  test("a referral's code: not handled here, so not a life event's item", async () => {
    const referrals = 'referrals:\n  - code: WB-001\n    name: 机动车驾驶证换证\n    keywords: [驾驶证]\n    organ: 县公安局交警大队车管所\n    reason: 驾驶证由公安机关交通管理部门办理。\n    basis:\n      law: 《机动车驾驶证申领和使用规定》\n';
    const text = withEvents('  - { id: chuxing, name: 出行, items: [WB-001] }\n');
    const { errors } = await validate(packWith({ [CENTER]: text, 'referrals.yaml': referrals }));
    expectExactly(errors, [{ file: CENTER, ...positionOf(text, 'WB-001]'), code: 'E-REF-UNKNOWN', message: '是转办事项，不在本中心办理' }]);
  });

  test('two events with one id', async () => {
    const text = withEvents('  - { id: jiuzhu, name: 困难救助, items: [MZ-001] }\n  - { id: jiuzhu, name: 残疾人服务, items: [CL-001] }\n');
    const { errors } = await validate(packWith({ [CENTER]: text }));
    expectExactly(errors, [{ file: CENTER, ...positionOf(text, 'jiuzhu, name: 残疾人服务'), code: 'E-REF-DUPLICATE-ID', message: '第 1 项已使用' }]);
  });

  test('the schema: a name for the button, at least one item, no item twice', async () => {
    const text = withEvents('  - { id: a, name: 这个人生事件的名字实在是太长了不适合按钮, items: [MZ-001] }\n  - { id: b, name: 空, items: [] }\n  - { id: c, name: 重复, items: [MZ-001, MZ-001] }\n');
    const { errors } = await validate(packWith({ [CENTER]: text }));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['$.lifeEvents[0].name', expect.stringMatching(/^E-SCHEMA/)],
      ['$.lifeEvents[1].items', expect.stringMatching(/^E-SCHEMA/)],
      ['$.lifeEvents[2].items', expect.stringMatching(/^E-SCHEMA/)],
    ]);
  });
});
