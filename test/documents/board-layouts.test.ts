// The board as a hall posts it, rendered from the sample pack: the center board (one sheet with
// every section), a poster per window (its items, limits, fee, where to ask, QR codes to the
// guides when a public URL is given) and the binder with its table of contents.
import { describe, expect, test } from 'vitest';
import { BianminError } from '../../src/core/index.ts';
import { boardOptionProblem, renderBoard, type BoardReviewsInput } from '../../src/documents/index.ts';
import { guideUrl } from '../../src/documents/views/board.ts';
import { samplePack } from './sample.ts';

const DATE = '2026-12-01';
const URL_BASE = 'https://bm.example.gov.cn/qingshi';

async function pack() {
  return (await samplePack()).data;
}

/** The text of an HTML fragment, tags dropped, entities of the templates decoded. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Each window poster's HTML, in window order. */
function posters(html: string): string[] {
  return html.split('<section class="poster window-poster">').slice(1);
}

const REVIEWS: BoardReviewsInput = {
  month: '2026-12',
  windows: [
    { window: 'renshe-window', name: '人社（社保）窗口', total: 7, bad: 1, counts: [{ grade: '非常满意', count: 4 }, { grade: '满意', count: 2 }, { grade: '不满意', count: 1 }] },
    { window: 'minzheng-window', name: '民政窗口', total: 3, bad: 0, counts: [{ grade: '非常满意', count: 3 }] },
  ],
};

describe('center board', () => {
  test('one sheet with 机构职责, 人员与AB岗, 服务承诺, 投诉渠道, 领导带班 (today and the month), 近期办结公告, 好差评', async () => {
    const p = await pack();
    const completions = [
      { item: 'MZ-001', applicant: { name: '张小三', idNumber: '320102199001011234' }, completedAt: '2026-11-25T10:00:00+08:00', result: '准予，联系电话13812345678' },
      { item: 'MZ-002', applicant: { name: '李大四' }, completedAt: '2026-11-28T15:00:00+08:00' },
    ];
    const doc = renderBoard(p, { layout: 'center', date: DATE, completions, reviews: REVIEWS });
    expect(doc.type).toBe('center-board');
    const t = text(doc.html);
    for (const heading of ['机构职责', '窗口设置和人员（挂牌上岗 · AB岗）', '服务承诺', '投诉渠道', '领导带班', '近期办结公告', '“好差评”公示（2026年12月）']) expect(t).toContain(heading);
    // 机构职责: the center's duties and every department's.
    expect(t).toContain(p.center.center.duties!.slice(0, 20));
    for (const d of p.center.departments) expect(t).toContain(d.name);
    // Every window with its A and B staff.
    for (const post of p.center.posts) {
      const a = p.center.staff.find((s) => s.id === post.a)!;
      const b = p.center.staff.find((s) => s.id === post.b)!;
      expect(t).toContain(a.name);
      expect(t).toContain(b.name);
    }
    for (const w of p.center.windows) expect(t).toContain(`${w.number}号 ${w.name}`);
    for (const c of p.center.center.commitments ?? []) expect(t).toContain(c.slice(0, 12));
    for (const phone of Object.values(p.center.center.phones)) expect(t).toContain(phone);
    // Today's duty leader highlighted, and the month's roster with today's day marked.
    const today = p.center.dutyRoster!.find((m) => m.month === '2026-12')!.days.find((d) => d.date === DATE)!;
    const leader = p.center.staff.find((s) => s.id === today.leader)!;
    expect(doc.html).toMatch(new RegExp(`今日带班</span><div><div class="who">${leader.name}</div>`));
    expect(doc.html).toContain(`<div class="is-today">1日 周二 ${leader.name}</div>`);
    expect(doc.html.match(/<div(?: class="is-today")?>\d+日 周.[^<]+<\/div>/g)?.length).toBe(p.center.dutyRoster!.find((m) => m.month === '2026-12')!.days.length);
    // 近期办结公告: newest first, the names masked, the id number not shown, a number typed into the result masked.
    expect(t).toMatch(/特困人员救助供养审核 李\*四 2026年11月28日 .*最低生活保障审核 张\*三 2026年11月25日/);
    expect(t).not.toContain('张小三');
    expect(t).not.toContain('320102199001011234');
    expect(t).not.toContain('13812345678');
    expect(t).toContain('138****5678');
    // 好差评: the pack's grades as columns, one row per window given, counts only.
    expect(t).toContain('窗口 非常满意 满意 基本满意 不满意 非常不满意 差评');
    expect(t).toContain('2号 民政窗口 3 0 0 0 0 0');
    expect(t).toContain('3号 人社（社保）窗口 4 2 0 1 0 1');
    expect(t).toContain('合计 10 条');
  });

  test('prints on the paper asked for (A3 by default), its type growing with the sheet', async () => {
    const p = await pack();
    const a3 = renderBoard(p, { layout: 'center', date: DATE }).html;
    expect(a3).toContain('@page { size: 297mm 420mm; margin: 11.31mm; }');
    expect(a3).toContain('font-size: 10.61pt;');
    const a0 = renderBoard(p, { layout: 'center', date: DATE, paper: 'A0' }).html;
    expect(a0).toContain('@page { size: 841mm 1189mm;');
    expect(a0).toContain('font-size: 30.04pt;');
    // Without records: the sections say so rather than print empty tables.
    expect(text(a3)).toContain('近期无需要公告的办结事项');
    expect(text(a3)).toContain('本月评价统计暂未公示');
  });

  test('a completion of an item that requires no announcement is refused, not published', async () => {
    const p = await pack();
    expect(() => renderBoard(p, { layout: 'center', date: DATE, completions: [{ item: 'RS-003', applicant: { name: '王五' }, completedAt: '2026-11-28T10:00:00+08:00' }] })).toThrow(/不要求办结公告/);
  });
});

