/**
 * Seeded random single edits of a rule pack, made at the YAML level (the `yaml` Document API, so
 * comments and the rest of the file stay as written) the way an officer edits a file: a condition's
 * operator, value or fact; a shared condition in facts.yaml; a material's necessity, requiredWhen
 * or fetchable; a fact's type or enum; a dated change adding, removing or replacing a material; a
 * consultation template of the pack that prints less than the default one. Each mutation is a set
 * of whole files, to be applied as a draft overlay (validatePack's `overlay`), and names the items
 * whose one-time notice it may change.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';

/** A seeded PRNG (mulberry32): the same seed gives the same mutations on the same pack. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Key = string | number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

export interface Mutation {
  readonly index: number;
  readonly operator: string;
  readonly description: string;
  /** Pack-relative path → the file's new text. */
  readonly files: ReadonlyMap<string, string>;
  /** Codes of the items whose one-time notice the edit may change (at most a few, for speed). */
  readonly items: readonly string[];
}

/** The sample pack's editable files, read once. */
export interface PackTexts {
  readonly dir: string;
  /** items/*.yaml → text */
  readonly items: ReadonlyMap<string, string>;
  readonly facts: string;
  readonly materials: string | null;
  /** The built-in consultation template (the base of the pack template variants). */
  readonly consultationTemplate: string;
}

export function readPack(dir: string, builtinTemplates: string): PackTexts {
  const items = new Map<string, string>();
  for (const name of readdirSync(path.join(dir, 'items')).filter((n) => n.endsWith('.yaml')).sort()) {
    items.set(`items/${name}`, readFileSync(path.join(dir, 'items', name), 'utf8'));
  }
  const materialsFile = path.join(dir, 'materials.yaml');
  return {
    dir,
    items,
    facts: readFileSync(path.join(dir, 'facts.yaml'), 'utf8'),
    materials: existsSync(materialsFile) ? readFileSync(materialsFile, 'utf8') : null,
    consultationTemplate: readFileSync(path.join(builtinTemplates, 'consultation.hbs'), 'utf8'),
  };
}

/** The day after which dated changes added by the mutations take effect (the oracle's "today"). */
export const TODAY = '2026-12-02';
export const TOMORROW = '2026-12-03';

const NUMBER_OPS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'];
const EQ_OPS = ['equal', 'notEqual'];
const SET_OPS = ['in', 'notIn'];

interface FactDef {
  readonly id: string;
  readonly type: string;
  readonly values?: readonly string[];
}

/** Paths of every condition tree (`when`, `requiredWhen`) in a parsed file, and of every node within. */
interface CondNode {
  readonly path: Key[];
  readonly node: Obj;
}

function isObj(v: Json | undefined): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Every condition root under `root` (a key `when` or `requiredWhen` holding a mapping). */
function conditionRoots(root: Json, base: Key[] = []): Key[][] {
  const out: Key[][] = [];
  const walk = (v: Json, at: Key[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'when' || k === 'requiredWhen') && isObj(x)) out.push([...at, k]);
        else walk(x, [...at, k]);
      }
    }
  };
  walk(root, base);
  return out;
}

/** Every node of the condition tree at `at`. */
function conditionNodes(root: Json, at: Key[]): CondNode[] {
  const out: CondNode[] = [];
  const walk = (v: Json | undefined, p: Key[]): void => {
    if (!isObj(v)) return;
    out.push({ path: p, node: v });
    if (Array.isArray(v.all)) v.all.forEach((x, i) => walk(x, [...p, 'all', i]));
    if (Array.isArray(v.any)) v.any.forEach((x, i) => walk(x, [...p, 'any', i]));
    if (isObj(v.not)) walk(v.not, [...p, 'not']);
  };
  walk(getAt(root, at), at);
  return out;
}

function getAt(root: Json, at: readonly Key[]): Json | undefined {
  let v: Json | undefined = root;
  for (const k of at) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isObj(v) && typeof k === 'string') v = v[k];
    else return undefined;
  }
  return v;
}

