/**
 * An independent oracle of the one-time notice (一次性告知, 行政许可法第三十二条), written from the
 * README's description of it and not from src/check: it samples applications and compares what
 * the center prints on the consultation notice (一次性告知单) for what the applicant has said so
 * far with what `decide` then demands once every fact is known.
 *
 * A sample: random concrete values of the facts the item's conditions read (numbers around every
 * threshold the conditions compare with), a random subset of them left unknown, a day on which
 * each version of the item is in force. The notice is incomplete when a material the decision on
 * the full facts demands (missing, or deferred) is, on the notice for the partial facts, absent,
 * listed as not required, not printed by name, or printed as "depends" without its condition.
 */
import type { Pack } from '../../src/engine/index.ts';
import { renderNotice } from '../../src/documents/index.ts';
import type { Decision } from '../../src/pack/index.ts';
import { Rng, TODAY } from './mutate.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Value = string | number | boolean;

export interface Counterexample {
  readonly item: string;
  readonly at: string;
  /** What the applicant had said at the consultation. */
  readonly partial: Readonly<Record<string, Value>>;
  /** Every fact, as later in the application. */
  readonly full: Readonly<Record<string, Value>>;
  readonly material: string;
  readonly problem: string;
}

export interface OracleVerdict {
  readonly samples: number;
  /** Samples the engine refused (fact values that no longer fit the mutated fact types). */
  readonly refused: number;
  readonly counterexample: Counterexample | null;
}

interface Leaf {
  readonly fact: string;
  readonly value: Json;
}

function isObj(v: Json | undefined): v is { [key: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Every comparison the item's conditions make (its versions too), through shared conditions. */
function leavesOf(item: Json, shared: ReadonlyMap<string, Json>): Leaf[] {
  const out: Leaf[] = [];
  const seen = new Set<string>();
  const walkCond = (v: Json | undefined): void => {
    if (Array.isArray(v)) v.forEach(walkCond);
    else if (isObj(v)) {
      if (typeof v.fact === 'string' && 'operator' in v) out.push({ fact: v.fact, value: v.value ?? null });
      if (typeof v.condition === 'string' && !seen.has(v.condition)) {
        seen.add(v.condition);
        walkCond(shared.get(v.condition));
      }
      for (const [k, x] of Object.entries(v)) if (k !== 'condition') walkCond(x);
    }
  };
  const walk = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) (k === 'when' || k === 'requiredWhen' ? walkCond(x) : walk(x));
  };
  walk(item);
  return out;
}

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Candidate values of a fact: its declared values, and both sides of every compared value. */
function candidates(type: string | undefined, values: readonly string[] | undefined, compared: readonly Json[], rng: Rng): Value[] {
  const flat = compared.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is Value => v !== null && typeof v !== 'object');
  switch (type) {
    case 'number': {
      const out: number[] = [0, rng.int(121)];
      for (const v of flat) if (typeof v === 'number') out.push(v - 1, v, v + 1, v - 0.5, v + 0.5);
      return out.filter((n) => n >= 0);
    }
    case 'boolean':
      return [true, false];
    case 'enum':
      return values && values.length > 0 ? [...values] : flat.length > 0 ? flat : ['其他'];
    case 'date': {
      const out = ['2000-01-01', TODAY];
      for (const v of flat) if (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) out.push(shiftDay(v, -1), v, shiftDay(v, 1));
      return out;
    }
    default:
      return [...flat.map(String), '其他'];
  }
}

