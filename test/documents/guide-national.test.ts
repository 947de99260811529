// Issue 16, part guide: the 办事指南 prints the national 实施清单 elements in the national section
// order (基本信息, 办理地点和时间, 申请条件, 申请材料, 特殊环节, 办理流程, 收费标准, 设定依据/实施依据,
// 常见问题, 咨询方式, 监督投诉方式); a section the item declares nothing for is left out. The values
// expected are read from the item file itself, so the test follows the sample pack as it is filled.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { renderBoard, renderGuide } from '../../src/documents/index.ts';
import { formatDuration } from '../../src/documents/duration.ts';
import type { ItemFile, LoadedItem, PackData } from '../../src/pack/index.ts';
import { RULES, samplePack } from './sample.ts';

const DATE = '2026-12-01';
const ORDER = ['基本信息', '办理地点和时间', '申请条件', '申请材料', '特殊环节', '办理流程', '收费标准', '设定依据', '实施依据', '常见问题', '咨询方式', '监督投诉方式'];

let pack: PackData;
let mz: ItemFile;

beforeAll(async () => {
  pack = (await samplePack()).data;
  mz = parse(await readFile(path.join(RULES, 'items/mz-001.yaml'), 'utf8')) as ItemFile;
});

/** The text a reader sees: tags dropped, entities decoded, whitespace folded. */
function textOf(html: string): string {
  const body = html.slice(Math.max(0, html.indexOf('<body>'))).replace(/<style>[\s\S]*?<\/style>/g, '');
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

const headings = (html: string, tag = 'h3') => [...html.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);

/** The national headings of a guide, in the order printed. */
const nationalHeadings = (html: string) => headings(html).filter((h) => ORDER.includes(h));

/** A copy of the pack with one item's data replaced (rendering reads the loaded data; no schema in the way). */
function withItem(code: string, edit: (data: ItemFile) => ItemFile): PackData {
  const items = new Map<string, LoadedItem>(pack.items);
  const loaded = items.get(code)!;
  items.set(code, { ...loaded, data: edit(structuredClone(loaded.data)) });
  return { ...pack, items };
}

/** 2021-07-01 → 2021年7月1日, as the guide prints dates. */
const chineseDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

describe('办事指南 in the national section order', () => {
  test('MZ-001: the sections come in the national order, each heading once', () => {
    const html = renderGuide(pack, 'MZ-001', { date: DATE }).html;
    const printed = nationalHeadings(html);
    expect(printed).toEqual(ORDER.filter((h) => printed.includes(h)));
    expect(new Set(printed).size).toBe(printed.length);
    // MZ-001 fills these; it has no 特殊环节 of its own.
    for (const h of ['基本信息', '办理地点和时间', '申请条件', '申请材料', '办理流程', '收费标准', '设定依据', '实施依据', '常见问题', '咨询方式', '监督投诉方式']) expect(printed).toContain(h);
  });

  test('MZ-001: every national element the item file fills appears on the guide', () => {
    const t = textOf(renderGuide(pack, 'MZ-001', { date: DATE }).html);
    const want: string[] = [];
    const add = (...xs: Array<string | number | undefined>) => {
      for (const x of xs) if (x !== undefined) want.push(String(x));
    };
    add(mz.codes?.basic, mz.codes?.implementation, mz.codes?.handling, mz.version, mz.status?.state);
    const a = mz.authority!;
    add(a.source, ...(a.levels ?? []), a.implementer?.name, a.implementer?.nature, a.implementer?.creditCode, a.entrustedBy?.name, a.entrustedBy?.creditCode);
    add(...(mz.serviceObjects ?? []));
    for (const r of mz.implementationBasis ?? []) add(r.law, r.number, r.issuer, r.article, r.text, r.effectiveDate ? chineseDate(r.effectiveDate) : undefined);
    add(mz.limits?.note, ...(mz.limits?.basis ?? []).flatMap((r) => [r.law, r.number, r.issuer, r.article]));
    add(`${mz.visits!.count}次`, mz.visits?.reason?.replace(/[。；，]$/, ''));
    add(...(mz.channels?.forms ?? []), mz.channels?.onlineDepth, mz.channels?.url);
    add(mz.appointment?.dailyQuota, mz.appointment?.rules, mz.delivery?.note);
    add(mz.crossRegion?.scope, ...(mz.crossRegion?.types ?? []), mz.crossRegion?.receivingDuties, mz.crossRegion?.handlingDuties);
    add(mz.quantityLimit, mz.result?.name, mz.result?.type, mz.directions);
    add(...(mz.rights ?? []), ...(mz.obligations ?? []));
    for (const r of [mz.remedies?.reconsideration, mz.remedies?.litigation]) add(r?.organ, r?.address, r?.phone);
    for (const q of mz.faq ?? []) add(q.question, q.answer);
    for (const m of mz.materials) {
      add(m.sourceChannel?.channel, m.sourceChannel?.note, m.acceptanceCriteria, m.paper, m.license?.code, m.license?.name);
    }
    for (const f of mz.fees ?? []) for (const r of f.reductions ?? []) add(r.text);
    for (const s of mz.specialSteps ?? []) add(s.name);
    for (const p of mz.procedure ?? []) add(p.step);
    expect(want.length).toBeGreaterThan(40);
    expect(want.filter((w) => !t.includes(w))).toEqual([]);
    // Yes/no elements print as words on their own rows.
    if (mz.selfService !== undefined) expect(t).toMatch(new RegExp(`自助终端 ${mz.selfService ? '支持' : '不支持'}`));
    if (mz.onlinePayment !== undefined) expect(t).toMatch(new RegExp(`网上支付 ${mz.onlinePayment ? '支持' : '不支持'}`));
    // Supervision: the center's published numbers, never a staff member's own phone.
    expect(t).toContain(`投诉电话：${pack.center.center.phones.complaint}`);
    for (const s of pack.center.staff) if ('phone' in s && typeof s.phone === 'string') expect(t).not.toContain(s.phone);
  });

  test('step limits print in 办理流程, the statutory limit with its 说明 in 基本信息', () => {
    const html = renderGuide(pack, 'MZ-001', { date: DATE }).html;
    const flow = html.slice(html.indexOf('<h3>办理流程</h3>'), html.indexOf('<h3>收费标准</h3>'));
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const limited = (mz.procedure ?? []).filter((p) => p.limit);
    expect(limited.length).toBeGreaterThan(0);
    for (const p of limited) expect(textOf(flow)).toMatch(new RegExp(`${esc(p.step)}\\s*（${esc(formatDuration(p.limit!))}）`));
    const basic = html.slice(html.indexOf('<h3>基本信息</h3>'), html.indexOf('<h3>办理地点和时间</h3>'));
    expect(basic).toContain('<th>时限说明</th>');
    expect(basic).toContain('<th>到现场次数</th>');
  });

  test('an item that fills few elements prints a clean guide: no empty section, no empty row', () => {
    const sparse = withItem('MZ-001', (d) => {
      for (const k of ['codes', 'version', 'status', 'authority', 'serviceObjects', 'implementationBasis', 'visits', 'channels', 'appointment', 'delivery', 'selfService', 'onlinePayment', 'crossRegion', 'quantityLimit', 'rights', 'obligations', 'remedies', 'faq', 'directions', 'basis', 'changes', 'forms', 'notes'] as const) delete d[k];
      if (d.limits) d.limits = { statutory: d.limits.statutory, promised: d.limits.promised };
      d.materials = d.materials.map(({ sourceChannel: _s, acceptanceCriteria: _a, paper: _p, license: _l, ...m }) => m);
      return d;
    });
    const html = renderGuide(sparse, 'MZ-001', { date: DATE }).html;
    expect(nationalHeadings(html)).toEqual(['基本信息', '办理地点和时间', '申请条件', '申请材料', '办理流程', '收费标准', '咨询方式', '监督投诉方式']);
    expect(headings(html, 'h4').filter((h) => ['依法享有的权利', '依法履行的义务', '办理情形', '告知承诺'].includes(h))).toEqual([]);
    for (const row of ['基本编码', '实施编码', '事项版本', '实施主体', '权力来源', '行使层级', '委托部门', '服务对象', '时限说明', '到现场次数', '办理形式', '网办深度', '预约办理', '物流快递', '自助终端', '网上支付', '通办范围', '中介服务', '数量限制', '交通指引']) {
      expect(html).not.toContain(`<th>${row}</th>`);
    }
    expect(html).not.toContain('救济途径');
    // Every section has text of its own before the next heading.
    const parts = html.slice(html.indexOf('<h3>基本信息</h3>'), html.indexOf('本指南于')).split(/<h3>[^<]*<\/h3>/).slice(1);
    for (const p of parts) expect(textOf(p).trim()).not.toBe('');
    expect(textOf(html)).not.toMatch(/（）|：\s*(?:；|。|$)/);
  });

  test('特殊环节, 减免, 中介服务, 样表 files, 情形 and 告知承诺 print where the national order puts them', () => {
    const rich = withItem('MZ-001', (d) => {
      const x = d as ItemFile & { situations?: unknown; commitment?: unknown };
      x.specialSteps = [{ name: '入户调查', limit: { amount: 5, unit: 'workingDays' }, fee: '不收费', countedInLimit: false, basis: [{ law: '《最低生活保障审核确认办法》', article: '第十二条' }] }];
      x.fees = [{ name: '证件工本费', amount: 10, basis: { law: '《某收费文件》' }, reductions: [{ text: '低保对象免收工本费', basis: [{ law: '《某减免文件》', number: '梧价〔2026〕1号' }] }] }];
      x.intermediaries = [{ name: '房产评估', provider: '具备资质的评估机构', fee: '按评估机构标准' }];
      x.result = { ...x.result!, sample: 'forms/mz-001-结果样本.pdf' };
      x.status = { state: '暂停', plannedCancelDate: '2027-06-30', note: '系统升级' };
      const application = x.materials.find((m) => m.id === 'application')!;
      application.blankForm = 'forms/mz-001-申请书-空白.docx';
      application.sampleForm = 'forms/mz-001-申请书-示例.pdf';
      x.situations = [
        { id: 'disabled', name: '家庭成员有重度残疾人', when: { condition: 'holds-disability-cert' }, materials: { add: [{ id: 'assessment', name: '残疾等级评定结论', necessity: 'required' }], remove: ['medical-proof'] }, limits: { promised: { amount: 15, unit: 'workingDays' } } },
        { id: 'other', name: '其他家庭', description: '按一般程序办理', when: { not: { condition: 'holds-disability-cert' } } },
      ];
      x.commitment = { text: '本人承诺所填家庭收入和财产情况真实', excluded: ['曾作出虚假承诺的'], postCheck: { period: { amount: 30, unit: 'workingDays' }, by: '梧溪县民政局' }, falseConsequence: '终止办理，已发放的低保金予以追回' };
      (x.materials.find((m) => m.id === 'income-statement') as { commitment?: unknown }).commitment = true;
      return x;
    });
    const html = renderGuide(rich, 'MZ-001', { date: DATE }).html;
    const printed = nationalHeadings(html);
    expect(printed).toEqual(ORDER.filter((h) => printed.includes(h)));
    expect(printed.slice(printed.indexOf('申请材料'), printed.indexOf('办理流程') + 1)).toEqual(['申请材料', '特殊环节', '办理流程']);
    const t = textOf(html);
    for (const s of ['入户调查', '5个工作日', '不计入办理时限', '第十二条', '低保对象免收工本费', '梧价〔2026〕1号', '房产评估', '具备资质的评估机构', 'mz-001-结果样本.pdf', '暂停', '2027年6月30日', '空白表格：mz-001-申请书-空白.docx', '示例样表：mz-001-申请书-示例.pdf']) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('forms/');
    // 情形: each with its name and the materials it adds and removes (removed by id, shown by name).
    expect(t).toMatch(/家庭成员有重度残疾人 .*增加材料：残疾等级评定结论 .*免交材料：疾病诊断证明或大额医疗费用票据 .*办理时限：承诺15个工作日/);
    expect(t).toContain('其他家庭 ：按一般程序办理');
    // 告知承诺: the materials that accept it, the text, who may not, the post-check and its consequence.
    expect(t).toContain('以下材料可以由申请人书面承诺代替：家庭收入和财产情况声明');
    for (const s of ['本人承诺所填家庭收入和财产情况真实', '曾作出虚假承诺的', '受理后30个工作日内核查承诺内容（梧溪县民政局）', '终止办理，已发放的低保金予以追回']) expect(t).toContain(s);
    const materials = html.slice(html.indexOf('<h3>申请材料</h3>'), html.indexOf('<h3>特殊环节</h3>'));
    expect(materials).toContain('<h4>办理情形</h4>');
    expect(materials).toContain('<h4>告知承诺</h4>');
  });

  test("告知承诺 lists the materials that accept it; a material's own wording prints beside its name; an item default alone prints nothing", () => {
    const own = withItem('MZ-001', (d) => {
      const x = d as ItemFile & { commitment?: unknown };
      x.commitment = { text: '默认承诺内容', postCheck: { period: { amount: 20, unit: 'workingDays' } } };
      (x.materials.find((m) => m.id === 'income-statement') as { commitment?: unknown }).commitment = true;
      (x.materials.find((m) => m.id === 'medical-proof') as { commitment?: unknown }).commitment = { text: '家庭成员患重病属实' };
      return x;
    });
    const t = textOf(renderGuide(own, 'MZ-001', { date: DATE }).html);
    expect(t).toContain('以下材料可以由申请人书面承诺代替：家庭收入和财产情况声明、疾病诊断证明或大额医疗费用票据（承诺内容：家庭成员患重病属实）');
    expect(t).toContain('承诺内容：默认承诺内容');
    expect(t).toContain('事后核查：受理后20个工作日内核查承诺内容');
    const idle = withItem('MZ-001', (d) => ({ ...d, commitment: { text: '默认承诺内容' } }) as ItemFile);
    expect(renderGuide(idle, 'MZ-001', { date: DATE }).html).not.toContain('<h4>告知承诺</h4>');
  });

  test('a dated change that sets national elements is pre-announced by their Chinese names', () => {
    const changed = withItem('MZ-001', (d) => ({
      ...d,
      changes: [{ effectiveFrom: '2027-02-01', reference: '《某县政务服务事项实施清单调整通知》', set: { visits: { count: 0 }, faq: [{ question: '问', answer: '答' }] } }],
    }));
    const t = textOf(renderGuide(changed, 'MZ-001', { date: DATE }).html);
    expect(t).toContain('调整内容：到办事现场次数、常见问题');
  });

  test('RS-001 renders its own elements, and the binder prints each item in the same order', () => {
    const t = textOf(renderGuide(pack, 'RS-001', { date: DATE }).html);
    const rs = pack.items.get('RS-001')!.data;
    for (const s of [rs.codes?.basic, rs.authority?.implementer?.name, rs.channels?.url]) if (s) expect(t).toContain(s);
    const binder = renderBoard(pack, { date: DATE }).html;
    const start = binder.indexOf('<!--bianmin:chunk MZ-001-->');
    const chunk = binder.slice(start, binder.indexOf('<!--bianmin:chunk', start + 10));
    const printed = nationalHeadings(chunk);
    expect(printed).toEqual(nationalHeadings(renderGuide(pack, 'MZ-001', { date: DATE }).html));
  });

  test('the hall screen card reads 时限, then 材料, then 收费', () => {
    const screen = renderBoard(pack, { date: DATE, screen: true }).html;
    const card = screen.slice(screen.indexOf('<h3>社会保障卡补领、换领</h3>'));
    const text = textOf(card.slice(0, card.indexOf('<div class="card">')));
    expect(text.indexOf('承诺')).toBeLessThan(text.indexOf('材料：'));
    expect(text.indexOf('材料：')).toBeLessThan(text.indexOf('收费：'));
  });
});