/** Every material entry (an object with `necessity`) under a `materials` list, with its path. */
function materialEntries(root: Json): { path: Key[]; entry: Obj }[] {
  const out: { path: Key[]; entry: Obj }[] = [];
  const walk = (v: Json, at: Key[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'materials' && Array.isArray(x)) {
          x.forEach((m, i) => {
            if (isObj(m) && typeof m.necessity === 'string') out.push({ path: [...at, k, i], entry: m });
          });
        } else walk(x, [...at, k]);
      }
    }
  };
  walk(root, []);
  return out;
}

/** Shared conditions (by id) each condition tree references, transitively through facts.yaml. */
function referencedShared(tree: Json, shared: ReadonlyMap<string, Json>): Set<string> {
  const out = new Set<string>();
  const walk = (v: Json | undefined): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      if (typeof v.condition === 'string' && !out.has(v.condition)) {
        out.add(v.condition);
        walk(shared.get(v.condition));
      }
      for (const [k, x] of Object.entries(v)) if (k !== 'condition') walk(x);
    }
  };
  walk(tree);
  return out;
}

/** Facts read by a tree, through shared conditions. */
function factsRead(tree: Json, shared: ReadonlyMap<string, Json>): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (v: Json | undefined): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      if (typeof v.fact === 'string' && 'operator' in v) out.add(v.fact);
      if (typeof v.condition === 'string' && !seen.has(v.condition)) {
        seen.add(v.condition);
        walk(shared.get(v.condition));
      }
      for (const [k, x] of Object.entries(v)) if (k !== 'condition') walk(x);
    }
  };
  walk(tree);
  return out;
}

interface Context {
  readonly texts: PackTexts;
  readonly rng: Rng;
  readonly facts: FactDef[];
  readonly shared: Map<string, Json>;
  /** item file → { code, data } */
  readonly items: Map<string, { code: string; data: Json }>;
}

type Edit = { files: Map<string, string>; items: string[]; description: string } | null;

function docOf(text: string): Document {
  return parseDocument(text, { keepSourceTokens: false });
}

function setIn(doc: Document, at: readonly Key[], value: unknown): void {
  doc.setIn(at as Key[], doc.createNode(value, { flow: typeof value === 'object' && value !== null && !Array.isArray(value) && JSON.stringify(value).length < 90 }));
}

function typeOfFact(ctx: Context, id: string): FactDef | undefined {
  if (id === 'applicantType') return { id, type: 'enum', values: ['person', 'organization'] };
  return ctx.facts.find((f) => f.id === id);
}

/** A different value of the same kind for a leaf comparison. */
function otherValue(ctx: Context, fact: FactDef | undefined, value: Json): Json {
  const { rng } = ctx;
  if (typeof value === 'number') return rng.pick([value + 1, value - 1, value * 2, 0, value + 10, Math.max(0, value - 10)].filter((v) => v !== value));
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value) && fact?.values) {
    const pool = fact.values.filter((v) => !value.includes(v));
    if (pool.length > 0 && rng.chance(0.5)) return [...value, rng.pick(pool)];
    return value.length > 1 ? value.filter((_, i) => i !== rng.int(value.length)) : [rng.pick(fact.values)];
  }
  if (typeof value === 'string' && fact?.values) {
    const pool = fact.values.filter((v) => v !== value);
    return pool.length > 0 ? rng.pick(pool) : value;
  }
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\d$/.test(value) ? shiftDay(value, rng.pick([-1, 1, 365])) : `${value}x`;
  return value;
}

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The items (codes) that use a shared condition or a fact, a few at random. */
function itemsUsing(ctx: Context, test: (tree: Json) => boolean, max = 2): string[] {
  const codes: string[] = [];
  for (const { code, data } of ctx.items.values()) {
    if (conditionRoots(data).some((at) => test(getAt(data, at)!))) codes.push(code);
  }
  const out: string[] = [];
  while (codes.length > 0 && out.length < max) out.push(codes.splice(ctx.rng.int(codes.length), 1)[0]!);
  return out;
}

// ---- The operators ---------------------------------------------------------------------------------

