// `bianmin review add | list | callback | rectify | appeal` on a real data directory: Chinese output,
// the reviewer masked, one review per case (exit 1 with the catalogue's code), the appeal's effect on
// `metrics`, usage errors exit 2.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openRecords } from '../../src/records/index.ts';
import { completeApplication, decided, RULES, samplePack, tempDir } from '../records/helpers.ts';
import { bianmin } from './run.ts';

let data: string;
let caseId: string;
let common: string[];
const outputs: string[] = [];

async function run(args: string[]) {
  const r = await bianmin([...args, ...common]);
  outputs.push(r.stdout, r.stderr);
  return r;
}

beforeAll(async () => {
  data = path.join(await tempDir(), 'data');
  common = ['--rules', RULES, '--data', data];
  const pack = await samplePack();
  const records = await openRecords(data, pack);
  const application = completeApplication('2026-11-02T09:30:00+08:00');
  const v = await records.cases.register({ decision: await decided(pack, application, 'accepted'), application, staff: 'chen-li' });
  await records.cases.addEvent(v.record.id, { type: 'completed', staff: 'chen-li', at: '2026-11-05T10:00:00+08:00' });
  caseId = v.record.id;
  await records.close();
}, 60_000);

// Each command loads the pack: allow for a busy machine.
describe('bianmin review', { timeout: 180_000 }, () => {
  test('add a bad review of a case: staff and window from the case, clocks from policy.yaml, reviewer masked', async () => {
    const r = await run(['review', 'add', '--case', caseId, '--grade', '不满意', '--attitude', '非常不满意', '--comment', '窗口说“不归我管”', '--name', '王小五', '--phone', '13900001111', '--at', '2026-11-05T11:00:00+08:00']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已记录评价 P2026-00001：不满意（差评）');
    expect(r.stdout).toContain(`评价对象：办件 ${caseId}，工作人员 陈丽，窗口 2号民政窗口`);
    expect(r.stdout).toContain('分项：服务态度 非常不满意');
    expect(r.stdout).toContain('评价人：王*五，139****1111（保密）');
    expect(r.stdout).toContain('回访：应于 2026-11-06 17:30 前完成');
    expect(r.stdout).toContain('整改反馈：应于 2026-11-26 17:30 前完成');
  });

  test('a second review of the case is refused (一次一评): exit 1, located, in Chinese', async () => {
    const r = await run(['review', 'add', '--case', caseId, '--grade', '非常满意']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('一次一评');
    const json = await run(['review', 'add', '--case', caseId, '--grade', '非常满意', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'E-REVIEW-DUPLICATE' } });
  });

  test('callback, list (text and JSON, reviewer masked), appeal struck: metrics leave it out', async () => {
    const cb = await run(['review', 'callback', 'P2026-00001', '--by', 'li-xiuying', '--note', '已电话回访', '--at', '2026-11-06T10:00:00+08:00']);
    expect(cb.code).toBe(0);
    expect(cb.stdout).toContain('回访：2026-11-06 10:00（李秀英）：已电话回访（期限 2026-11-06 17:30）');

    const list = await run(['review', 'list', '--staff', 'chen-li', '--month', '2026-11', '--at', '2026-11-30T09:00:00+08:00']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('整改反馈：应于 2026-11-26 17:30 前完成，红牌：已超期');
    const json = await run(['review', 'list', '--case', caseId, '--json']);
    const [view] = JSON.parse(json.stdout) as Array<{ record: { id: string; reviewer?: unknown }; reviewer?: { name: string; phone: string }; bad: boolean; struck: boolean }>;
    expect(view).toMatchObject({ record: { id: 'P2026-00001' }, bad: true, struck: false, reviewer: { name: '王*五', phone: '139****1111' } });
    expect(view!.record.reviewer).toBeUndefined();

    const before = await run(['metrics', '--month', '2026-11', '--staff', 'chen-li', '--at', '2026-11-30T09:00:00+08:00']);
    expect(before.stdout).toContain('评价 1 条，差评 1 条，满意率 0.0%（0/1）；差评回访：按期 1、逾期完成 0、未到期 0、逾期未完成 0；整改反馈：按期 0、逾期完成 0、未到期 0、逾期未完成 1');

    const appeal = await run(['review', 'appeal', 'P2026-00001', '--outcome', '撤销', '--reason', '经核实系误评', '--by', 'li-xiuying', '--at', '2026-11-10T09:00:00+08:00']);
    expect(appeal.code).toBe(0);
    expect(appeal.stdout).toContain('（经申诉复核撤销，不计入）');
    expect(appeal.stdout).toContain('申诉复核：撤销（李秀英，2026-11-10 09:00）：经核实系误评');
    const again = await run(['review', 'appeal', 'P2026-00001', '--outcome', '维持', '--reason', '再议', '--by', 'li-xiuying']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('复核只能进行一次');

    const after = await run(['metrics', '--month', '2026-11', '--staff', 'chen-li', '--at', '2026-11-30T09:00:00+08:00']);
    expect(after.stdout).toContain('评价 0 条，差评 0 条，满意率 —（另有 1 条差评经申诉复核撤销，不计入）');
    const rectify = await run(['review', 'rectify', 'P2026-00001', '--by', 'li-xiuying']);
    expect(rectify.code).toBe(1);
    expect(rectify.stderr).toContain('经申诉复核撤销');
  });

  test('usage errors exit 2: an unknown outcome, a bad month, a bad time', async () => {
    expect((await run(['review', 'appeal', 'P2026-00001', '--outcome', 'maybe', '--reason', 'x', '--by', 'li-xiuying'])).code).toBe(2);
    expect((await run(['review', 'list', '--month', '2026-13'])).code).toBe(2);
    expect((await run(['review', 'add', '--grade', '满意', '--window', 'minzheng-window', '--at', '2026-02-30T10:00'])).code).toBe(2);
    expect((await bianmin(['review', '--help'])).stdout).toContain('用法： bianmin review ');
  });

  test('no output ever shows the reviewer unmasked', () => {
    for (const text of outputs) for (const secret of ['王小五', '13900001111']) expect(text).not.toContain(secret);
  });
});
