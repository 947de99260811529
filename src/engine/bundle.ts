/**
 * 高效办成一件事 (国发〔2024〕3号): one application for a bundle of items — one applicant, one set
 * of materials, one window, one notice, one joint deadline. Every item is decided by `decide`
 * itself, with the same applicant, the same receipt time and the materials meant for it; this file
 * only routes the materials to the items and merges what the decisions say.
 *
 * Materials. A submitted id is, in order:
 * - `CODE/id`: the material `id` of item CODE only (two items using one id for different papers);
 * - a shared catalogue id (materials.yaml): for every item that `use`s it, under the item's own id;
 * - any other id: for every item of the bundle (ids an item does not know are not its business, so
 *   they are not reported as unknown on its decision; only ids no item knows are).
 * `commitments` (告知承诺) are read the same way and go to the items that have the material; one that
 * no item has is an error, and an item that has it but does not accept a commitment says so itself.
 * In the merged list a material taken from the catalogue appears once under the catalogue id, with
 * the items it serves; an item's own material appears under its id, or `CODE/id` when another item
 * of the bundle writes the same id.
 *
 * Joint deadline (all items accepted): the latest of the items' promised dues; the bundle's own
 * promised limit when declared and earlier. Each item keeps its own clock: its due in the bundle is
 * the earlier of its own promised due and the joint due, so no item is ever given more than its
 * promised — hence never more than its statutory — limit, and the joint due never exceeds the
 * statutory due of the item that finishes last.
 */
import { formatInstant, shanghaiDate } from '../calendar/index.ts';
import { renderMessage, translateAjvErrors } from '../core/index.ts';
import { schemaValidator, suggest } from '../pack/index.ts';
import type {
  Application,
  BundleApplication,
  BundleDecision,
  BundleMaterial,
  BundleMissingMaterial,
  Decision,
  DecisionWarning,
  LoadedBundle,
  NoticeMaterial,
} from '../pack/index.ts';
import { versionAt, type CompiledPack } from './compile.ts';
import { decide, type DecideOptions } from './decide.ts';
import { ApplicationError, type ApplicationIssue } from './errors.ts';
import { parseApplication } from './input.ts';

export type { BundleApplication, BundleDecision } from '../pack/index.ts';

/** The template of the one notice of a bundle. */
export const BUNDLE_NOTICE = 'bundle-notice';

/** Most demanding first: the bundle's kind is the first kind any of its items has. */
const SEVERITY: readonly Decision['kind'][] = ['rejected', 'returned', 'supplement', 'correctable', 'accepted'];
const NECESSITY: readonly NoticeMaterial['necessity'][] = ['core', 'required', 'deferrable', 'optional'];

type Submitted = NonNullable<Application['materials']>[number];