/** Edits a leaf or a node of one condition tree (in an item, or in facts.yaml's shared conditions). */
function conditionEdit(ctx: Context, kind: 'operator' | 'value' | 'fact' | 'ref' | 'not', where: 'item' | 'shared'): Edit {
  const { rng } = ctx;
  let rel: string;
  let text: string;
  let affected: (doc: Json) => string[];
  if (where === 'item') {
    rel = rng.pick([...ctx.items.keys()]);
    text = ctx.texts.items.get(rel)!;
    const code = ctx.items.get(rel)!.code;
    affected = () => [code];
  } else {
    rel = 'facts.yaml';
    text = ctx.texts.facts;
    affected = () => [];
  }
  const doc = docOf(text);
  const data = doc.toJS() as Json;
  const roots = where === 'item' ? conditionRoots(data) : conditionRoots(getAt(data, ['conditions']) ?? [], ['conditions']);
  if (roots.length === 0) return null;
  const root = rng.pick(roots);
  const nodes = conditionNodes(data, root);
  const leaves = nodes.filter((n) => typeof n.node.fact === 'string' && typeof n.node.operator === 'string');
  const refs = nodes.filter((n) => typeof n.node.condition === 'string');
  let description: string;
  const sharedId = where === 'shared' ? ((getAt(data, [root[0]!, root[1]!, 'id']) as string | undefined) ?? '?') : null;
  switch (kind) {
    case 'operator': {
      if (leaves.length === 0) return null;
      const leaf = rng.pick(leaves);
      const op = leaf.node.operator as string;
      const family = NUMBER_OPS.includes(op) && typeof leaf.node.value === 'number' ? NUMBER_OPS : SET_OPS.includes(op) ? SET_OPS : EQ_OPS.includes(op) ? EQ_OPS : NUMBER_OPS;
      const next = rng.pick(family.filter((o) => o !== op));
      setIn(doc, [...leaf.path, 'operator'], next);
      description = `${rel} ${leaf.path.join('.')}: operator ${op} → ${next}`;
      break;
    }
    case 'value': {
      if (leaves.length === 0) return null;
      const leaf = rng.pick(leaves);
      const value = otherValue(ctx, typeOfFact(ctx, leaf.node.fact as string), leaf.node.value!);
      setIn(doc, [...leaf.path, 'value'], value);
      description = `${rel} ${leaf.path.join('.')}: value ${JSON.stringify(leaf.node.value)} → ${JSON.stringify(value)}`;
      break;
    }
    case 'fact': {
      if (leaves.length === 0) return null;
      const leaf = rng.pick(leaves);
      const type = typeOfFact(ctx, leaf.node.fact as string)?.type;
      const pool = ctx.facts.filter((f) => f.id !== leaf.node.fact && (rng.chance(0.85) ? f.type === type : true));
      if (pool.length === 0) return null;
      const next = rng.pick(pool).id;
      setIn(doc, [...leaf.path, 'fact'], next);
      description = `${rel} ${leaf.path.join('.')}: fact ${String(leaf.node.fact)} → ${next}`;
      break;
    }
    case 'ref': {
      if (refs.length === 0) return null;
      const ref = rng.pick(refs);
      const pool = [...ctx.shared.keys()].filter((id) => id !== ref.node.condition && id !== sharedId);
      if (pool.length === 0) return null;
      const next = rng.pick(pool);
      setIn(doc, [...ref.path, 'condition'], next);
      description = `${rel} ${ref.path.join('.')}: condition ${String(ref.node.condition)} → ${next}`;
      break;
    }
    case 'not': {
      const target = rng.pick(nodes);
      setIn(doc, target.path, { not: target.node });
      description = `${rel} ${target.path.join('.')}: wrapped in not`;
      break;
    }
  }
  const items = where === 'item' ? affected(data) : itemsUsing(ctx, (tree) => referencedShared(tree, ctx.shared).has(sharedId!));
  if (items.length === 0) return null;
  return { files: new Map([[rel, String(doc)]]), items, description };
}

