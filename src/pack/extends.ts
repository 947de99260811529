/**
 * One county catalogue, many townships (区—镇—村): a pack's center.yaml may `extends` a base
 * catalogue (区/县 政务服务事项基本目录) — a folder with catalogue.yaml and items/*.yaml holding
 * each item's unified elements — by path or pinned git revision. A township item file writes
 * `adopt: CODE` and only its local fields; the loader sees the merged item. Merging is one rule:
 * a field the township writes replaces the catalogue's, except that two objects are merged one
 * level deep (the township's keys win), so `limits: { promised }` keeps the catalogue's statutory
 * limit. Every merged value stays located where it is written (township or catalogue file), and
 * every unified element the township writes differently is a W-CATALOGUE-DIVERGES warning.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { formatPath, renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { describeDuration } from './duration.ts';
import { fsReason } from './fs-reason.ts';
import { GitError, revisionFolder } from './git.ts';
import { readRegularFile } from './read-file.ts';
import { SCHEMA_BASE, compileSchema, readSchema, validateWithSchema, validateWithValidator, type FileKind, type JsonSchema } from './schemas.ts';
import type { CatalogueFile, CenterExtends } from './schema-types.ts';
import { SourceFile, parseSource, tooLargeMessage, type Location } from './source.ts';
import { suggest } from './suggest.ts';

/** One parsed pack file as the loader holds it. */
export interface ParsedEntry {
  readonly rel: string;
  readonly kind: FileKind;
  readonly source: SourceFile | null;
  readonly errors: readonly Diagnostic[];
}

/** Required item fields that are local (the township's) and so may be absent from a catalogue item. */
const LOCAL_REQUIRED = new Set(['department', 'window', 'mode']);

/**
 * Unified elements (统一要素): compared whole, or (for objects merged one level) only the parts
 * listed — `codes.implementation` and `codes.handling` carry the implementer's credit code, and
 * `limits.promised` is the township's to set within the statutory limit.
 */
const UNIFIED: Readonly<Record<string, string>> = {
  code: '事项编码',
  name: '事项名称',
  type: '事项类型',
  codes: '基本编码',
  basis: '设定依据',
  implementationBasis: '实施依据',
  serviceObjects: '服务对象',
  conditions: '受理条件',
  materials: '申请材料',
  limits: '法定时限',
  fees: '收费',
  result: '审批结果',
  // Both select or change the materials and conditions above.
  situations: '情形',
  changes: '未来变更（预公开）',
};
/** For merged objects: the unified sub-fields (null: every sub-field the township writes). */
const UNIFIED_PARTS: Readonly<Record<string, readonly string[] | null>> = { codes: ['basic'], limits: ['statutory'], result: null };

/** Whether a parsed item file adopts a catalogue item (and so is schema-checked only once merged). */
export function adoptsItem(kind: FileKind, source: SourceFile): boolean {
  return kind === 'item' && isRecord(source.data) && 'adopt' in source.data;
}

/** The base catalogue as read for one validation. */
export interface Catalogue {
  readonly info: CatalogueFile;
  /** How messages name it: `../wuxi-county`, or `REPO@abc1234:dir`. */
  readonly where: string;
  readonly items: ReadonlyMap<string, CatalogueItem>;
}

export interface CatalogueItem {
  /** Label of its file, relative to the township pack (or `REPO@sha:dir/items/…` for a git catalogue). */
  readonly file: string;
  readonly source: SourceFile;
  /** False when the file has errors (reported there): it cannot be adopted. */
  readonly ok: boolean;
}

/** One place where a township writes a unified element differently from its catalogue. */
export interface Divergence {
  /** JSON path in the township file, e.g. `$.materials[3].name`. */
  readonly path: string;
  /** The element in words, e.g. `申请材料“居民户口簿”（household-register）的 name`. */
  readonly what: string;
  /** `changed`: a different value; `added`: not in the catalogue; `removed`: the catalogue's, left out. */
  readonly kind: 'changed' | 'added' | 'removed';
  readonly catalogue: unknown;
  readonly township: unknown;
  readonly at: Location;
  readonly catalogueAt: Location;
}

