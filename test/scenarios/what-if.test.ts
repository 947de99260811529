// The "Done when", as a new user would try it: in a copy of the sample, one optional
// material becomes required. `diff --base <original>` must show exactly the scenarios that move to
// supplement, and `test` must fail on the scenarios that pinned the old behaviour, saying why.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { coverageOf, diffJson, diffText, loadScenarios, runSuite, whatIf, type LoadedScenario, type TestRun } from '../../src/scenarios/index.ts';
import { bianmin, sampleCopy } from './helpers.ts';

interface Pick {
  readonly item: string;
  readonly file: string;
  readonly id: string;
  readonly name: string;
  /** Line of `necessity: optional`, and of the material itself (where its trace points). */
  readonly line: number;
  readonly materialLine: number;
}

let original: string;
let changed: string;
let picked: Pick;
let before: TestRun;

beforeAll(async () => {
  original = sampleCopy({}, 'original');
  const pack: Pack = await loadPack(original);
  before = await runSuite(await loadScenarios(original, pack), pack);
  // An optional, unconditional material that no scenario supplies, in an item whose scenarios
  // include accepted applications: making it required must move exactly those.
  const gaps = coverageOf(pack, before.results).materials.gaps;
  const candidates: Pick[] = [];
  for (const g of gaps) {
    const item = pack.data.items.get(g.item!)!;
    const index = item.data.materials.findIndex((m) => m.id === g.id);
    // A material only a dated change declares is not on the line edited below.
    if (index < 0) continue;
    const m = item.data.materials[index]!;
    if (m.necessity !== 'optional' || m.requiredWhen || item.data.changes) continue;
    const accepted = before.results.filter((r) => r.outcome.decision?.item === g.item && r.outcome.decision.kind === 'accepted');
    if (accepted.length === 0) continue;
    const line = pack.data.sources.locate(item.file, ['materials', index, 'necessity']).line;
    const materialLine = pack.data.sources.locate(item.file, ['materials', index]).line;
    candidates.push({ item: g.item!, file: item.file, id: g.id, name: m.name!, line, materialLine });
  }
  expect(candidates.length).toBeGreaterThan(0);
  picked = candidates[0]!;
  changed = sampleCopy({}, 'changed');
  const file = path.join(changed, picked.file);
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(lines[picked.line - 1]).toMatch(/necessity: optional\b/);
  lines[picked.line - 1] = lines[picked.line - 1]!.replace('necessity: optional', 'necessity: required');
  writeFileSync(file, lines.join('\n'));
});

const label = (s: LoadedScenario): string => `${s.file}:${s.line}:${s.column} ${s.name}`;

