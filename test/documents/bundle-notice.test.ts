// The one notice of a “一件事” (templates/bundle-notice.hbs): every item, the merged materials once,
// the merged missing list and the joint deadline; checked against its data shape like every notice.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleNoticeData, renderBundleNotice } from '../../src/documents/index.ts';
import { loadPack, type Pack } from '../../src/index.ts';
import { bundlePack, LOCAL, RECEIVED } from '../engine/bundle-pack.ts';

let pack: Pack;
let cleanup: () => void;
beforeAll(async () => {
  const made = bundlePack();
  cleanup = made.cleanup;
  pack = await loadPack(made.dir);
});
afterAll(() => cleanup());

const text = (html: string): string => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

describe('bundle notice', () => {
  test('a consultation: each item, and a material shared by both items once, with both items', async () => {
    const d = await pack.decideBundle({ bundle: 'YJS-901', intent: 'consult', applicant: LOCAL, receivedAt: RECEIVED });
    const doc = await renderBundleNotice(pack.data, d, { number: '青便〔2026〕0100号', date: '2026-11-23' });
    expect(doc).toMatchObject({ type: 'bundle-notice', title: '“一件事”一次性告知单', number: '青便〔2026〕0100号' });
    const t = text(doc.html);
    expect(t).toContain('测试“一件事”YJS-901');
    expect(t).toContain('甲事项');
    expect(t).toContain('乙事项');
    // 居民身份证 and 居民户口簿: one line each in the material table, serving both items.
    const table = t.slice(t.indexOf('二、需要提交的材料'), t.indexOf('同一份材料只需提交一次'));
    expect(count(table, '居民身份证')).toBe(1);
    expect(count(table, '居民户口簿')).toBe(1);
    expect(count(table, '几个事项共用，只交一次')).toBe(2);
    expect(table).toMatch(/居民身份证 几个事项共用，只交一次 原件1份、复印件1份 TA-001 甲事项：主件 TB-001 乙事项：主件/);
    expect(table).toContain('甲事项申请表');
    expect(table).toContain('乙事项申请表');
  });

  test('a supplement lists what is missing once, with the items it is missing for', async () => {
    const d = await pack.decideBundle({ bundle: 'YJS-901', intent: 'apply', applicant: LOCAL, materials: ['id-card', 'application'], receivedAt: RECEIVED });
    const data = await bundleNoticeData(pack.data, d, { number: 'N-1', date: '2026-11-23' });
    expect(data.doc.title).toBe('“一件事”补正材料通知书');
    expect(data.missing).toEqual([
      { name: '居民户口簿', party: null, detail: '未提交（需原件）', items: 'TA-001、TB-001' },
      { name: '居民身份证', party: null, detail: '需原件和复印件，只提交了原件', items: 'TB-001' },
      { name: '证件照', party: null, detail: '未提交（需原件）', items: 'TB-001' },
    ]);
    const t = text((await renderBundleNotice(pack.data, d, { number: 'N-1', date: '2026-11-23' })).html);
    expect(t).toContain('三、需要补正的材料（一次告知）');
    expect(count(t.slice(t.indexOf('三、需要补正的材料')), '居民户口簿')).toBe(1);
  });

  test('accepted: one joint deadline, and each item’s due in the bundle', async () => {
    const d = await pack.decideBundle({ bundle: 'YJS-902', intent: 'apply', applicant: LOCAL, materials: [{ id: 'id-card', form: 'both' }, 'household-register', 'application', 'photo'], receivedAt: RECEIVED });
    const doc = await renderBundleNotice(pack.data, d, { number: 'N-2', date: '2026-11-23' });
    expect(doc.title).toBe('“一件事”受理通知书');
    const t = text(doc.html);
    expect(t).toContain('整件事应于 2026年11月26日 17:30 前办结（按“一件事”承诺时限3个工作日）');
    expect(count(t, '本件中应于2026年11月26日 17:30前办结')).toBe(2);
  });

  test('a notice needs a number', async () => {
    const d = await pack.decideBundle({ bundle: 'YJS-901', intent: 'consult', applicant: LOCAL, receivedAt: RECEIVED });
    await expect(renderBundleNotice(pack.data, d)).rejects.toMatchObject({ code: 'E-DOC-NUMBER' });
  });
});
