/**
 * Compact snapshots (format 3): what repeats from record to record is written once per snapshot.
 * A case stores its whole decision, and most of a decision — the material list of the one-time
 * notice, the trace, the warnings — is the same for every case decided on one item version: about
 * 4 of a decision's 5 KB. Each element of the arrays a collection names (`CollectionSpec.shared`)
 * is written where it first occurs, in the line's `"$shared"` list, and as its number in the
 * snapshot's table everywhere after; reading rebuilds the record, the repeated elements one shared
 * frozen object each. Nothing is lost: the record read back is the record written, and the
 * checksums cover the lines as written.
 */
import { freeze } from './record-rules.ts';
import { validatePart, type RecordProblem } from './record-schemas.ts';

/**
 * An array whose object elements repeat across records (e.g. decision.materials), and the schema of
 * one element (`[file, JSON pointer]` under schemas/). The array's own schema must say no more than
 * `items` (no minItems …: a test holds every declared array to it), so that a record is valid exactly
 * when it is valid with these arrays empty and each element is valid — which lets a shared element
 * be validated once per snapshot, not once per record.
 */
export interface SharedArray {
  readonly path: readonly string[];
  readonly items: readonly [schema: string, pointer: string];
}

export type SharedPaths = readonly SharedArray[];

/** The key under which a line carries the values it adds to the table. */
export const SHARED_KEY = '$shared';

/** Distinct values per snapshot: past it, a value is written in place (a reader keeps the table while it reads). */
const MAX_SHARED = 50_000;

type Plain = Record<string, unknown>;

const isPlain = (x: unknown): x is Plain => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * `o` with the arrays at `paths` replaced by what `f` makes of them (null: left as it is). The
 * objects on the way are copied once each, whatever the number of paths through them, in their
 * key order (JSON.stringify of a record read back is the record written); `o` is not changed.
 */
function rewriteAll(o: unknown, paths: SharedPaths, f: (a: readonly unknown[], at: number) => unknown[] | null): unknown {
  if (!isPlain(o)) return o;
  let root: Plain | null = null;
  const copies = new Set<Plain>();
  paths.forEach(({ path }, at) => {
    let node: unknown = root ?? o;
    for (let d = 0; d < path.length - 1 && isPlain(node); d++) node = node[path[d]!];
    if (!isPlain(node)) return;
    const last = path[path.length - 1]!;
    const v = node[last];
    if (!Array.isArray(v)) return;
    const next = f(v, at);
    if (next === null) return;
    // Copy the objects from the root down to this array's owner (each once), then set it there.
    root ??= { ...o };
    copies.add(root);
    let parent: Plain = root;
    for (let d = 0; d < path.length - 1; d++) {
      const k = path[d]!;
      let child = parent[k] as Plain;
      if (!copies.has(child)) {
        child = { ...child };
        copies.add(child);
        parent[k] = child;
      }
      parent = child;
    }
    parent[last] = next;
  });
  return root ?? o;
}

/**
 * Each array at `paths` in `o`, with its owner, to be replaced there (`owner[key] = …`): for a
 * value the reader owns (a line just parsed), rebuilt in place with no copies on the way. An
 * existing key keeps its place, so JSON.stringify of the result is unchanged in key order.
 */
function eachArray(o: unknown, paths: SharedPaths, f: (a: readonly unknown[], owner: Plain, key: string, at: number) => void): void {
  if (!isPlain(o)) return;
  paths.forEach(({ path }, at) => {
    let node: unknown = o;
    for (let d = 0; d < path.length - 1 && isPlain(node); d++) node = node[path[d]!];
    if (!isPlain(node)) return;
    const key = path[path.length - 1]!;
    const v = node[key];
    if (Array.isArray(v)) f(v, node, key, at);
  });
}

/** Turns records into their stored form, one snapshot at a time. */
export class SharedWriter {
  private readonly numbers = new Map<string, number>();
  /** The same object met again (records read from a compact snapshot share them): no JSON needed. */
  private readonly known = new WeakMap<object, number>();
  private size = 0;

  constructor(private readonly paths: SharedPaths) {}