export interface AdoptedItem {
  readonly code: string;
  readonly name: string;
  readonly file: string;
  readonly catalogueFile: string;
  readonly divergences: readonly Divergence[];
}

/** A township compared with its catalogue (`bianmin diff --catalogue`). */
export interface CatalogueComparison {
  readonly name: string;
  readonly region: string;
  readonly level: string;
  readonly version: string;
  readonly where: string;
  readonly adopted: readonly AdoptedItem[];
  /** The township's own items (not adopted). */
  readonly own: readonly { readonly code: string; readonly file: string }[];
  /** Catalogue items the township does not adopt (根据实际承接能力). */
  readonly notAdopted: readonly { readonly code: string; readonly name: string; readonly file: string }[];
}

export interface Extended {
  readonly parsed: ParsedEntry[];
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  readonly comparison: CatalogueComparison | null;
}

/**
 * The pack's parsed files with every `adopt` item replaced by its merged item (schema-checked as
 * a whole, located per value), plus the catalogue's own errors and the divergence warnings.
 */
export async function applyExtends(root: string, parsed: readonly ParsedEntry[]): Promise<Extended> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const center = parsed.find((p) => p.kind === 'center')?.source ?? null;
  const ext = center && isRecord(center.data) ? extendsOf(center.data['extends']) : null;
  // Written but malformed: the schema reports it; the adopted items are then left out quietly.
  const declared = center !== null && isRecord(center.data) && center.data['extends'] !== undefined;
  const adopting = parsed.some((p) => p.source && adoptsItem(p.kind, p.source));
  if (!ext && !adopting) return { parsed: [...parsed], errors, warnings, comparison: null };

  const read = ext && center ? await readCatalogue(root, ext, center) : null;
  if (read) errors.push(...read.errors);
  const catalogue = read?.catalogue ?? null;
  const adopted: AdoptedItem[] = [];
  const own: { code: string; file: string }[] = [];
  const taken = new Set<string>();

  const out = parsed.map((p): ParsedEntry => {
    if (!p.source || !adoptsItem(p.kind, p.source)) {
      if (p.kind === 'item' && p.source && isRecord(p.source.data) && typeof p.source.data['code'] === 'string') own.push({ code: p.source.data['code'], file: p.rel });
      return p;
    }
    const data = p.source.data as Record<string, unknown>;
    const code = data['adopt'];
    const fail = (errorCode: ErrorCode, message: string): ParsedEntry => ({ ...p, errors: [...p.errors, p.source!.diagnostic(['adopt'], errorCode, message)] });
    if (typeof code !== 'string' || code === '') return fail('E-EXTENDS-ADOPT-UNKNOWN', renderMessage('E-EXTENDS-ADOPT-UNKNOWN', { catalogue: catalogue?.info.name ?? '', code: JSON.stringify(code), hint: '：adopt 须写目录中事项的编码，例如 adopt: MZ-001' }));
    if (!ext && !declared) return fail('E-EXTENDS-NO-BASE', renderMessage('E-EXTENDS-NO-BASE', { code }));
    // The catalogue could not be read: that is reported once, at center.yaml.
    if (!catalogue) return { ...p, source: null };
    const base = catalogue.items.get(code);
    if (!base) {
      const guess = suggest(code, [...catalogue.items.keys()]);
      return fail('E-EXTENDS-ADOPT-UNKNOWN', renderMessage('E-EXTENDS-ADOPT-UNKNOWN', { catalogue: catalogue.info.name, code, hint: guess ? `，是否应为 ${guess}？` : '' }));
    }
    if (!base.ok) return { ...p, source: null };
    taken.add(code);
    const merged = mergedSource(p.source, base.source);
    const divergences = divergencesOf(p.source, base.source);
    for (const d of divergences) {
      const message = renderMessage('W-CATALOGUE-DIVERGES', { what: d.what, catalogue: catalogue.info.name, own: quote(d.township), value: quote(d.catalogue), where: `${d.catalogueAt.file}:${d.catalogueAt.line}` });
      warnings.push({ ...d.at, path: d.path, code: 'W-CATALOGUE-DIVERGES', message });
    }
    const mergedData = merged.data as Record<string, unknown>;
    adopted.push({ code: String(mergedData['code']), name: String(mergedData['name']), file: p.rel, catalogueFile: base.file, divergences });
    return { ...p, source: merged, errors: [...p.errors, ...validateWithSchema('item', merged)] };
  });

  const comparison: CatalogueComparison | null = catalogue
    ? {
        name: catalogue.info.name,
        region: catalogue.info.region,
        level: catalogue.info.level,
        version: catalogue.info.version,
        where: catalogue.where,
        adopted,
        own,
        notAdopted: [...catalogue.items]
          .filter(([code]) => !taken.has(code))
          .map(([code, item]) => ({ code, name: isRecord(item.source.data) ? String(item.source.data['name'] ?? '') : '', file: item.file })),
      }
    : null;
  return { parsed: out, errors, warnings, comparison };
}

