import { beforeAll, describe, expect, test } from 'vitest';
import type { Pack } from '../../src/index.ts';
import { FIXTURE_PACK, pack, SAMPLE_PACK } from './helpers.ts';

let sample: Pack;
let fixture: Pack;
beforeAll(async () => {
  sample = await pack(SAMPLE_PACK);
  fixture = await pack(FIXTURE_PACK);
});

describe('首问负责 routing', () => {
  test('by code, case and width insensitive', () => {
    for (const q of ['MZ-001', 'mz-001', 'ＭＺ－００１', ' MZ-001 ']) {
      expect(sample.route(q)[0]).toMatchObject({ kind: 'item', code: 'MZ-001', score: 100, window: { number: 2, name: '民政窗口' } });
    }
  });

  test('by keyword, also inside what the applicant actually says', () => {
    expect(sample.route('低保')[0]).toMatchObject({ kind: 'item', code: 'MZ-001', matched: '关键词“低保”' });
    expect(sample.route('我家里困难想申请低保，去哪儿办？')[0]?.code).toBe('MZ-001');
    expect(sample.route('我要办护照')[0]).toMatchObject({ kind: 'referral', code: 'ZB-001', window: null, organ: '梧溪县公安局出入境管理大队' });
  });

  test('by name, whole or in part', () => {
    expect(sample.route('临时救助')[0]?.code).toBe('MZ-003');
    expect(sample.route('生育登记')[0]?.code).toBe('WJ-001');
  });

  test('by window number or name', () => {
    expect(sample.route('5号窗口')[0]).toMatchObject({ kind: 'window', code: null, window: { number: 5 } });
    expect(sample.route('残联窗口').some((m) => m.kind === 'window' && m.window?.number === 5)).toBe(true);
  });

  test('a near miss on a code is still found', () => {
    expect(sample.route('MZ-01')[0]?.code).toBe('MZ-001');
  });

  test('ranked best first, limited, and nothing for nonsense', () => {
    const all = sample.route('残疾');
    expect(all.length).toBeGreaterThan(1);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    expect(sample.route('残疾', { limit: 1 })).toHaveLength(1);
    expect(sample.route('qqqzzzxxx')).toEqual([]);
    expect(sample.route('   ')).toEqual([]);
  });

  test('an item is shown as in force on the date asked about', () => {
    expect(fixture.route('T-PROMISED', { at: '2026-11-30T12:00:00+08:00' })[0]?.name).toBe('高龄津贴申领');
    expect(fixture.route('T-PROMISED', { at: '2026-12-01T12:00:00+08:00' })[0]?.name).toBe('高龄津贴申领（2026年12月起）');
    // Both names find it whatever the date.
    expect(fixture.route('高龄津贴申领（2026年12月起）', { at: '2026-01-01T00:00:00+08:00' })[0]?.code).toBe('T-PROMISED');
  });
});

describe('item catalog', () => {
  test('lists every item with code, name, mode, window and materials, sorted by code', () => {
    const items = sample.listItems({ at: '2026-11-23T09:30:00+08:00' });
    expect(items.map((i) => i.code)).toEqual([...sample.data.items.keys()].sort());
    const mz = items.find((i) => i.code === 'MZ-001')!;
    expect(mz).toMatchObject({ name: '最低生活保障审核', mode: 'reported', window: { id: 'minzheng-window', number: 2, name: '民政窗口' } });
    expect(mz.materials).toEqual(sample.data.items.get('MZ-001')!.data.materials.map((m) => ({ id: m.id, name: m.name, necessity: m.necessity })));
  });

  test('follows dated changes', () => {
    expect(fixture.listItems({ at: '2026-12-02T09:00:00+08:00' }).find((i) => i.code === 'T-PROMISED')?.name).toBe('高龄津贴申领（2026年12月起）');
  });
});
