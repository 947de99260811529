// 告知承诺制 in the item file (issue 16): which materials may be committed, located pack errors if misused.
import { describe, expect, test } from 'vitest';
import { validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce, SAMPLE_PACK } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);
const ITEM_COMMITMENT = 'commitment:\n  text: 本人承诺所填家庭收入真实\n  postCheck: { period: { amount: 10, unit: workingDays } }\n';

describe('commitment checks', () => {
  test('a material with commitment: true under the item commitment validates', async () => {
    const text = replaceOnce('    name: 收入证明\n', '    name: 收入证明\n    commitment: true\n')(itemText) + ITEM_COMMITMENT;
    const r = await validate(packWith({ [ITEM]: text.replace('necessity: deferrable\n    due: { amount: 5, unit: workingDays }', 'necessity: required') }));
    expect(r.errors.filter((e) => e.code.startsWith('E-COMMITMENT'))).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'W-COMMITMENT-UNUSED')).toEqual([]);
  });

  test('a core material (the application form) cannot be committed: located at its commitment', async () => {
    const text = replaceOnce('    name: 临时救助申请书\n    necessity: core\n', '    name: 临时救助申请书\n    necessity: core\n    commitment: { text: 承诺已申请 }\n')(itemText);
    const r = await validate(packWith({ [ITEM]: text }));
    const e = r.errors.find((x) => x.code === 'E-COMMITMENT-CORE');
    expect(e).toMatchObject({ file: ITEM, ...positionOf(text, '{ text: 承诺已申请 }') });
    expect(e?.message).toMatch(/主件/);
  });

  test('a material the center fetches needs no commitment', async () => {
    const text = replaceOnce('    name: 委托书\n    necessity: required\n', '    name: 委托书\n    necessity: required\n    fetchable: true\n    commitment: { text: 承诺受托 }\n')(itemText);
    const r = await validate(packWith({ [ITEM]: text }));
    const e = r.errors.find((x) => x.code === 'E-COMMITMENT-FETCHABLE');
    expect(e).toMatchObject({ file: ITEM, ...positionOf(text, '{ text: 承诺受托 }') });
  });

  test('commitment: true without an item commitment has no text', async () => {
    const text = replaceOnce('    name: 委托书\n    necessity: required\n', '    name: 委托书\n    necessity: required\n    commitment: true\n')(itemText);
    const r = await validate(packWith({ [ITEM]: text }));
    const e = r.errors.find((x) => x.code === 'E-COMMITMENT-TEXT');
    expect(e).toMatchObject({ file: ITEM });
    expect(e?.message).toMatch(/承诺内容/);
  });

  test('an item commitment no material opts into warns: it grants nothing by itself', async () => {
    const text = itemText + ITEM_COMMITMENT;
    const r = await validate(packWith({ [ITEM]: text }));
    const w = r.warnings.find((x) => x.code === 'W-COMMITMENT-UNUSED');
    expect(w).toMatchObject({ file: ITEM, ...positionOf(text, 'text: 本人承诺所填家庭收入真实') });
    expect(r.errors.filter((e) => e.code.startsWith('E-COMMITMENT'))).toEqual([]);
  });

  test('the sample pack (MZ-005 亲属关系证明) validates with its commitment', async () => {
    const r = await validate(SAMPLE_PACK);
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((w) => w.code.includes('COMMITMENT'))).toEqual([]);
  });
});