function extendsOf(value: unknown): CenterExtends | null {
  if (!isRecord(value) || typeof value['path'] !== 'string' || value['path'] === '') return null;
  const git = value['git'];
  const rev = value['rev'];
  if (git === undefined && rev === undefined) return { path: value['path'] };
  // A half-written git reference is the schema's to report.
  if (typeof git !== 'string' || git === '' || typeof rev !== 'string' || !/^[0-9a-f]{40}$/.test(rev)) return null;
  return { path: value['path'], git, rev };
}

// ---------------------------------------------------------------------------------------------
// Reading the catalogue

let catalogueItemValidator: ValidateFunction | null = null;

/**
 * The schema of a catalogue item: item.schema.json itself (the one source of truth) with the
 * local required fields relaxed — no department, window or mode, and limits without promised.
 */
export function catalogueItemSchema(): JsonSchema {
  const schema = readSchema('item');
  const required = (schema['required'] as string[]).filter((k) => !LOCAL_REQUIRED.has(k));
  const defs = schema['$defs'] as Record<string, JsonSchema>;
  const limits = defs['limits']!;
  return {
    ...schema,
    $id: `${SCHEMA_BASE}catalogue-item.schema.json`,
    title: '便民基础目录：事项统一要素（items/*.yaml）',
    required,
    $defs: { ...defs, limits: { ...limits, required: (limits['required'] as string[]).filter((k) => k !== 'promised') } },
  };
}

function catalogueItemValidate(): ValidateFunction {
  catalogueItemValidator ??= compileSchema(catalogueItemSchema());
  return catalogueItemValidator;
}

async function readCatalogue(root: string, ext: CenterExtends, center: SourceFile): Promise<{ catalogue: Catalogue | null; errors: Diagnostic[] }> {
  const atCenter = (field: string, code: ErrorCode, message: string): { catalogue: null; errors: Diagnostic[] } => ({ catalogue: null, errors: [center.diagnostic(['extends', field], code, message)] });
  let dir: string;
  let where: string;
  if (ext.git !== undefined && ext.rev !== undefined) {
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(ext.git) || /^[^/]+@[^/]+:/.test(ext.git);
    try {
      dir = await revisionFolder(remote ? ext.git : path.resolve(root, ext.git), ext.rev, ext.path);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      const field = e.part === 'rev' ? 'rev' : e.part === 'path' ? 'path' : 'git';
      return atCenter(field, 'E-EXTENDS-GIT', renderMessage('E-EXTENDS-GIT', { problem: e.message }));
    }
    const sub = ext.path.replace(/^\.\/?|\/+$/g, '');
    where = `${ext.git}@${ext.rev.slice(0, 7)}${sub ? `:${sub}` : ''}`;
  } else {
    dir = path.resolve(root, ext.path);
    where = path.relative(root, dir).split(path.sep).join('/') || '.';
    let s: Stats;
    try {
      s = await stat(dir);
    } catch (e) {
      return atCenter('path', 'E-EXTENDS-CATALOGUE', renderMessage('E-EXTENDS-CATALOGUE', { where, problem: `目录不存在或无法读取（${fsReason(e)}）` }));
    }
    if (!s.isDirectory()) return atCenter('path', 'E-EXTENDS-CATALOGUE', renderMessage('E-EXTENDS-CATALOGUE', { where, problem: '它是文件，不是目录；基础目录是一个目录，其中有 catalogue.yaml 和 items/' }));
  }
  const whole = (problem: string): Diagnostic => center.diagnostic(['extends', 'path'], 'E-EXTENDS-CATALOGUE', renderMessage('E-EXTENDS-CATALOGUE', { where, problem }));
  return readCatalogueAt(dir, where, (rel) => `${where}/${rel}`, whole);
}