export async function decideBundle(pack: CompiledPack, input: unknown, options: DecideOptions = {}): Promise<BundleDecision> {
  const app = parseBundleApplication(input);
  const bundle = pack.data.bundles.get(app.bundle);
  if (!bundle) throw unknownBundle(pack, app.bundle);
  const { bundle: _code, materials: submitted = [], commitments = [], ...rest } = app;

  // One receipt time for every item: the application's, else `at`, else now (taken once).
  const at = app.receivedAt === undefined ? (options.at ?? formatInstant(Date.now())) : options.at;
  const first = parseApplication({ ...rest, item: bundle.data.items[0]!, materials: [] }, at);
  const date = shanghaiDate(first.receivedAtMs);
  const codes = [...new Set(bundle.data.items)];

  const qualifiedProblems: ApplicationIssue[] = [];
  const qualified = (list: readonly Submitted[], field: string): void =>
    list.forEach((entry, index) => {
      const id = idOf(entry);
      const slash = id.indexOf('/');
      if (slash < 0) return;
      const code = id.slice(0, slash);
      if (codes.includes(code)) return;
      const guess = suggest(code, codes);
      const hint = guess ? `，是否应为 ${guess}？` : `；这件“一件事”包含：${codes.join('、')}`;
      qualifiedProblems.push({ path: `$.${field}[${index}]`, code: 'E-APP-BUNDLE-MATERIAL', message: renderMessage('E-APP-BUNDLE-MATERIAL', { id, code, bundle: bundle.data.code, hint }) });
    });
  qualified(submitted, 'materials');
  qualified(commitments, 'commitments');
  if (qualifiedProblems.length > 0) throw new ApplicationError(qualifiedProblems);

  const routed = codes.map((code) => routeMaterials(pack, code, date, submitted));
  // A commitment goes to the items that have the material (a commitment an item cannot take is its error).
  const committed = codes.map((code) => {
    const own = new Set(versionAt(pack.items.get(code)!, date).materials.map((m) => m.id));
    const r = routeMaterials(pack, code, date, commitments);
    const keep = r.materials.map((m, k) => k).filter((k) => own.has(idOf(r.materials[k]!)));
    return { ids: keep.map((k) => idOf(r.materials[k]!)), origin: keep.map((k) => r.origin[k]!) };
  });
  const nowhere = commitments.map((id, index) => ({ id, index })).filter(({ index }) => !committed.some((c) => c.origin.includes(index)));
  if (nowhere.length > 0) {
    throw new ApplicationError(
      nowhere.map(({ id, index }) => ({ path: `$.commitments[${index}]`, code: 'E-APP-BUNDLE-COMMITMENT', message: renderMessage('E-APP-BUNDLE-COMMITMENT', { id, bundle: bundle.data.code, hint: '' }) })),
    );
  }
  const decisions: Decision[] = [];
  for (const [i, code] of codes.entries()) {
    const r = routed[i]!;
    const c = committed[i]!;
    const itemApp = { ...rest, item: code, materials: r.materials, ...(c.ids.length > 0 ? { commitments: c.ids } : {}) };
    try {
      decisions.push(await decide(pack, itemApp, { ...options, ...(at === undefined ? {} : { at }) }));
    } catch (err) {
      if (err instanceof ApplicationError) throw originalPaths(originalPaths(err, r.origin, 'materials'), c.origin, 'commitments');
      throw err;
    }
  }

  const cleaned = withoutOthersMaterials(decisions, routed);
  const consult = app.intent === 'consult';
  const kind: Decision['kind'] = consult ? 'consultation' : (SEVERITY.find((k) => cleaned.some((d) => d.kind === k)) ?? 'accepted');
  // A rejected item is handled elsewhere (its routeTo): its materials are not asked for here.
  const counted = cleaned.filter((d) => consult || d.kind !== 'rejected');
  const keys = materialKeys(pack, cleaned, date);
  const lead = pack.data.center.departments.find((d) => d.id === bundle.data.lead)!;

  return {
    bundle: bundle.data.code,
    name: bundle.data.name,
    description: bundle.data.description ?? null,
    lead: { id: lead.id, name: lead.name },
    window: windowOf(pack, bundle),
    receivedAt: first.receivedAt,
    kind,
    decisions: cleaned,
    materials: mergeMaterials(counted, keys),
    missing: mergeMissing(counted, keys),
    unknownMaterials: unknownToAll(submitted, routed, decisions),
    rejected: consult
      ? []
      : cleaned
          .filter((d) => d.kind === 'rejected')
          .map((d) => ({ item: d.item, itemName: d.itemName, reasons: d.reasons.map((r) => r.message), routeTo: d.routeTo })),
    deadline: kind === 'accepted' ? jointDeadline(pack, bundle, cleaned) : null,
    notice: { document: BUNDLE_NOTICE },
  };
}

/** Schema check of the bundle application (schemas/bundle-application.schema.json), located by JSON path. */
function parseBundleApplication(input: unknown): BundleApplication {
  const check = schemaValidator('bundle-application');
  if (check(input)) return input as BundleApplication;
  throw new ApplicationError(translateAjvErrors(check.errors ?? [], { family: 'application' }).map(({ path, code, message }) => ({ path, code, message })));
}

function unknownBundle(pack: CompiledPack, code: string): ApplicationError {
  const known = [...pack.data.bundles.keys()];
  const guess = suggest(code, known);
  const item = pack.items.has(code) ? `；${code} 是单个事项，请用 item 申请` : '';
  const hint = item || (guess ? `，是否应为 ${guess}？` : known.length > 0 ? `；已有的“一件事”：${known.join('、')}` : '；规则包没有 bundles/');
  return new ApplicationError([{ path: '$.bundle', code: 'E-APP-UNKNOWN-BUNDLE', message: renderMessage('E-APP-UNKNOWN-BUNDLE', { code, hint }) }]);
}

function idOf(entry: Submitted): string {
  return typeof entry === 'string' ? entry : entry.id;
}

interface Routed {
  /** The submissions as the item reads them. */
  readonly materials: Submitted[];
  /** Index in the bundle application of each of `materials`. */
  readonly origin: number[];
  /** The bundle application's id of each of `materials`. */
  readonly asSubmitted: string[];
}

