/**
 * The workbench behind /v1/pack and /v1/drafts: the live pack's files, drafts overlaid on it and
 * their validation. Validation is incremental: one ParseCache is shared by every validation, so
 * after a one-file edit only that file is parsed and schema-checked again, then the cross-file
 * checks run over the whole draft. A draft's compiled Pack (for decisions, previews, tests) is
 * kept until the draft or the live pack changes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPack, type CheckFinding } from '../check/index.ts';
import { Pack } from '../engine/index.ts';
import { ParseCache, parseSource, plainDiagnostic, type Diagnostic, type ItemFile, type ValidationResult } from '../pack/index.ts';
import { validateWithScenarios } from '../scenarios/index.ts';
import { DraftStore, type Draft, type DraftRecord, type DraftState } from './drafts-store.ts';
import { HttpError } from './http-error.ts';
import { PackBlobs } from './pack-blobs.ts';
import { etagOf, etagOfHash, fileKind, schemaOf, versionOf, type PackFileKind, type PackScanner } from './pack-files.ts';
import { resolveInPack } from './path-confine.ts';
import { unknownItem } from './unknown-item.ts';
import type { PackReloader, Served } from './reload.ts';

export interface PackFile {
  readonly path: string;
  readonly kind: PackFileKind;
  readonly etag: string;
  readonly size: number;
  readonly schema?: string;
  readonly item?: { readonly code: string; readonly name: string; readonly window?: string; readonly keywords?: readonly string[] };
}

export type FileState = 'unchanged' | 'changed' | 'added' | 'deleted';
export type DraftFile = PackFile & { readonly state: FileState };

export interface Diagnostics {
  readonly ok: boolean;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly ms: number;
  /** The static check of the item being edited; null while the draft has errors or no item is in view. */
  readonly check: DraftCheck | null;
}

/** `bianmin check` of one item of a draft (the one being edited), with each finding's counter-example scenario. */
export interface DraftCheck {
  readonly item: string;
  readonly errors: readonly CheckFinding[];
  readonly warnings: readonly CheckFinding[];
  readonly ms: number;
}

/** Which item the diagnostics are for: the item file just written, or an item named by its code. */
export interface CheckFocus {
  readonly file?: string;
  readonly item?: string;
}

/** Exactly the fields of `bianmin validate --json`, in its order. */

type ItemInfo = NonNullable<PackFile['item']>;

function itemInfo(data: ItemFile): ItemInfo {
  return { code: data.code, name: data.name, ...(data.window ? { window: data.window } : {}), ...(data.keywords ? { keywords: [...data.keywords] } : {}) };
}

export interface Validated {
  readonly result: ValidationResult;
  readonly ms: number;
}

export class Workbench {
  readonly drafts: DraftStore;
  readonly blobs: PackBlobs;
  readonly scanner: PackScanner;
  readonly cache = new ParseCache();
  private readonly compiled = new Map<string, { key: string; pack: Pack }>();

  constructor(
    readonly rules: string,
    readonly dataDir: string,
    readonly packs: PackReloader,
  ) {
    this.drafts = new DraftStore(dataDir);
    this.blobs = new PackBlobs(dataDir);
    // The reloader's scanner: one set of hashes for the served version and the workbench.
    this.scanner = packs.scanner;
  }

  /** The live pack's files (path → SHA-256) and its content version. */
  async live(): Promise<{ manifest: Map<string, string>; version: string }> {
    const manifest = await this.scanner.manifest();
    return { manifest, version: versionOf(manifest) };
  }

  /** GET /v1/pack. */
  async listing(served: Served): Promise<{ version: string; center: string; files: PackFile[] }> {
    const { manifest, version } = await this.live();
    const items = itemsByFile(served);
    const files = await Promise.all([...manifest].map(([rel, hash]) => this.packFile(rel, hash, items.get(rel))));
    return { version, center: served.pack.data.center.center.name, files };
  }

  private async packFile(rel: string, hash: string, item: ItemInfo | undefined, size?: number): Promise<PackFile> {
    const kind = fileKind(rel);
    const schema = schemaOf(kind);
    const bytes = size ?? this.scanner.sizeOf(rel) ?? (await readFile(path.join(this.rules, rel)).then((b) => b.length, () => 0));
    return { path: rel, kind, etag: etagOfHash(hash), size: bytes, ...(schema ? { schema } : {}), ...(item ? { item } : {}) };
  }

