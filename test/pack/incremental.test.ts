// Incremental validation of a draft (one ParseCache kept across validations: parsed files,
// per-item cross-check findings, prepared templates reused) reports exactly what a cold
// validation of the same files reports, through a seeded sequence of random single edits.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BUILTIN_TEMPLATE_DIR, withTemplateChecks } from '../../src/documents/index.ts';
import { ParseCache, validatePack, type ValidationResult } from '../../src/pack/index.ts';
import { NOW } from './expect-diagnostics.ts';
import { SAMPLE_PACK } from './fixture-pack.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Small seeded generator (mulberry32), so that a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of the sample pack (the live pack) and a draft over it: pack-relative path → text, or null for a deleted file. */
class DraftPack {
  readonly base = temp('bianmin-incr-base-');
  readonly scratch = temp('bianmin-incr-draft-');
  readonly files = new Map<string, string | null>();
  readonly cache = new ParseCache();
  private readonly written = new Map<string, string>();

  constructor() {
    cpSync(SAMPLE_PACK, this.base, { recursive: true });
  }

  /** The draft's text of a file (the live one unless the draft changes it); null when absent. */
  text(rel: string): string | null {
    if (this.files.has(rel)) return this.files.get(rel)!;
    try {
      return readFileSync(path.join(this.base, rel), 'utf8');
    } catch {
      return null;
    }
  }

  baseText(rel: string): string | null {
    try {
      return readFileSync(path.join(this.base, rel), 'utf8');
    } catch {
      return null;
    }
  }

  /** The files the draft has, in `dir` (items/, templates/), pack-relative. */
  list(dir: string): string[] {
    const names = new Set<string>();
    try {
      for (const name of readdirSync(path.join(this.base, dir))) names.add(`${dir}/${name}`);
    } catch {
      // no such folder in the live pack
    }
    for (const [rel, text] of this.files) {
      if (!rel.startsWith(`${dir}/`)) continue;
      if (text === null) names.delete(rel);
      else names.add(rel);
    }
    return [...names].sort();
  }

  set(rel: string, text: string | null): void {
    // Back to the live file (or a file the live pack lacks deleted): no longer part of the draft.
    if (text === this.baseText(rel)) this.files.delete(rel);
    else this.files.set(rel, text);
  }

  /**
   * The overlay the workbench would pass: each draft file at a fixed place, rewritten (as the
   * draft store does, by rename) when its text changes.
   */
  overlay(): Map<string, string | null> {
    const out = new Map<string, string | null>();
    for (const [rel, text] of this.files) {
      if (text === null) {
        if (this.baseText(rel) !== null) out.set(rel, null);
        continue;
      }
      const file = path.join(this.scratch, rel.replaceAll('/', '_'));
      if (this.written.get(file) !== text) {
        writeFileSync(`${file}.tmp`, text);
        renameSync(`${file}.tmp`, file);
        this.written.set(file, text);
      }
      out.set(rel, file);
    }
    return out;
  }

