// `bianmin decide`, `route` and `items` on the sample pack, run in-process through runCli.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Decision } from '../../src/index.ts';
import { bianmin as run, type Ran } from '../cli/run.ts';
import { FIXTURE_PACK, lineOf, SAMPLE_PACK } from './helpers.ts';

function bianmin(...args: string[]): Promise<Ran> {
  return run(args);
}

let dir: string;
const file = (name: string): string => path.join(dir, name);

const SUPPLEMENT = {
  intent: 'apply',
  applicant: { type: 'person', hukouLocal: true, householdIncomePerCapita: 500, forDependant: false, hasDisabilityCert: false },
  materials: ['application', 'id-card', 'authorization', { id: 'income-statement', form: 'copy' }],
  receivedAt: '2026-11-23T09:30:00+08:00',
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-engine-cli-'));
  await writeFile(file('supplement.json'), JSON.stringify(SUPPLEMENT, null, 2));
  await writeFile(file('accepted.json'), JSON.stringify({ ...SUPPLEMENT, materials: ['application', 'id-card', 'authorization', 'income-statement', 'bank-account'] }, null, 2));
  await writeFile(file('syntax.json'), '{\n  "intent": "apply",\n  "applicant": { "type": "person", }\n}\n');
  await writeFile(file('types.json'), '{\n  "intent": "apply",\n  "applicant": {\n    "type": "person",\n    "age": "eighty"\n  },\n  "materials": [{ "id": "id-card", "copies": -1 }]\n}\n');
  await writeFile(file('other-item.json'), JSON.stringify({ ...SUPPLEMENT, item: 'MZ-002' }));
  await writeFile(
    file('consult.yaml'),
    'intent: consult\napplicant:\n  type: person\n  hukouLocal: true\nreceivedAt: "2026-11-23T09:30:00+08:00"\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bianmin decide', () => {
  test('prints the decision in Chinese: kind, every problem, reasons and trace with file:line', async () => {
    const r = await bianmin('decide', '--item', 'MZ-001', '--input', file('supplement.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论：补正件');
    expect(r.stdout).toContain('《家庭收入和财产情况声明》（必要）：需原件，只提交了复印件');
    expect(r.stdout).toContain(`rules/items/mz-001.yaml:${lineOf(SAMPLE_PACK, 'items/mz-001.yaml', 'id: income-statement')}`);
    expect(r.stdout).toContain('应出具文书：补正材料通知书（模板 supplement）');
  });

  test('--json prints exactly what the library decides', async () => {
    const r = await bianmin('decide', '--item', 'MZ-001', '--input', file('accepted.json'), '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as Decision;
    const pack = await loadPack(SAMPLE_PACK);
    expect(printed).toEqual(await pack.decide({ ...SUPPLEMENT, item: 'MZ-001', materials: ['application', 'id-card', 'authorization', 'income-statement', 'bank-account'] }));
    expect([printed.kind, printed.mode]).toEqual(['accepted', 'reported']);
  });

  test('reads YAML input; --rules selects the pack; a consultation lists the one-time notice', async () => {
    const r = await bianmin('decide', '--item', 'T-PROMISED', '--input', file('consult.yaml'), '--rules', FIXTURE_PACK);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论：咨询件');
    expect(r.stdout).toContain('《委托书》（必要）：原件；视情况：代他人申请时提供');
    expect(r.stdout).toContain('办理时限：承诺 10 个工作日，法定 20 个工作日');
    expect(r.stdout).toContain('收费：工本费 10 元/本');
  });

  test('a JSON syntax error is located by line and column', async () => {
    const r = await bianmin('decide', '--item', 'MZ-001', '--input', file('syntax.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file('syntax.json')}:3:36 JSON 语法错误`);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  test('every invalid field is located in the input file, with its JSON path and a Chinese message', async () => {
    const r = await bianmin('decide', '--item', 'MZ-001', '--input', file('types.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file('types.json')}:5:12 $.applicant.age [E-APP-FACT] 年龄应为数字`);
    expect(r.stderr).toContain(`${file('types.json')}:7:46 $.materials[0].copies [E-APP-RANGE]`);
  });

  test('an unknown item suggests what was meant', async () => {
    const r = await bianmin('decide', '--item', 'MZ-01', '--input', file('supplement.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--item [E-APP-UNKNOWN-ITEM] 事项编码 MZ-01 不存在');
    expect(r.stderr).toContain('可能是：MZ-001 最低生活保障审核（2号民政窗口）');
  });

  test('an input naming another item than --item is refused', async () => {
    const r = await bianmin('decide', '--item', 'MZ-001', '--input', file('other-item.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('与 --item MZ-001 不一致');
  });

  test('usage errors exit 2', async () => {
    expect((await bianmin('decide', '--item', 'MZ-001')).code).toBe(2);
    const missing = await bianmin('decide', '--item', 'MZ-001', '--input', file('nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取输入文件');
  });
});

describe('bianmin route and items', () => {
  test('route finds the window for what people say, and the organ for what is not ours', async () => {
    const r = await bianmin('route', '想办低保');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('1. [事项] MZ-001 最低生活保障审核 → 2号窗口 民政窗口（大厅东侧），民政办（社会事务办）（匹配：关键词“低保”）');
    const passport = await bianmin('route', '护照', '--json');
    expect(JSON.parse(passport.stdout)[0]).toMatchObject({ kind: 'referral', code: 'ZB-001', organ: '梧溪县公安局出入境管理大队' });
  });

  test('route with no match says where to ask and exits 1', async () => {
    const r = await bianmin('route', 'qqqzzzxxx');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('未找到');
    expect(r.stdout).toContain('1号咨询投诉窗口');
  });

  test('items lists every item; --json gives [{code, name, mode, window, materials}]', async () => {
    const human = await bianmin('items');
    expect(human.code).toBe(0);
    const pack = await loadPack(SAMPLE_PACK);
    expect(human.stdout).toContain(`共 ${pack.data.items.size} 个事项`);
    const json = await bianmin('items', '--json');
    const items = JSON.parse(json.stdout) as Array<{ code: string; name: string; mode: string; window: { number: number }; materials: Array<{ id: string; necessity: string }> }>;
    expect(items.map((i) => i.code)).toEqual([...pack.data.items.keys()].sort());
    expect(Object.keys(items[0]!)).toEqual(['code', 'name', 'mode', 'window', 'materials']);
  });
});