describe('one optional material made required', () => {
  test('diff lists exactly the scenarios that move from accepted to supplement, with the material rule behind it', async () => {
    const r = await bianmin(['diff', '--base', original, '--rules', changed, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      changed: Array<{
        subject: { kind: string; file: string; line: number; column: number; name: string };
        changes: Array<{ aspect: string; from: unknown; to: unknown }>;
        rules: Array<{ rule: string; before: { passed: boolean; file: string; line: number } | null; after: { passed: boolean; file: string; line: number } | null }>;
      }>;
    };
    const moved = out.changed.filter((c) => c.changes.some((f) => f.aspect === 'kind' && f.from === 'accepted' && f.to === 'supplement'));
    const expected = before.results
      .filter((r) => r.outcome.decision?.item === picked.item && r.outcome.decision.kind === 'accepted')
      .map((r) => label(r.scenario))
      .sort();
    expect(moved.map((c) => `${c.subject.file}:${c.subject.line}:${c.subject.column} ${c.subject.name}`).sort()).toEqual(expected);
    // Nothing else changes kind, and every change is of this item.
    expect(out.changed.filter((c) => c.changes.some((f) => f.aspect === 'kind'))).toHaveLength(expected.length);
    const others = before.results.filter((r) => r.outcome.decision?.item !== picked.item).map((r) => label(r.scenario));
    for (const c of out.changed) expect(others).not.toContain(`${c.subject.file}:${c.subject.line}:${c.subject.column} ${c.subject.name}`);
    for (const c of moved) {
      expect(c.changes.find((f) => f.aspect === 'missing')!.to).toEqual([picked.id]);
      const rule = c.rules.find((x) => x.rule === `material:${picked.id}`)!;
      expect(rule.before).toMatchObject({ passed: true, file: picked.file, line: expect.any(Number) });
      expect(rule.after).toMatchObject({ passed: false, file: picked.file });
    }
  });

  test('the text report names each moved scenario and the changed rule with its file and line', async () => {
    const r = await bianmin(['diff', '--base', original, '--rules', changed]);
    expect(r.status).toBe(0);
    for (const res of before.results.filter((x) => x.outcome.decision?.item === picked.item && x.outcome.decision.kind === 'accepted')) {
      const s = res.scenario;
      const block = r.stdout.slice(r.stdout.indexOf(`场景 ${changed}/${s.file}:${s.line}:${s.column} ${s.name}`));
      expect(block).not.toBe(r.stdout);
      expect(block).toContain('分类：accepted（受理件） → supplement（补正件）');
      expect(block).toContain(`material:${picked.id}`);
      expect(block).toMatch(new RegExp(`当前 ✗ .*${picked.file.replace('.', '\\.')}:\\d+`));
    }
    expect(r.last).toMatch(/^共 \d+ 处有变化：分类变化 \d+ 个（accepted（受理件） → supplement（补正件） \d+ 个）/);
  });

  test('test fails on exactly the scenarios that pinned the old behaviour, saying why', async () => {
    const r = await bianmin(['test', '--rules', changed]);
    expect(r.status).toBe(1);
    // The scenarios of the item that pinned acceptance (kind, mode, deadline …) or the exact list of missing materials.
    const pinned = before.results.filter((res) => {
      const d = res.outcome.decision;
      if (d?.item !== picked.item) return false;
      const e = res.scenario.expect;
      const acceptedPins = d.kind === 'accepted' && (e.kind !== undefined || e.mode !== undefined || e.deadline !== undefined || e.warning !== undefined || e.deferred !== undefined);
      return acceptedPins || e.missing !== undefined;
    });
    expect(pinned.length).toBeGreaterThan(0);
    expect(r.last).toBe(`${before.results.length - pinned.length} passed, ${pinned.length} failed`);
    const failedList = r.stdout.slice(r.stdout.indexOf('未通过的场景'));
    for (const res of pinned) expect(failedList).toContain(`${changed}/${res.scenario.file}:${res.scenario.line}:${res.scenario.column} ${res.scenario.name}`);
    for (const res of pinned.filter((x) => x.outcome.decision!.kind === 'accepted' && x.scenario.expect.kind === 'accepted')) {
      const s = res.scenario;
      const block = r.stdout.slice(r.stdout.indexOf(`✗ ${s.name}`));
      // Why: expected accepted, got supplement, because this material is missing.
      expect(block).toMatch(new RegExp(`^✗ [^\\n]*\\n\\s+分类：期望 accepted（受理件），实际 supplement（补正件）[^\\n]*\\n\\s+· 缺少材料：${picked.id}`));
      // The trace starts with the rule that did not pass, located in the item file.
      const trace = block.slice(block.indexOf('判断过程'));
      expect(trace.split('\n')[1]).toMatch(new RegExp(`✗ .*${changed}/${picked.file}:${picked.materialLine}$`));
    }
  });

  test('the reports are written a changed subject at a time, and --json is the report as JSON.stringify writes it', async () => {
    const [a, b] = await Promise.all([loadPack(original), loadPack(changed)]);
    const report = await whatIf({ base: a, current: b, suite: await loadScenarios(changed, b) });
    expect(report.changed.length).toBeGreaterThan(1);
    const head = { base: original, rules: changed };
    // Never one string: a register replay can change more cases than one string can describe.
    const json = [...diffJson(head, report)];
    expect(json).toHaveLength(report.changed.length + 2);
    expect(json.join('')).toBe(JSON.stringify({ ...head, ...report }, null, 2));
    const text = [...diffText(report, { base: original, baseDir: original, rulesDir: changed })];
    expect(text).toHaveLength(report.changed.length + 2);
    expect(text[1]).toMatch(/^\n场景 .*\n  分类：/);
    const r = await bianmin(['diff', '--base', original, '--rules', changed, '--json']);
    expect(r.stdout).toBe(`${JSON.stringify({ ...head, ...report }, null, 2)}\n`);
    // Nothing changed: the same JSON as well.
    const none = await whatIf({ base: a, current: a, suite: await loadScenarios(original, a) });
    expect(none.changed).toEqual([]);
    expect([...diffJson(head, none)].join('')).toBe(JSON.stringify({ ...head, ...none }, null, 2));
  });
});
