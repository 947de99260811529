import { beforeAll, describe, expect, test } from 'vitest';
import {
  DocumentError,
  memorySequence,
  numbering,
  renderAnnouncement,
  renderBoard,
  renderComplaintResult,
  renderGuide,
  renderNotice,
  type DocumentNumbering,
} from '../../src/documents/index.ts';
import type { Pack } from '../../src/index.ts';
import { RECEIVED, sampleDecision, samplePack } from './sample.ts';

let pack: Pack;
let numbers: DocumentNumbering;
beforeAll(async () => {
  pack = await samplePack();
});
const fresh = () => (numbers = numbering(pack.data.center.center.code, memorySequence()));

/** Visible text of an HTML document, tags removed and entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('every notice renders from a real decision', () => {
  test('一次性告知单: conditions, every material, procedure, limits, fee, basis, place', async () => {
    fresh();
    const d = await sampleDecision('consultation');
    const doc = await renderNotice(pack.data, d, { numbering: numbers, date: '2026-11-23', applicant: { name: '王五' } });
    const text = textOf(doc.html);
    expect(doc.type).toBe('consultation');
    expect(doc.number).toBe('青便〔2026〕0001号');
    for (const want of ['青石镇便民服务中心', '一次性告知单', '青便〔2026〕0001号', '王五：', '2026年11月23日 09:30', '最低生活保障审核', '受理条件', '申请家庭户籍在本镇', '办理程序', '25个工作日', '30个工作日', '不收费', '《社会救助暂行办法》第九条', '盖章处', '2026年11月23日']) {
      expect(text).toContain(want);
    }
    const needed = d.materials.filter((m) => m.required === 'yes' && !m.fetchedByCenter);
    const conditional = d.materials.filter((m) => m.required === 'unknown');
    expect(needed.length).toBeGreaterThan(0);
    expect(conditional.length).toBeGreaterThan(0);
    for (const m of [...needed, ...conditional]) expect(text).toContain(m.name);
    for (const m of conditional) expect(text).toContain(m.condition!);
    // A deferrable material says when it may be brought.
    expect(text).toContain('可容缺受理，受理后10个工作日内补交');
    // Fetched by the center: named as such, not demanded.
    expect(text).toMatch(/由本中心通过信息共享调取，您无需提交：[^。]*居民户口簿/);
  });

  test('补正材料通知书: every problem on its own line with what to bring, and the consequence from policy.yaml', async () => {
    fresh();
    const d = await sampleDecision('supplement');
    expect(d.kind).toBe('supplement');
    const doc = await renderNotice(pack.data, d, { numbering: numbers, date: '2026-11-23' });
    const rows = [...doc.html.matchAll(/<tr>\s*<td class="num">(\d+)<\/td>([\s\S]*?)<\/tr>/g)];
    expect(rows).toHaveLength(d.missing.length);
    d.missing.forEach((m, i) => {
      expect(textOf(rows[i]![2]!)).toContain(m.name);
      expect(textOf(rows[i]![2]!)).toContain(m.detail);
      expect(textOf(rows[i]![2]!)).toMatch(/原件1份|复印件\d+份/);
    });
    const consequence = pack.data.policy.documents!.supplementConsequence!.replace(/\s+/g, '');
    expect(textOf(doc.html).replace(/\s+/g, '')).toContain(consequence);
    // No applicant given: a line to write on, not a silent blank.
    expect(doc.html).toContain('<p class="to"><span class="blank"></span>：</p>');
  });

  test('受理通知书 (上报件): acceptance time, promised date, handler, contact, deferrable materials with due dates', async () => {
    fresh();
    const d = await sampleDecision('accepted');
    expect(d.kind).toBe('accepted');
    expect(d.deferred.length).toBeGreaterThan(0);
    const doc = await renderNotice(pack.data, d, { numbering: numbers, date: '2026-11-23', applicant: { name: '赵六' } });
    const text = textOf(doc.html);
    expect(doc.title).toBe('受理通知书');
    expect(text).toContain('上报件');
    expect(text).toContain('梧溪县民政局');
    expect(text).toContain('2026年11月23日 09:30'); // accepted at
    expect(text).toContain('2026年12月28日 17:30'); // promised due from the clock
    expect(text).toContain('经办人：陈丽 民政助理员 2号窗口（民政窗口）');
    expect(text).toContain('联系电话：0856-2336000');
    for (const x of d.deferred) {
      expect(text).toContain(x.name);
      expect(text).toContain('2026年12月7日 17:30');
    }
  });

  test('承诺件通知书 with its fee; the handler can be the B holder when named', async () => {
    fresh();
    const d = await sampleDecision('promised');
    const doc = await renderNotice(pack.data, d, { numbering: numbers, date: '2026-11-23', handler: 'zhao-min' });
    const text = textOf(doc.html);
    expect(doc.title).toBe('承诺件通知书');
    expect(text).toContain('承诺件');
    expect(text).toContain('社会保障卡补换卡工本费 20.00元/每张');
    expect(text).toContain('经办人：赵敏 人社所所长');
    expect(text).toContain(`于2026年12月7日 17:30前办结`);
  });

  test('即办件回执: done on the spot within 30 minutes', async () => {
    fresh();
    const d = await sampleDecision('immediate');
    expect(d.mode).toBe('immediate');
    const doc = await renderNotice(pack.data, d, { numbering: numbers, date: '2026-11-23' });
    const text = textOf(doc.html);
    expect(doc.title).toBe('即办件回执');
    expect(text).toContain('2026年11月23日 10:00前办结（30分钟）');
  });

  test('退回件通知书: every reason in writing, and the rights', async () => {
    fresh();
    const d = await sampleDecision('returned');
    expect(d.reasons.length).toBeGreaterThan(1);
    const doc = await renderNotice(pack.data, d, { numbering: numbers, date: '2026-11-23' });
    const items = [...doc.html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
    const rows = [...doc.html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
    for (const r of d.reasons) {
      // A missing material is a row of the table, marked 主件 when that is why it is returned.
      const missing = d.missing.find((m) => r.code === `material:${m.id}`);
      if (missing) expect(rows.some((row) => row.includes(missing.name) && row.includes(missing.necessity === 'core' ? '主件' : '必要'))).toBe(true);
      else expect(items.some((i) => i.startsWith(r.message.replace(/\s+/g, '')))).toBe(true);
    }
    expect(textOf(doc.html)).toContain('缺少“主件”的申请不予接收');
    expect(textOf(doc.html)).toContain('行政复议');
  });

  test('不予受理通知书: the reason, where to go instead, and the rights (陈述、申辩; 复议 60 days; 诉讼 6 months)', async () => {
    fresh();
    const d = await sampleDecision('rejected');
    expect(d.kind).toBe('rejected');
    const doc = await renderNotice(pack.data, d, { numbering: numbers, date: '2026-11-23' });
    const text = textOf(doc.html);
    expect(text.replace(/\s+/g, '')).toContain(d.reasons[0]!.message.replace(/\s+/g, ''));
    expect(text).toContain(`请向${d.routeTo!.organ}申请办理`);
    expect(text).toContain(d.routeTo!.address!);
    expect(text).toContain(d.routeTo!.phone!);
    expect(text).toMatch(/陈述、申辩/);
    expect(text).toMatch(/60日内[^。]*行政复议/);
    expect(text).toMatch(/6个月内[^。]*行政诉讼/);
    // A referral is no item of this center: the first-inquiry desk signs it.
    expect(text).toContain('1号窗口（咨询投诉窗口）');
  });

  test('numbers are consecutive within a year and restart in the next', async () => {
    fresh();
    const d = await sampleDecision('rejected');
    const got = [];
    for (const date of ['2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05']) got.push((await renderNotice(pack.data, d, { numbering: numbers, date })).number);
    expect(got).toEqual(['青便〔2026〕0001号', '青便〔2026〕0002号', '青便〔2027〕0001号', '青便〔2027〕0002号']);
  });
});

describe('refusals', () => {
  test('a notice that does not fit the decision is refused, naming the right one', async () => {
    const d = await sampleDecision('supplement');
    await expect(renderNotice(pack.data, d, { type: 'accepted', number: 'X' })).rejects.toThrow('该决定是补正件，不能出具受理通知书；应出具补正材料通知书');
    // The one-time notice can be handed out for any decision.
    await expect(renderNotice(pack.data, d, { type: 'consultation', number: 'X' })).resolves.toMatchObject({ type: 'consultation' });
  });

  test('no number source is an error, not an unnumbered notice', async () => {
    const d = await sampleDecision('supplement');
    await expect(renderNotice(pack.data, d, {})).rejects.toThrow(/文书编号/);
  });

  test('an unknown handler is named with a suggestion', async () => {
    const d = await sampleDecision('supplement');
    await expect(renderNotice(pack.data, d, { number: 'X', handler: 'chen-lii' })).rejects.toThrow('工作人员 chen-lii 未在 center.yaml 中声明，是否应为 chen-li？');
  });
});

describe('escaping: whatever an applicant types prints as text', () => {
  test('<script> in a name, markup in an item name from the decision', async () => {
    const d = await sampleDecision('supplement');
    const hostile = { ...d, itemName: '<img src=x onerror=alert(1)>低保' };
    const doc = await renderNotice(pack.data, hostile, { number: 'N', date: '2026-11-23', applicant: { name: '<script>alert("x")</script>张三' } });
    expect(doc.html).not.toContain('<script>alert');
    expect(doc.html).not.toContain('<img src=x');
    expect(doc.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;张三');
    expect(textOf(doc.html)).toContain('<script>alert("x")</script>张三：');
    expect(textOf(doc.html)).toContain('“<img src=x onerror=alert(1)>低保”');
  });
});

describe('publications', () => {
  test('办事指南 for every item: everything of the item', async () => {
    for (const [code, { data }] of pack.data.items) {
      const doc = renderGuide(pack.data, code, { date: '2026-11-23' });
      const text = textOf(doc.html);
      expect(text).toContain(data.name);
      for (const m of data.materials) expect(text).toContain(m.name);
      for (const b of data.basis ?? []) expect(text).toContain(b.law);
      for (const c of data.conditions ?? []) expect(text.replace(/\s/g, '')).toContain(c.text.replace(/\s/g, ''));
      for (const f of data.fees ?? []) expect(text).toContain(f.name);
      expect(doc.number).toBeNull();
    }
    expect(() => renderGuide(pack.data, 'MZ-01')).toThrow('事项 MZ-01 不在规则包中，是否应为 MZ-001？');
  });

  test('the guide pre-announces a change before it takes effect, and applies it from that day', () => {
    const before = textOf(renderGuide(pack.data, 'MZ-004', { date: '2026-12-01' }).html);
    expect(before).toContain('即将施行的变更（预公开）');
    expect(before).toContain('自2027年1月1日起');
    expect(before).toContain('10个工作日');
    const after = textOf(renderGuide(pack.data, 'MZ-004', { date: '2027-01-01' }).html);
    expect(after).not.toContain('即将施行的变更');
    expect(after).toContain('承诺时限7个工作日');
    expect(after).toContain('自2027年1月1日起施行');
  });

  test('政务公开栏: every item grouped by window, A/B staff, commitments, phones, roster, pre-disclosure', () => {
    const doc = renderBoard(pack.data, { date: '2026-12-01' });
    const text = textOf(doc.html);
    const c = pack.data.center;
    for (const { data } of pack.data.items.values()) expect(text).toContain(data.name);
    for (const p of c.posts) {
      for (const who of [p.a, p.b]) expect(text).toContain(c.staff.find((s) => s.id === who)!.name);
    }
    for (const line of c.center.commitments!) expect(text).toContain(line.slice(0, 12));
    expect(text).toContain('8468123（24小时受理）');
    expect(text).toContain('0856-2336001');
    expect(text).toContain('2026年12月');
    expect(text).toContain('何志远（镇党委书记（每月接访一天））');
    expect(text).toContain('预公开');
    expect(text).toContain('高龄津贴申领');
    // One section per item, each starting a new page, in window order.
    const sections = [...doc.html.matchAll(/<section class="item">\s*<div class="item-window">(\d+)号窗口/g)].map((m) => Number(m[1]));
    expect(sections).toHaveLength(pack.data.items.size);
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
  });

  test('the board shows the month of its date, and the next month once published', () => {
    const november = textOf(renderBoard(pack.data, { date: '2026-11-29' }).html);
    expect(november).toContain('2026年11月的领导带班值班表尚未公布');
    const published = textOf(renderBoard(pack.data, { date: '2026-11-30' }).html);
    expect(published).toContain('2026年12月（2026年11月30日公布）');
  });

  test('the screen page is a large-type page of the same board', () => {
    const doc = renderBoard(pack.data, { date: '2026-12-01', screen: true });
    expect(doc.html).toContain('clamp(18px');
    expect(doc.html).not.toContain('@page');
    for (const { data } of pack.data.items.values()) expect(doc.html).toContain(data.name);
  });

  test('办结公告: personal data masked; items without a required announcement are refused', async () => {
    fresh();
    const doc = await renderAnnouncement(
      pack.data,
      {
        entries: [
          { item: 'MZ-001', applicant: { name: '张小三', idNumber: '320102199001011234' }, acceptedAt: RECEIVED, completedAt: '2026-12-20T10:00:00+08:00', result: '准予最低生活保障' },
          { item: 'MZ-001', applicant: { name: '欧阳小明' }, completedAt: '2026-12-21T10:00:00+08:00' },
        ],
      },
      { numbering: numbers, date: '2026-12-22' },
    );
    const text = textOf(doc.html);
    expect(doc.number).toBe('青便〔2026〕0001号');
    expect(text).toContain('张*三');
    expect(text).toContain('3201**********1234');
    expect(text).toContain('欧**明');
    expect(text).not.toContain('张小三');
    expect(text).not.toContain('320102199001011234');
    expect(text).toContain('公告期：7日（自然日）');
    expect(text).toContain(pack.data.items.get('MZ-001')!.data.result!.name);
    await expect(
      renderAnnouncement(pack.data, { entries: [{ item: 'RS-004', applicant: { name: '李四' }, completedAt: RECEIVED }] }, { numbering: numbers }),
    ).rejects.toThrow(/不要求办结公告/);
    // The refused announcement did not use up a number.
    expect(await numbers.next(2026)).toBe('青便〔2026〕0002号');
  });

  test('投诉处理结果通报 and the board: complainants masked, the staff member named', async () => {
    fresh();
    const complaints = [
      {
        receivedAt: '2026-11-10T10:00:00+08:00',
        channel: 'phone' as const,
        complainant: { name: '钱小二', phone: '13812345678' },
        target: { window: 'minzheng-window', staff: 'chen-li' },
        summary: '窗口人员说“不归我管”',
        verified: true,
        outcome: '情况属实，已当面道歉',
        action: '通报批评',
        repliedOn: '2026-11-11',
      },
    ];
    const anonymous = { ...complaints[0]!, complainant: undefined, receivedAt: '2026-11-12', verified: false, outcome: '经核实不属实', action: undefined };
    const doc = await renderComplaintResult(pack.data, { complaints: [...complaints, anonymous], period: { from: '2026-11-01', to: '2026-11-30' } }, { numbering: numbers, date: '2026-12-01' });
    const text = textOf(doc.html);
    expect(text).toContain('钱*二');
    expect(text).not.toContain('钱小二');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('2号窗口（民政窗口） 陈丽（民政助理员）');
    expect(text).toContain('通报批评');
    expect(text).toContain('2026年11月1日至2026年11月30日');
    // Newest first; an anonymous complaint says so.
    expect(text.indexOf('匿名')).toBeGreaterThan(-1);
    expect(text.indexOf('匿名')).toBeLessThan(text.indexOf('钱*二'));
    const board = textOf(renderBoard(pack.data, { date: '2026-12-01', complaints }).html);
    expect(board).toContain('钱*二');
    expect(board).not.toContain('钱小二');
  });

  test('an unknown staff member in a complaint is an error', async () => {
    const bad = [{ receivedAt: '2026-11-10', channel: 'oral' as const, complainant: { name: '甲' }, target: { staff: 'nobody' }, summary: 's', verified: false, outcome: 'o' }];
    await expect(renderComplaintResult(pack.data, { complaints: bad }, { number: 'N' })).rejects.toThrow(DocumentError);
  });
});