function pickMaterial(ctx: Context, onlyTop = false): { rel: string; code: string; doc: Document; path: Key[]; entry: Obj } | null {
  const rel = ctx.rng.pick([...ctx.items.keys()]);
  const { code } = ctx.items.get(rel)!;
  const doc = docOf(ctx.texts.items.get(rel)!);
  const entries = materialEntries(doc.toJS() as Json).filter((m) => !onlyTop || m.path.length === 2);
  if (entries.length === 0) return null;
  const m = ctx.rng.pick(entries);
  return { rel, code, doc, ...m };
}

const NECESSITIES = ['core', 'required', 'deferrable', 'optional'];

function necessityEdit(ctx: Context): Edit {
  const m = pickMaterial(ctx);
  if (!m) return null;
  const from = m.entry.necessity as string;
  const to = ctx.rng.pick(NECESSITIES.filter((n) => n !== from));
  setIn(m.doc, [...m.path, 'necessity'], to);
  if (to === 'deferrable' && !m.entry.due && ctx.rng.chance(0.9)) setIn(m.doc, [...m.path, 'due'], { amount: 10, unit: 'workingDays' });
  if (from === 'deferrable' && ctx.rng.chance(0.9)) m.doc.deleteIn([...m.path, 'due']);
  return { files: new Map([[m.rel, String(m.doc)]]), items: [m.code], description: `${m.rel} ${m.path.join('.')}: necessity ${from} → ${to}` };
}

function dropRequiredWhen(ctx: Context): Edit {
  const m = pickMaterial(ctx);
  if (!m || !m.entry.requiredWhen) return null;
  m.doc.deleteIn([...m.path, 'requiredWhen']);
  if (ctx.rng.chance(0.9)) m.doc.deleteIn([...m.path, 'requiredWhenText']);
  return { files: new Map([[m.rel, String(m.doc)]]), items: [m.code], description: `${m.rel} ${m.path.join('.')}: requiredWhen dropped` };
}

/** A random condition tree: a shared condition, or a comparison on a declared fact. */
function randomCondition(ctx: Context): Json {
  const { rng } = ctx;
  if (ctx.shared.size > 0 && rng.chance(0.5)) return { condition: rng.pick([...ctx.shared.keys()]) };
  const f = rng.pick(ctx.facts);
  if (f.type === 'boolean') return { fact: f.id, operator: 'equal', value: rng.chance(0.5) };
  if (f.type === 'number') return { fact: f.id, operator: rng.pick(NUMBER_OPS.slice(0, 4)), value: rng.pick([1, 16, 18, 60, 80, 650, 1000]) };
  if (f.type === 'enum' && f.values && f.values.length > 0) return { fact: f.id, operator: 'in', value: [rng.pick(f.values)] };
  return { fact: 'applicantType', operator: 'equal', value: rng.pick(['person', 'organization']) };
}

function addRequiredWhen(ctx: Context): Edit {
  const m = pickMaterial(ctx);
  if (!m) return null;
  const cond = randomCondition(ctx);
  setIn(m.doc, [...m.path, 'requiredWhen'], cond);
  if (!m.entry.requiredWhenText || ctx.rng.chance(0.5)) setIn(m.doc, [...m.path, 'requiredWhenText'], `变异条件：${JSON.stringify(cond).slice(0, 40)}时提供`);
  return { files: new Map([[m.rel, String(m.doc)]]), items: [m.code], description: `${m.rel} ${m.path.join('.')}: requiredWhen ← ${JSON.stringify(cond)}` };
}

function toggleFetchable(ctx: Context): Edit {
  if (ctx.rng.chance(0.3) && ctx.texts.materials) {
    const doc = docOf(ctx.texts.materials);
    const list = (doc.toJS() as { materials?: Obj[] }).materials ?? [];
    if (list.length === 0) return null;
    const i = ctx.rng.int(list.length);
    const id = list[i]!.id as string;
    const now = list[i]!.fetchable === true;
    setIn(doc, ['materials', i, 'fetchable'], !now);
    const items = itemsUsingMaterial(ctx, id);
    if (items.length === 0) return null;
    return { files: new Map([['materials.yaml', String(doc)]]), items, description: `materials.yaml materials.${i} (${id}): fetchable ${now} → ${!now}` };
  }
  const m = pickMaterial(ctx);
  if (!m) return null;
  const now = m.entry.fetchable === true;
  setIn(m.doc, [...m.path, 'fetchable'], !now);
  return { files: new Map([[m.rel, String(m.doc)]]), items: [m.code], description: `${m.rel} ${m.path.join('.')}: fetchable ${now} → ${!now}` };
}

