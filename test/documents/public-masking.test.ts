// Issue 12, defect 6: personal numbers typed into free text never reach a public document whole.
// Every free-text field of every public document (办事指南, 政务公开栏 and its hall screen, 办结公告,
// 投诉处理结果通报) gets 18-digit ID numbers and 11-digit mobiles as people type them; the output
// passes `findUnmasked`, while what was typed is still readable in masked form.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileSchema, validatePack, type PackData } from '../../src/pack/index.ts';
import { findUnmasked, maskUnmasked, publishedPhones } from '../../src/records/index.ts';
import { DocumentError, documentSchema, renderAnnouncement, renderBoard, renderComplaintResult, renderGuide, withTemplateChecks, type ComplaintRecord, type DocumentType } from '../../src/documents/index.ts';
import { renderDocument } from '../../src/documents/render.ts';
import { announcementData } from '../../src/documents/views/announcement.ts';
import { boardData } from '../../src/documents/views/board.ts';
import { centerView } from '../../src/documents/views/center.ts';
import { complaintViews } from '../../src/documents/views/complaints.ts';
import { guideData } from '../../src/documents/views/guide.ts';
import { bianmin } from '../cli/run.ts';
import { copyOfRules, RULES, samplePack } from './sample.ts';

// Valid check digits (GB 11643), one ending in X; typed plainly, in groups, in full-width digits.
const IDS = ['320102199003071239', '11010519491231002X', '110105 19491231 002x', '４４０３０４１９８５１１２０５６７４', '１１０１０５１９４９１２３１００２Ｘ'];
const MOBILES = ['13912345678', '139 1234 5678', '139-1234-5678', '+86 138-0013-8000', '１３９１２３４５６７８', '１３９－１２３４－５６７８'];
const PII = `身份证 ${IDS.join('、')}，手机 ${MOBILES.join('、')}`;

const numbers = { next: async (year: number) => `青便〔${year}〕7号` };
let pack: PackData;
let allowed: readonly string[];

beforeAll(async () => {
  pack = (await samplePack()).data;
  allowed = publishedPhones(pack);
});

const leaks = (html: string) => findUnmasked(html, allowed).map((f) => f.text);

test('the detection sees every form the test types, and the masking hides each of them', () => {
  expect(findUnmasked(PII)).toHaveLength(IDS.length + MOBILES.length);
  const masked = maskUnmasked(PII);
  expect(findUnmasked(masked)).toEqual([]);
  expect(masked).toContain('3201**********1239');
  expect(masked).toContain('1101**********002X');
  expect(masked).toContain('139****5678');
  expect(masked).toContain('+86 138******8000');
  expect(masked).toContain('１３９****５６７８');
  // The center's published numbers stay, however they are written.
  expect(maskUnmasked('咨询 0856-2336000', allowed)).toBe('咨询 0856-2336000');
});

/**
 * `data` with PII appended to every string the document's schema lets be free text: every string but
 * dates is poisoned, then the ones the schema refuses so (enums, patterns) are put back.
 */
function poisoned<T>(type: DocumentType, data: T): { data: T; count: number } {
  const validate = compileSchema(documentSchema(type));
  const copy = structuredClone(data) as unknown;
  const paths: string[][] = [];
  const walk = (v: unknown, at: string[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, String(i)]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    // Dates and times are parsed by the templates' helpers: not free text.
    else if (typeof v === 'string' && !/^\d{4}-\d{2}(?:-\d{2})?(?:[T ]|$)/.test(v)) paths.push(at);
  };
  walk(copy, []);
  const get = (p: string[]) => p.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, copy as Record<string, unknown>);
  const original = new Map(paths.map((p) => [p.join('/'), get(p)[p.at(-1)!] as string]));
  for (const p of paths) get(p)[p.at(-1)!] = `${original.get(p.join('/'))} ${PII}`;
  let kept = paths;
  for (let round = 0; round < 10 && !validate(copy); round++) {
    const bad = new Set((validate.errors ?? []).map((e) => e.instancePath.slice(1)));
    kept = kept.filter((p) => {
      if (!bad.has(p.join('/'))) return true;
      get(p)[p.at(-1)!] = original.get(p.join('/'));
      return false;
    });
  }
  expect(validate(copy)).toBe(true);
  return { data: copy as T, count: kept.length };
}