/** The notice's words: tags and styles gone, entities decoded, spaces squeezed. */
export function noticeText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Whether `name` is printed in `text` by itself, not only inside a longer name printed there. */
function printed(text: string, name: string, others: readonly string[]): boolean {
  let t = text;
  for (const o of others) if (o !== name && o.includes(name)) t = t.split(o).join('\u0000');
  return t.includes(name);
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The materials the decision on full facts demands of the applicant: missing now, or to bring later. */
function demanded(d: Decision): Map<string, string> {
  const out = new Map<string, string>();
  if (d.kind === 'rejected' || d.kind === 'consultation') return out;
  for (const m of d.missing) if (m.problem === 'absent' && m.necessity !== 'optional') out.set(m.id, m.name);
  for (const m of d.deferred) out.set(m.id, m.name);
  return out;
}

/**
 * Samples `samples` applications of `code` on `pack`; the first counterexample found, if any.
 * Rendering goes through the pack's own templates, as the window prints the notice; with
 * `print: false` only the notice's data (the consultation decision's materials) is read.
 */
export async function oracle(pack: Pack, code: string, rng: Rng, samples: number, options: { print?: boolean } = {}): Promise<OracleVerdict> {
  const print = options.print ?? true;
  const loaded = pack.data.items.get(code);
  if (!loaded) throw new Error(`no item ${code}`);
  const item = loaded.data as unknown as Json;
  const shared = new Map<string, Json>((pack.data.facts.conditions ?? []).map((c) => [c.id, c.when as unknown as Json]));
  const leaves = leavesOf(item, shared);
  const declared = new Map((pack.data.facts.facts ?? []).map((f) => [f.id, f]));
  const factIds = [...new Set(leaves.map((l) => l.fact))].filter((f) => f === 'applicantType' || declared.has(f));
  const pools = new Map<string, Value[]>();
  for (const f of factIds) {
    if (f === 'applicantType') {
      pools.set(f, ['person', 'organization']);
      continue;
    }
    const d = declared.get(f)!;
    pools.set(f, candidates(d.type, d.values as readonly string[] | undefined, leaves.filter((l) => l.fact === f).map((l) => l.value), rng));
  }
  // Every version: today, and each change's first day and the day before it.
  const days = new Set<string>([TODAY]);
  for (const c of loaded.data.changes ?? []) {
    days.add(c.effectiveFrom);
    days.add(shiftDay(c.effectiveFrom, -1));
  }
  const dayList = [...days];

  let refused = 0;
  let done = 0;
  const printedNotices = new Map<string, string>();
  for (let s = 0; s < samples; s++) {
    const full: Record<string, Value> = {};
    for (const f of factIds) full[f] = rng.pick(pools.get(f)!);
    const style = rng.next();
    const partial: Record<string, Value> = {};
    for (const f of factIds) {
      // applicant.type is always given; of the rest, none, all, or each with even odds.
      const keep = f === 'applicantType' || (style < 0.2 ? false : style < 0.35 ? true : rng.chance(0.5));
      if (keep) partial[f] = full[f]!;
    }
    const at = `${rng.pick(dayList)}T10:00:00+08:00`;
    const applicant = (facts: Record<string, Value>): Record<string, Value> => {
      const { applicantType, ...rest } = facts;
      return { type: (applicantType as string | undefined) ?? 'person', ...rest };
    };
    if (!('applicantType' in full)) partial.applicantType = full.applicantType = 'person';
    let consult: Decision;
    let apply: Decision;
    try {
      consult = await pack.decide({ item: code, intent: 'consult', applicant: applicant(partial), receivedAt: at });
      apply = await pack.decide({ item: code, intent: 'apply', applicant: applicant(full), materials: [], receivedAt: at });
    } catch {
      refused++;
      continue;
    }
    done++;
    const wanted = demanded(apply);
    if (wanted.size === 0) continue;
    // The same notice (same version, same materials) is printed once per call.
    const noticeKey = JSON.stringify([consult.version, consult.materials]);
    let text = print ? printedNotices.get(noticeKey) : null;
    if (text === undefined) {
      text = noticeText((await renderNotice(pack.data, consult, { type: 'consultation', number: '（变异测试）' })).html);
      printedNotices.set(noticeKey, text);
    }
    const names = consult.materials.flatMap((m) => [m.name, ...(m.alternatives ?? []).map((a) => a.name)]);
    for (const [id, name] of wanted) {
      const entry = consult.materials.find((m) => m.id === id);
      let problem: string | null = null;
      if (!entry) problem = 'not on the notice';
      else if (entry.required === 'no') problem = 'listed as not required';
      else if (entry.necessity === 'optional') problem = 'listed as optional';
      else if (text !== null && !printed(text, squeeze(entry.name), names.map(squeeze))) problem = 'not printed';
      else if (text !== null && entry.required === 'unknown' && entry.condition && !text.includes(squeeze(entry.condition))) problem = 'printed as "depends" without its condition';
      if (problem) return { samples: done, refused, counterexample: { item: code, at, partial, full, material: `${id}（${name}）`, problem } };
    }
  }
  return { samples: done, refused, counterexample: null };
}
