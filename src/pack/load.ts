import type { Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { deepFreeze, renderMessage, type ErrorCode } from '../core/index.ts';
import { resolveItemMaterials } from './catalogue.ts';
import { crossCheck } from './crossref.ts';
import { adoptsItem, applyExtends, type CatalogueComparison } from './extends.ts';
import { fsReason } from './fs-reason.ts';
import { PackLoadError, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { SourceMap, type LoadedBundle, type LoadedItem, type LoadedReferral, type PackData } from './model.ts';
import type { BundleFile, CalendarFile, CatalogueMaterial, CenterFile, FactsFile, ItemFile, MaterialsFile, PolicyFile, ReferralsFile } from './schema-types.ts';
import { validateSource, type FileKind } from './schemas.ts';
import { readRegularFile } from './read-file.ts';
import { parseSource, tooLargeMessage, type SourceFile } from './source.ts';
import { overlaid, type PackOverlay } from './overlay.ts';
import { checkPackFiles } from './pack-files.ts';
import type { ParseCache, ParsedFile } from './parse-cache.ts';
import { suggest } from './suggest.ts';

/** The top-level files of a pack and whether each must be present. */
const TOP_FILES: ReadonlyArray<[string, FileKind, boolean]> = [
  ['center.yaml', 'center', true],
  ['facts.yaml', 'facts', true],
  ['policy.yaml', 'policy', true],
  ['referrals.yaml', 'referrals', false],
  ['materials.yaml', 'materials', false],
];

/** Folders of a pack that hold rules, each file of one kind. */
const RULE_DIRS: ReadonlyArray<[string, FileKind]> = [
  ['calendar', 'calendar'],
  ['items', 'item'],
  ['bundles', 'bundle'],
];

/** Folders of a pack that the loader does not read as rules. */
const OTHER_DIRS = new Set(['tests', 'templates', 'files']);

export interface ValidationResult {
  readonly ok: boolean;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** The pack, when there are no errors. */
  readonly pack: PackData | null;
  /** A pack that extends a base catalogue: its items compared with the catalogue's (bianmin diff --catalogue). */
  readonly catalogue?: CatalogueComparison;
}

export interface LoadOptions {
  /** "Today" for date-relative warnings (calendar running out); defaults to now. */
  readonly now?: Date;
  /** Files read instead of those on disk, or removed (a draft): pack-relative path → file to read, or null. */
  readonly overlay?: PackOverlay;
  /** Parsed and schema-checked files kept between validations: only files whose bytes changed are parsed again. */
  readonly cache?: ParseCache;
}

/** Reads, parses, schema-checks and cross-checks a pack; never throws for bad pack content. */
export async function validatePack(dir: string, options: LoadOptions = {}): Promise<ValidationResult> {
  const root = path.resolve(dir);
  const errors: Diagnostic[] = [];
  const sources = new SourceMap();

  const rootProblem = await packDirProblem(root, dir);
  if (rootProblem) return { ok: false, errors: [rootProblem], warnings: [], pack: null };

  const discovered = await discover(root);
  const { warnings } = discovered;
  errors.push(...discovered.errors);
  const files = options.overlay ? overlaid(discovered.files, options.overlay, TOP_FILES, RULE_DIRS) : discovered.files;
  const { cache } = options;
  const ownParsed = files.map(({ rel, kind }) => {
    // With a cache: a file unchanged on disk since it was last read is neither read nor parsed again.
    const stamp = cache ? cache.stamp(options.overlay?.get(rel) ?? path.join(root, rel)) : null;
    const known = stamp ? cache!.known(rel, kind, stamp) : null;
    if (known) return { rel, kind, ...known };
    const read = readSource(root, rel, options.overlay);
    if ('error' in read) return { rel, kind, source: null, errors: [read.error] };
    const parse = (): ParsedFile => {
      const result = parseSource(rel, read.bytes);
      if (!result.ok) return { source: null, errors: result.errors };
      // An item adopted from the base catalogue is schema-checked once merged (applyExtends).
      return { source: result.source, errors: adoptsItem(kind, result.source) ? [] : validateSource(kind, result.source) };
    };
    return { rel, kind, ...(cache ? cache.parsed(rel, kind, read.bytes, parse, stamp) : parse()) };
  });
  const extended = await applyExtends(root, ownParsed);
  const { parsed } = extended;
  errors.push(...extended.errors);
  warnings.push(...extended.warnings);
  const compared = extended.comparison ? { catalogue: extended.comparison } : {};

  const byKind = new Map<FileKind, SourceFile[]>();
  let allValid = true;
  for (const p of parsed) {
    errors.push(...p.errors);
    if (p.errors.length > 0) allValid = false;
    if (p.source) {
      sources.add(p.source);
      if (p.errors.length === 0) {
        const list = byKind.get(p.kind);
        if (list) list.push(p.source);
        else byKind.set(p.kind, [p.source]);
      }
    }
  }

  for (const [name, , required] of TOP_FILES) {
    if (required && !files.some((f) => f.rel === name)) {
      errors.push({ file: name, line: 0, column: 0, path: '$', code: 'E-PACK-MISSING-FILE', message: renderMessage('E-PACK-MISSING-FILE', { name }) });
    }
  }
  if (!files.some((f) => f.kind === 'calendar') && !discovered.errors.some((e) => e.file === 'calendar/')) {
    errors.push({ file: 'calendar/', line: 0, column: 0, path: '$', code: 'E-PACK-MISSING-FILE', message: '缺少节假日安排：calendar/ 下至少要有一个年度文件，例如 calendar/2026.yaml' });
  }

  const one = <T>(kind: FileKind): T | null => (byKind.get(kind)?.[0]?.data as T | undefined) ?? null;
  const center = one<CenterFile>('center');
  const facts = one<FactsFile>('facts');
  const policy = one<PolicyFile>('policy');
  const materialsSource = byKind.get('materials')?.[0];
  const materials = materialsSource ? { file: materialsSource.file, data: materialsSource.data as MaterialsFile } : null;

  // Items as engine and documents see them: catalogue materials merged in.
  const catalogue = new Map<string, CatalogueMaterial>((materials?.data.materials ?? []).map((m) => [m.id, m]));
  const itemList: LoadedItem[] = (byKind.get('item') ?? []).map((s) => ({ file: s.file, data: resolveItemMaterials(s.data as ItemFile, catalogue) }));
  const referralList: LoadedReferral[] = (byKind.get('referrals') ?? []).flatMap((s) =>
    (s.data as ReferralsFile).referrals.map((data, index) => ({ file: s.file, index, data })),
  );
  const bundleList: LoadedBundle[] = (byKind.get('bundle') ?? []).map((s) => ({ file: s.file, data: s.data as BundleFile }));
  const calendars = (byKind.get('calendar') ?? [])
    .map((s) => ({ file: s.file, data: s.data as CalendarFile }))
    .sort((a, b) => a.data.year - b.data.year);
  const templates = await packTemplates(root, options.overlay);

  // Cross-references can only be checked between files that passed their schema.
  if (center && facts && policy) {
    const found = crossCheck({
      center,
      facts,
      policy,
      items: itemList,
      referrals: referralList,
      bundles: bundleList,
      calendars,
      materials: materials ?? (files.some((f) => f.kind === 'materials') ? 'broken' : null),
      // An adopted item the catalogue could not give has no source (its error is at center.yaml).
      itemsComplete: parsed.every((p) => p.kind !== 'item' || (p.errors.length === 0 && p.source !== null)),
      templates,
      sources,
      now: options.now ?? new Date(),
      ...(cache ? { memo: cache.crossCheck } : {}),
    });
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }
  // 审批结果样本、空白表格、示例样表: the files named must be in the pack.
  errors.push(...checkPackFiles(root, [...(byKind.get('item') ?? []), ...(materialsSource ? [materialsSource] : [])], sources, options.overlay));

  const sortedErrors = sortDiagnostics(errors);
  const sortedWarnings = sortDiagnostics(warnings);
  if (sortedErrors.length > 0 || !allValid || !center || !facts || !policy) {
    return { ok: false, errors: sortedErrors, warnings: sortedWarnings, pack: null, ...compared };
  }

  const items = new Map<string, LoadedItem>();
  for (const item of itemList) items.set(item.data.code, item);
  const referrals = new Map(referralList.map((r) => [r.data.code, r]));
  const bundles = new Map(bundleList.map((b) => [b.data.code, b]));
  const pack: PackData = {
    dir: root,
    center,
    calendars: calendars.map((c) => c.data),
    facts,
    policy,
    items,
    referrals,
    bundles,
    templates,
    sources,
    warnings: sortedWarnings,
  };
  deepFreeze(pack.center);
  deepFreeze(pack.calendars);
  deepFreeze(pack.facts);
  deepFreeze(pack.policy);
  for (const item of items.values()) deepFreeze(item);
  for (const r of referrals.values()) deepFreeze(r);
  for (const b of bundles.values()) deepFreeze(b);
  return { ok: true, errors: [], warnings: sortedWarnings, pack: Object.freeze(pack), ...compared };
}

/** Loads a valid pack or rejects with a PackLoadError carrying every diagnostic. */
export async function loadPackData(dir: string, options: LoadOptions = {}): Promise<PackData> {
  const result = await validatePack(dir, options);
  if (!result.pack) throw new PackLoadError(result.errors, result.warnings);
  return result.pack;
}

async function packDirProblem(root: string, dir: string): Promise<Diagnostic | null> {
  const whole = (code: ErrorCode, message: string): Diagnostic => ({ file: '.', line: 0, column: 0, path: '$', code, message });
  try {
    const s = await stat(root);
    if (!s.isDirectory()) return whole('E-PACK-NOT-DIR', renderMessage('E-PACK-NOT-DIR', { dir }));
    await readdir(root);
    return null;
  } catch (err) {
    return whole('E-PACK-NOT-FOUND', renderMessage('E-PACK-NOT-FOUND', { dir, reason: fsReason(err) }));
  }
}

interface Discovered {
  readonly rel: string;
  readonly kind: FileKind;
}

/**
 * The pack's rule files; errors for rule folders that are not folders (`items` written as a file
 * would otherwise mean, silently, no items) or cannot be read; warnings for files and folders that
 * look like rules but are not read.
 */
async function discover(root: string): Promise<{ files: Discovered[]; warnings: Diagnostic[]; errors: Diagnostic[] }> {
  const files: Discovered[] = [];
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const skip = (file: string, message: string): void => {
    warnings.push({ file, line: 0, column: 0, path: '$', code: 'W-FILE-UNKNOWN', message });
  };
  for (const [name, kind] of TOP_FILES) {
    // Present unless it does not exist at all: anything unreadable is reported when read.
    if (await lstat(path.join(root, name)).catch(() => null)) files.push({ rel: name, kind });
  }
  for (const [dir, kind] of RULE_DIRS) {
    const folder = path.join(root, dir);
    const problem = await folderProblem(folder, dir);
    if (problem === 'absent') continue;
    if (problem) {
      errors.push({ file: `${dir}/`, line: 0, column: 0, path: '$', code: 'E-PACK-FOLDER', message: problem });
      continue;
    }
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { recursive: true, withFileTypes: true });
    } catch (err) {
      errors.push({ file: `${dir}/`, line: 0, column: 0, path: '$', code: 'E-PACK-FOLDER', message: renderMessage('E-PACK-FOLDER', { name: dir, problem: `无法读取（${fsReason(err)}）` }) });
      continue;
    }
    const found: string[] = [];
    for (const e of entries) {
      // A directory named like a rule file is read, and so refused with a located error, not skipped.
      if (e.name.startsWith('.') || (e.isDirectory() && !/\.ya?ml$/i.test(e.name))) continue;
      const rel = path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/');
      if (/\.ya?ml$/i.test(e.name)) found.push(rel);
      else skip(rel, `此文件不会被读取：${dir}/ 下只读取 .yaml 文件`);
    }
    for (const rel of found.sort()) files.push({ rel, kind });
  }

  const known = TOP_FILES.map(([n]) => n);
  const folders = new Set([...RULE_DIRS.map(([d]) => d), ...OTHER_DIRS]);
  for (const e of await readdir(root, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    if (!e.isDirectory() && /\.ya?ml$/i.test(e.name) && !known.includes(e.name)) {
      const guess = suggest(e.name, known);
      skip(e.name, `此文件不会被读取${guess ? `，是否应命名为 ${guess}？` : `；规则包只读取 ${known.join('、')}、calendar/ 和 items/`}`);
    } else if (e.isDirectory() && !folders.has(e.name)) {
      const guess = suggest(e.name, [...folders]);
      skip(`${e.name}/`, `此目录不会被读取${guess ? `，是否应命名为 ${guess}/？` : ''}；事项放在 items/，节假日放在 calendar/，模板放在 templates/，场景测试放在 tests/`);
    }
  }
  return { files, warnings, errors };
}

/** What keeps `folder` (the pack's `items/` or `calendar/`) from being read as a folder; `absent` if it does not exist. */
async function folderProblem(folder: string, name: string): Promise<string | 'absent' | null> {
  const what: Record<string, string> = { items: '事项文件放在 items/ 目录中，每个事项一个 .yaml 文件', calendar: '节假日安排放在 calendar/ 目录中，每年一个文件，如 calendar/2026.yaml', bundles: '“一件事”放在 bundles/ 目录中，每件一个 .yaml 文件' };
  try {
    // stat, not open: a named pipe here must not block.
    const s = await stat(folder);
    if (s.isDirectory()) return null;
    const actual = s.isFile() ? '一个文件' : '一个特殊文件（如命名管道）';
    return renderMessage('E-PACK-FOLDER', { name, problem: `它是${actual}，不是目录；${what[name] ?? ''}` });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !(await lstat(folder).catch(() => null))) return 'absent';
    return renderMessage('E-PACK-FOLDER', { name, problem: `无法读取（${fsReason(err)}）` });
  }
}