function itemsUsingMaterial(ctx: Context, id: string): string[] {
  const out: string[] = [];
  for (const { code, data } of ctx.items.values()) {
    if (materialEntries(data).some((m) => m.entry.use === id)) out.push(code);
  }
  return out.slice(0, 2);
}

function dropMaterial(ctx: Context): Edit {
  const m = pickMaterial(ctx, true);
  if (!m) return null;
  m.doc.deleteIn(m.path);
  return { files: new Map([[m.rel, String(m.doc)]]), items: [m.code], description: `${m.rel} ${m.path.join('.')}: material ${String(m.entry.id ?? m.entry.use)} dropped` };
}

function dropAlternative(ctx: Context): Edit {
  const m = pickMaterial(ctx);
  if (!m || !Array.isArray(m.entry.alternatives) || m.entry.alternatives.length === 0) return null;
  const i = ctx.rng.int(m.entry.alternatives.length);
  m.doc.deleteIn([...m.path, 'alternatives', i]);
  return { files: new Map([[m.rel, String(m.doc)]]), items: [m.code], description: `${m.rel} ${m.path.join('.')}: alternative ${i} dropped` };
}

/** A change effective tomorrow that adds, removes or replaces a material (or sets the whole list). */
function datedChange(ctx: Context): Edit {
  const { rng } = ctx;
  const rel = rng.pick([...ctx.items.keys()]);
  const { code } = ctx.items.get(rel)!;
  const doc = docOf(ctx.texts.items.get(rel)!);
  const data = doc.toJS() as Obj;
  const materials = (Array.isArray(data.materials) ? data.materials : []).filter(isObj);
  const n = rng.int(1000);
  const necessity = rng.pick(NECESSITIES);
  const added: Obj = { id: `mutant-${n}`, name: `变异新增材料${n}号`, necessity };
  if (necessity === 'deferrable') added.due = { amount: 5, unit: 'workingDays' };
  if (rng.chance(0.4)) {
    added.requiredWhen = randomCondition(ctx);
    added.requiredWhenText = '变异新增材料的适用情形';
  }
  const change: Obj = { effectiveFrom: TOMORROW, reference: `变异测试文件〔2026〕${n}号`, note: '变异测试' };
  let what: string;
  const style = rng.pick(['add', 'add', 'remove', 'replace', 'set']);
  const ids = materials.map((m) => (m.id ?? m.use) as string).filter((x) => typeof x === 'string');
  if (style === 'add') {
    change.add = { materials: [added] };
    what = `adds ${necessity} ${String(added.id)}${added.requiredWhen ? ' (conditional)' : ''}`;
  } else if (style === 'remove') {
    if (ids.length === 0) return null;
    const id = rng.pick(ids);
    change.remove = { materials: [id] };
    what = `removes ${id}`;
  } else if (style === 'replace') {
    const own = materials.filter((m) => typeof m.id === 'string' && typeof m.name === 'string');
    if (own.length === 0) return null;
    const m = rng.pick(own);
    const copy: Obj = { ...m, necessity: rng.pick(NECESSITIES.filter((x) => x !== m.necessity)) };
    if (copy.necessity === 'deferrable' && !copy.due) copy.due = { amount: 5, unit: 'workingDays' };
    if (copy.necessity !== 'deferrable') delete copy.due;
    if (rng.chance(0.3)) {
      delete copy.requiredWhen;
      delete copy.requiredWhenText;
    }
    change.replace = { materials: [copy] };
    what = `replaces ${String(m.id)} (${String(m.necessity)} → ${String(copy.necessity)})`;
  } else {
    change.set = { materials: [...materials, added] };
    what = `sets the materials plus ${String(added.id)}`;
  }
  const changes = Array.isArray(data.changes) ? data.changes : [];
  // Changes are listed in the order they take effect: tomorrow's goes first.
  setIn(doc, ['changes'], [change, ...changes]);
  return { files: new Map([[rel, String(doc)]]), items: [code], description: `${rel}: change from ${TOMORROW} ${what}` };
}

