// The sample 青石镇 pack (examples/qingshi-town) extends the county catalogue
// (examples/wuxi-county) and must decide exactly as the sample pack rules/ it was built from:
// every scenario of rules/tests passes against it, the what-if diff between the two finds no
// changed outcome, and every merged item equals its rules/ item except the one deliberate
// divergence. When rules/ changes, rebuild both with `node --import tsx scripts/extends-sample.ts`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { validatePack } from '../../src/pack/index.ts';
import { loadScenarios, runSuite, whatIf } from '../../src/scenarios/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rules = path.join(root, 'rules');
const town = path.join(root, 'examples', 'qingshi-town');
const REBUILD = '（rules/ 变了？运行 node --import tsx scripts/extends-sample.ts 重新生成示例）';

let original: Pack;
let township: Pack;

beforeAll(async () => {
  original = await loadPack(rules);
  township = await loadPack(town);
});

describe('the sample township pack', () => {
  test('validates with only the calendar warning and the one deliberate divergence', async () => {
    const result = await validatePack(town);
    expect(result.errors).toEqual([]);
    const codes = result.warnings.map((w) => `${w.code} ${w.file} ${w.path}`);
    expect(codes.filter((c) => !c.startsWith('W-CALENDAR-NEXT-YEAR'))).toEqual(['W-CATALOGUE-DIVERGES items/rs-003.yaml $.materials[2].name']);
    expect(result.catalogue?.name).toBe('梧溪县政务服务事项基本目录');
    expect(result.catalogue?.own.map((o) => o.code).sort()).toEqual(['XF-001', 'ZH-001']);
  });

  test('every item equals its rules/ item, but for the renamed material', () => {
    expect([...township.data.items.keys()].sort(), REBUILD).toEqual([...original.data.items.keys()].sort());
    for (const [code, item] of original.data.items) {
      const merged = structuredClone(township.data.items.get(code)!.data) as unknown as Record<string, unknown>;
      if (code === 'RS-003') {
        const photo = (merged['materials'] as { id?: string; name?: string }[]).find((m) => m.id === 'photo')!;
        expect(photo.name).toBe('本人近期免冠彩色证件照片（白底）');
        photo.name = (item.data.materials.find((m) => m.id === 'photo') as { name: string }).name;
      }
      expect(merged, `${code}${REBUILD}`).toEqual(item.data);
    }
  });

  test('every scenario of rules/tests passes against the township', async () => {
    const suite = await loadScenarios(rules, township);
    expect(suite.errors).toEqual([]);
    const run = await runSuite(suite, township);
    const failed = run.results.filter((r) => r.status !== 'passed').map((r) => [r.scenario.name, r.failures, r.error]);
    expect(failed, REBUILD).toEqual([]);
    expect(run.results.length).toBeGreaterThan(100);
  });

  test('the what-if diff from rules/ to the township changes no outcome', async () => {
    const suite = await loadScenarios(rules, original);
    const report = await whatIf({ base: original, current: township, suite });
    // The renamed material may change what a notice prints, never an outcome or a deadline.
    const changed = report.changed.filter((c) => c.changes.some((f) => !JSON.stringify(f).includes('照片')));
    expect(changed.map((c) => [c.subject, c.changes]), REBUILD).toEqual([]);
    expect(report.scenarios).toBeGreaterThan(100);
  });
});
