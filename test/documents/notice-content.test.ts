// What the notices say, from real decisions of the sample pack (rules/) through the real engine:
// a supplement that lacks only applicant facts says in plain words which (from decision.questions),
// the supplement period (declared or plainly not), and the provisions each notice and each reason cite.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memorySequence, numbering, renderNotice } from '../../src/documents/index.ts';
import { loadPack, type Pack } from '../../src/index.ts';
import { APPLICATIONS, RECEIVED, checkedDecision, copyOfRules, sampleDecision, samplePack } from './sample.ts';

let pack: Pack;
beforeAll(async () => {
  pack = await samplePack();
});

const DATE = '2026-11-23';

/** Visible text of an HTML document, tags removed, entities decoded, white space collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

async function notice(p: Pack, application: unknown, date = DATE): Promise<{ text: string; html: string }> {
  const d = checkedDecision(await p.decide(application as Parameters<Pack['decide']>[0]));
  const doc = await renderNotice(p.data, d, { numbering: numbering(p.data.center.center.code, memorySequence()), date, applicant: { name: '张小三' } });
  return { html: doc.html, text: textOf(doc.html) };
}

/** MZ-001 with every material the application can bring, and no applicant fact at all. */
const FACTS_ONLY = { item: 'MZ-001', intent: 'apply', applicant: { type: 'person' }, materials: ['application', 'id-card', 'authorization', 'income-statement'], receivedAt: RECEIVED };

describe('a supplement whose only gap is applicant facts', () => {
  test('names and counts the facts to give (the decision questions), never "（共0项）" or the engine wording', async () => {
    const d = checkedDecision(await pack.decide(FACTS_ONLY as never));
    expect(d.kind).toBe('supplement');
    expect(d.missing).toEqual([]);
    const labels = d.questions.map((q) => q.label);
    expect(labels).toEqual(['本镇户籍', '家庭人均月收入', '持有残疾人证', '代他人申请']);

    const { text, html } = await notice(pack, FACTS_ONLY);
    expect(text).toContain(`请补充以下 4 项情况：${labels.join('、')}`);
    expect(text).not.toContain('共0项');
    expect(text).not.toContain('无法判断');
    expect(text).not.toContain('请补充申请人情况');
    expect(html).not.toContain('class="problems"');
    // One row per fact: what to say and what it decides, in plain words.
    const rows = [...html.matchAll(/<tr>\s*<td class="num">\d+<\/td>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!).trim());
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^本镇户籍.*是 \/ 否 判断是否符合受理条件：申请家庭户籍在本镇$/);
    expect(rows[1]).toContain('填写数值（元）');
    expect(rows[1]).toContain('判断是否符合受理条件：共同生活家庭成员月人均收入低于本县城乡低保标准');
    expect(rows[2]).toContain('确定是否需要提交：家庭成员残疾人证');
    expect(rows[3]).toContain('确定是否需要提交：代办人居民身份证、委托书');
  });

  test('with a missing material as well: the material table first, then the facts, each counted', async () => {
    const { text } = await notice(pack, { ...FACTS_ONLY, applicant: { type: 'person', hukouLocal: true }, materials: ['application', 'id-card', 'authorization'] });
    expect(text).toContain('一、需要补正的材料（共1项）');
    expect(text).toContain('家庭收入和财产情况声明');
    expect(text).toContain('二、请补充以下 3 项情况：家庭人均月收入、持有残疾人证、代他人申请');
    expect(text).not.toContain('无法判断');
  });

  test('a decision without questions keeps the material table and no facts section', async () => {
    const { text, html } = await notice(pack, APPLICATIONS.supplement);
    expect(text).toContain('需要补正的材料（共1项）');
    expect(text).not.toContain('请补充以下');
    expect(html).not.toContain('class="questions"');
  });
});

