/**
 * The templates of a pack: bianmin's own (templates/*.hbs) overlaid by the pack's (its templates/
 * folder), each parsed, checked against the data shape of every document it is used for, and
 * precompiled once per pack. Names starting with `_` are partials (shared header, footer, styles).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { catalogueEntry, renderMessage } from '../core/index.ts';
import { fsReason, readRegularFile, sortDiagnostics, type Diagnostic } from '../pack/index.ts';
import type { ValidationResult } from '../pack/index.ts';
import type { PackData } from '../pack/index.ts';
import { TemplateChecker, type ParsedTemplate } from './check.ts';
import { DocumentError } from './errors.ts';
import { publishedPhones } from '../records/index.ts';
import { lineColumnOf } from './public.ts';
import { findUnmasked, maskUnmasked, unmaskedKindLabel } from '../records/index.ts';
import { handlebarsHelpers, HELPERS } from './helpers.ts';
import { DOCUMENT_TYPES, SHAPES, type DocumentType } from './shapes.ts';

export const BUILTIN_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The template each document type uses unless a pack or an item names another. */
export const DEFAULT_TEMPLATES: Readonly<Record<string, DocumentType>> = {
  ...Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, t])),
  'board-screen': 'board',
};

/** Item `documents` keys and the document type each selects a template for. */
const ITEM_DOCUMENT_KEYS: Readonly<Record<string, DocumentType>> = {
  consultation: 'consultation',
  supplement: 'supplement',
  correctable: 'correctable',
  accepted: 'accepted',
  immediate: 'immediate',
  returned: 'returned',
  rejected: 'rejected',
  guide: 'guide',
  announcement: 'announcement',
};

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((n) => [n, true])),
  knownHelpersOnly: true,
  preventIndent: true,
} as const;

interface TemplateSource {
  readonly name: string;
  readonly absolute: string;
  readonly origin: 'builtin' | 'pack';
  readonly text: string;
}

export interface CompiledTemplates {
  /** Problems found while checking; errors make the set unusable. */
  readonly diagnostics: readonly Diagnostic[];
  /** Which document types each template name was checked for. */
  readonly roles: ReadonlyMap<string, ReadonlySet<DocumentType>>;
  render(name: string, data: unknown): string;
}

let builtinCache: Map<string, TemplateSource> | null = null;

function builtinSources(): Map<string, TemplateSource> {
  if (builtinCache) return builtinCache;
  builtinCache = new Map();
  for (const file of readdirSync(BUILTIN_TEMPLATE_DIR).filter((f) => f.endsWith('.hbs')).sort()) {
    const absolute = path.join(BUILTIN_TEMPLATE_DIR, file);
    builtinCache.set(file.slice(0, -4), { name: file.slice(0, -4), absolute, origin: 'builtin', text: readFileSync(absolute, 'utf8') });
  }
  return builtinCache;
}

const UTF8 = new TextDecoder();

function sourcesOf(pack: PackData): Map<string, TemplateSource> {
  const out = new Map(builtinSources());
  for (const [name, absolute] of pack.templates) {
    // Templates are small; the limit of rule files is ample. A pipe or device is refused, never waited on.
    const read = readRegularFile(absolute);
    if (!(read instanceof Uint8Array)) throw Object.assign(new Error('too large'), { code: 'EFBIG', path: absolute });
    out.set(name, { name, absolute, origin: 'pack', text: UTF8.decode(read) });
  }
  return out;
}

/** Which template name serves which document types in this pack. */
function rolesOf(pack: PackData, available: ReadonlyMap<string, TemplateSource>): Map<string, Set<DocumentType>> {
  const roles = new Map<string, Set<DocumentType>>();
  const add = (name: string, type: DocumentType) => {
    if (!available.has(name)) return; // an unknown name is reported by the pack's cross-checks
    roles.set(name, (roles.get(name) ?? new Set()).add(type));
  };
  for (const [name, type] of Object.entries(DEFAULT_TEMPLATES)) add(name, type);
  for (const { data } of pack.items.values()) {
    for (const documents of [data.documents, ...(data.changes ?? []).map((c) => c.set?.documents)]) {
      for (const [key, name] of Object.entries(documents ?? {})) {
        const type = ITEM_DOCUMENT_KEYS[key];
        if (type && typeof name === 'string') add(name, type);
      }
    }
  }
  return roles;
}