describe('every free-text field of every public document', () => {
  const cases: Array<[string, DocumentType, string, () => unknown]> = [
    ['政务公开栏', 'board', 'board', () => boardData(pack, { date: '2026-12-01', complaints: COMPLAINTS })],
    ['大厅显示屏', 'board', 'board-screen', () => boardData(pack, { date: '2026-12-01', complaints: COMPLAINTS })],
    ['办事指南', 'guide', 'guide', () => guideData(pack, 'MZ-001', '2026-12-01')],
    ['办结公告', 'announcement', 'announcement', () => announcementData(pack, { entries: ENTRIES }, { number: '青便〔2026〕7号', date: '2026-12-01' })],
    [
      '投诉处理结果通报',
      'complaint-result',
      'complaint-result',
      () => ({ doc: { type: 'complaint-result', title: '投诉处理结果通报', number: '青便〔2026〕8号', date: '2026-12-01' }, center: centerView(pack), period: { from: '2026-11-01', to: '2026-11-30' }, complaints: complaintViews(pack, COMPLAINTS) }),
    ],
  ];
  for (const [title, type, template, build] of cases) {
    test(`${title}（${template}.hbs）`, () => {
      const { data, count } = poisoned(type, build());
      expect(count).toBeGreaterThan(5);
      const html = renderDocument(pack, type, data as never, template);
      expect(leaks(html)).toEqual([]);
      expect(html).toContain('3201**********1239');
      expect(html).toContain('139****5678');
    });
  }
});

const ENTRIES = [
  { item: 'MZ-001', applicant: { name: '张小三', idNumber: '320102199003071239' }, completedAt: '2026-11-20T10:00:00+08:00', result: `准予纳入最低生活保障，${PII}` },
  // A sole trader registered under a person's ID number: the "credit code" is that person's.
  { item: 'MZ-001', applicant: { name: `梧溪便民小店 ${PII}`, idNumber: '11010519491231002X', type: 'organization' as const }, completedAt: '2026-11-21T10:00:00+08:00', result: '同意' },
];

const COMPLAINTS: ComplaintRecord[] = [
  {
    receivedAt: '2026-11-10T09:00:00+08:00',
    channel: 'phone',
    complainant: { name: '王小五', phone: '13912345678' },
    target: { window: 'minzheng-window', staff: 'chen-li' },
    summary: `投诉人称窗口人员推诿，留下 ${PII}`,
    verified: true,
    outcome: `查实，已回电 ${MOBILES[1]}`,
    action: `通报批评（当事人证件 ${IDS[0]}）`,
    repliedOn: '2026-11-12',
  },
  { receivedAt: '2026-11-11T09:00:00+08:00', channel: 'oral', complainant: { name: '13800138000' }, target: { window: 'minzheng-window' }, summary: PII, verified: false, outcome: PII },
];

describe('through the public functions the CLI and the service use', () => {
  test('办结公告: the result and an organization\'s name and code as typed', async () => {
    const doc = await renderAnnouncement(pack, { entries: ENTRIES }, { numbering: numbers, date: '2026-12-01' });
    expect(leaks(doc.html)).toEqual([]);
    expect(doc.html).toContain('准予纳入最低生活保障');
    expect(doc.html).toContain('1101**********002X');
  });

  test('投诉处理结果通报: summary, outcome, action and a complainant named by a phone number', async () => {
    const doc = await renderComplaintResult(pack, { complaints: COMPLAINTS }, { numbering: numbers, date: '2026-12-01' });
    expect(leaks(doc.html)).toEqual([]);
    expect(doc.html).toContain('投诉人称窗口人员推诿');
  });

  test('the board, printable and on the hall screen (the PDF is printed from the same HTML)', () => {
    for (const screen of [false, true]) {
      const doc = renderBoard(pack, { date: '2026-12-01', complaints: COMPLAINTS, screen });
      expect(leaks(doc.html)).toEqual([]);
      // The center's own phones are still printed whole.
      expect(doc.html).toContain(pack.center.center.phones.complaint);
    }
  });
});