  /** A live file's text, 404 when the pack has none. */
  async liveFile(rel: string): Promise<{ path: string; etag: string; text: string }> {
    const abs = await resolveInPack(this.rules, rel);
    const bytes = await readFile(abs).catch(() => null);
    if (!bytes || !(await this.live()).manifest.has(rel)) throw HttpError.of('E-DRAFT-FILE-NOT-FOUND', { path: rel }, { path: 'params.path' });
    return { path: rel, etag: etagOf(bytes), text: bytes.toString('utf8') };
  }

  /** Opens a draft on the live pack (remembering every file's etag for the conflict check). */
  async open(name: string, owner: string, init?: ReadonlyMap<string, string>): Promise<DraftRecord> {
    const { manifest, version } = await this.live();
    const baseEtags = new Map([...manifest].map(([rel, hash]) => [rel, etagOfHash(hash)]));
    // A new pack from the scaffold replaces every file: the pack's other files are deleted.
    const deleted = init ? [...manifest.keys()].filter((rel) => !init.has(rel)) : [];
    return this.drafts.create({ name, owner, base: version, baseEtags, ...(init ? { files: init, deleted } : {}) });
  }

  /** The draft with every file and its state. */
  async view(record: DraftRecord, served: Served): Promise<Draft & { files: DraftFile[] }> {
    const { manifest } = await this.live();
    const items = itemsByFile(served);
    const files: DraftFile[] = [];
    for (const [rel, hash] of manifest) {
      const over = record.overlay.get(rel);
      if (over === undefined) files.push({ ...(await this.packFile(rel, hash, items.get(rel))), state: 'unchanged' });
      else if (over === null) files.push({ ...(await this.packFile(rel, hash, items.get(rel))), state: 'deleted' });
      else files.push({ ...(await this.draftFile(rel, over)), state: 'changed' });
    }
    for (const [rel, over] of record.overlay) {
      if (over !== null && !manifest.has(rel)) files.push({ ...(await this.draftFile(rel, over)), state: 'added' });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ...record.draft, files };
  }

  private async draftFile(rel: string, file: string): Promise<PackFile> {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    const kind = fileKind(rel);
    let item: ItemInfo | undefined;
    if (kind === 'item') {
      const parsed = parseSource(rel, bytes);
      const data = parsed.ok ? (parsed.source.data as Partial<ItemFile> | null) : null;
      if (data && typeof data.code === 'string' && typeof data.name === 'string') item = itemInfo(data as ItemFile);
    }
    const schema = schemaOf(kind);
    return { path: rel, kind, etag: etagOf(bytes), size: bytes.length, ...(schema ? { schema } : {}), ...(item ? { item } : {}) };
  }

  /** One file as the draft has it. */
  async fileOf(record: DraftRecord, rel: string): Promise<{ path: string; etag: string; text: string; state: FileState }> {
    const over = record.overlay.get(rel);
    if (over === null) throw HttpError.of('E-DRAFT-FILE-NOT-FOUND', { path: rel }, { path: 'params.path' });
    if (over !== undefined) {
      const bytes = await readFile(over);
      return { path: rel, etag: etagOf(bytes), text: bytes.toString('utf8'), state: record.baseEtags.has(rel) ? 'changed' : 'added' };
    }
    return { ...(await this.liveFile(rel)), state: 'unchanged' };
  }

  /** Writes a file in the draft and answers the whole draft's diagnostics. */
  async put(record: DraftRecord, rel: string, bytes: Uint8Array): Promise<Diagnostics> {
    const abs = await resolveInPack(this.rules, rel);
    const onDisk = await readFile(abs).catch(() => null);
    // Writing back the pack's own content (and the pack unchanged since) takes the file out of the draft.
    const same = onDisk !== null && etagOf(onDisk) === etagOf(bytes) && record.baseEtags.get(rel) === etagOf(onDisk);
    const updated = await this.drafts.write(record.meta.id, rel, bytes, same);
    return this.diagnostics(updated, { file: rel });
  }

  async remove(record: DraftRecord, rel: string): Promise<Diagnostics> {
    await resolveInPack(this.rules, rel);
    const { manifest } = await this.live();
    if (!manifest.has(rel) && !record.overlay.has(rel)) throw HttpError.of('E-DRAFT-FILE-NOT-FOUND', { path: rel }, { path: 'params.path' });
    const updated = await this.drafts.delete(record.meta.id, rel, manifest.has(rel));
    return this.diagnostics(updated);
  }