/**
 * Indentation and blank lines between tags: one newline is as good as any run of whitespace in
 * HTML, and a board of thousands of items is a fifth smaller (and faster) without them. The checker
 * still sees the original text (`original`), so locations are unchanged.
 */
function collapseWhitespace(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) collapseWhitespace(child);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as { type?: unknown; value?: unknown };
  if (n.type === 'ContentStatement' && typeof n.value === 'string') {
    n.value = n.value.replace(/[ \t]*\n[ \t\n]*/g, '\n');
    return;
  }
  for (const [key, child] of Object.entries(node)) if (key !== 'loc') collapseWhitespace(child);
}

function parse(source: TemplateSource, file: string): { template: ParsedTemplate | null; errors: Diagnostic[] } {
  try {
    const ast = Handlebars.parse(source.text);
    collapseWhitespace(ast);
    return { template: { name: source.name, file, ast }, errors: [] };
  } catch (err) {
    const e = err as Error & { lineNumber?: number; column?: number };
    // The lexer keeps the position of the token it failed on; the error message only has the line.
    const loc = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line?: number; first_column?: number } } } }).Parser?.lexer?.yylloc;
    const line = e.lineNumber ?? loc?.first_line ?? 1;
    const column = (e.column ?? loc?.first_column ?? 0) + 1;
    return { template: null, errors: [{ file, line, column, path: '$', code: 'E-TEMPLATE-PARSE', message: translateParseError(e.message) }] };
  }
}

function translateParseError(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(first);
  if (mismatch) return `模板语法错误：{{#${mismatch[1]}}} 与 {{/${mismatch[2]}}} 不匹配`;
  const expecting = /Expecting (.+), got '([^']+)'/.exec(message);
  if (expecting) return `模板语法错误：此处写法不完整或多余（应为 ${expecting[1]}，实际是 ${expecting[2]}），请检查 {{ }} 是否成对`;
  if (/Lexical error/.test(first)) return '模板语法错误：无法识别的写法（注释 {{!-- --}} 或 {{ }} 没有闭合？）';
  return `模板语法错误：${first}`;
}

interface Prepared {
  readonly sources: Map<string, TemplateSource>;
  readonly parsed: Map<string, ParsedTemplate>;
  readonly roles: Map<string, Set<DocumentType>>;
  readonly diagnostics: Diagnostic[];
}

/** What `prepare` makes of the template texts and their roles alone: everything but the phone check. */
interface PreparedCore {
  readonly sources: Map<string, TemplateSource>;
  /** Each template's pack-relative file, parse errors and whether its text holds a number the phone check must look at. */
  readonly files: Map<string, { readonly file: string; readonly errors: readonly Diagnostic[]; readonly numbers: boolean }>;
  readonly parsed: Map<string, ParsedTemplate>;
  readonly roles: Map<string, Set<DocumentType>>;
  /** The checks against the data shapes, then the unused-template warnings. */
  readonly checks: readonly Diagnostic[];
}

/**
 * Prepared cores of recent packs. Every validation of a draft makes a new PackData, yet its
 * templates rarely change, so parsing and checking them again each time would be wasted. A core
 * is reused under a key holding all it is made from: the pack's folder (files are named relative
 * to it), every template's name, origin, path and text (bianmin's and the pack's), and the roles
 * (which template serves which document types, in the order they were found, from the items'
 * `documents`). The phone check is not in the core: which numbers are allowed depends on the
 * whole pack, and it is cheap (see `prepare`). The ASTs of a core are never compiled themselves
 * (compiling mutates them): `compiledTemplates` compiles copies.
 */
const cores = new Map<string, PreparedCore>();
const MAX_CORES = 8;

function coreKey(dir: string, sources: ReadonlyMap<string, TemplateSource>, roles: ReadonlyMap<string, ReadonlySet<DocumentType>>): string {
  const parts = JSON.stringify([dir, [...sources.values()].map((s) => [s.name, s.origin, s.absolute, s.text]), [...roles].map(([name, types]) => [name, [...types]])]);
  return createHash('sha256').update(parts).digest('hex');
}

/**
 * Where a template's diagnostics point: a pack's own template at its place in the pack (a draft
 * reads it from elsewhere, yet reports it where publishing would put it), bianmin's relative to the pack.
 */