/** The submissions meant for item `code`, each renamed to the id the item knows it by. */
function routeMaterials(pack: CompiledPack, code: string, date: string, submitted: readonly Submitted[]): Routed {
  const v = versionAt(pack.items.get(code)!, date);
  // Catalogue id → the item's id for it, where the item renamed it (`use: id-card` with `id: parent-id-card`).
  const renamed = new Map<string, string>();
  for (const m of v.data.materials) if (m.use !== undefined && m.id !== undefined && m.id !== m.use) renamed.set(m.use, m.id);
  const out: Routed = { materials: [], origin: [], asSubmitted: [] };
  submitted.forEach((entry, index) => {
    const id = idOf(entry);
    const slash = id.indexOf('/');
    let own = id;
    if (slash >= 0) {
      if (id.slice(0, slash) !== code) return;
      own = id.slice(slash + 1);
    } else {
      own = renamed.get(id) ?? id;
    }
    out.materials.push(typeof entry === 'string' ? own : { ...entry, id: own });
    out.origin.push(index);
    out.asSubmitted.push(id);
  });
  return out;
}

/** An item's problem with `$.materials[k]` (or `$.commitments[k]`) of what it was given is at the bundle application's own index. */
function originalPaths(err: ApplicationError, origin: readonly number[], field: 'materials' | 'commitments'): ApplicationError {
  const head = new RegExp(`^\\$\\.${field}\\[(\\d+)\\]`);
  const path = (p: string): string => p.replace(head, (whole, k: string) => (origin[Number(k)] === undefined ? whole : `$.${field}[${origin[Number(k)]}]`));
  return new ApplicationError(err.details.map((i) => ({ ...i, path: path(i.path) })), err.suggestions);
}

/**
 * Every item was handed every plain id: an id that another item knows is not unknown on this
 * item's decision (neither in unknownMaterials nor as an `unknown-material` warning).
 */
function withoutOthersMaterials(decisions: readonly Decision[], routed: readonly Routed[]): Decision[] {
  const knownSomewhere = new Set<string>();
  decisions.forEach((d, i) => {
    const unknown = new Set(d.unknownMaterials);
    for (const [k, own] of routed[i]!.materials.entries()) if (!unknown.has(idOf(own))) knownSomewhere.add(routed[i]!.asSubmitted[k]!);
  });
  return decisions.map((d, i) => {
    const r = routed[i]!;
    const others = new Set(r.materials.map((m, k) => [idOf(m), r.asSubmitted[k]!] as const).filter(([own, id]) => d.unknownMaterials.includes(own) && knownSomewhere.has(id)).map(([own]) => own));
    if (others.size === 0) return d;
    const isOthers = (w: DecisionWarning): boolean => w.code === 'unknown-material' && [...others].some((id) => w.message.startsWith(`材料 ${id} `));
    return { ...d, unknownMaterials: d.unknownMaterials.filter((id) => !others.has(id)), warnings: d.warnings.filter((w) => !isOthers(w)) };
  });
}

function unknownToAll(submitted: readonly Submitted[], routed: readonly Routed[], decisions: readonly Decision[]): string[] {
  const known = new Set<string>();
  decisions.forEach((d, i) => {
    const r = routed[i]!;
    r.materials.forEach((m, k) => {
      if (!d.unknownMaterials.includes(idOf(m))) known.add(r.asSubmitted[k]!);
    });
  });
  return [...new Set(submitted.map(idOf).filter((id) => !known.has(id)))];
}

/** Merged-list id of each item's material: `item → (material id → { key, shown id, shared })`. */
type Keys = ReadonlyMap<string, ReadonlyMap<string, { readonly key: string; readonly id: string; readonly shared: boolean }>>;

function materialKeys(pack: CompiledPack, decisions: readonly Decision[], date: string): Keys {
  const uses = new Map<string, Map<string, string>>();
  const localCount = new Map<string, number>();
  for (const d of decisions) {
    const v = versionAt(pack.items.get(d.item)!, date);
    const byId = new Map<string, string>();
    for (const m of v.data.materials) if (m.use !== undefined) byId.set(m.id ?? m.use, m.use);
    uses.set(d.item, byId);
    for (const m of d.materials) {
      const id = byId.get(m.id) ?? m.id;
      localCount.set(id, (localCount.get(id) ?? 0) + 1);
    }
  }
  const out = new Map<string, Map<string, { key: string; id: string; shared: boolean }>>();
  for (const d of decisions) {
    const byId = uses.get(d.item)!;
    const keys = new Map<string, { key: string; id: string; shared: boolean }>();
    for (const m of d.materials) {
      const use = byId.get(m.id);
      if (use !== undefined) keys.set(m.id, { key: `shared:${use}`, id: use, shared: true });
      else {
        // An item's own material keeps its id unless another item of the bundle writes the same id.
        const id = (localCount.get(m.id) ?? 0) > 1 ? `${d.item}/${m.id}` : m.id;
        keys.set(m.id, { key: `own:${d.item}/${m.id}`, id, shared: false });
      }
    }
    out.set(d.item, keys);
  }
  return out;
}

