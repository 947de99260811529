// 证明事项告知承诺书 (issue 16): generated for a decision with committed materials, through the
// library and `bianmin render --doc commitment`; refused (E-DOC-COMMITMENT) for a decision without.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DocumentError, renderCommitment, renderNotice } from '../../src/documents/index.ts';
import { bianmin as run, type Ran } from '../cli/run.ts';
import { checkedDecision, RULES, samplePack } from './sample.ts';

const APPLICATION = {
  item: 'MZ-005',
  intent: 'apply',
  applicant: { type: 'person', name: '李四', idNumber: '320102198001011234', deceasedHukouLocal: true, cremated: true },
  materials: ['application', 'medical-death-cert', 'cremation-cert', 'applicant-id-card', 'hukou-cancellation', 'bank-account'],
  commitments: ['kinship-proof'],
  receivedAt: '2026-11-23T09:00:00+08:00',
};

let dir: string;
const bianmin = (args: string[]): Promise<Ran> => run(args, { cwd: dir });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-commitment-'));
  await writeFile(path.join(dir, 'app.json'), JSON.stringify(APPLICATION));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('告知承诺书', () => {
  test('lists each committed material with its commitment, post-check, consequence, basis and signature lines', async () => {
    const pack = await samplePack();
    const d = checkedDecision(await pack.decide(APPLICATION));
    const doc = renderCommitment(pack.data, d, { date: '2026-11-23', applicant: { name: '李四', idNumber: '320102198001011234' } });
    expect(doc).toMatchObject({ type: 'commitment', title: '证明事项告知承诺书', number: null });
    const html = doc.html;
    expect(html).toContain('惠民殡葬补贴申领（事项编码 MZ-005）');
    expect(html).toContain('申请人与逝者的亲属关系证明');
    expect(html).toContain('本人与逝者系直系亲属（配偶、父母、子女）关系');
    expect(html).toContain('受理后20个工作日内核查承诺内容（民政办向逝者户籍所在村（居）民委员会核实）');
    expect(html).toContain('终止办理、追回补贴、记入信用记录');
    expect(html).toContain('国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见');
    expect(html).toContain('曾作出虚假承诺的');
    expect(html).toContain('承诺人（签字）');
    // The applicant's own paper: the full name and number are printed on it.
    expect(html).toContain('李四');
    expect(html).toContain('320102198001011234');
  });

  test('the 受理通知书 lists the materials replaced by commitment with their post-check', async () => {
    const pack = await samplePack();
    const d = await pack.decide(APPLICATION);
    const notice = await renderNotice(pack.data, d, { date: '2026-11-23', number: '青便〔2026〕0001号' });
    expect(notice.html).toContain('告知承诺：以下材料以您的书面承诺代替');
    expect(notice.html).toContain('申请人与逝者的亲属关系证明（受理后20个工作日内核查承诺内容');
    const plain = await pack.decide({ ...APPLICATION, commitments: [], materials: [...APPLICATION.materials, 'kinship-proof'] });
    expect((await renderNotice(pack.data, plain, { date: '2026-11-23', number: '青便〔2026〕0002号' })).html).not.toContain('告知承诺');
  });

  test('a decision without committed materials has no 承诺书: E-DOC-COMMITMENT, saying why when excluded', async () => {
    const pack = await samplePack();
    const plain = await pack.decide({ ...APPLICATION, commitments: [], materials: [...APPLICATION.materials, 'kinship-proof'] });
    expect(() => renderCommitment(pack.data, plain)).toThrow(DocumentError);
    const excluded = await pack.decide(APPLICATION, { commitmentExcluded: { reason: '登记簿中有虚假承诺记录：办件 2026-000001' } });
    let err: unknown;
    try {
      renderCommitment(pack.data, excluded);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'E-DOC-COMMITMENT' });
    expect((err as Error).message).toContain('办件 2026-000001');
  });

  test('bianmin render --doc commitment from a decide --json output', async () => {
    const decided = await bianmin(['decide', '--item', 'MZ-005', '--input', 'app.json', '--rules', RULES, '--json']);
    expect(decided.code, decided.stderr).toBe(0);
    const text = await bianmin(['decide', '--item', 'MZ-005', '--input', 'app.json', '--rules', RULES]);
    expect(text.stdout).toContain('以告知承诺代替');
    expect(text.stdout).toContain('  - 《申请人与逝者的亲属关系证明》');
    await writeFile(path.join(dir, 'decision.json'), decided.stdout);
    const r = await bianmin(['render', '--doc', 'commitment', '--input', 'decision.json', '--application', 'app.json', '--rules', RULES, '--date', '2026-11-23', '--out', 'commitment.html']);
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'commitment.html'), 'utf8');
    expect(html).toContain('证明事项告知承诺书');
    expect(html).toContain('李四');
  });
});