function fileOf(source: TemplateSource, dir: string): string {
  return source.origin === 'pack' ? `templates/${source.name}.hbs` : path.relative(dir, source.absolute).split(path.sep).join('/');
}

function prepareCore(dir: string, sources: Map<string, TemplateSource>, roles: Map<string, Set<DocumentType>>): PreparedCore {
  const files = new Map<string, { file: string; errors: Diagnostic[]; numbers: boolean }>();
  const parsed = new Map<string, ParsedTemplate>();
  for (const source of sources.values()) {
    const file = fileOf(source, dir);
    const r = parse(source, file);
    files.set(source.name, { file, errors: r.errors, numbers: findUnmasked(source.text).length > 0 });
    if (r.template) parsed.set(source.name, r.template);
  }
  const checks: Diagnostic[] = [];
  const partials = new Map([...parsed].filter(([name]) => name.startsWith('_')));
  for (const [name, types] of roles) {
    const template = parsed.get(name);
    if (!template) continue;
    for (const type of types) checks.push(...new TemplateChecker(partials).check(template, SHAPES[type].schema));
  }
  for (const source of sources.values()) {
    if (source.origin === 'pack' && !source.name.startsWith('_') && !roles.has(source.name)) {
      checks.push({
        file: `templates/${source.name}.hbs`,
        line: 0,
        column: 0,
        path: '$',
        code: 'W-TEMPLATE-UNUSED',
        message: renderMessage('W-TEMPLATE-UNUSED', { name: source.name, names: Object.keys(DEFAULT_TEMPLATES).join('、') }),
      });
    }
  }
  return { sources, files, parsed, roles, checks };
}

function prepare(pack: PackData): Prepared {
  const sources = sourcesOf(pack);
  const roles = rolesOf(pack, sources);
  const key = coreKey(pack.dir, sources, roles);
  let core = cores.get(key);
  if (core) cores.delete(key);
  else core = prepareCore(pack.dir, sources, roles);
  cores.set(key, core);
  if (cores.size > MAX_CORES) cores.delete(cores.keys().next().value!);
  // In the order a fresh preparation finds them: each template's parse errors and phone check, then the rest.
  const diagnostics: Diagnostic[] = [];
  for (const source of core.sources.values()) {
    const { file, errors, numbers } = core.files.get(source.name)!;
    diagnostics.push(...errors);
    // The allowed numbers only excuse numbers found, so a text with none needs no list (which walks every item).
    if (numbers) diagnostics.push(...unmaskedIn(source.text, file, publishedPhones(pack)));
  }
  diagnostics.push(...core.checks);
  return { sources: core.sources, parsed: core.parsed, roles: core.roles, diagnostics: dedupe(diagnostics) };
}

/**
 * A template's own text is printed on every document it makes: a whole ID or mobile number written
 * into it (other than a phone the pack publishes) would be on all of them, public ones included.
 */
