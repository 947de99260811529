// 预公开 lines of changes written as patches (remove / replace / add, issue 15): what each patch
// does is named on the guide and the board, including rewrites the notice does not print. The
// lines for reasons-only and unprinted rewrites, and for a renamed fee by id, fail before the fix.
import { beforeAll, describe, expect, test } from 'vitest';
import { changeLineText } from '../../src/documents/views/changes.ts';
import { itemView } from '../../src/documents/views/item.ts';
import type { PackData } from '../../src/pack/index.ts';
import type { ItemChange, ItemFile } from '../../src/pack/schema-types.ts';
import { samplePack } from './sample.ts';

let pack: PackData;
beforeAll(async () => {
  pack = (await samplePack()).data;
});

function withChanges(code: string, changes: ItemChange[], edit: (i: ItemFile) => ItemFile = (i) => i): { pack: PackData; item: ItemFile } {
  const loaded = pack.items.get(code)!;
  const data: ItemFile = { ...edit(loaded.data), changes };
  return { pack: { ...pack, items: new Map([...pack.items, [code, { ...loaded, data }]]) }, item: data };
}

function lines(code: string, changes: ItemChange[], edit?: (i: ItemFile) => ItemFile): string[] {
  const { pack: p, item } = withChanges(code, changes, edit);
  return itemView(p, item, '2026-12-02').pending[0]!.lines.map(changeLineText);
}

const AT = { effectiveFrom: '2027-03-01', reference: '测〔2027〕1号' };

describe('patches on the notice board', () => {
  test('removed, replaced and added materials and conditions are each named', () => {
    const mz = pack.items.get('MZ-001')!.data;
    const hukou = mz.conditions!.find((c) => c.id === 'hukou')!;
    const texts = lines('MZ-001', [
      {
        ...AT,
        remove: { materials: ['medical-proof'], conditions: ['hukou'] },
        replace: { materials: [{ id: 'id-card', name: '申请人居民身份证或社会保障卡', necessity: 'core' }] },
        add: { materials: [{ id: 'rent-contract', name: '租房合同', necessity: 'optional' }], conditions: [{ ...hukou, id: 'resident', text: '申请人在本镇居住' }] },
      },
    ]);
    expect(texts).toEqual(
      expect.arrayContaining([
        '新增材料：租房合同（可选）',
        '材料名称变更：申请人居民身份证 → 申请人居民身份证或社会保障卡',
        '取消材料：疾病诊断证明或大额医疗费用票据',
        '新增受理条件：申请人在本镇居住',
        '取消受理条件：申请家庭户籍在本镇',
      ]),
    );
    // Added first, changed next, removed last, whatever place `add` gives the new entry.
    expect(texts.filter((t) => t.includes('材料'))[0]).toBe('新增材料：租房合同（可选）');
  });

  test('a replaced condition with only its reason changed, and a material with only its notes changed, are still named', () => {
    const mz = pack.items.get('MZ-001')!.data;
    const income = mz.conditions!.find((c) => c.id === 'income')!;
    const auth = mz.materials.find((m) => m.id === 'authorization')!;
    const texts = lines('MZ-001', [{ ...AT, replace: { conditions: [{ ...income, reason: '收入不符合。' }], materials: [{ ...auth, notes: '所有成年家庭成员签字。' }] } }]);
    expect(texts).toContain(`受理条件调整：${income.text}（不符合时的说明或依据调整）`);
    expect(texts.some((t) => t.startsWith('材料调整：家庭经济状况信息核对授权书'))).toBe(true);
  });

  test('a fee replaced by its id may be renamed: one change line, not an addition and a removal', () => {
    const texts = lines('RS-003', [{ ...AT, replace: { fees: [{ id: 'card-fee', name: '补换卡工本费', amount: 10, per: '每张', basis: { law: '某收费文件' } }] } }], (i) => ({
      ...i,
      fees: i.fees!.map((f) => ({ ...f, id: 'card-fee' })),
    }));
    expect(texts).toEqual(['收费标准变更：社会保障卡补换卡工本费 → 补换卡工本费：20.00元/每张 → 10.00元/每张']);
  });

  test('a patch that changes nothing printed says which parts it concerns', () => {
    const { pack: p, item } = withChanges('RS-003', [{ ...AT, remove: { fees: ['no-such-fee'] } }]);
    expect(itemView(p, item, '2026-12-02').pending[0]!.lines.map(changeLineText)).toEqual(['调整内容：收费标准']);
  });
});
