// Corrected on the spot (《行政许可法》第三十二条第一款第（三）项：申请材料存在可以当场更正的错误的，
// 应当允许申请人当场更正). The sample pack's WJ-001 marks its 生育登记服务单 `correctable: [absent]`
// (the window prints it and the couple signs there). Before `correctable`, a missing form the
// window itself prints made a supplement with a numbered 补正材料通知书: every test below fails on
// the code before the change (no `correctable` kind, list, slip or register refusal existed).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPack, validatePack, type Decision, type Pack } from '../../src/index.ts';
import { upgradeStoredDecision } from '../../src/engine/index.ts';
import { DocumentError, renderNotice } from '../../src/documents/index.ts';
import { openRecords, RecordsError } from '../../src/records/index.ts';
import { schemaValidator } from '../../src/pack/index.ts';
import { pack, SAMPLE_PACK } from './helpers.ts';

let p: Pack;
beforeAll(async () => {
  p = await pack(SAMPLE_PACK);
});

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const AT = '2026-11-25T10:10:00+08:00';
const COUPLE = { type: 'person', hukouLocal: true, maritalStatus: '已婚', forDependant: false } as const;
const CARDS = [
  { id: 'id-card', party: '男方' },
  { id: 'id-card', party: '女方' },
] as const;

function apply(materials: readonly unknown[], applicant: object = COUPLE, on: Pack = p): Promise<Decision> {
  return on.decide({ item: 'WJ-001', intent: 'apply', applicant, materials, receivedAt: AT });
}

const validDecision = schemaValidator('decision');

describe('decide', () => {
  test('the only problem is correctable: kind correctable, listed apart from missing, no deadline, the slip as notice', async () => {
    const d = await apply(CARDS);
    expect(d.kind).toBe('correctable');
    expect(d.missing).toEqual([]);
    expect(d.correctable).toEqual([{ id: 'registration-form', name: '生育登记服务单', problem: 'absent', detail: '未提交（需原件）' }]);
    expect(d.reasons.map((r) => [r.code, r.message])).toEqual([['material:registration-form', '《生育登记服务单》未提交（需原件）：可以当场更正，更正后重新判断']]);
    expect(d.mode).toBeNull();
    expect(d.deadline).toBeNull();
    expect(d.notice.document).toBe('correctable');
    expect(d.trace.find((t) => t.rule === 'material:registration-form')).toMatchObject({ passed: false, message: '《生育登记服务单》未提交（需原件）（可以当场更正）' });
    expect(validDecision(d)).toBe(true);
  });

  test('once corrected, deciding again with the corrected submissions gives accepted, with nothing to correct', async () => {
    const first = await apply(CARDS);
    expect(first.kind).toBe('correctable');
    const again = await apply([...CARDS, 'registration-form']);
    expect(again.kind).toBe('accepted');
    expect(again.correctable).toEqual([]);
    expect(again.deadline).not.toBeNull();
  });

  test('beside a problem that needs 补正, the correctable one is listed apart and the supplement notice does not demand it', async () => {
    const d = await apply([...CARDS, 'proxy-id-card'], { ...COUPLE, forDependant: true });
    expect(d.kind).toBe('supplement');
    expect(d.missing.map((m) => m.id)).toEqual(['power-of-attorney']);
    expect(d.correctable?.map((m) => m.id)).toEqual(['registration-form']);
    expect(d.reasons.map((r) => r.code)).toEqual(['material:power-of-attorney']);
    const doc = await renderNotice(p.data, d, { number: '测试〔2026〕0003号', date: '2026-11-25' });
    const problems = doc.html.slice(doc.html.indexOf('<table class="problems">'), doc.html.indexOf('</table>'));
    expect(problems).toContain('委托书');
    expect(problems).not.toContain('生育登记服务单');
  });

  test('a rejected application lists nothing to correct', async () => {
    const d = await apply(CARDS, { ...COUPLE, hukouLocal: false, residesLocal: false });
    expect(d.kind).toBe('rejected');
    expect(d.correctable).toEqual([]);
  });

  test('correctable: true covers every problem; a problem the item does not list stays in missing', async () => {
    const dir = path.join(await temp('bianmin-correctable-'), 'rules');
    await cp(SAMPLE_PACK, dir, { recursive: true });
    const file = path.join(dir, 'items', 'wj-001.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('correctable: [absent]', 'correctable: true'));
    const edited = await loadPack(dir);
    const copy = await apply([...CARDS, { id: 'registration-form', form: 'copy' }], COUPLE, edited);
    expect(copy.kind).toBe('correctable');
    expect(copy.correctable).toEqual([{ id: 'registration-form', name: '生育登记服务单', problem: 'wrong-form', detail: '需原件，只提交了复印件' }]);
    // The sample's own [absent]: a copy instead of the original is not among what the window corrects.
    const strict = await apply([...CARDS, { id: 'registration-form', form: 'copy' }]);
    expect(strict.kind).toBe('supplement');
    expect(strict.missing).toEqual([expect.objectContaining({ id: 'registration-form', problem: 'wrong-form' })]);
    expect(strict.correctable).toEqual([]);
  });

  test('correctable on a material never demanded in a 补正 (fetched, optional, deferrable) is a located warning', async () => {
    const dir = path.join(await temp('bianmin-correctable-warn-'), 'rules');
    await cp(SAMPLE_PACK, dir, { recursive: true });
    const file = path.join(dir, 'items', 'wj-001.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('    name: 夫妻双方居民户口簿\n    necessity: required\n', '    name: 夫妻双方居民户口簿\n    necessity: required\n    correctable: true\n'));
    const result = await validatePack(dir);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ file: 'items/wj-001.yaml', code: 'W-MATERIAL-CORRECTABLE', message: expect.stringContaining('由中心调取') }));
  });

  test('a decision stored before `correctable` existed loads with an empty list', async () => {
    const d = await apply([...CARDS, 'registration-form']);
    const { correctable: _gone, ...old } = d;
    expect(upgradeStoredDecision(old)).toEqual({ ...old, correctable: [] });
  });
});

