/**
 * Conditions as json-rules-engine sees them, and the three-valued reading of its results: a
 * comparison on a fact the applicant did not give is neither true nor false but undecidable
 * (null), and all/any/not combine that as Kleene logic does.
 */
import type { NestedCondition, TopLevelCondition } from 'json-rules-engine';
import type { Condition, SharedCondition } from '../pack/index.ts';

/** A condition node after a run: json-rules-engine annotates each node with its result. */
export interface ResultNode {
  readonly all?: readonly ResultNode[];
  readonly any?: readonly ResultNode[];
  readonly not?: ResultNode;
  readonly fact?: string;
  readonly value?: unknown;
  readonly factResult?: unknown;
  readonly valueResult?: unknown;
  readonly result?: boolean;
}

export function isFactRef(value: unknown): value is { fact: string } {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact');
}

/** A plain, unfrozen copy in json-rules-engine's own shape (it assigns into condition objects). */
export function toEngineCondition(cond: Condition): NestedCondition {
  if ('all' in cond) return { all: cond.all.map(toEngineCondition) };
  if ('any' in cond) return { any: cond.any.map(toEngineCondition) };
  if ('not' in cond) return { not: toEngineCondition(cond.not) };
  if ('condition' in cond) return { condition: cond.condition };
  const leaf: { fact: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown> } = {
    fact: cond.fact,
    operator: cond.operator,
    value: structuredClone(cond.value),
  };
  if (cond.path !== undefined) leaf.path = cond.path;
  if (cond.params !== undefined) leaf.params = structuredClone(cond.params);
  return leaf;
}

/** json-rules-engine wants all/any/not/condition at the top of a named condition. */
export function toTopLevel(cond: Condition): TopLevelCondition {
  const c = toEngineCondition(cond);
  return 'all' in c || 'any' in c || 'not' in c || 'condition' in c ? (c as TopLevelCondition) : { all: [c] };
}

/** A comparison of a condition: one fact with a constant, or (`value: {fact}`) with another fact. */
export type LeafCondition = Extract<Condition, { fact: string }>;

/** Each comparison of a condition, in order, through shared conditions (a cycle entered once). */
export function forEachLeaf(cond: Condition, shared: ReadonlyMap<string, SharedCondition>, visit: (leaf: LeafCondition) => void): void {
  const visiting = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('condition' in c) {
      const ref = shared.get(c.condition);
      if (ref && !visiting.has(c.condition)) {
        visiting.add(c.condition);
        walk(ref.when);
        visiting.delete(c.condition);
      }
    } else visit(c);
  };
  walk(cond);
}

/** Every fact a condition reads, through shared conditions too, in first-use order. */
export function factsOf(cond: Condition, shared: ReadonlyMap<string, SharedCondition>): string[] {
  const out = new Set<string>();
  forEachLeaf(cond, shared, (c) => {
    out.add(c.fact);
    if (isFactRef(c.value)) out.add(c.value.fact);
  });
  return [...out];
}

/** Shared conditions a condition uses, directly or through other shared conditions. */
export function sharedUsedBy(cond: Condition, shared: ReadonlyMap<string, SharedCondition>, into: Set<string>): void {
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('condition' in c && !into.has(c.condition)) {
      into.add(c.condition);
      const ref = shared.get(c.condition);
      if (ref) walk(ref.when);
    }
  };
  walk(cond);
}

/** Kleene three-valued result of an annotated node: null when the given facts cannot decide it. */
export function threeValued(node: ResultNode): boolean | null {
  if (node.all) {
    let unknown = false;
    for (const child of node.all) {
      const v = threeValued(child);
      if (v === false) return false;
      if (v === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if (node.any) {
    let unknown = false;
    for (const child of node.any) {
      const v = threeValued(child);
      if (v === true) return true;
      if (v === null) unknown = true;
    }
    return unknown ? null : false;
  }
  if (node.not) {
    const v = threeValued(node.not);
    return v === null ? null : !v;
  }
  if (node.fact !== undefined) {
    if (node.factResult === undefined) return null;
    if (isFactRef(node.value) && node.valueResult === undefined) return null;
  }
  return node.result === true;
}
