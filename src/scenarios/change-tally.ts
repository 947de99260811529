/**
 * What a what-if changed, counted over every changed subject, listed in the report or not: a
 * register of a million cases can change hundreds of thousands of them, and an officer reads the
 * counts — by kind of change, by item, by rule — not every case. Counted where the changes are
 * found (each replay thread its years) and merged, so that uncounted changes never cross threads.
 */
import type { Changed } from './whatif.ts';

/** The counts as plain data (what crosses threads and goes into `--json`), largest first. */
export interface Tally {
  /** Changed subjects: scenarios, cases and the register's sanctions. */
  readonly subjects: number;
  /** Subjects whose classification changed; whose missing or deferred materials; deadline or warning; sanctions or grade. */
  readonly kind: number;
  readonly materials: number;
  readonly deadline: number;
  readonly sanctions: number;
  /** Classification moves (`accepted → supplement`) and how many subjects made each. */
  readonly moves: readonly { readonly from: string; readonly to: string; readonly subjects: number }[];
  /** Changed cases per item. */
  readonly items: readonly { readonly item: string; readonly name: string; readonly cases: number }[];
  /** Subjects each changed rule affected. */
  readonly rules: readonly { readonly rule: string; readonly subjects: number }[];
}

/** The aspects each group count covers, in the order of Tally's fields. */
const GROUPS = [['kind'], ['missing', 'deferred'], ['deadline', 'warning'], ['sanctions', 'grade']] as const;

export class ChangeTally {
  private subjects = 0;
  private readonly groups = [0, 0, 0, 0];
  private readonly moves = new Map<string, { from: string; to: string; subjects: number }>();
  private readonly items = new Map<string, { item: string; name: string; cases: number }>();
  private readonly rules = new Map<string, number>();

  add(c: Changed): void {
    this.subjects++;
    GROUPS.forEach((aspects, i) => {
      if (c.changes.some((f) => (aspects as readonly string[]).includes(f.aspect))) this.groups[i]!++;
    });
    const k = c.changes.find((f) => f.aspect === 'kind');
    if (k) this.move(String(k.from), String(k.to), 1);
    if (c.subject.kind === 'case') this.item(c.subject.item, c.subject.itemName, 1);
    for (const r of c.rules) this.rules.set(r.rule, (this.rules.get(r.rule) ?? 0) + 1);
  }

  /** Adds the counts of another tally (a thread's, a year's). */
  merge(t: Tally): void {
    this.subjects += t.subjects;
    [t.kind, t.materials, t.deadline, t.sanctions].forEach((n, i) => (this.groups[i]! += n));
    for (const m of t.moves) this.move(m.from, m.to, m.subjects);
    for (const i of t.items) this.item(i.item, i.name, i.cases);
    for (const r of t.rules) this.rules.set(r.rule, (this.rules.get(r.rule) ?? 0) + r.subjects);
  }

  get tally(): Tally {
    const [kind, materials, deadline, sanctions] = this.groups as [number, number, number, number];
    const byCount = <T>(n: (x: T) => number, key: (x: T) => string) => (a: T, b: T): number => n(b) - n(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    return {
      subjects: this.subjects,
      kind,
      materials,
      deadline,
      sanctions,
      moves: [...this.moves.values()].map((m) => ({ ...m })).sort(byCount((m) => m.subjects, (m) => `${m.from} ${m.to}`)),
      items: [...this.items.values()].map((i) => ({ ...i })).sort(byCount((i) => i.cases, (i) => i.item)),
      rules: [...this.rules].map(([rule, subjects]) => ({ rule, subjects })).sort(byCount((r) => r.subjects, (r) => r.rule)),
    };
  }

  private move(from: string, to: string, n: number): void {
    const key = `${from}\u0000${to}`;
    const m = this.moves.get(key);
    if (m) m.subjects += n;
    else this.moves.set(key, { from, to, subjects: n });
  }

  private item(item: string, name: string, n: number): void {
    const i = this.items.get(item);
    if (i) i.cases += n;
    else this.items.set(item, { item, name, cases: n });
  }
}