describe('the 当场更正 slip', () => {
  test('is unnumbered, lists what to correct, cites Art. 32(3) and needs no number source', async () => {
    const d = await apply(CARDS);
    const doc = await renderNotice(p.data, d, { date: '2026-11-25' });
    expect(doc.type).toBe('correctable');
    expect(doc.title).toBe('当场更正告知单');
    expect(doc.number).toBeNull();
    expect(doc.html).not.toContain('class="docno"');
    expect(doc.html).toContain('生育登记服务单');
    expect(doc.html).toContain('第三十二条第一款第（三）项');
    expect(doc.html).toContain('不另行出具补正材料通知书');
  });

  test('is not issued for another kind, and a correctable decision gets no 补正 notice', async () => {
    const supplement = await apply([...CARDS, 'proxy-id-card'], { ...COUPLE, forDependant: true });
    await expect(renderNotice(p.data, supplement, { type: 'correctable', date: '2026-11-25' })).rejects.toMatchObject({ code: 'E-DOC-MISMATCH' });
    const d = await apply(CARDS);
    const err = await renderNotice(p.data, d, { type: 'supplement', number: '测试〔2026〕0004号', date: '2026-11-25' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).code).toBe('E-DOC-MISMATCH');
  });
});

describe('the register', () => {
  test('refuses to open a case from a correctable decision (E-CASE-CORRECTABLE) and takes the decision made after correction', async () => {
    const records = await openRecords(path.join(await temp('bianmin-correctable-data-'), 'data'), p);
    try {
      const d = await apply(CARDS);
      const err = await records.cases.register({ decision: d, staff: 'chen-li' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RecordsError);
      expect((err as RecordsError).code).toBe('E-CASE-CORRECTABLE');
      expect((err as RecordsError).message).toContain('申请材料可以当场更正：更正后重新判断，再登记');
      expect((err as RecordsError).message).toContain('生育登记服务单');
      expect(records.cases.size).toBe(0);
      const again = await apply([...CARDS, 'registration-form']);
      const v = await records.cases.register({ decision: again, staff: 'chen-li' });
      expect(v.status).toBe('accepted');
    } finally {
      await records.close();
    }
  });
});
