// 预公开 computed from the versions: the sample pack's pending changes (MZ-004's shorter promised
// period, MZ-001's new standard and materials) and synthetic changes of a real item (RS-003, which
// charges a fee), read through the same view the guide, the board and the hall screen print.
import { beforeAll, describe, expect, test } from 'vitest';
import { renderBoard, renderGuide } from '../../src/documents/index.ts';
import { changeLineText, rewording } from '../../src/documents/views/changes.ts';
import { itemView } from '../../src/documents/views/item.ts';
import type { PackData } from '../../src/pack/index.ts';
import type { ItemChange, ItemFile } from '../../src/pack/schema-types.ts';
import { samplePack } from './sample.ts';

let pack: PackData;
beforeAll(async () => {
  pack = (await samplePack()).data;
});

function item(code: string): ItemFile {
  const loaded = pack.items.get(code);
  if (!loaded) throw new Error(`no ${code} in the sample`);
  return loaded.data;
}

/** The sample pack with `code` given other changes (the pack is the view's source of items). */
function withChanges(code: string, changes: ItemChange[]): { pack: PackData; item: ItemFile } {
  const loaded = pack.items.get(code)!;
  const data: ItemFile = { ...loaded.data, changes };
  return { pack: { ...pack, items: new Map([...pack.items, [code, { ...loaded, data }]]) }, item: data };
}

function lines(p: PackData, i: ItemFile, date: string): string[][] {
  return itemView(p, i, date).pending.map((c) => c.lines.map(changeLineText));
}

describe('the sample pack', () => {
  test('MZ-004 announces its promised period with the old and the new value, the date, the reference and the note', () => {
    const [change, ...rest] = itemView(pack, item('MZ-004'), '2026-12-02').pending;
    expect(rest).toEqual([]);
    expect(change!.effectiveFrom).toBe('2027-01-01');
    expect(change!.reference).toContain('梧府办发〔2026〕18号');
    expect(change!.note).toContain('法定时限不变');
    // The statutory period is set again with the same value: no line for it.
    expect(change!.lines.map(changeLineText)).toEqual(['承诺期限：10个工作日 → 7个工作日']);
  });

  test('MZ-001 announces a reworded condition, an added, a removed and a relaxed material, and its forms', () => {
    const [texts] = lines(pack, item('MZ-001'), '2026-12-02');
    expect(texts).toEqual([
      '受理条件变更：共同生活家庭成员月人均收入低于本县城乡低保标准（2026年每人每月650元 → 2027年每人每月680元）',
      '新增材料：家庭收入和财产状况诚信承诺书（必要）',
      '材料要求变更：本人银行账户（社会保障卡金融账户或“一卡通”存折）（容缺，受理后10个工作日内补交 → 可选）',
      '取消材料：居民户口簿',
      '取消材料：家庭收入和财产情况声明',
      '新增样表：家庭收入和财产状况诚信承诺书',
      '取消样表：家庭收入和财产情况声明',
    ]);
  });

  test('from the day a change applies it is no longer pending, and the item is that version', () => {
    const v = itemView(pack, item('MZ-004'), '2027-01-01');
    expect(v.pending).toEqual([]);
    expect(v.limits.promised).toEqual({ amount: 7, unit: 'workingDays' });
    expect(itemView(pack, item('MZ-004'), '2026-12-31').pending).toHaveLength(1);
  });

  test('an item without changes has none pending', () => {
    expect(itemView(pack, item('RS-003'), '2026-12-02').pending).toEqual([]);
  });
});