function unmaskedIn(text: string, file: string, allowed: readonly string[]): Diagnostic[] {
  return findUnmasked(text, allowed).map((f) => {
    const { line, column } = lineColumnOf(text, f.index);
    return { file, line, column, path: '$', code: 'E-TEMPLATE-UNMASKED', message: renderMessage('E-TEMPLATE-UNMASKED', { kind: unmaskedKindLabel(f.kind), text: maskUnmasked(f.text) }) };
  });
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = d.line > 0 ? `${d.file}:${d.line}:${d.column}:${d.code}` : `${d.file}:${d.code}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Checks every template the pack would use (its own and bianmin's, as overridden) against the data
 * of the documents it serves. Errors (E-…) and warnings (W-…) are located by file and line.
 */
export function checkTemplates(pack: PackData): Diagnostic[] {
  return preparedFor(pack).diagnostics.slice();
}

const preparedCache = new WeakMap<PackData, Prepared>();

/** Parsed and checked once per pack (validation needs no compiled code). */
function preparedFor(pack: PackData): Prepared {
  let p = preparedCache.get(pack);
  if (!p) {
    p = prepare(pack);
    preparedCache.set(pack, p);
  }
  return p;
}

/**
 * A pack validation result with the template checks added: what `bianmin validate` reports. A
 * template error makes the pack invalid (it could not print its documents).
 */
export function withTemplateChecks(result: ValidationResult): ValidationResult {
  if (!result.pack) return result;
  let found: Diagnostic[];
  try {
    found = checkTemplates(result.pack);
  } catch (err) {
    found = [readProblem(result.pack.dir, err)];
  }
  const errors = found.filter((d) => !isWarning(d));
  const warnings = found.filter(isWarning);
  if (found.length === 0) return result;
  return {
    ok: result.ok && errors.length === 0,
    errors: sortDiagnostics([...result.errors, ...errors]),
    warnings: sortDiagnostics([...result.warnings, ...warnings]),
    pack: errors.length === 0 ? result.pack : null,
  };
}

const isWarning = (d: Diagnostic): boolean => catalogueEntry(d.code).severity === 'warning';

/** A template file that cannot be read (a dangling link, no permission), located at the file when known. */
function readProblem(packDir: string, err: unknown): Diagnostic {
  const at = (err as NodeJS.ErrnoException | null)?.path;
  const file = at ? path.relative(packDir, at).split(path.sep).join('/') : 'templates/';
  return { file, line: 0, column: 0, path: '$', code: 'E-TEMPLATE-READ', message: renderMessage('E-TEMPLATE-READ', { reason: fsReason(err) }) };
}

const cache = new WeakMap<PackData, CompiledTemplates>();
/** Each parsed template's compiled code (see compiledTemplates). */
const specs = new WeakMap<ParsedTemplate, TemplateSpecification>();

/** The pack's templates, checked and precompiled once; throws DocumentError when any has errors. */
export function templatesFor(pack: PackData): CompiledTemplates {
  const compiled = compiledTemplates(pack);
  const errors = compiled.diagnostics.filter((d) => !isWarning(d));
  if (errors.length > 0) throw new DocumentError('E-DOC-TEMPLATE-INVALID', renderMessage('E-DOC-TEMPLATE-INVALID', { count: errors.length }), {}, errors);
  return compiled;
}

function compiledTemplates(pack: PackData): CompiledTemplates {
  const hit = cache.get(pack);
  if (hit) return hit;
  const prepared = preparedFor(pack);
  const hasErrors = prepared.diagnostics.some((d) => !isWarning(d));
  const env = Handlebars.create();
  const delegates = new Map<string, HandlebarsTemplateDelegate>();
  if (!hasErrors) {
    env.registerHelper(handlebarsHelpers());
    for (const [name, template] of prepared.parsed) {
      // Compiled now, not on first use, so that a broken template fails when the pack loads.
      // A copy: compiling changes the AST, which other packs' preparations share. The compiled
      // code depends on the template alone, so packs sharing a prepared core (every revision of a
      // draft, every pack of a check run) compile it once.
      let compiled = specs.get(template);
      if (!compiled) {
        const spec = Handlebars.precompile(structuredClone(template.ast), COMPILE_OPTIONS) as string;
        compiled = new Function(`return ${spec}`)() as TemplateSpecification;
        specs.set(template, compiled);
      }
      const delegate = env.template(compiled);
      delegates.set(name, delegate);
      if (name.startsWith('_')) env.registerPartial(name, delegate);
    }
  }
  const result: CompiledTemplates = {
    diagnostics: prepared.diagnostics,
    roles: prepared.roles,
    render(name: string, data: unknown): string {
      const delegate = delegates.get(name);
      if (!delegate) throw new DocumentError('E-DOC-TEMPLATE-UNKNOWN', renderMessage('E-DOC-TEMPLATE-UNKNOWN', { name }));
      try {
        return delegate(data);
      } catch (err) {
        if (err instanceof DocumentError) throw err;
        const source = prepared.sources.get(name);
        const where = source ? fileOf(source, pack.dir) : name;
        throw new DocumentError('E-DOC-RENDER', renderMessage('E-DOC-RENDER', { template: where, detail: translateRuntimeError(err instanceof Error ? err.message : String(err)) }));
      }
    },
  };
  cache.set(pack, result);
  return result;
}

function translateRuntimeError(message: string): string {
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (missing) return `数据中缺少 \`${missing[1]}\`（第 ${missing[2]} 行第 ${Number(missing[3]) + 1} 列）：缺少的值不能留空`;
  return message;
}