  /** The record as a line stores it: repeated elements as numbers, the ones new here under `$shared`. */
  encode(record: unknown): unknown {
    if (this.paths.length === 0) return record;
    const added: unknown[] = [];
    const out = rewriteAll(record, this.paths, (a) => {
      let changed = false;
      const stored = a.map((x) => {
        if (!isPlain(x)) return x;
        let n = this.known.get(x);
        if (n === undefined) {
          const text = JSON.stringify(x);
          n = this.numbers.get(text);
          if (n === undefined) {
            if (this.size >= MAX_SHARED) return x;
            n = this.size++;
            this.numbers.set(text, n);
            added.push(x);
          }
          this.known.set(x, n);
        }
        changed = true;
        return n;
      });
      return changed ? stored : null;
    });
    return added.length > 0 ? { [SHARED_KEY]: added, ...(out as Plain) } : out;
  }
}

export type Decoded = { readonly record: unknown } | { readonly problem: RecordProblem };

/** Rebuilds records from their stored form, line after line of one snapshot. */
export class SharedReader {
  private readonly table: unknown[] = [];

  constructor(private readonly paths: SharedPaths) {}

  /**
   * `stored`: a line just parsed, which the reader owns: it is rebuilt in place. With no paths (a
   * collection that shares nothing, a snapshot before format 3) the line is the record, `$shared` and all.
   */
  decode(stored: unknown): Decoded {
    if (!isPlain(stored) || this.paths.length === 0) return { record: stored };
    let record: Plain = stored;
    if (Object.hasOwn(stored, SHARED_KEY)) {
      const { [SHARED_KEY]: added, ...rest } = stored;
      if (!Array.isArray(added) || !added.every(isPlain))
        return {
          problem: {
            path: [SHARED_KEY],
            message: '共享内容格式不符（文件被手工修改或损坏）',
          },
        };
      for (const x of added) this.table.push(freeze(x));
      record = rest;
    }
    let problem: RecordProblem | null = null;
    eachArray(record, this.paths, (a, owner, key, at) => {
      if (!a.some((x) => typeof x === 'number')) return;
      owner[key] = a.map((x, i) => {
        if (typeof x !== 'number') return x;
        const v = Number.isInteger(x) ? this.table[x] : undefined;
        if (v === undefined) problem ??= { path: [...this.paths[at]!.path, i], message: `引用的共享内容 ${x} 不存在（文件被手工修改或损坏）` };
        return v ?? x;
      });
    });
    return problem ? { problem } : { record };
  }
}

/**
 * Validates records whose shared arrays hold the same frozen objects again and again (as a
 * snapshot's table hands them out): each such object once, the rest of the record every time.
 */
export class SharedValidation {
  /** Frozen elements found valid, per array (an object is valid for the schema it was checked against). */
  private readonly valid: WeakSet<object>[];

  constructor(private readonly paths: SharedPaths) {
    this.valid = paths.map(() => new WeakSet());
  }

  /**
   * The record's problems: `whole` (the record's own validation) on the record with these arrays
   * empty, then each element not known valid. `record`: one the reader owns and has not frozen (a
   * line just decoded): its arrays are emptied for `whole` and put back, rather than copied.
   */
  problemsOf(record: unknown, whole: (record: unknown) => RecordProblem[]): RecordProblem[] {
    if (this.paths.length === 0) return whole(record);
    const found: { readonly at: number; readonly owner: Plain; readonly key: string; readonly elements: readonly unknown[] }[] = [];
    eachArray(record, this.paths, (a, owner, key, at) => void found.push({ at, owner, key, elements: a }));
    let problems: RecordProblem[];
    try {
      for (const f of found) f.owner[f.key] = [];
      problems = whole(record);
    } finally {
      for (const f of found) f.owner[f.key] = f.elements;
    }
    for (const { at, elements } of found) {
      const known = this.valid[at]!;
      const { path: p, items: [schema, pointer] } = this.paths[at]!;
      elements.forEach((x, i) => {
        if (typeof x === 'object' && x !== null && known.has(x)) return;
        const bad = validatePart(schema, pointer, x);
        if (bad.length === 0 && typeof x === 'object' && x !== null && Object.isFrozen(x)) known.add(x);
        for (const b of bad) problems.push({ path: [...p, i, ...b.path], message: b.message });
      });
    }
    return problems;
  }
}
