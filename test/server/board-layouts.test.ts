// The board's layouts through the service, over the sample pack and a real register: the center
// board shows the cases completed recently (names masked) and the month's 好差评 counts per window
// (no reviewer data); window posters carry QR codes when the service has a public URL; options are
// checked against the query, located; every distinct content is archived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK, start, type Running } from './helpers.ts';

const PUBLIC_URL = 'https://bm.example.gov.cn/qingshi';
/** 最低生活保障审核, complete: accepted, and it requires a completion announcement. */
const APPLICATION = {
  item: 'MZ-001',
  intent: 'apply',
  applicant: { type: 'person', name: '欧阳春花', idNumber: '320102199001011234', phone: '13912345678', hukouLocal: true, householdIncomePerCapita: 400, forDependant: false, hasDisabilityCert: false },
  materials: ['application', 'id-card', 'authorization', 'income-statement'],
};

let s: Running;
let plain: Running;
beforeAll(async () => {
  s = await start({ publicUrl: PUBLIC_URL });
  plain = await start();
  const registered = await s.request('POST', '/v1/cases', { body: { application: { ...APPLICATION, receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }, staff: 'chen-li' }, token: CLERK });
  expect(registered.status).toBe(201);
  const id = registered.json<{ record: { id: string } }>().record.id;
  const done = await s.request('POST', `/v1/cases/${id}/events`, { body: { type: 'completed', staff: 'chen-li', note: '已通知申请人，电话13912345678' }, token: CLERK });
  expect(done.status).toBe(200);
  await s.app.bianmin.records.use(async (r) => {
    await r.reviews.add({ grade: '不满意', case: id, comment: '等了很久，陈丽态度差', reviewer: { name: '欧阳春花', phone: '13912345678' } });
    await r.reviews.add({ grade: '非常满意', window: 'renshe-window', staff: 'liu-yang' });
    await r.reviews.add({ grade: '满意', window: 'renshe-window', staff: 'liu-yang' });
  });
}, 60_000);
afterAll(async () => {
  await s?.close();
  await plain?.close();
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('GET /board?layout=center', () => {
  it("shows the recent completion masked and the month's 好差评 counts per window, without reviewer data", async () => {
    const res = await s.request('GET', '/board?layout=center');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = res.text;
    for (const heading of ['机构职责', '服务承诺', '投诉渠道', '领导带班', '近期办结公告', '“好差评”公示']) expect(html).toContain(heading);
    // 近期办结公告: the case just completed, the name masked, the item's declared result (not the officer's note).
    expect(html).toMatch(/<td>最低生活保障审核<\/td><td>欧\*\*花<\/td>/);
    for (const secret of ['欧阳春花', '320102199001011234', '13912345678', '已通知申请人', '等了很久', '态度差']) expect(html).not.toContain(secret);
    // 好差评: counts per window, the pack's grades as columns.
    expect(html).toMatch(/<tr><td>2号 民政窗口<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">1<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td>3号 人社（社保）窗口<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><\/tr>/);
    expect(html).toContain('合计 3 条');
    expect(html).toContain('@page { size: 297mm 420mm;');
    expect((await s.request('GET', '/board?layout=center&paper=A1')).text).toContain('@page { size: 594mm 841mm;');
  });

  it('archives each distinct content once, titled by its layout', async () => {
    await s.request('GET', '/board?layout=center');
    await s.request('GET', '/board?layout=window&window=minzheng-window');
    await s.request('GET', '/board?layout=window&window=minzheng-window');
    const titles = await s.app.bianmin.records.use((r) => [...r.publications.all()].filter((p) => p.kind === 'board').map((p) => p.title));
    expect(titles.filter((t) => t === '政务公开栏（中心公开栏，A3）')).toHaveLength(1);
    expect(titles.filter((t) => t === '2号窗口公示牌（A3）')).toHaveLength(1);
  });
});

describe('GET /board?layout=window', () => {
  it("with the service's public URL: each item of the window with a QR code; without: none, and how to set it", async () => {
    const res = await s.request('GET', '/board?layout=window&window=minzheng-window');
    expect(res.status).toBe(200);
    expect(res.text.match(/<img src="data:image\/svg\+xml/g)).toHaveLength(5);
    for (const name of ['最低生活保障审核', '特困人员救助供养审核', '临时救助', '高龄津贴申领', '惠民殡葬补贴申领']) expect(res.text).toContain(name);
    // The page's CSP lets the data: images show.
    expect(res.headers.get('content-security-policy') ?? '').toMatch(/img-src[^;]*data:/);
    const all = await s.request('GET', '/board?layout=window');
    expect(all.text.split('<section class="poster window-poster">')).toHaveLength(10);
    const bare = await plain.request('GET', '/board?layout=window&window=minzheng-window');
    expect(bare.text).not.toContain('<img');
    expect(bare.text).toContain('--public-url');
  });

  it('an unknown window is a located 404 naming the windows there are; options that do not go together are located 400s', async () => {
    const unknown = await s.request('GET', '/board?layout=window&window=minzheng');
    expect(unknown.status).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'E-DOC-WINDOW', path: 'query.window' });
    expect(unknown.json().error.message).toContain('minzheng-window（2号窗口 民政窗口）');
    const pdf = await s.request('GET', '/board.pdf?layout=window&window=nope');
    expect(pdf.status).toBe(404);
    expect(pdf.json().error.path).toBe('query.window');
    const mixed = await s.request('GET', '/board?layout=center&window=minzheng-window');
    expect(mixed.status).toBe(400);
    expect(mixed.json().error).toMatchObject({ code: 'E-DOC-BOARD-OPTION', path: 'query.window' });
    const binderA3 = await s.request('GET', '/board?paper=A3');
    expect(binderA3.json().error).toMatchObject({ code: 'E-DOC-BOARD-OPTION', path: 'query.paper' });
    expect((await s.request('GET', '/board?layout=window&screen=1')).json().error.path).toBe('query.screen');
    expect((await s.request('GET', '/board?layout=poster')).status).toBe(400);
    expect((await s.request('GET', '/board?layout=center&paper=A5')).status).toBe(400);
  });
});

describe('GET /board (binder)', () => {
  it("stays the full board, with a table of contents and this month's 好差评", async () => {
    const res = await s.request('GET', `/board?date=${today()}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h2>目录</h2>');
    expect(res.text).toContain('“好差评”情况');
    expect(res.text).toContain('本月共收到评价3条，其中差评1条');
    expect(res.text).not.toContain('等了很久');
  });
});