  /** The draft as a pack of its own, in a new folder: what a cold validation reads. */
  materialize(): string {
    const dir = temp('bianmin-incr-cold-');
    cpSync(this.base, dir, { recursive: true });
    for (const [rel, text] of this.files) {
      const file = path.join(dir, rel);
      if (text === null) rmSync(file, { force: true });
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
    return dir;
  }

  async incremental(): Promise<ValidationResult> {
    return withTemplateChecks(await validatePack(this.base, { overlay: this.overlay(), cache: this.cache, now: NOW }));
  }

  async cold(): Promise<ValidationResult> {
    return withTemplateChecks(await validatePack(this.materialize(), { now: NOW }));
  }
}

type Edit = (draft: DraftPack, pick: <T>(list: readonly T[]) => T, step: number) => [string, string | null] | null;

/** A regex replacement in one file of the draft; null when the file does not have what it replaces. */
function replaceIn(draft: DraftPack, rel: string, pattern: RegExp, to: string): [string, string | null] | null {
  const text = draft.text(rel);
  if (text === null || !pattern.test(text)) return null;
  return [rel, text.replace(pattern, to)];
}

const items = (draft: DraftPack): string[] => draft.list('items');
const BUILTIN_GUIDE = readFileSync(path.join(BUILTIN_TEMPLATE_DIR, 'guide.hbs'), 'utf8');

const EDITS: Readonly<Record<string, Edit>> = {
  // A field of an item changed.
  'item name': (d, pick) => replaceIn(d, pick(items(d)), /^name: (.+)$/m, 'name: $1（改）'),
  'promised beyond statutory': (d, pick) => replaceIn(d, pick(items(d)), /promised: \{ amount: \d+/, 'promised: { amount: 99'),
  'no basis': (d, pick) => replaceIn(d, pick(items(d)), /^basis:\n(?:[ #].*\n|\n)*/m, ''),
  // A reference broken.
  'item department': (d, pick) => replaceIn(d, pick(items(d)), /^department: (\S+)/m, 'department: $1x'),
  'item window': (d, pick) => replaceIn(d, pick(items(d)), /^window: (\S+)/m, 'window: $1-x'),
  'catalogue use': (d, pick) => replaceIn(d, pick(items(d)), /use: ([\w-]+)/, 'use: $1-x'),
  'condition fact': (d, pick) => replaceIn(d, pick(items(d)), /fact: (\w+)/, 'fact: $1x'),
  'shared condition': (d, pick) => replaceIn(d, pick(items(d)), /condition: ([\w-]+)/, 'condition: $1-x'),
  'item template': (d, pick) => replaceIn(d, pick(items(d)), /^code: /m, 'documents:\n  guide: custom-guide\ncode: '),
  // A file broken outright (its schema, its syntax).
  'item phone': (d, pick) => replaceIn(d, pick(items(d)), /^mode: /m, 'phone: "13912345678"\nmode: '),
  'item schema': (d, pick) => replaceIn(d, pick(items(d)), /^mode: /m, 'bogusKey: 1\nmode: '),
  'item syntax': (d, pick) => replaceIn(d, pick(items(d)), /^code: /m, 'code: : [\n'),
  // What the items read from the rest of the pack.
  'department id': (d, pick) => replaceIn(d, 'center.yaml', new RegExp(`^  - id: ${pick(['minzheng', 'renshe', 'canlian', 'weijian'])}$`, 'm'), '  - id: renamed'),
  'fact id': (d, pick) => replaceIn(d, 'facts.yaml', new RegExp(`id: ${pick(['age', 'forDependant', 'maritalStatus', 'hukouLocal'])}$`, 'm'), 'id: renamedFact'),
  'enum value': (d) => replaceIn(d, 'facts.yaml', /values: \[未婚, 已婚/, 'values: [未婚, 己婚'),
  'catalogue entry': (d) => replaceIn(d, 'materials.yaml', /name: 居民户口簿/, 'name: 居民户口本'),
  'catalogue id': (d) => replaceIn(d, 'materials.yaml', /id: household-register/, 'id: hukou-book'),
  'catalogue removed': (d) => (d.text('materials.yaml') === null ? null : ['materials.yaml', null]),
  'catalogue broken': (d) => replaceIn(d, 'materials.yaml', /^materials:/m, 'materials: 3\nother:'),
  'calendar year': (d) => replaceIn(d, 'calendar/2027.yaml', /^year: 2027/m, 'year: 2028'),
  // Templates of the pack.
  'template added': (d) => ['templates/custom-guide.hbs', BUILTIN_GUIDE],
  'template override': (d) => ['templates/guide.hbs', BUILTIN_GUIDE.replace('</', '<!-- 改 --></')],
  'template broken': (d, pick) => [pick(['templates/custom-guide.hbs', 'templates/guide.hbs']), '{{#if center}}未闭合'],
  'template with a mobile number': (d, pick) => [pick(['templates/custom-guide.hbs', 'templates/guide.hbs']), `${BUILTIN_GUIDE}\n<p>联系 13912345678</p>\n`],
  'template removed': (d, pick) => [pick(['templates/custom-guide.hbs', 'templates/guide.hbs']), null],
  // Items added and removed.
  'item added': (d, pick, step) => {
    const from = d.text(pick(items(d)));
    if (from === null) return null;
    // Now and then the copy keeps its code: a duplicate code.
    const text = step % 4 === 0 ? from : from.replace(/^code: .+$/m, `code: NEW-${step}`);
    return [`items/new-${step}.yaml`, text];
  },
  'item removed': (d, pick) => [pick(items(d)), null],
  // A change undone: a file back as the live pack has it.
  'fixed': (d, pick) => {
    const changed = [...d.files.keys()];
    if (changed.length === 0) return null;
    const rel = pick(changed);
    return [rel, d.baseText(rel)];
  },
};

function expectSame(incremental: ValidationResult, cold: ValidationResult, label: string): void {
  expect({ label, ok: incremental.ok, errors: incremental.errors, warnings: incremental.warnings }).toEqual({ label, ok: cold.ok, errors: cold.errors, warnings: cold.warnings });
}

describe('incremental validation of a draft', () => {
  test.each([1, 2])('a seeded sequence of single edits (seed %i) reports what a cold validation reports', async (seed) => {
    const next = random(seed);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const draft = new DraftPack();
    expectSame(await draft.incremental(), await draft.cold(), 'opened');
    const names = Object.keys(EDITS);
    const seen = new Set<string>();
    let withErrors = 0;
    for (let step = 1; step <= 40; step++) {
      let edit: [string, string | null] | null = null;
      let name = '';
      while (!edit) {
        // Undo often, so that the draft keeps coming back near a valid pack.
        name = next() < 0.3 ? 'fixed' : pick(names);
        edit = EDITS[name]!(draft, pick, step);
      }
      draft.set(...edit);
      seen.add(name);
      const incremental = await draft.incremental();
      if (!incremental.ok) withErrors++;
      expectSame(incremental, await draft.cold(), `step ${step}: ${name} ${edit[0]}`);
    }
    // The sequence did break and fix things, and the cache was used rather than bypassed.
    expect(seen.size).toBeGreaterThan(10);
    expect(withErrors).toBeGreaterThan(5);
    expect(withErrors).toBeLessThan(40);
    expect(draft.cache.crossCheck.hits).toBeGreaterThan(draft.cache.crossCheck.misses);
  }, 60_000);

  test('an item edited: only that item is checked again; center.yaml edited: every item is', async () => {
    const draft = new DraftPack();
    await draft.incremental();
    const total = items(draft).length;
    const memo = draft.cache.crossCheck;
    expect(memo.misses).toBe(total);

    draft.set(...replaceIn(draft, 'items/mz-004.yaml', /^name: (.+)$/m, 'name: $1（改）')!);
    let before = memo.misses;
    expectSame(await draft.incremental(), await draft.cold(), 'item name');
    expect(memo.misses - before).toBe(1);

    // A comment in center.yaml changes nothing an item check reads: nothing is checked again.
    draft.set('center.yaml', `${draft.text('center.yaml')}# 注释\n`);
    before = memo.misses;
    expectSame(await draft.incremental(), await draft.cold(), 'center comment');
    expect(memo.misses - before).toBe(0);

    draft.set(...replaceIn(draft, 'center.yaml', /^  - id: minzheng$/m, '  - id: renamed')!);
    before = memo.misses;
    const broken = await draft.incremental();
    expectSame(broken, await draft.cold(), 'department renamed');
    expect(broken.errors.some((e) => e.file === 'items/mz-004.yaml' && e.code === 'E-REF-UNKNOWN')).toBe(true);
    expect(memo.misses - before).toBe(total);

    // Back to the live center.yaml: the findings of before are still kept.
    draft.set('center.yaml', draft.baseText('center.yaml'));
    before = memo.misses;
    expectSame(await draft.incremental(), await draft.cold(), 'department restored');
    expect(memo.misses - before).toBe(0);
  });

  test('templates prepared once are reused only while their texts and roles, and the numbers allowed, are the same', async () => {
    const draft = new DraftPack();
    const codes = async (label: string): Promise<string[]> => {
      const incremental = await draft.incremental();
      expectSame(incremental, await draft.cold(), label);
      return [...incremental.errors, ...incremental.warnings].filter((d) => d.file.startsWith('templates/')).map((d) => d.code);
    };
    expect(await codes('opened')).toEqual([]);
    // Unused, a template is not checked against any document's data.
    draft.set('templates/custom-guide.hbs', '<p>{{noSuchField}}</p>\n');
    expect(await codes('template added')).toEqual(['W-TEMPLATE-UNUSED']);
    // An item naming it as its guide: now it is checked against the guide's data.
    const item = 'items/mz-004.yaml';
    draft.set(...replaceIn(draft, item, /^code: /m, 'documents:\n  guide: custom-guide\ncode: ')!);
    const used = await codes('template used');
    expect(used.length).toBeGreaterThan(0);
    expect(used).not.toContain('W-TEMPLATE-UNUSED');
    draft.set(item, draft.baseText(item));
    expect(await codes('template unused again')).toEqual(['W-TEMPLATE-UNUSED']);
    // A mobile number in a template is refused unless the pack publishes it (here as an item's phone).
    draft.set('templates/guide.hbs', `${BUILTIN_GUIDE}\n<p>联系 13912345678</p>\n`);
    expect(await codes('number in a template')).toContain('E-TEMPLATE-UNMASKED');
    draft.set(...replaceIn(draft, item, /^mode: /m, 'phone: "13912345678"\nmode: ')!);
    expect(await codes('number published')).not.toContain('E-TEMPLATE-UNMASKED');
    draft.set(item, draft.baseText(item));
    expect(await codes('number no longer published')).toContain('E-TEMPLATE-UNMASKED');
  });
});
