/**
 * Whether a condition can ever hold, and whether it can ever fail, given the declared fact types:
 * the decision procedure behind the dead-rule checks of `bianmin check`.
 *
 * Every comparison the condition language has (equal, notEqual, in, notIn, the four orderings,
 * contains, doesNotContain) compares one fact with constants, so a fact's values fall into finitely
 * many classes that no comparison can tell apart (value-classes.ts, the classes the completeness
 * proof searches too). One representative per class makes the search exact. Leaves are evaluated as json-rules-engine evaluates them (its
 * operators, its type guards: `contains` on a plain value is false), so what is proved here is
 * what `decide` does.
 *
 * Sound, never guessing: a leaf this cannot model (a `path` into a fact, `params`, a comparison
 * with another fact, an undeclared fact, a value of the wrong shape) becomes a free yes/no of its
 * own, and a search that runs out of budget answers "unknown"; callers report only "never" and
 * "always" that were proved.
 */
import { isFactRef } from '../engine/index.ts';
import type { Condition, FactDefinition, SharedCondition } from '../pack/index.ts';
import { representatives } from './value-classes.ts';

/** A condition as a formula over variables (facts, and free yes/no's for what cannot be modelled). */
export type Formula =
  | { readonly k: 'and' | 'or'; readonly c: readonly Formula[] }
  | { readonly k: 'not'; readonly c: Formula }
  | { readonly k: 'leaf'; readonly v: number; readonly op: string; readonly value: unknown };

/** What a search proved: an assignment exists, none exists, or it gave up (too many cases). */
export type Proof = 'yes' | 'no' | 'unknown';

/** Declarations of the facts the conditions read (applicantType included), by id. */
export type FactTypes = (id: string) => Pick<FactDefinition, 'type' | 'values'> | null;

/** The operators evaluateLeaf models (json-rules-engine's defaults, the schema's list). */
const OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Enough for any condition an officer writes; a formula needing more answers "unknown". */
const DEFAULT_BUDGET = 50_000;

/**
 * Builds formulas over one set of variables, so that conditions combined (all eligibility
 * conditions and a material's requiredWhen) share their facts.
 */
export class FormulaBuilder {
  /** Fact id → variable; free variables have no fact. */
  private readonly byFact = new Map<string, number>();
  private readonly facts: Array<string | null> = [];
  /** Constants each variable is compared with. */
  private readonly constants: unknown[][] = [];

  constructor(
    private readonly types: FactTypes,
    private readonly shared: ReadonlyMap<string, SharedCondition>,
  ) {}

  build(cond: Condition): Formula {
    return this.walk(cond, new Set());
  }

  private walk(cond: Condition, visiting: Set<string>): Formula {
    if ('all' in cond) return { k: 'and', c: cond.all.map((c) => this.walk(c, visiting)) };
    if ('any' in cond) return { k: 'or', c: cond.any.map((c) => this.walk(c, visiting)) };
    if ('not' in cond) return { k: 'not', c: this.walk(cond.not, visiting) };
    if ('condition' in cond) {
      const ref = this.shared.get(cond.condition);
      if (!ref || visiting.has(cond.condition)) return this.free();
      visiting.add(cond.condition);
      const f = this.walk(ref.when, visiting);
      visiting.delete(cond.condition);
      return f;
    }
    const leaf = cond as { fact: string; operator: string; value: unknown; path?: string; params?: unknown };
    if (leaf.path !== undefined || leaf.params !== undefined || isFactRef(leaf.value) || !this.types(leaf.fact)) return this.free();
    if (!OPERATORS.has(leaf.operator) || ((leaf.operator === 'in' || leaf.operator === 'notIn') && !Array.isArray(leaf.value))) return this.free();
    const v = this.variable(leaf.fact);
    const list = this.constants[v]!;
    if (Array.isArray(leaf.value)) list.push(...(leaf.value as unknown[]));
    else list.push(leaf.value);
    return { k: 'leaf', v, op: leaf.operator, value: leaf.value };
  }

  private variable(fact: string): number {
    let v = this.byFact.get(fact);
    if (v === undefined) {
      v = this.facts.length;
      this.byFact.set(fact, v);
      this.facts.push(fact);
      this.constants.push([]);
    }
    return v;
  }