describe('the supplement period', () => {
  test('the sample center sets none: the notice says so plainly, and no "逾期"', async () => {
    expect(pack.data.policy.clocks.supplementPeriod).toMatchObject({ none: true });
    const { text } = await notice(pack, APPLICATIONS.supplement);
    expect(text).toContain('补正期限：本中心未规定补正期限');
    expect(text).not.toContain('逾期');
    // Decided, not forgotten: no warning.
    expect(pack.data.warnings.map((w) => w.code)).not.toContain('W-POLICY-NO-SUPPLEMENT-PERIOD');
  });

  describe('declared in policy.yaml', () => {
    let withPeriod: Pack;
    let remove: () => Promise<void>;
    beforeAll(async () => {
      const copy = await copyOfRules();
      remove = copy.remove;
      const file = path.join(copy.dir, 'policy.yaml');
      const text = readFileSync(file, 'utf8');
      const anchor = '  supplementNotice: { amount: 5, unit: workingDays }\n';
      expect(text).toContain(anchor);
      writeFileSync(
        file,
        text.replace(/^  supplementPeriod:\n    none: true\n    note: .*\n/m, '').replace(anchor, `${anchor}  supplementPeriod:\n    amount: 10\n    unit: workingDays\n    basis:\n      - { law: 《青石镇便民服务中心补正材料管理规定》, article: 第五条 }\n`),
      );
      withPeriod = await loadPack(copy.dir);
    });
    afterAll(async () => {
      await remove();
    });

    test('the date by which to supplement, counted in working days from the notice date, with its basis', async () => {
      expect(withPeriod.data.warnings.map((w) => w.code)).not.toContain('W-POLICY-NO-SUPPLEMENT-PERIOD');
      // Issued Monday 23 November 2026: 10 working days end on Monday 7 December at the close of office.
      const { text } = await notice(withPeriod, APPLICATIONS.supplement);
      expect(text).toContain('补正期限：请于2026年12月7日 17:30前补正（自本通知书出具之日起10个工作日）');
      expect(text).toContain('《青石镇便民服务中心补正材料管理规定》第五条');
      expect(text).not.toContain('未规定补正期限');
    });

    test('the pack calendar counts: the National Day holiday does not count', async () => {
      // Issued Wednesday 30 September 2026: 1–7 October are holidays, Saturday 10 October is worked.
      const { text } = await notice(withPeriod, { ...APPLICATIONS.supplement, receivedAt: '2026-09-30T09:30:00+08:00' }, '2026-09-30');
      // 8, 9, 10 (the worked Saturday), 12–16, 19, 20 October: the tenth working day is Tuesday 20 October.
      expect(text).toContain('请于2026年10月20日 17:30前补正');
    });
  });
});

describe('citations', () => {
  const KIND_CITES: Array<[keyof typeof APPLICATIONS, string]> = [
    ['consultation', '依据：《中华人民共和国行政许可法》第三十条'],
    ['supplement', '依据：《中华人民共和国行政许可法》第三十二条第一款第（四）项'],
    ['accepted', '依据：《中华人民共和国行政许可法》第三十二条第一款第（五）项、第二款'],
    ['promised', '依据：《中华人民共和国行政许可法》第三十二条第一款第（五）项、第二款'],
    ['immediate', '依据：《中华人民共和国行政许可法》第三十四条第二款'],
    ['returned', '依据：《便民服务中心工作制度》限时办结制（三）3'],
    ['rejected', '依据：《中华人民共和国行政许可法》第三十二条第一款第（二）项、第二款'],
  ];

  test.each(KIND_CITES)('%s cites the provision of its kind (policy.documents.citations)', async (sample, cite) => {
    const { text } = await notice(pack, APPLICATIONS[sample]);
    expect(text).toContain(cite);
  });

  test("a return also cites the item's own basis, and each material's basis where the item gives one", async () => {
    const d = await sampleDecision('returned');
    const { text, html } = await notice(pack, APPLICATIONS.returned);
    const item = pack.data.items.get(d.item)!.data;
    for (const b of item.basis ?? []) expect(text).toContain(`${b.law}${b.article ?? ''}`);
    const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!)).find((r) => r.includes('村民小组会议讨论意见'));
    expect(row).toContain('依据：《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）');
  });

  test('a rejection cites the basis of its reason: the referral, or the failed condition', async () => {
    const referral = await notice(pack, APPLICATIONS.rejected);
    expect(referral.text).toContain('（依据：《中华人民共和国护照法》第五条）');

    const hukou = await notice(pack, { item: 'MZ-001', intent: 'apply', applicant: { type: 'person', hukouLocal: false }, materials: ['application', 'id-card', 'authorization'], receivedAt: RECEIVED });
    expect(hukou.text).toContain('最低生活保障应向户籍所在地乡镇人民政府');
    expect(hukou.text).toContain('（依据：《社会救助暂行办法》第十一条第（一）项；《最低生活保障审核确认办法》（民发〔2021〕57号）第四条）');
  });

  test('a return for a failed condition cites that condition', async () => {
    const { text } = await notice(pack, { item: 'MZ-004', intent: 'apply', applicant: { type: 'person', hukouLocal: true, age: 75, forDependant: false }, materials: ['id-card', 'application', 'photo', 'bank-account'], receivedAt: RECEIVED });
    expect(text).toContain('退回件通知书');
    expect(text).toContain('申请对象尚未年满80周岁');
    expect(text).toContain('（依据：《中华人民共和国老年人权益保障法》第三十三条；《梧溪县高龄津贴发放管理办法》）');
  });

  test('a pack without citations prints no "依据：" line', async () => {
    const copy = await copyOfRules();
    try {
      const file = path.join(copy.dir, 'policy.yaml');
      const text = readFileSync(file, 'utf8');
      const start = text.indexOf('  citations:\n');
      expect(start).toBeGreaterThan(0);
      writeFileSync(file, text.slice(0, start));
      const bare = await loadPack(copy.dir);
      const { html } = await notice(bare, APPLICATIONS.supplement);
      expect(html).not.toContain('class="basis"');
    } finally {
      await copy.remove();
    }
  });
});