/** A fact of facts.yaml gets another type, or loses or gains an enum value. */
function factTypeEdit(ctx: Context): Edit {
  const { rng } = ctx;
  const doc = docOf(ctx.texts.facts);
  const list = ((doc.toJS() as { facts?: Obj[] }).facts ?? []).filter(isObj);
  if (list.length === 0) return null;
  const i = rng.int(list.length);
  const f = list[i]!;
  let description: string;
  if (f.type === 'enum' && Array.isArray(f.values) && rng.chance(0.7)) {
    if (rng.chance(0.5) && f.values.length > 1) {
      const drop = rng.int(f.values.length);
      setIn(doc, ['facts', i, 'values'], f.values.filter((_, j) => j !== drop));
      description = `facts.yaml facts.${i} (${String(f.id)}): enum value ${String(f.values[drop])} removed`;
    } else {
      setIn(doc, ['facts', i, 'values'], [...f.values, '其他']);
      description = `facts.yaml facts.${i} (${String(f.id)}): enum value 其他 added`;
    }
  } else {
    const to = rng.pick(['number', 'boolean', 'string', 'enum', 'date'].filter((t) => t !== f.type));
    setIn(doc, ['facts', i, 'type'], to);
    if (to === 'enum') setIn(doc, ['facts', i, 'values'], ['是', '否']);
    else if (f.values) doc.deleteIn(['facts', i, 'values']);
    description = `facts.yaml facts.${i} (${String(f.id)}): type ${String(f.type)} → ${to}`;
  }
  const id = f.id as string;
  const items = itemsUsing(ctx, (tree) => factsRead(tree, ctx.shared).has(id));
  if (items.length === 0) return null;
  return { files: new Map([['facts.yaml', String(doc)]]), items, description };
}