  /** Validates the pack on disk overlaid with the draft (incrementally), as `bianmin validate` does. */
  async validate(overlay: ReadonlyMap<string, string | null>): Promise<Validated> {
    const started = performance.now();
    const result = await validateWithScenarios(this.rules, { overlay, cache: this.cache });
    return { result, ms: Math.round((performance.now() - started) * 10) / 10 };
  }

  /**
   * The draft's diagnostics, and the static check of the focused item. An item named by code
   * (`?item=`) that a valid draft does not have is 404 E-ITEM-UNKNOWN with suggestions, as on the
   * other item routes, not `check: null` (which means the draft has errors).
   */
  async diagnostics(record: DraftState, focus: CheckFocus = {}): Promise<Diagnostics> {
    const { result, ms } = await this.validate(record.overlay);
    if (focus.item !== undefined && result.pack && !result.pack.items.has(focus.item)) throw unknownItem(this.compiledFrom(record, result), focus.item, 'query.item');
    const check = result.pack ? await this.checkItem(record, result, focus) : null;
    return { ok: result.ok, errors: result.errors.map(plainDiagnostic), warnings: result.warnings.map(plainDiagnostic), ms, check };
  }

  /**
   * The static check of the focused item of a valid draft: only that item (checkPack's `items`).
   * An item's decisions and notices read that item and the pack-wide files only, so unless the
   * draft's whole pack is compiled already (for the previews), a pack of this one item is compiled
   * for the check: an edit of a 5,000-item pack does not compile 5,000 engines. A check that fails
   * is left out (null) rather than refusing the edit.
   */
  private async checkItem(record: DraftState, result: ValidationResult, focus: CheckFocus): Promise<DraftCheck | null> {
    const data = result.pack!;
    const code = focus.item ?? [...data.items.values()].find((i) => i.file === focus.file)?.data.code;
    const item = code ? data.items.get(code) : undefined;
    if (!code || !item) return null;
    const started = performance.now();
    try {
      const hit = this.compiled.get(record.meta.id);
      const pack = hit && hit.key === this.compiledKey(record) ? hit.pack : new Pack({ ...data, items: new Map([[code, item]]) });
      const report = await checkPack(pack, { items: [code] });
      const plain = (f: CheckFinding): CheckFinding => ({ ...plainDiagnostic(f), scenario: f.scenario });
      return { item: code, errors: report.errors.map(plain), warnings: report.warnings.map(plain), ms: Math.round((performance.now() - started) * 10) / 10 };
    } catch {
      return null;
    }
  }

  /** The draft's compiled pack; 422 E-DRAFT-INVALID (details: the errors) while it has errors. */
  async packOf(record: DraftState): Promise<Pack> {
    const hit = this.compiled.get(record.meta.id);
    if (hit && hit.key === this.compiledKey(record)) return hit.pack;
    const { result } = await this.validate(record.overlay);
    if (!result.pack) throw invalidDraft(result.errors);
    return this.compiledFrom(record, result);
  }

  private compiledKey(record: DraftState): string {
    return `${record.revision}|${this.packs.served.generation}`;
  }

  /** The compiled pack of a valid validation of `record`, made once per revision. */
  private compiledFrom(record: DraftState, result: ValidationResult): Pack {
    const key = this.compiledKey(record);
    const hit = this.compiled.get(record.meta.id);
    if (hit && hit.key === key) return hit.pack;
    const pack = new Pack(result.pack!);
    this.compiled.set(record.meta.id, { key, pack });
    return pack;
  }

  forget(id: string): void {
    this.compiled.delete(id);
  }
}

/** 422 E-DRAFT-INVALID, every error a detail located in its file. */
export function invalidDraft(errors: readonly Diagnostic[]): HttpError {
  const first = errors[0];
  const where = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;
  const message = `草稿有 ${errors.length} 处校验错误，不能发布：${first ? `${where(first)} ${first.message}` : ''}`;
  return new HttpError('E-DRAFT-INVALID', message, first ? where(first) : '$', {
    details: errors.map((d) => ({ code: d.code, message: d.message, path: `${where(d)} ${d.path}` })),
    errors: errors.map(plainDiagnostic),
  });
}

function itemsByFile(served: Served): Map<string, ItemInfo> {
  return new Map([...served.pack.data.items.values()].map((i) => [i.file, itemInfo(i.data)]));
}