  /** A yes/no of its own: the search tries both, so nothing is concluded from it. */
  private free(): Formula {
    const v = this.facts.length;
    this.facts.push(null);
    this.constants.push([]);
    return { k: 'leaf', v, op: 'equal', value: true };
  }

  /** One representative value per class of each variable's values (see the file comment). */
  domains(): unknown[][] {
    return this.facts.map((fact, v) => (fact === null ? [true, false] : representatives(this.types(fact)!, this.constants[v]!)));
  }

  /** The fact of each variable (null for a free one). */
  factOf(v: number): string | null {
    return this.facts[v] ?? null;
  }

  get size(): number {
    return this.facts.length;
  }
}

/** json-rules-engine's default operators, with their fact-value guards. */
export function evaluateLeaf(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case 'equal':
      return a === b;
    case 'notEqual':
      return a !== b;
    case 'in':
      return Array.isArray(b) && b.indexOf(a) > -1;
    case 'notIn':
      return Array.isArray(b) && b.indexOf(a) === -1;
    case 'contains':
      return Array.isArray(a) && a.indexOf(b) > -1;
    case 'doesNotContain':
      return Array.isArray(a) && a.indexOf(b) === -1;
    case 'lessThan':
      return isNumeric(a) && (a as number) < (b as number);
    case 'lessThanInclusive':
      return isNumeric(a) && (a as number) <= (b as number);
    case 'greaterThan':
      return isNumeric(a) && (a as number) > (b as number);
    case 'greaterThanInclusive':
      return isNumeric(a) && (a as number) >= (b as number);
    default:
      return false;
  }
}

/** json-rules-engine's numberValidator: whatever parseFloat reads a number from (a date string too). */
function isNumeric(a: unknown): boolean {
  return Number.parseFloat(a as string).toString() !== 'NaN';
}

const UNSET = Symbol('unset');

/** Kleene three-valued value of `f` with some variables unset (null: not decided yet). */
function kleene(f: Formula, values: readonly unknown[]): boolean | null {
  switch (f.k) {
    case 'leaf': {
      const a = values[f.v];
      return a === UNSET ? null : evaluateLeaf(f.op, a, f.value);
    }
    case 'not': {
      const r = kleene(f.c, values);
      return r === null ? null : !r;
    }
    case 'and': {
      let open = false;
      for (const c of f.c) {
        const r = kleene(c, values);
        if (r === false) return false;
        if (r === null) open = true;
      }
      return open ? null : true;
    }
    case 'or': {
      let open = false;
      for (const c of f.c) {
        const r = kleene(c, values);
        if (r === true) return true;
        if (r === null) open = true;
      }
      return open ? null : false;
    }
  }
}

function variablesOf(f: Formula, into: number[], seen: Set<number>): void {
  if (f.k === 'leaf') {
    if (!seen.has(f.v)) {
      seen.add(f.v);
      into.push(f.v);
    }
  } else if (f.k === 'not') variablesOf(f.c, into, seen);
  else for (const c of f.c) variablesOf(c, into, seen);
}

/**
 * Whether some assignment of the variables (each to one of its representatives) gives `f` the
 * value `want`, by depth-first search pruned with three-valued evaluation: a branch is dropped as
 * soon as its partial assignment already decides `f` the other way. Returns the assignment found.
 */
export function findAssignment(f: Formula, domains: readonly (readonly unknown[])[], want: boolean, budget = DEFAULT_BUDGET): { proof: Proof; values: unknown[] | null } {
  const order: number[] = [];
  variablesOf(f, order, new Set());
  const values: unknown[] = domains.map(() => UNSET);
  let steps = 0;
  const search = (i: number): Proof => {
    if (++steps > budget) return 'unknown';
    const r = kleene(f, values);
    if (r !== null) return r === want ? 'yes' : 'no';
    if (i >= order.length) return 'no';
    const v = order[i]!;
    let gaveUp = false;
    for (const x of domains[v]!) {
      values[v] = x;
      const p = search(i + 1);
      if (p === 'yes') return 'yes';
      if (p === 'unknown') gaveUp = true;
    }
    values[v] = UNSET;
    return gaveUp ? 'unknown' : 'no';
  };
  const proof = search(0);
  return { proof, values: proof === 'yes' ? values.map((x) => (x === UNSET ? undefined : x)) : null };
}

export const and = (...c: Formula[]): Formula => (c.length === 1 ? c[0]! : { k: 'and', c });
export const not = (c: Formula): Formula => ({ k: 'not', c });