function mergeMaterials(decisions: readonly Decision[], keys: Keys): BundleMaterial[] {
  const lines = new Map<string, BundleMaterial>();
  for (const d of decisions) {
    for (const m of d.materials) {
      const k = keys.get(d.item)!.get(m.id)!;
      const use = { item: d.item, itemName: d.itemName, material: m };
      const prior = lines.get(k.key);
      if (!prior) {
        lines.set(k.key, {
          id: k.id,
          name: m.name,
          shared: k.shared,
          necessity: m.necessity,
          form: m.form,
          copies: m.copies,
          required: m.required,
          fetchedByCenter: m.fetchedByCenter === true,
          items: [use],
        });
        continue;
      }
      lines.set(k.key, {
        ...prior,
        necessity: NECESSITY[Math.min(NECESSITY.indexOf(prior.necessity), NECESSITY.indexOf(m.necessity))]!,
        form: prior.form === m.form ? prior.form : 'both',
        copies: Math.max(prior.copies, m.copies),
        required: prior.required === 'yes' || m.required === 'yes' ? 'yes' : prior.required === 'unknown' || m.required === 'unknown' ? 'unknown' : 'no',
        // The center fetches it only if every item fetches it; otherwise the applicant brings it once.
        fetchedByCenter: prior.fetchedByCenter && m.fetchedByCenter === true,
        items: [...prior.items, use],
      });
    }
  }
  return [...lines.values()];
}

function mergeMissing(decisions: readonly Decision[], keys: Keys): BundleMissingMaterial[] {
  const lines = new Map<string, BundleMissingMaterial>();
  for (const d of decisions) {
    for (const m of d.missing) {
      const k = keys.get(d.item)!.get(m.id) ?? { key: `own:${d.item}/${m.id}`, id: m.id, shared: false };
      const key = `${k.key}\u0000${m.party ?? ''}\u0000${m.problem}`;
      const prior = lines.get(key);
      if (!prior) {
        lines.set(key, { id: k.id, name: m.name, necessity: m.necessity, ...(m.party !== undefined ? { party: m.party } : {}), problem: m.problem, detail: m.detail, items: [d.item] });
        continue;
      }
      lines.set(key, {
        ...prior,
        necessity: NECESSITY[Math.min(NECESSITY.indexOf(prior.necessity), NECESSITY.indexOf(m.necessity))]!,
        detail: prior.detail === m.detail || prior.detail.split('；').includes(m.detail) ? prior.detail : `${prior.detail}；${m.detail}`,
        items: [...prior.items, d.item],
      });
    }
  }
  return [...lines.values()];
}

function windowOf(pack: CompiledPack, bundle: LoadedBundle): BundleDecision['window'] {
  const windows = [...pack.data.center.windows].sort((a, b) => a.number - b.number);
  const w = bundle.data.window !== undefined ? windows.find((x) => x.id === bundle.data.window) : windows.find((x) => x.department === bundle.data.lead);
  return w ? { id: w.id, number: w.number, name: w.name, location: w.location ?? null } : null;
}

function jointDeadline(pack: CompiledPack, bundle: LoadedBundle, decisions: readonly Decision[]): BundleDecision['deadline'] {
  const deadlines = decisions.map((d) => d.deadline!);
  const acceptedAt = deadlines[0]!.acceptedAt;
  const ms = (iso: string): number => Date.parse(iso);
  const latest = deadlines.reduce((a, b) => (ms(b.promised.due) > ms(a.promised.due) ? b : a)).promised.due;
  const warnings: DecisionWarning[] = [];
  let promised: NonNullable<BundleDecision['deadline']>['promised'] = null;
  const limit = bundle.data.limit?.promised;
  if (limit) {
    const due = pack.clock.due({ amount: limit.amount, unit: limit.unit }, ms(acceptedAt));
    for (const w of due.warnings) if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
    promised = { amount: limit.amount, unit: limit.unit, due: due.due };
  }
  const byBundle = promised !== null && ms(promised.due) < ms(latest);
  const due = byBundle ? promised!.due : latest;
  for (const d of deadlines) for (const w of d.warnings) if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
  return {
    acceptedAt,
    due,
    basis: byBundle ? 'bundle' : 'items',
    promised,
    items: decisions.map((d) => ({ item: d.item, due: ms(d.deadline!.promised.due) <= ms(due) ? d.deadline!.promised.due : due, statutory: d.deadline!.statutory.due })),
    warnings,
  };
}
