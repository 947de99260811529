/**
 * What no scenario exercises (`bianmin test --coverage`), read from the decisions' traces and the
 * sanctions' evidence:
 * - an item (or referral) no scenario asks about;
 * - a material no application submits, lacks or defers (a conditional one whose condition never
 *   holds, an optional one never supplied) — fetched materials count once the item is applied for;
 * - an eligibility condition no scenario sees fail (its refusal or rejection is untested);
 * - a discipline rule that no scenario's history triggers, and a grade no expectation reaches.
 */
import type { Pack } from '../engine/index.ts';
import type { PathSegment } from '../core/index.ts';
import { itemVersions, originOf } from '../pack/index.ts';
import type { Outcome } from './run.ts';
import type { LoadedScenario } from './model.ts';

export interface Gap {
  /** Item code for materials and conditions. */
  readonly item: string | null;
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export interface CoverageArea {
  readonly total: number;
  readonly covered: number;
  readonly gaps: readonly Gap[];
}

export interface Coverage {
  readonly items: CoverageArea;
  readonly referrals: CoverageArea;
  readonly materials: CoverageArea;
  readonly conditions: CoverageArea;
  readonly discipline: CoverageArea;
  readonly grades: CoverageArea;
}

interface Declared {
  readonly key: string;
  readonly gap: Gap;
}

export function coverageOf(pack: Pack, runs: ReadonlyArray<{ readonly scenario: LoadedScenario; readonly outcome: Outcome }>): Coverage {
  const items = new Set<string>();
  const materials = new Set<string>();
  const conditions = new Set<string>();
  const rules = new Set<string>();
  const grades = new Set<string>();

  for (const { scenario, outcome } of runs) {
    const d = outcome.decision;
    if (d) {
      items.add(d.item);
      for (const t of d.trace) if (t.rule.startsWith('condition:') && t.passed === false) conditions.add(`${d.item}:${t.rule.slice(10)}`);
      const applied = scenario.application?.intent === 'apply' && pack.data.items.has(d.item);
      if (applied) {
        const submitted = new Set((scenario.application?.materials ?? []).map((m) => (typeof m === 'string' ? m : m.id)));
        for (const m of d.materials) {
          const given = submitted.has(m.id) || (m.alternatives ?? []).some((a) => submitted.has(a.id));
          if (given || m.fetchedByCenter) materials.add(`${d.item}:${m.id}`);
        }
        for (const m of d.missing) materials.add(`${d.item}:${m.id}`);
        for (const m of d.deferred) materials.add(`${d.item}:${m.id}`);
      }
    }
    for (const s of outcome.sanctions?.staff ?? []) for (const a of s.actions) rules.add(a.rule);
    if (outcome.metrics && scenario.expect.grade) {
      for (const staff of scenario.expect.grade.keys()) {
        const g = outcome.metrics.staff.find((m) => m.staff === staff)?.grade;
        if (g) grades.add(g);
      }
    }
  }

  const loc = (file: string, path: readonly PathSegment[]) => pack.data.sources.locate(file, path);
  const declaredItems: Declared[] = [];
  const declaredMaterials: Declared[] = [];
  const declaredConditions: Declared[] = [];
  for (const [code, { file, data }] of pack.data.items) {
    declaredItems.push({ key: code, gap: { item: null, id: code, name: data.name, file, line: loc(file, []).line } });
    // Every version as in force (changes patch the lists), each entry located where it is written.
    for (const version of itemVersions(data)) {
      version.materials.forEach((m, i) => {
        const key = `${code}:${m.id}`;
        if (!declaredMaterials.some((x) => x.key === key)) declaredMaterials.push({ key, gap: { item: code, id: m.id, name: m.name ?? m.id, file, line: loc(file, originOf(version, ['materials', i])).line } });
      });
      (version.conditions ?? []).forEach((c, i) => {
        const key = `${code}:${c.id}`;
        if (!declaredConditions.some((x) => x.key === key)) declaredConditions.push({ key, gap: { item: code, id: c.id, name: c.text, file, line: loc(file, originOf(version, ['conditions', i])).line } });
      });
    }
  }
  const declaredReferrals: Declared[] = [...pack.data.referrals.values()].map((r) => ({
    key: r.data.code,
    gap: { item: null, id: r.data.code, name: r.data.name, file: r.file, line: loc(r.file, ['referrals', r.index]).line },
  }));
  const declaredRules: Declared[] = pack.data.policy.discipline.rules.map((r, i) => ({
    key: r.id,
    gap: { item: null, id: r.id, name: r.name, file: 'policy.yaml', line: loc('policy.yaml', ['discipline', 'rules', i]).line },
  }));
  const declaredGrades: Declared[] = pack.data.policy.assessment.grades.map((g, i) => ({
    key: g.grade,
    gap: { item: null, id: g.grade, name: g.grade, file: 'policy.yaml', line: loc('policy.yaml', ['assessment', 'grades', i]).line },
  }));

  return {
    items: area(declaredItems, items),
    referrals: area(declaredReferrals, items),
    materials: area(declaredMaterials, materials),
    conditions: area(declaredConditions, conditions),
    discipline: area(declaredRules, rules),
    grades: area(declaredGrades, grades),
  };
}

function area(declared: readonly Declared[], covered: ReadonlySet<string>): CoverageArea {
  const gaps = declared.filter((d) => !covered.has(d.key)).map((d) => d.gap);
  return { total: declared.length, covered: declared.length - gaps.length, gaps };
}