describe('synthetic changes of RS-003', () => {
  const base = () => item('RS-003');

  test('limits, fee, added and removed materials, a necessity change, mode and window', () => {
    const b = base();
    const materials = b.materials
      .filter((m) => m.id !== 'photo')
      .map((m) => (m.id === 'application' ? { ...m, necessity: 'optional' as const } : m))
      .concat([{ id: 'residence-permit', name: '居住证', necessity: 'required', requiredWhen: { condition: 'applying-for-other' }, requiredWhenText: '代他人申请时提供' }]);
    const { pack: p, item: i } = withChanges('RS-003', [
      {
        effectiveFrom: '2027-03-01',
        reference: '测试文件（测〔2027〕1号）',
        set: {
          limits: { statutory: { amount: 15, unit: 'workingDays' }, promised: { amount: 5, unit: 'workingDays' } },
          fees: [{ ...b.fees![0]!, amount: 10 }],
          materials,
          mode: 'immediate',
          window: 'minzheng-window',
        },
      },
    ]);
    const [texts] = lines(p, i, '2026-12-02');
    expect(texts).toContain('承诺期限：10个工作日 → 5个工作日');
    expect(texts).toContain('法定期限：20个工作日 → 15个工作日');
    expect(texts).toContain('收费标准变更：社会保障卡补换卡工本费：20.00元/每张 → 10.00元/每张');
    expect(texts).toContain('取消材料：近期免冠白底彩色证件照');
    expect(texts).toContain('新增材料：居住证（必要，代他人申请时提供）');
    expect(texts).toContain('材料要求变更：社会保障卡补换卡申请表（必要 → 可选）');
    expect(texts).toContain('办理方式：承诺件 → 即办件');
    expect(texts!.find((t) => t.startsWith('受理窗口：'))).toMatch(/^受理窗口：\d+号窗口（.+） → \d+号窗口（民政窗口）$/);
    // The default place follows the window: it changes with it.
    expect(texts!.some((t) => t.startsWith('办理地点：'))).toBe(true);
  });

  test('a fee dropped altogether says the item becomes free; a new fee is printed with its amount', () => {
    const { pack: p, item: i } = withChanges('RS-003', [
      { effectiveFrom: '2027-01-01', reference: '甲', set: { fees: [] } },
      { effectiveFrom: '2027-06-01', reference: '乙', set: { fees: [{ name: '加急制卡费', amount: 15.5, basis: { law: '某收费文件' } }] } },
    ]);
    // Each change is compared with the version before it, not with today's.
    expect(lines(p, i, '2026-12-02')).toEqual([['取消收费：社会保障卡补换卡工本费（原20.00元/每张），本事项不再收费'], ['新增收费：加急制卡费：15.50元']]);
    expect(lines(p, i, '2027-02-01')).toEqual([['新增收费：加急制卡费：15.50元']]);
  });

  test('a change that sets what is already in force still says which part it concerns', () => {
    const b = base();
    const { pack: p, item: i } = withChanges('RS-003', [{ effectiveFrom: '2027-01-01', reference: '丙', note: '文字订正', set: { limits: b.limits } }]);
    const [change] = itemView(p, i, '2026-12-02').pending;
    expect(change!.lines.map(changeLineText)).toEqual(['调整内容：办理时限']);
    expect(change!.note).toBe('文字订正');
  });

  test('a condition added, removed and re-tested under the same words', () => {
    const { pack: p, item: i } = withChanges('MZ-001', [
      {
        effectiveFrom: '2027-01-01',
        reference: '丁',
        set: {
          conditions: [
            { ...item('MZ-001').conditions![1]!, when: { fact: 'householdIncomePerCapita', operator: 'lessThan', value: 700 } },
            { id: 'age', text: '申请人年满18周岁', when: { fact: 'age', operator: 'greaterThanInclusive', value: 18 }, reason: '未满18周岁' },
          ],
        },
      },
    ]);
    expect(lines(p, i, '2026-12-02')[0]).toEqual([
      '受理条件调整：共同生活家庭成员月人均收入低于本县城乡低保标准（2026年每人每月650元）（审核标准调整）',
      '新增受理条件：申请人年满18周岁',
      '取消受理条件：申请家庭户籍在本镇',
    ]);
  });
});

describe('a reworded text', () => {
  test('keeps the shared words once, cut at punctuation, never inside a number', () => {
    expect(rewording('收入低于标准（2026年每人每月650元）', '收入低于标准（2027年每人每月680元）')).toBe('收入低于标准（2026年每人每月650元 → 2027年每人每月680元）');
    expect(rewording('年满60周岁，户籍在本镇', '年满65周岁，户籍在本镇')).toBe('年满60周岁 → 年满65周岁，户籍在本镇');
    // Nothing worth sharing: both whole.
    expect(rewording('甲乙', '丙丁')).toBe('甲乙 → 丙丁');
    expect(rewording('申请人年满18周岁', '申请人年满16周岁')).toBe('申请人年满18周岁 → 申请人年满16周岁');
  });
});

describe('printed where a change is announced', () => {
  const line = '承诺期限：10个工作日 → 7个工作日';

  test('the guide, the board and the hall screen print the computed lines beside the note', () => {
    const guide = renderGuide(pack, 'MZ-004', { date: '2026-12-02' }).html;
    expect(guide).toContain(line);
    expect(guide).toContain('自2027年1月1日起，高龄津贴申领的承诺办结期限由10个工作日压缩为7个工作日');
    expect(guide).toContain('梧府办发〔2026〕18号');
    expect(guide).not.toContain('起调整：办理时限');
    const board = renderBoard(pack, { date: '2026-12-02' }).html;
    expect(board).toContain(line);
    expect(board).toContain('新增材料：家庭收入和财产状况诚信承诺书（必要）');
    // The screen sets the label apart (a span): compare its text.
    const screen = renderBoard(pack, { date: '2026-12-02', screen: true }).html.replace(/<[^>]+>/g, '');
    expect(screen).toContain(line);
    expect(screen).toContain('取消材料：居民户口簿');
    expect(screen).not.toContain('起调整：办理时限');
  });

  test('the hall screen shows a conditional material with its condition, not as plain 必要', () => {
    const screen = renderBoard(pack, { date: '2026-12-02', screen: true }).html;
    expect(screen).toMatch(/代办人居民身份证（<span class="cond">代他人申请时提供<\/span>）/);
    expect(screen).not.toContain('代办人居民身份证（必要）');
  });

  test("the hall screen names today's duty leader and marks today in the roster", () => {
    const screen = renderBoard(pack, { date: '2026-12-02', screen: true }).html;
    expect(screen.replace(/<[^>]+>/g, '')).toContain('今日带班领导　李秀英（中心专职副主任）　值班　郭磊');
    expect(screen.match(/class="card today"/g)).toHaveLength(1);
    expect(screen).toMatch(/class="card today"><h3>2026年12月2日<\/h3><div>星期三（今日）<\/div><div>带班：李秀英<\/div>/);
    // A day without a roster entry (a Saturday) has no banner and no mark.
    const saturday = renderBoard(pack, { date: '2026-12-05', screen: true }).html;
    expect(saturday).not.toContain('duty-today');
    expect(saturday).not.toContain('class="card today"');
  });
});
