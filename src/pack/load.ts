import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { PackLoadError, sortDiagnostics } from './diagnostics.ts';
import { crossCheck } from './crossref.ts';
import { SourceMap, type LoadedItem, type LoadedReferral, type PackData } from './model.ts';
import type { CalendarFile, CenterFile, FactsFile, ItemFile, PolicyFile, ReferralsFile } from './schema-types.ts';
import { validateSource, type FileKind } from './schemas.ts';
import { parseSource, type SourceFile } from './source.ts';
import { suggest } from './suggest.ts';

/** The top-level files of a pack and whether each must be present. */
const TOP_FILES: ReadonlyArray<[string, FileKind, boolean]> = [
  ['center.yaml', 'center', true],
  ['facts.yaml', 'facts', true],
  ['policy.yaml', 'policy', true],
  ['referrals.yaml', 'referrals', false],
];

/** Folders of a pack that the loader does not read as rules. */
const OTHER_DIRS = new Set(['tests', 'templates']);

export interface ValidationResult {
  readonly ok: boolean;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** The pack, when there are no errors. */
  readonly pack: PackData | null;
}

export interface LoadOptions {
  /** "Today" for date-relative warnings (calendar running out); defaults to now. */
  readonly now?: Date;
}

/** Reads, parses, schema-checks and cross-checks a pack; never throws for bad pack content. */
export async function validatePack(dir: string, options: LoadOptions = {}): Promise<ValidationResult> {
  const root = path.resolve(dir);
  const errors: Diagnostic[] = [];
  const sources = new SourceMap();

  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) {
    const d: Diagnostic = { file: dir, line: 0, column: 0, path: '$', code: 'E-PACK-NOT-FOUND', message: `找不到规则包目录 ${dir}` };
    return { ok: false, errors: [d], warnings: [], pack: null };
  }

  const files = await discover(root);
  const parsed = await Promise.all(
    files.map(async ({ rel, kind }) => {
      const bytes = await readFile(path.join(root, rel));
      const result = parseSource(rel, bytes);
      if (!result.ok) return { rel, kind, source: null, errors: result.errors };
      const schemaErrors = validateSource(kind, result.source);
      return { rel, kind, source: result.source, errors: schemaErrors };
    }),
  );

  const byKind = new Map<FileKind, SourceFile[]>();
  let schemaValid = true;
  for (const p of parsed) {
    errors.push(...p.errors);
    if (p.errors.length > 0) schemaValid = false;
    if (p.source) {
      sources.add(p.source);
      if (p.errors.length === 0) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.source]);
    }
  }

  for (const [name, , required] of TOP_FILES) {
    if (required && !files.some((f) => f.rel === name)) {
      errors.push({ file: name, line: 0, column: 0, path: '$', code: 'E-PACK-MISSING-FILE', message: `缺少必需的文件 ${name}` });
    }
  }
  if (!files.some((f) => f.kind === 'calendar')) {
    errors.push({ file: 'calendar/', line: 0, column: 0, path: '$', code: 'E-PACK-MISSING-FILE', message: '缺少节假日安排：calendar/ 下至少要有一个年度文件，例如 calendar/2026.yaml' });
  }
  const unknownFiles = files.length === 0 ? [] : await strayYaml(root);
  const warnings: Diagnostic[] = unknownFiles;

  const one = <T>(kind: FileKind): T | null => (byKind.get(kind)?.[0]?.data as T | undefined) ?? null;
  const center = one<CenterFile>('center');
  const facts = one<FactsFile>('facts');
  const policy = one<PolicyFile>('policy');

  const items = new Map<string, LoadedItem>();
  const itemList: LoadedItem[] = (byKind.get('item') ?? []).map((s) => ({ file: s.file, data: s.data as ItemFile }));
  const referralList: LoadedReferral[] = (byKind.get('referrals') ?? []).flatMap((s) =>
    (s.data as ReferralsFile).referrals.map((data, index) => ({ file: s.file, index, data })),
  );
  const calendars = (byKind.get('calendar') ?? [])
    .map((s) => ({ file: s.file, data: s.data as CalendarFile }))
    .sort((a, b) => a.data.year - b.data.year);

  // Cross-references can only be checked between files that passed their schema.
  if (center && facts && policy) {
    const found = crossCheck({
      center,
      facts,
      policy,
      items: itemList,
      referrals: referralList,
      calendars,
      templates: await packTemplates(root),
      sources,
      now: options.now ?? new Date(),
    });
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }

  const sortedErrors = sortDiagnostics(errors);
  const sortedWarnings = sortDiagnostics(warnings);
  if (sortedErrors.length > 0 || !schemaValid || !center || !facts || !policy) {
    return { ok: false, errors: sortedErrors, warnings: sortedWarnings, pack: null };
  }

  for (const item of itemList) items.set(item.data.code, item);
  const referrals = new Map(referralList.map((r) => [r.data.code, r]));
  const pack: PackData = {
    dir: root,
    center,
    calendars: calendars.map((c) => c.data),
    facts,
    policy,
    items,
    referrals,
    templates: await packTemplates(root),
    sources,
    warnings: sortedWarnings,
  };
  deepFreeze(pack.center);
  deepFreeze(pack.calendars);
  deepFreeze(pack.facts);
  deepFreeze(pack.policy);
  for (const item of items.values()) deepFreeze(item);
  for (const r of referrals.values()) deepFreeze(r);
  return { ok: true, errors: [], warnings: sortedWarnings, pack: Object.freeze(pack) };
}