describe('window posters', () => {
  test("one poster per window in window order, each holding exactly its window's items with limits, fee (免费 when free) and where to ask", async () => {
    const p = await pack();
    const doc = renderBoard(p, { layout: 'window', date: DATE, publicUrl: URL_BASE });
    expect(doc.type).toBe('window-poster');
    const sheets = posters(doc.html);
    const windows = [...p.center.windows].sort((a, b) => a.number - b.number);
    expect(sheets).toHaveLength(windows.length);
    windows.forEach((w, i) => {
      const t = text(sheets[i]!);
      expect(t).toContain(`${w.number} 号窗口`);
      expect(t).toContain(w.name);
      const mine = [...p.items.values()].filter((it) => it.data.window === w.id).map((it) => it.data);
      const others = [...p.items.values()].filter((it) => it.data.window !== w.id).map((it) => it.data);
      for (const item of mine) {
        expect(t).toContain(item.name);
        expect(t).toContain(`事项编码 ${item.code}`);
        expect(sheets[i]).toContain(`alt="${item.name}办事指南二维码"`);
      }
      for (const item of others) expect(t).not.toContain(`事项编码 ${item.code}`);
      expect(t).toContain(mine.length > 0 ? `本窗口办理的事项（共${mine.length}项）` : '大厅窗口导引');
      expect(sheets[i]!.match(/<img src="data:image\/svg\+xml/g)?.length ?? 0).toBe(mine.length);
    });
    // MZ-001: its limits, free, asked at window 2 on the consult phone.
    const mz = text(sheets[1]!);
    expect(mz).toMatch(/最低生活保障审核 上报件 事项编码 MZ-001 承诺时限 25个工作日 法定时限 30个工作日 收费 免费 咨询： 2号窗口 （民政窗口） 电话 0856-2336000/);
    // RS-003 charges a fee: the amount, not 免费.
    const rs = text(sheets[2]!);
    expect(rs).toMatch(/社会保障卡补领、换领 承诺件 事项编码 RS-003 承诺时限 10个工作日 法定时限 20个工作日 收费 社会保障卡补换卡工本费 20\.00元\/每张 咨询/);
    // With a public URL the poster says nothing about setting one.
    expect(doc.html).not.toContain('--public-url');
  });

  test('--window gives that window only; without a public URL no QR codes, and the poster says how to set one', async () => {
    const p = await pack();
    const doc = renderBoard(p, { layout: 'window', window: 'renshe-window', date: DATE });
    expect(doc.title).toBe('3号窗口公示牌');
    expect(posters(doc.html)).toHaveLength(1);
    expect(doc.html).not.toContain('<img');
    expect(text(doc.html)).toContain('本海报未印二维码：未设置服务的公网地址。加 --public-url 重新生成');
    expect(doc.html).toContain('@page { size: 297mm 420mm;');
  });

  test("each QR code holds the item's guide address under the public URL", async () => {
    const p = await pack();
    expect(guideUrl(`${URL_BASE}/`, 'MZ-001')).toBe(`${URL_BASE}/v1/items/MZ-001/guide`);
    const { qrDataUri } = await import('../../src/documents/index.ts');
    const doc = renderBoard(p, { layout: 'window', window: 'minzheng-window', date: DATE, publicUrl: URL_BASE });
    const expected = qrDataUri(`${URL_BASE}/v1/items/MZ-003/guide`).replace(/'/g, '&#x27;').replace(/"/g, '&quot;').replace(/=/g, '&#x3D;');
    expect(doc.html).toContain(expected);
  });

  test('wrong options are refused with catalogue codes, located', async () => {
    const p = await pack();
    const unknown = (() => {
      try {
        renderBoard(p, { layout: 'window', window: 'minzheng' });
      } catch (err) {
        return err as BianminError;
      }
      throw new Error('no error');
    })();
    expect(unknown.code).toBe('E-DOC-WINDOW');
    expect(unknown.location.path).toBe('window');
    expect(unknown.detail).toContain('minzheng-window（2号窗口 民政窗口）');
    expect(boardOptionProblem(p, { layout: 'center', window: 'minzheng-window' })).toMatchObject({ option: 'window', error: { code: 'E-DOC-BOARD-OPTION' } });
    expect(boardOptionProblem(p, { layout: 'binder', paper: 'A3' })).toMatchObject({ option: 'paper', error: { code: 'E-DOC-BOARD-OPTION' } });
    expect(boardOptionProblem(p, { layout: 'window', screen: true })).toMatchObject({ option: 'screen' });
    expect(boardOptionProblem(p, { layout: 'window', window: 'minzheng-window', paper: 'A1' })).toBeNull();
  });
});

describe('binder (办事指南汇编)', () => {
  test('a table of contents numbers every item 窗口号-序号, with pages once the printer has told them; the item pages carry the same numbers', async () => {
    const p = await pack();
    const plain = renderBoard(p, { date: DATE });
    expect(plain.type).toBe('board');
    expect(plain.title).toBe('办事指南汇编');
    const t = text(plain.html);
    expect(t).toContain('目录');
    expect(t).toContain('2-1 最低生活保障审核 MZ-001 2号窗口（民政窗口） —');
    expect(t).toContain('2-5 惠民殡葬补贴申领 MZ-005');
    expect(t).toContain('3-3 社会保障卡补领、换领 RS-003 3号窗口（人社（社保）窗口） —');
    expect(plain.html).toMatch(/<div class="item-window">2号窗口 · 民政窗口 · [^<]+<span class="item-no">目录编号 2-1<\/span>/);
    // Every item is a part the printer may cut at, named by its code.
    expect(plain.html.match(/<!--bianmin:chunk [A-Z]+-\d+-->/g)).toHaveLength(p.items.size);
    const numbered = renderBoard(p, { date: DATE, pages: new Map([['MZ-001', 7], ['MZ-002', 10]]) });
    expect(text(numbered.html)).toContain('2-1 最低生活保障审核 MZ-001 2号窗口（民政窗口） 7');
    expect(text(numbered.html)).toContain('2-2 特困人员救助供养审核 MZ-002 2号窗口（民政窗口） 10');
  });

  test("shows the month's 好差评 counts and today's duty leader", async () => {
    const p = await pack();
    const t = text(renderBoard(p, { date: DATE, reviews: REVIEWS }).html);
    expect(t).toContain('“好差评”情况（2026年12月）');
    expect(t).toContain('3号 人社（社保）窗口 4 2 0 1 0 7 1');
    expect(t).toContain('本月共收到评价10条，其中差评1条');
    expect(t).toMatch(/今日（2026年12月1日 星期二）带班领导：\S+/);
  });
});