describe('a pack whose own texts and templates carry personal numbers', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await copyOfRules());
  });
  afterAll(async () => remove());

  test('text typed into an item and into center.yaml is masked on the guide and the board', async () => {
    const item = path.join(dir, 'items/mz-001.yaml');
    const yaml = await readFile(item, 'utf8');
    await writeFile(item, yaml.replace(/^(\s*text: )(.+)$/m, `$1"$2（联系村干部 139-1234-5678，身份证 11010519491231002X）"`));
    const center = path.join(dir, 'center.yaml');
    await writeFile(center, (await readFile(center, 'utf8')).replace(/^(\s*name: )(.+)$/m, `$1"$2 １３９１２３４５６７８"`));
    const result = withTemplateChecks(await validatePack(dir));
    expect(result.errors).toEqual([]);
    const data = result.pack!;
    const guide = renderGuide(data, 'MZ-001', { date: '2026-12-01' }).html;
    expect(guide).toContain('139******5678');
    expect(findUnmasked(guide, publishedPhones(data))).toEqual([]);
    const board = renderBoard(data, { date: '2026-12-01' }).html;
    expect(findUnmasked(board, publishedPhones(data))).toEqual([]);
  });

  test('a template that writes a mobile number itself is refused at validation, located', async () => {
    await mkdir(path.join(dir, 'templates'), { recursive: true });
    const source = await readFile(path.join(RULES, '../templates/board.hbs'), 'utf8');
    await writeFile(path.join(dir, 'templates', 'board.hbs'), source.replace('</body>', '<p>值班主任 139 1234 5678</p>\n</body>'));
    const result = withTemplateChecks(await validatePack(dir));
    const found = result.errors.filter((d) => d.code === 'E-TEMPLATE-UNMASKED');
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('templates/board.hbs');
    expect(found[0]!.line).toBeGreaterThan(1);
    expect(found[0]!.message).toContain('手机号');
    // The error itself never repeats the number whole.
    expect(findUnmasked(found[0]!.message)).toEqual([]);
  });

  test('a number the template puts together from its parts is refused when rendered, saying where', async () => {
    const source = await readFile(path.join(RULES, '../templates/board.hbs'), 'utf8');
    // 1390000 + "2026-12-01" prints 13900002026-12-01: whole only once rendered.
    await writeFile(path.join(dir, 'templates', 'board.hbs'), source.replace('</body>', '<p>1390000{{doc.date}}</p>\n</body>'));
    const result = withTemplateChecks(await validatePack(dir));
    expect(result.errors).toEqual([]);
    let err: unknown;
    try {
      renderBoard(result.pack!, { date: '2026-12-01' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).code).toBe('E-DOC-UNMASKED');
    expect((err as DocumentError).message).toMatch(/模板 board 写出了手机号（输出第 \d+ 行第 \d+ 列）/);
  });
});

describe('bianmin board --complaints', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-public-masking-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  test('complaint summaries and outcomes in the file are masked on the board it writes', async () => {
    await writeFile(path.join(dir, 'complaints.json'), JSON.stringify({ complaints: COMPLAINTS }));
    for (const extra of [[], ['--screen']]) {
      const ran = await bianmin(['board', '--complaints', 'complaints.json', '--date', '2026-12-01', '--out', 'board.html', '--rules', RULES, ...extra], { cwd: dir });
      expect(ran.code, ran.stderr).toBe(0);
      const html = await readFile(path.join(dir, 'board.html'), 'utf8');
      // The board publishes a complaint's outcome (not its summary).
      expect(html).toContain('查实，已回电 139******5678');
      expect(leaks(html)).toEqual([]);
      expect(leaks(ran.stdout + ran.stderr)).toEqual([]);
    }
  });
});