/** Loads a valid pack or rejects with a PackLoadError carrying every diagnostic. */
export async function loadPackData(dir: string, options: LoadOptions = {}): Promise<PackData> {
  const result = await validatePack(dir, options);
  if (!result.pack) throw new PackLoadError(result.errors, result.warnings);
  return result.pack;
}

interface Discovered {
  readonly rel: string;
  readonly kind: FileKind;
}

async function discover(root: string): Promise<Discovered[]> {
  const out: Discovered[] = [];
  for (const [name, kind] of TOP_FILES) {
    if (await isFile(path.join(root, name))) out.push({ rel: name, kind });
  }
  for (const rel of await yamlFilesUnder(root, 'calendar')) out.push({ rel, kind: 'calendar' });
  for (const rel of await yamlFilesUnder(root, 'items')) out.push({ rel, kind: 'item' });
  return out;
}

async function yamlFilesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** YAML files at the top of the pack that the loader would silently skip: likely misnamed. */
async function strayYaml(root: string): Promise<Diagnostic[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const known = TOP_FILES.map(([n]) => n);
  const out: Diagnostic[] = [];
  for (const e of entries) {
    if (e.isFile() && /\.ya?ml$/i.test(e.name) && !known.includes(e.name)) {
      const guess = suggest(e.name, known);
      out.push({
        file: e.name,
        line: 0,
        column: 0,
        path: '$',
        code: 'W-FILE-UNKNOWN',
        message: `此文件不会被读取${guess ? `，是否应命名为 ${guess}？` : `；规则包只读取 ${known.join('、')}、calendar/ 和 items/`}`,
      });
    } else if (e.isDirectory() && !OTHER_DIRS.has(e.name) && e.name !== 'calendar' && e.name !== 'items' && !e.name.startsWith('.')) {
      out.push({ file: `${e.name}/`, line: 0, column: 0, path: '$', code: 'W-FILE-UNKNOWN', message: '此目录不会被读取；事项放在 items/，节假日放在 calendar/，模板放在 templates/，场景测试放在 tests/' });
    }
  }
  return out;
}

async function packTemplates(root: string): Promise<Map<string, string>> {
  const entries = await readdir(path.join(root, 'templates'), { withFileTypes: true }).catch(() => []);
  return new Map(
    entries
      .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
      .map((e) => [e.name.slice(0, -4), path.join(root, 'templates', e.name)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  );
}

async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isFile() ?? false;
}

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}