/**
 * A catalogue folder on its own (`bianmin validate --rules examples/wuxi-county`): its
 * catalogue.yaml and items checked by their schemas, files named relative to the folder.
 */
export async function validateCatalogue(dir: string): Promise<{ catalogue: Catalogue | null; errors: Diagnostic[] }> {
  const whole = (problem: string): Diagnostic => ({ file: '.', line: 0, column: 0, path: '$', code: 'E-EXTENDS-CATALOGUE', message: renderMessage('E-EXTENDS-CATALOGUE', { where: dir, problem }) });
  return readCatalogueAt(path.resolve(dir), dir, (rel) => rel, whole);
}

/**
 * The folder of the catalogue that the pack in `rulesDir` extends by path (none for a git
 * catalogue: a pinned commit does not change), for a server that reloads when files change.
 */
export function extendedCatalogueDirs(rulesDir: string): string[] {
  let bytes: Uint8Array;
  try {
    const read = readRegularFile(path.join(rulesDir, 'center.yaml'));
    if (!(read instanceof Uint8Array)) return [];
    bytes = read;
  } catch {
    return [];
  }
  const parsed = parseSource('center.yaml', bytes);
  const ext = parsed.ok && isRecord(parsed.source.data) ? extendsOf(parsed.source.data['extends']) : null;
  return ext && ext.git === undefined ? [path.resolve(rulesDir, ext.path)] : [];
}

/** Whether `dir` is a catalogue folder rather than a pack: catalogue.yaml and no center.yaml. */
export async function isCatalogueDir(dir: string): Promise<boolean> {
  const has = async (name: string): Promise<boolean> => (await stat(path.join(dir, name)).catch(() => null)) !== null;
  return (await has('catalogue.yaml')) && !(await has('center.yaml'));
}