/** The rows of the table of needed materials (their own `{{#each}}` of alternatives inside). */
const NEEDED_ROWS = /\{\{#each materials\.needed\}\}([\s\S]*?)\{\{\/each\}\}(\s*<\/tbody>)/;

/** Variants of the consultation template: each prints less, or only looks different. */
const TEMPLATE_VARIANTS: ReadonlyArray<{ name: string; edit: (t: string) => string | null }> = [
  {
    name: 'omits the conditional materials',
    edit: (t) => replaceOnce(t, /\{\{#if materials\.conditional\.length\}\}[\s\S]*?<\/table>\s*\{\{\/if\}\}/, ''),
  },
  {
    name: 'omits the condition of conditional materials',
    edit: (t) => replaceOnce(t, /\{\{#if condition\}\}\{\{condition\}\}\{\{else\}\}请向窗口确认\{\{\/if\}\}/, '请向窗口确认'),
  },
  {
    name: 'prints only core materials among the needed ones',
    edit: (t) => replaceOnce(t, NEEDED_ROWS, '{{#each materials.needed}}{{#if (eq necessity "core")}}$1{{/if}}{{/each}}$2'),
  },
  {
    name: 'prints only the first needed material',
    edit: (t) => replaceOnce(t, NEEDED_ROWS, '{{#each materials.needed}}{{#if @first}}$1{{/if}}{{/each}}$2'),
  },
  {
    name: 'omits the fetched materials',
    edit: (t) => replaceOnce(t, /\{\{#if materials\.fetched\.length\}\}[\s\S]*?\{\{\/if\}\}/, ''),
  },
  {
    name: 'adds a line (prints everything)',
    edit: (t) => replaceOnce(t, /<h2>三、办理须知<\/h2>/, '<p>温馨提示：原件核验后当场退还。</p>\n<h2>三、办理须知</h2>'),
  },
];

function replaceOnce(text: string, pattern: RegExp, by: string): string | null {
  return pattern.test(text) ? text.replace(pattern, by) : null;
}

function templateEdit(ctx: Context, perItem: boolean): Edit {
  const { rng } = ctx;
  const variant = rng.pick(TEMPLATE_VARIANTS);
  const text = variant.edit(ctx.texts.consultationTemplate);
  if (text === null) return null;
  if (!perItem) {
    const codes = [...ctx.items.values()].map((i) => i.code);
    const items: string[] = [];
    while (items.length < 2) items.push(codes.splice(rng.int(codes.length), 1)[0]!);
    return { files: new Map([['templates/consultation.hbs', text]]), items, description: `templates/consultation.hbs (pack template) ${variant.name}` };
  }
  const rel = rng.pick([...ctx.items.keys()]);
  const { code } = ctx.items.get(rel)!;
  const doc = docOf(ctx.texts.items.get(rel)!);
  setIn(doc, ['documents', 'consultation'], 'consultation-mutant');
  return {
    files: new Map([
      [rel, String(doc)],
      ['templates/consultation-mutant.hbs', text],
    ]),
    items: [code],
    description: `${rel}: documents.consultation → templates/consultation-mutant.hbs, which ${variant.name}`,
  };
}

/** Operators and their weights. */
const OPERATORS: ReadonlyArray<readonly [string, number, (ctx: Context) => Edit]> = [
  ['condition-operator', 3, (c) => conditionEdit(c, 'operator', 'item')],
  ['condition-value', 3, (c) => conditionEdit(c, 'value', 'item')],
  ['condition-fact', 2, (c) => conditionEdit(c, 'fact', 'item')],
  ['condition-ref', 2, (c) => conditionEdit(c, 'ref', 'item')],
  ['condition-not', 2, (c) => conditionEdit(c, 'not', 'item')],
  ['shared-condition', 3, (c) => conditionEdit(c, c.rng.pick(['operator', 'value', 'fact', 'ref', 'not'] as const), 'shared')],
  ['necessity', 3, necessityEdit],
  ['drop-requiredWhen', 2, dropRequiredWhen],
  ['add-requiredWhen', 2, addRequiredWhen],
  ['fetchable', 2, toggleFetchable],
  ['drop-material', 1, dropMaterial],
  ['drop-alternative', 1, dropAlternative],
  ['dated-change', 3, datedChange],
  ['fact-type', 1, factTypeEdit],
  ['pack-template', 2, (c) => templateEdit(c, false)],
  ['item-template', 1, (c) => templateEdit(c, true)],
];

/** `count` mutations of the pack, the same for the same seed and pack. */
export function generateMutations(texts: PackTexts, count: number, seed: number): Mutation[] {
  const rng = new Rng(seed);
  const factsData = parseDocument(texts.facts).toJS() as { facts?: FactDef[]; conditions?: { id: string; when: Json }[] };
  const shared = new Map<string, Json>((factsData.conditions ?? []).map((c) => [c.id, c.when]));
  const items = new Map<string, { code: string; data: Json }>();
  for (const [rel, text] of texts.items) {
    const data = parseDocument(text).toJS() as Obj;
    if (typeof data?.code === 'string') items.set(rel, { code: data.code, data });
  }
  const ctx: Context = { texts, rng, facts: factsData.facts ?? [], shared, items };
  const total = OPERATORS.reduce((s, [, w]) => s + w, 0);
  const out: Mutation[] = [];
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 50) throw new Error(`only ${out.length} mutations after ${attempts} attempts`);
    let r = rng.next() * total;
    const op = OPERATORS.find(([, w]) => (r -= w) < 0) ?? OPERATORS[0]!;
    const edit = op[2](ctx);
    if (!edit) continue;
    // An edit that leaves every file as it was is no mutation.
    const same = [...edit.files].every(([rel, text]) => text === (rel === 'facts.yaml' ? texts.facts : rel === 'materials.yaml' ? texts.materials : texts.items.get(rel)));
    if (same) continue;
    out.push({ index: out.length, operator: op[0], description: edit.description, files: edit.files, items: edit.items });
  }
  return out;
}
