/**
 * Applicant facts → engine facts. The built-in `applicantType` comes from `applicant.type`; pack
 * facts are read from the applicant by their facts.yaml id and checked against the declared type.
 * Identity fields (name, idNumber, phone) never take part in a decision.
 */
import { tryParseDate } from '../core/index.ts';
import type { Applicant, DecisionWarning, FactDefinition, FactsFile } from '../pack/index.ts';
import { suggest } from '../pack/index.ts';
import type { ApplicationIssue } from './errors.ts';

export type FactValue = string | number | boolean;

/** The builtin fact: it comes from `applicant.type`, not from facts.yaml. */
const APPLICANT_TYPE: FactDefinition = Object.freeze({
  id: 'applicantType',
  label: '申请人类型',
  type: 'enum',
  values: Object.freeze(['person', 'organization']) as string[],
  description: 'person 自然人；organization 法人或其他组织（企事业单位、个体工商户等）。填在申请的 applicant.type。',
});

/** Keys of `applicant` that are not facts. */
const IDENTITY = new Set(['type', 'name', 'idNumber', 'phone']);

export interface ReadFacts {
  /** Engine facts by id: `applicantType` plus every declared fact the applicant gave. */
  readonly values: Readonly<Record<string, FactValue>>;
  /** Type errors (wrong type, value not among the declared options). */
  readonly issues: readonly ApplicationIssue[];
  /** Keys that are neither identity fields nor declared facts (likely typos), with a warning each. */
  readonly warnings: readonly DecisionWarning[];
}

export class FactDictionary {
  private readonly byId: ReadonlyMap<string, FactDefinition>;
  private readonly ids: readonly string[];

  constructor(facts: FactsFile) {
    this.byId = new Map(facts.facts.map((f) => [f.id, f]));
    this.ids = ['applicantType', ...facts.facts.map((f) => f.id)];
  }

  /** A fact's declaration (the builtin applicantType included); null for an undeclared id. */
  definition(id: string): FactDefinition | null {
    return id === 'applicantType' ? APPLICANT_TYPE : (this.byId.get(id) ?? null);
  }

  /** Chinese name of a fact for messages, e.g. `年龄（周岁）`. */
  label(id: string): string {
    if (id === 'applicantType') return '申请人类型（自然人/法人）';
    const def = this.byId.get(id);
    if (!def) return id;
    return def.unit ? `${def.label}（${def.unit}）` : def.label;
  }

  /** Reads the applicant's facts; never throws (type problems come back as issues). */
  read(applicant: Applicant): ReadFacts {
    const values: Record<string, FactValue> = { applicantType: applicant.type };
    let issues: ApplicationIssue[] | null = null;
    let warnings: DecisionWarning[] | null = null;
    for (const key in applicant) {
      if (IDENTITY.has(key)) continue;
      const value: unknown = applicant[key];
      if (value === undefined) continue;
      const def = this.byId.get(key);
      if (!def) {
        const guess = suggest(key, this.ids);
        (warnings ??= []).push({
          code: 'unknown-fact',
          message: `申请人事实 ${key} 未在 facts.yaml 中声明，未参与判断${guess ? `；是否应为 ${guess}（${this.label(guess)}）？` : ''}`,
        });
        continue;
      }
      const problem = typeProblem(def, value);
      if (problem) {
        (issues ??= []).push({ path: `$.applicant.${key}`, code: 'E-APP-FACT', message: `${def.label}${problem}` });
        continue;
      }
      values[key] = value as FactValue;
    }
    return { values, issues: issues ?? [], warnings: warnings ?? [] };
  }
}

function typeProblem(def: FactDefinition, value: unknown): string | null {
  switch (def.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `应为数字${def.unit ? `（单位：${def.unit}）` : ''}，实际是 ${JSON.stringify(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `应为 true（是）或 false（否），实际是 ${JSON.stringify(value)}`;
    case 'string':
      return typeof value === 'string' ? null : `应为文字，实际是 ${JSON.stringify(value)}`;
    case 'date': {
      if (tryParseDate(value) !== null) return null;
      return `应为日期 YYYY-MM-DD，例如 2026-01-31，实际是 ${JSON.stringify(value)}`;
    }
    case 'enum': {
      const allowed = def.values ?? [];
      if (typeof value === 'string' && allowed.includes(value)) return null;
      const guess = typeof value === 'string' ? suggest(value, allowed) : null;
      return `取值 ${JSON.stringify(value)} 不在可选范围内${guess ? `，是否应为 ${guess}？` : '；'}可选：${allowed.join('、')}`;
    }
  }
}