async function readCatalogueAt(dir: string, where: string, label: (rel: string) => string, whole: (problem: string) => Diagnostic): Promise<{ catalogue: Catalogue | null; errors: Diagnostic[] }> {
  const errors: Diagnostic[] = [];
  const info = readFile(dir, 'catalogue.yaml', label('catalogue.yaml'));
  if (info === 'absent') return { catalogue: null, errors: [whole('缺少目录说明 catalogue.yaml（目录名称、区域、层级、版本）')] };
  if ('errors' in info) errors.push(...info.errors);
  const infoErrors = 'source' in info ? validateWithSchema('catalogue', info.source) : [];
  errors.push(...infoErrors);

  let entries: Dirent[];
  try {
    entries = await readdir(path.join(dir, 'items'), { recursive: true, withFileTypes: true });
  } catch (e) {
    errors.push(whole(`无法读取事项目录 items/（${fsReason(e)}）`));
    return { catalogue: null, errors };
  }
  const rels = entries
    .filter((e) => !e.name.startsWith('.') && !e.isDirectory() && /\.ya?ml$/i.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const items = new Map<string, CatalogueItem>();
  for (const rel of rels) {
    const read = readFile(dir, rel, label(rel));
    if (read === 'absent') continue;
    if ('errors' in read) {
      errors.push(...read.errors);
      continue;
    }
    const own = validateWithValidator(catalogueItemValidate(), read.source);
    errors.push(...own);
    const code = isRecord(read.source.data) ? read.source.data['code'] : undefined;
    if (typeof code !== 'string') continue;
    const prior = items.get(code);
    if (prior) {
      errors.push(read.source.diagnostic(['code'], 'E-EXTENDS-CATALOGUE', renderMessage('E-EXTENDS-CATALOGUE', { where, problem: `事项编码 ${code} 已在 ${prior.file} 中使用；目录中的编码必须唯一` })));
      continue;
    }
    items.set(code, { file: label(rel), source: read.source, ok: own.length === 0 });
  }
  if (!('source' in info) || infoErrors.length > 0) return { catalogue: null, errors };
  return { catalogue: { info: info.source.data as CatalogueFile, where, items }, errors };
}

/** A catalogue file parsed under its label; `absent` when it does not exist. */
function readFile(dir: string, rel: string, label: string): { source: SourceFile } | { errors: Diagnostic[] } | 'absent' {
  const whole = (code: ErrorCode, message: string): { errors: Diagnostic[] } => ({ errors: [{ file: label, line: 0, column: 0, path: '$', code, message }] });
  let bytes: Uint8Array;
  try {
    const read = readRegularFile(path.join(dir, rel));
    if (!(read instanceof Uint8Array)) return { errors: [{ file: label, line: 1, column: 1, path: '$', code: 'E-FILE-TOO-LARGE', message: tooLargeMessage(read.tooLarge) }] };
    bytes = read;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    return whole('E-FILE-READ', renderMessage('E-FILE-READ', { reason: fsReason(e) }));
  }
  const parsed = parseSource(label, bytes);
  return parsed.ok ? { source: parsed.source } : { errors: parsed.errors };
}

// ---------------------------------------------------------------------------------------------
// Merging, with every value located where it is written

/**
 * The merged item as one source: its data is the catalogue item with the township's fields
 * applied, and `locate` answers from the file that wrote the value asked for.
 */
class MergedSource extends SourceFile {
  constructor(
    private readonly own: SourceFile,
    private readonly base: SourceFile,
  ) {
    super(own.file, '', merge(base.data as Record<string, unknown>, own.data as Record<string, unknown>));
  }

  override locate(at: readonly PathSegment[], key = false): Location {
    const own = this.own.data as Record<string, unknown>;
    const base = this.base.data as Record<string, unknown>;
    if (at.length === 0) return this.own.locate(at, key);
    const top = String(at[0]);
    // The item's code is the adopted one: it is written as `adopt: CODE`.
    if (top === 'code' && !('code' in own)) return this.own.locate(['adopt'], key);
    if (!(top in own)) return top in base ? this.base.locate(at, key) : this.own.locate(at, key);
    const mine = own[top];
    const theirs = base[top];
    if (at.length >= 2 && isRecord(mine) && isRecord(theirs)) {
      const sub = String(at[1]);
      if (!(sub in mine) && sub in theirs) return this.base.locate(at, key);
    }
    return this.own.locate(at, key);
  }
}

/** Merged sources by township and catalogue source: an unchanged pair keeps one identity (the cross-check memo is keyed by it). */
const mergedCache = new WeakMap<SourceFile, WeakMap<SourceFile, MergedSource>>();

function mergedSource(own: SourceFile, base: SourceFile): MergedSource {
  let byBase = mergedCache.get(own);
  if (!byBase) mergedCache.set(own, (byBase = new WeakMap()));
  let found = byBase.get(base);
  if (!found) byBase.set(base, (found = new MergedSource(own, base)));
  return found;
}

/** The catalogue item with the township's fields: replaced, or merged one level when both are objects. */
export function merge(base: Readonly<Record<string, unknown>>, own: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(own)) {
    if (k === 'adopt') continue;
    const b = base[k];
    out[k] = isRecord(b) && isRecord(v) ? { ...b, ...v } : v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Divergences

function divergencesOf(ownSource: SourceFile, baseSource: SourceFile): Divergence[] {
  const own = ownSource.data as Record<string, unknown>;
  const base = baseSource.data as Record<string, unknown>;
  const out: Divergence[] = [];
  const add = (kind: Divergence['kind'], ownPath: readonly PathSegment[], basePath: readonly PathSegment[], what: string, catalogue: unknown, township: unknown): void => {
    out.push({ path: formatPath(ownPath), what, kind, catalogue, township, at: ownSource.locate(ownPath), catalogueAt: baseSource.locate(basePath) });
  };
  for (const [field, label] of Object.entries(UNIFIED)) {
    if (!(field in own)) continue;
    const parts = UNIFIED_PARTS[field];
    if (parts !== undefined && isRecord(own[field])) {
      const mine = own[field] as Record<string, unknown>;
      const theirs = isRecord(base[field]) ? (base[field] as Record<string, unknown>) : {};
      for (const sub of parts ?? Object.keys(mine)) {
        if (!(sub in mine)) continue;
        const subLabel = field === 'result' ? `${label}的${keyWord(sub)}` : label;
        compare(mine[sub], theirs[sub], [field, sub], [field, sub], subLabel, add);
      }
      continue;
    }
    compare(own[field], base[field], [field], [field], label, add);
  }
  return out;
}

type Add = (kind: Divergence['kind'], ownPath: readonly PathSegment[], basePath: readonly PathSegment[], what: string, catalogue: unknown, township: unknown) => void;

/** Reports where `own` differs from `base`: objects key by key, lists of identified entries entry by entry. */
function compare(own: unknown, base: unknown, ownPath: PathSegment[], basePath: PathSegment[], what: string, add: Add): void {
  if (equal(own, base)) return;
  // A duration is one value (“30 个工作日”), not an amount and a unit.
  if (isRecord(own) && isRecord(base) && !isDuration(own) && !isDuration(base)) {
    for (const k of new Set([...Object.keys(base), ...Object.keys(own)])) {
      if (k in own) compare(own[k], base[k], [...ownPath, k], [...basePath, k], `${what}的${keyWord(k)}`, add);
    }
    // The catalogue's fields left out of the township's copy: one warning for the object.
    const left = Object.keys(base).filter((k) => !(k in own));
    if (left.length > 0) add('removed', ownPath, [...basePath, left[0]!], `${what}（未写目录中的${left.map((k) => keyWord(k).trim()).join('、')}）`, Object.fromEntries(left.map((k) => [k, base[k]])), undefined);
    return;
  }
  if (Array.isArray(own) && Array.isArray(base) && own.every(keyOf) && base.every(keyOf)) {
    const baseIndex = new Map(base.map((b, i) => [keyOf(b)!, i]));
    const seen = new Set<string>();
    own.forEach((o, i) => {
      const k = keyOf(o)!;
      seen.add(k);
      const j = baseIndex.get(k);
      if (j === undefined) add('added', [...ownPath, i], basePath, `${what}中新增的${entryName(o)}`, undefined, o);
      // Named as the catalogue names it: the township's name may be the divergence.
      else compare(o, base[j], [...ownPath, i], [...basePath, j], `${what}${entryName(base[j])}`, add);
    });
    base.forEach((b, j) => {
      if (!seen.has(keyOf(b)!)) add('removed', ownPath, [...basePath, j], `${what}（少列了目录中的${entryName(b)}）`, b, undefined);
    });
    return;
  }
  add(base === undefined ? 'added' : 'changed', ownPath, basePath, what, base, own);
}

/** An entry's identity in a list (`id`, or the shared material it uses). */
function keyOf(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const id = value['id'] ?? value['use'];
  return typeof id === 'string' ? id : null;
}

function entryName(value: unknown): string {
  if (!isRecord(value)) return '';
  const name = value['name'] ?? value['text'] ?? value['use'];
  const id = keyOf(value);
  if (typeof name !== 'string' || name === id) return `“${String(id ?? '')}”`;
  return id === null ? `“${name}”` : `“${name}”（${id}）`;
}

function isDuration(value: Record<string, unknown>): boolean {
  return typeof value['amount'] === 'number' && typeof value['unit'] === 'string';
}

/** Field names in the officer's words, where a divergence names a sub-field. */
const KEY_WORDS: Readonly<Record<string, string>> = {
  name: '名称',
  text: '内容',
  necessity: '必要性（necessity）',
  notes: '说明',
  form: '形式',
  copies: '份数',
  when: '条件',
  reason: '不满足时的理由',
  requiredWhen: '需要提供的情形',
  law: '法律法规名称',
  article: '条款',
  amount: '金额',
  basis: '依据',
};

function keyWord(key: string): string {
  const word = KEY_WORDS[key];
  return word ? word : ` ${key}`;
}

/** A catalogue value as the warning quotes it. */
export function quote(value: unknown): string {
  if (value === undefined) return '（没有此项）';
  if (typeof value === 'string') return `“${value}”`;
  if (isRecord(value) && typeof value['amount'] === 'number' && typeof value['unit'] === 'string') return describeDuration({ amount: value['amount'], unit: value['unit'] });
  if (isRecord(value) && (typeof value['name'] === 'string' || typeof value['use'] === 'string' || typeof value['text'] === 'string')) return entryName(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