/**
 * A file's bytes, refusing oversized files before reading them. Synchronous on purpose: rule files
 * are small and many, and a thread-pool round trip per open/stat/read/close costs more than the
 * read itself (thousands of items load several times faster this way).
 */
function readSource(root: string, rel: string, overlay?: PackOverlay): { bytes: Uint8Array } | { error: Diagnostic } {
  try {
    const read = readRegularFile(overlay?.get(rel) ?? path.join(root, rel));
    if (read instanceof Uint8Array) return { bytes: read };
    return { error: { file: rel, line: 1, column: 1, path: '$', code: 'E-FILE-TOO-LARGE', message: tooLargeMessage(read.tooLarge) } };
  } catch (err) {
    return { error: { file: rel, line: 0, column: 0, path: '$', code: 'E-FILE-READ', message: renderMessage('E-FILE-READ', { reason: fsReason(err) }) } };
  }
}

async function packTemplates(root: string, overlay?: PackOverlay): Promise<Map<string, string>> {
  const entries = await readdir(path.join(root, 'templates'), { withFileTypes: true }).catch(() => []);
  const found = entries.filter((e) => !e.isDirectory() && e.name.endsWith('.hbs')).map((e) => [e.name.slice(0, -4), path.join(root, 'templates', e.name)] as const);
  // A draft's templates: replaced ones read from the draft, removed ones gone, new ones added.
  const byName = new Map(found.map(([name, file]) => [name, overlay?.get(`templates/${name}.hbs`) ?? file]));
  for (const [rel, file] of overlay ?? []) {
    const m = /^templates\/([^/]+)\.hbs$/.exec(rel);
    if (m && file === null) byName.delete(m[1]!);
    else if (m && file !== null) byName.set(m[1]!, file);
  }
  return new Map([...byName].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
