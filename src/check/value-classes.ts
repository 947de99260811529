/**
 * The values worth trying for a fact: one from each class of values that the conditions' comparisons
 * cannot tell apart. Shared by the proof that the one-time notice is complete (completeness.ts) and
 * the dead-rule checks (rule-logic.ts), so both search the same values.
 *
 * For a number: below, at and above every constant (and between constants); for a date the same on
 * days; each enum option named plus one not named; both booleans; each string constant plus one
 * other text. A fact compared with another fact (`value: {fact}`) ranges over the constants of both,
 * and — so that `a < b`, `a = b` and `a ≠ b` all occur — over at least three ordered values (a date,
 * a number) or two distinct ones (a string, an enum that has them).
 */
import { formatDate, tryParseDate } from '../core/index.ts';
import { forEachLeaf, isFactRef } from '../engine/index.ts';
import type { Condition, FactDefinition, SharedCondition } from '../pack/index.ts';

export type Value = string | number | boolean;

/** One leaf comparison of a condition, as the value classes need it. */
export interface Leaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
}

/** The declaration a fact's classes depend on (null: undeclared, taken as text). */
export type ClassDefinition = (Pick<FactDefinition, 'type' | 'values'> & Partial<FactDefinition>) | null;

/** Appends the leaf comparisons of `cond` to `out`; a fact-vs-fact comparison is also seen from its other side. */
export function collectLeaves(cond: Condition, shared: ReadonlyMap<string, SharedCondition>, out: Leaf[]): void {
  forEachLeaf(cond, shared, (c) => {
    out.push({ fact: c.fact, operator: c.operator, value: c.value });
    if (isFactRef(c.value)) out.push({ fact: c.value.fact, operator: c.operator, value: { fact: c.fact } });
  });
}

/** Constants `fact` is compared with (list members of in/notIn included), and the facts it is compared with. */
function constantsOf(fact: string, leaves: readonly Leaf[]): { constants: unknown[]; peers: string[] } {
  const constants: unknown[] = [];
  const peers: string[] = [];
  for (const l of leaves) {
    if (l.fact !== fact) continue;
    if (isFactRef(l.value)) peers.push(l.value.fact);
    else if (Array.isArray(l.value)) constants.push(...(l.value as unknown[]));
    else constants.push(l.value);
  }
  return { constants, peers };
}

/** The value classes of `fact` under the comparisons `leaves` (see the file comment). */
export function classesOf(fact: string, leaves: readonly Leaf[], def: ClassDefinition): Value[] {
  const { constants, peers } = constantsOf(fact, leaves);
  // Compared with another fact: both range over the union, so every ordering of the two occurs.
  for (const p of peers) constants.push(...constantsOf(p, leaves).constants);
  return representatives(def, constants, peers.length > 0);
}

/**
 * One value per class, given the constants a fact is compared with; `compared`: it is also compared
 * with another fact (which gets the same values), so equal and differing pairs must both exist.
 */
export function representatives(def: ClassDefinition, constants: readonly unknown[], compared = false): Value[] {
  switch (def?.type ?? 'string') {
    case 'boolean':
      return [true, false];
    case 'enum': {
      const values = def?.values ?? [];
      const named = values.filter((v) => constants.includes(v));
      const others = values.filter((v) => !named.includes(v)).slice(0, compared ? 2 : 1);
      return [...named, ...others];
    }
    case 'number': {
      const t = [...new Set(constants.filter((c): c is number => typeof c === 'number' && Number.isFinite(c)))].sort((a, b) => a - b);
      if (t.length === 0) return compared ? [-1, 0, 1] : [0];
      const out: number[] = [t[0]! - 1];
      t.forEach((x, i) => {
        out.push(x);
        const next = t[i + 1];
        if (next !== undefined) out.push(Number.isInteger(x) && Number.isInteger(next) && next - x > 1 ? x + 1 : (x + next) / 2);
      });
      out.push(t[t.length - 1]! + 1);
      return [...new Set(out)];
    }
    case 'date': {
      // Days are discrete: the day before the first constant, each constant, and the day after
      // each (unless that is the next constant) stand for every interval around them.
      const t = [...new Set(constants.map(tryParseDate).filter((d): d is number => d !== null))].sort((a, b) => a - b);
      if (t.length === 0) {
        if (!compared) return ['2026-01-01'];
        t.push(tryParseDate('2026-01-01')!);
      }
      const out: number[] = [t[0]! - 1];
      t.forEach((x, i) => {
        out.push(x);
        const next = t[i + 1];
        if (next === undefined || x + 1 < next) out.push(x + 1);
      });
      return out.map(formatDate);
    }
    default: {
      const named = [...new Set(constants.filter((c): c is string => typeof c === 'string'))];
      // Texts none of the constants is: "any other answer" (two when compared with another fact).
      const others: string[] = [];
      let other = '其他';
      while (others.length < (compared ? 2 : 1)) {
        if (!named.includes(other)) others.push(other);
        other += '情形';
      }
      return [...named, ...others];
    }
  }
}
