/**
 * One collection of records (a year's cases, the complaints …) kept as a lowdb snapshot
 * (NAME.json) plus an append-only operation log (NAME.log, one JSON line per operation).
 *
 * Why a log: rewriting a 20,000-case snapshot for every case event costs far more than the 20 ms
 * an event may take. An operation is appended to the log and fsynced before it is acknowledged;
 * the log is folded into a new snapshot (atomic, durable replace) when it has grown as large as
 * the snapshot, when the store opens and when it closes. Every operation carries a sequence
 * number and the snapshot records the last one it contains, so a crash between writing the
 * snapshot and truncating the log only leaves entries that loading skips.
 *
 * Silent damage is caught by checksums (format 2): every log line ends with the CRC-32 of the rest
 * of the line, and a snapshot carries its record count, one CRC-32 per record and one over the
 * whole file; it also names the log that follows it (`log: { file, from }`), and that log is
 * created before the snapshot says so, so a deleted log is found, not taken for an empty one.
 * Data of earlier versions (format 1, lines without `sum`) still loads and is rewritten with
 * checksums at the next compaction.
 *
 * The end of the log: a last line without its newline that is a complete record (the process
 * died just before the newline, or an editor dropped it) is kept; one that is cut off (the
 * process died mid-append; such a write was never acknowledged) is moved, byte for byte, into
 * NAME.log.torn-TIME beside the log, never deleted. Anything else that does not parse, validate
 * or match its checksum is corruption, reported with file, line and JSON path, and the store
 * refuses to open.
 *
 * At scale (a decade of a city hall's cases): the snapshot is read in chunks, one record per line,
 * never as one string (a year of 200,000 cases is 1.4 GB, past V8's string limit), its checksums
 * computed as it streams; a collection can be opened on its first access instead of at start (the
 * closed years); and a large snapshot is compacted beside the write queue, so no write waits for it.
 * A collection not opened yet can be read with a cursor (`scan`, by the same readers) without being
 * loaded: what-if replays a decade of closed years that way.
 */
import { closeSync, constants, fstatSync, readSync } from 'node:fs';
import { stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { Low } from 'lowdb';
import { formatPath, renderMessage, type ErrorCode, type Location } from '../core/index.ts';
import type { RecordLogEntry, RecordSnapshot } from '../pack/index.ts';
import { DurableJsonFile, isDiskFull, openDataFile, openDataFileSync, readDataFileSync, syncDir, writeFailure, writeFileDurably } from './durable-file.ts';
import { RecordsError } from './errors.ts';
import { toIso } from './time.ts';
import { jsonSyntaxErrorOffset, lineColumn, offsetOfPath, type PathSegment } from './json-locate.ts';
import { freeze, invalid, RecordRules } from './record-rules.ts';
import { validateRecord, type RecordKind, type RecordProblem } from './record-schemas.ts';
import { SharedReader, SharedValidation, SharedWriter, type SharedPaths } from './shared-values.ts';

export interface CollectionSpec<R> {
  /** Schema of each record (schemas/records/KIND.schema.json). */
  readonly kind: RecordKind;
  readonly idOf: (record: R) => string;
  /** Rules a schema cannot express (event order …), paths relative to the record. */
  readonly check?: (record: R) => readonly RecordProblem[];
  /** For collections whose records grow by events (cases): the event schema and how to apply one. */
  readonly events?: { readonly kind: 'case-event'; readonly apply: (record: R, event: unknown) => R };
  /** A record as an earlier version wrote it, in today's shape (before it is validated); returns a new object. */
  readonly upgrade?: (record: unknown) => unknown;
  /** Arrays whose elements repeat across records: a snapshot writes each distinct element once (format 3). */
  readonly shared?: SharedPaths;
}

/** What a collection needs from its store. */
export interface CollectionHost {
  readonly dir: string;
  /** The data directory as the user wrote it, for messages. */
  readonly shownDir: string;
  readonly readonly: boolean;
  /** The log is compacted once it is larger than this and than the snapshot. */
  readonly compactAfterBytes: number;
  warn(message: string): void;
  /**
   * The store's write queue. With it, a large snapshot is compacted outside the queue (writes go
   * on meanwhile); only the short step that folds away the log waits for its turn in it.
   */
  exclusive?<T>(fn: () => Promise<T>): Promise<T>;
  /** The error for a collection opened on first access that does not load (E-STORE-CORRUPT …). */
  loadFailed?(problems: readonly LoadProblem[]): Error;
}

/**
 * When a log is compacted: once it is larger than `compactAfterBytes` and than the snapshot, or
 * than `maxLogBytes` (so that a huge snapshot's log does not grow as large as it). A snapshot of
 * at least `backgroundAboveBytes` is written outside the write queue.
 */
export const COMPACTION = { backgroundAboveBytes: 4 << 20, maxLogBytes: 256 << 20 };

/** A compaction whose snapshot is being written outside the write queue. */
interface CompactionJob {
  /** The last operation the snapshot holds, and the log's size then. */
  readonly seq: number;
  readonly logAt: number;
  /** Settles when the snapshot is on disk (true) or could not be written (false). */
  written: Promise<boolean>;
  /** The log has been folded (or a later compaction superseded this one). */
  finished: boolean;
}

/** A located problem found while loading. */
export interface LoadProblem extends Location {
  readonly detail: string;
  /** The problem's own code (default E-STORE-CORRUPT). */
  readonly code?: ErrorCode;
}

const MAX_PROBLEMS = 20;

/** The snapshot format this version writes: with checksums, count and the log that follows (2), repeated parts once (3). */
export const SNAPSHOT_FORMAT = 3;

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/** A log line (without its newline): the entry's JSON with `"sum"`, the CRC-32 of that JSON, last. */
export function logLine(entry: RecordLogEntry): string {
  const body = JSON.stringify(entry);
  return `${body.slice(0, -1)},"sum":"${hex(crc32(body))}"}`;
}

const LINE_SUM = /,"sum":"([0-9a-f]{8})"\}$/;

/** Checks a parsed log line's checksum: 'legacy' for a line written before checksums. */
function lineChecksum(line: string, entry: object): 'ok' | 'legacy' | 'bad' {
  if (!Object.hasOwn(entry, 'sum')) return 'legacy';
  const m = LINE_SUM.exec(line);
  return m && hex(crc32(`${line.slice(0, m.index)}}`)) === m[1] ? 'ok' : 'bad';
}

/** Where the whole-file checksum of a format-2 snapshot starts: `,\n"sum":"…"}` at the end. */
const SNAPSHOT_SUM = Buffer.from(',\n"sum":"');
const NEWLINE = Buffer.from('\n');

/**
 * How snapshots are read: `chunkBytes` at a time, record by record; a snapshot not laid out as
 * this version writes it is read whole (to locate its problem) only up to `fallbackBytes`.
 * Tests lower them to prove that a file is never read as one string.
 */
export const SNAPSHOT_READ = { chunkBytes: 4 << 20, fallbackBytes: 64 << 20 };

/** What loading a snapshot keeps of it: its head, and how to locate a path in it. */
interface SnapshotHead {
  readonly format: number;
  readonly collection: string;
  readonly seq: number;
  readonly count?: number;
  readonly log?: { readonly file: string; readonly from: number };
  readonly locate: (p: readonly PathSegment[]) => Location;
}

/** What reading a log found: the last operation applied, the log's size, and what its end needs. */
interface LogRead {
  readonly seq: number;
  readonly bytes: number;
  /** A complete last line without its newline. */
  readonly needsNewline: boolean;
  /** A cut-off last line, for `settle()` to set aside (writer only). */
  readonly torn: { readonly offset: number; readonly bytes: Buffer; readonly line: number } | null;
}

/** Runs a generator to its end, handing each value to `each`; returns what it returns. */
function drain<T, Result>(g: Generator<T, Result>, each: (value: T) => void): Result {
  for (;;) {
    const step = g.next();
    if (step.done) return step.value;
    each(step.value);
  }
}

/**
 * The lines of the file open as `fd`, read `chunkBytes` at a time: each without its newline, and
 * whether it had one (only the last may not). A line is valid until the next one is asked for.
 */
function* readLines(fd: number, chunkBytes: number): Generator<{ line: Buffer; newline: boolean }> {
  const buf = Buffer.allocUnsafe(Math.max(1, chunkBytes));
  let carry: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    pos += n;
    const view = buf.subarray(0, n);
    let start = 0;
    for (let i = view.indexOf(0x0a); i !== -1; i = view.indexOf(0x0a, start)) {
      const piece = view.subarray(start, i);
      let line = piece;
      if (carry.length > 0) {
        line = Buffer.concat([...carry, piece]);
        carry = [];
      }
      yield { line, newline: true };
      start = i + 1;
    }
    if (start < n) carry.push(Buffer.from(view.subarray(start)));
  }
  if (carry.length > 0) yield { line: Buffer.concat(carry), newline: false };
}

export class Collection<R> {
  private records = new Map<string, R>();
  private seq = 0;
  private logBytes = 0;
  private log: FileHandle | null = null;
  private readonly adapter: DurableJsonFile<RecordSnapshot>;
  private readonly db: Low<RecordSnapshot>;
  private broken: Error | null = null;
  /** Format of the snapshot on disk (0: none yet). */
  private format = 0;
  /** A complete last line without its newline: the next append writes the newline first. */
  private needsNewline = false;
  /** A cut-off last line found on opening, set aside by `settle()` (writer only). */
  private torn: { readonly offset: number; readonly bytes: Buffer; readonly line: number } | null = null;
  /** Whether a failed compaction has been reported (once, until one succeeds). */
  private compactionWarned = false;
  /** Opened on first access, not yet accessed; a failed first load, kept. */
  private lazy = false;
  private loadError: Error | null = null;
  /** Loaded on first access by a writer and not yet settled (see `settleLoaded`). */
  private unsettled = false;
  private job: CompactionJob | null = null;
  private readonly rules: RecordRules<R>;
  readonly jsonFile: string;
  readonly logFile: string;

  constructor(
    readonly name: string,
    private readonly spec: CollectionSpec<R>,
    private readonly host: CollectionHost,
  ) {
    this.rules = new RecordRules(spec);
    this.jsonFile = path.join(host.dir, `${name}.json`);
    this.logFile = path.join(host.dir, `${name}.log`);
    this.adapter = new DurableJsonFile<RecordSnapshot>(this.jsonFile, this.shown(`${name}.json`), (snap) => snapshotChunks(snap, snap.records, snap.records.length, spec.shared));
    this.db = new Low<RecordSnapshot>(this.adapter, this.empty());
  }

  get size(): number {
    this.ensureLoaded();
    return this.records.size;
  }

  get(id: string): R | undefined {
    this.ensureLoaded();
    return this.records.get(id);
  }

  values(): IterableIterator<R> {
    this.ensureLoaded();
    return this.records.values();
  }

  /** Whether the records are in memory (false: opened on first access, not accessed yet). */
  get loaded(): boolean {
    return !this.lazy;
  }

  /** Not loaded now: on first access (a closed year, not read at start). */
  markLazy(): void {
    this.lazy = true;
  }

  /**
   * Loads a collection marked lazy, at its first access (synchronously, so that reading it stays
   * synchronous). A collection that does not load throws the store's error (E-STORE-CORRUPT
   * listing every located problem), at every access, and nothing of it is used.
   */
  private ensureLoaded(): void {
    if (!this.lazy) return;
    if (this.loadError) throw this.loadError;
    const problems = this.loadSync();
    if (problems.length > 0) {
      this.records.clear();
      this.loadError = this.failure(problems);
      throw this.loadError;
    }
    this.lazy = false;
    // A writer settles a cut-off log end and upgrades an older snapshot before its first write.
    this.unsettled = !this.host.readonly;
  }

  /** The store's error for a collection that does not load (E-STORE-CORRUPT listing every located problem). */
  private failure(problems: readonly LoadProblem[]): Error {
    return this.host.loadFailed?.(problems) ?? new RecordsError('E-STORE-CORRUPT', problems.map((p) => p.detail).join('\n'), {});
  }

  /**
   * Every record, once (a cursor; the PostgreSQL collection has the same). In memory: the records
   * as they are. Not loaded yet (a closed year): read from the snapshot and the log by the loader's
   * own readers, record by record, keeping only those the log changes (given last, once it is
   * applied); none stays in memory and the collection stays unloaded. A file the loader would refuse
   * ends the scan with the loader's error; of a large snapshot the records before the damage have
   * been given by then (its checksums are known only at its end). A snapshot of at most
   * `SNAPSHOT_READ.fallbackBytes` is read to its end before any of it is given: one not laid out as
   * this version writes it is then loaded as loading does.
   */
  scan(): AsyncIterable<R> {
    return this.scanRecords();
  }

  private async *scanRecords(): AsyncGenerator<R> {
    if (!this.lazy) {
      yield* this.records.values();
      return;
    }
    if (this.loadError) throw this.loadError;
    const problems: LoadProblem[] = [];
    const add = (p: LoadProblem): void => {
      if (problems.length < MAX_PROBLEMS) problems.push(p);
    };
    // As loading does: the log before the snapshot.
    let log = this.readLog();
    const changed = log ? this.idsInLog(log) : new Set<string>();
    const held = new Map<string, R>();
    const early: R[] = [];
    let head: SnapshotHead | 'fallback' | null = { format: 1, collection: this.name, seq: 0, locate: (p) => ({ file: this.adapter.shown, path: formatPath(p) }) };
    const fd = openDataFileSync(this.jsonFile, this.adapter.shown);
    if (fd !== null) {
      try {
        const bytes = fstatSync(fd).size;
        const whole = bytes <= SNAPSHOT_READ.fallbackBytes;
        const stream = this.streamSnapshot(fd, bytes, add, () => false);
        for (let step = stream.next(); ; step = stream.next()) {
          if (step.done) {
            head = step.value;
            break;
          }
          const { id, record } = step.value;
          if (changed.has(id)) held.set(id, record);
          else if (whole) early.push(record);
          else yield record;
        }
      } finally {
        closeSync(fd);
      }
    }
    if (head === 'fallback') {
      // Not laid out as this version writes it (small, since nothing was given yet): loaded whole.
      yield* this.values();
      return;
    }
    if (head === null) throw this.failure(problems);
    if (head.format >= 2 && !log) {
      log = this.readLog();
      if (!log && head.log) add({ ...head.locate(['log']), code: 'E-STORE-LOG-MISSING', detail: renderMessage('E-STORE-LOG-MISSING', { log: this.shown(head.log.file), from: head.log.from }) });
    }
    if (log) this.loadLog(log, add, held, head.seq, () => undefined);
    if (problems.length > 0) throw this.failure(problems);
    yield* early;
    yield* held.values();
  }

  /** The ids of the records a log changes (lines that do not parse are the loader's to report). */
  private idsInLog(buf: Buffer): Set<string> {
    const ids = new Set<string>();
    let start = 0;
    for (let i = buf.indexOf(0x0a); start < buf.length; i = buf.indexOf(0x0a, start)) {
      const stop = i === -1 ? buf.length : i;
      try {
        const entry = JSON.parse(buf.toString('utf8', start, stop)) as RecordLogEntry;
        if (entry.op === 'put') ids.add(this.spec.idOf(this.rules.upgraded(entry.record)));
        else if (typeof entry.id === 'string') ids.add(entry.id);
      } catch {
        // Reported by loadLog.
      }
      start = stop + 1;
    }
    return ids;
  }

  /** After a lazy load, before the first write (inside the queue): what opening does for the others. */
  private async settleLoaded(): Promise<void> {
    if (!this.unsettled) return;
    await this.settle();
    await this.compact();
    this.unsettled = false;
  }

  /** Last operation sequence number (for tests and backups). */
  get lastSeq(): number {
    this.ensureLoaded();
    return this.seq;
  }

  /** Reads snapshot and log; returns every problem found (empty: loaded). */
  async load(): Promise<LoadProblem[]> {
    return this.loadSync();
  }

  /**
   * `load()`, synchronously: the snapshot is read in chunks of `SNAPSHOT_READ.chunkBytes` and
   * its records taken one line at a time, so a snapshot of any size opens (never one string).
   * A collection opened on first access (a closed year) is loaded this way by `get`, `values` …
   */
  loadSync(): LoadProblem[] {
    const problems: LoadProblem[] = [];
    const add = (p: LoadProblem): void => {
      if (problems.length < MAX_PROBLEMS) problems.push(p);
    };
    this.records.clear();
    this.seq = 0;
    this.format = 0;
    this.logBytes = 0;
    this.needsNewline = false;
    this.torn = null;
    // The log is read before the snapshot: a reader racing a writer's compaction then sees either
    // the old log with a newer snapshot (entries already in it are skipped) or a consistent pair.
    let log = this.readLog();
    let snap: SnapshotHead;
    try {
      const fd = openDataFileSync(this.jsonFile, this.adapter.shown);
      if (fd === null) {
        this.adapter.exists = false;
        this.adapter.bytes = 0;
        snap = { format: 1, collection: this.name, seq: 0, locate: (p) => ({ file: this.adapter.shown, path: formatPath(p) }) };
      } else {
        let got: SnapshotHead | 'fallback' | null;
        try {
          this.adapter.exists = true;
          this.adapter.bytes = fstatSync(fd).size;
          got = drain(this.streamSnapshot(fd, this.adapter.bytes, add, (id) => this.records.has(id)), (r) => this.records.set(r.id, freeze(r.record)));
        } finally {
          closeSync(fd);
        }
        if (got !== 'fallback' && got !== null) [this.format, this.seq] = [got.format, got.seq];
        if (got === 'fallback') {
          this.records.clear();
          got = this.loadSnapshotText(add);
        }
        if (got === null) return problems;
        snap = got;
      }
    } catch (e) {
      if (e instanceof RecordsError && e.code !== 'E-STORE-NOT-REGULAR') return [{ ...e.location, detail: e.detail }];
      throw e;
    }
    if (snap.format >= 2) {
      // Created before the snapshot that names it: a reader racing a writer's first write may have missed it.
      log ??= this.readLog();
      if (!log && snap.log) {
        add({
          ...snap.locate(['log']),
          code: 'E-STORE-LOG-MISSING',
          detail: renderMessage('E-STORE-LOG-MISSING', { log: this.shown(snap.log.file), from: snap.log.from }),
        });
      }
    }
    if (log) {
      const read = this.loadLog(log, add, this.records, this.seq, (m) => this.host.warn(m));
      [this.seq, this.logBytes, this.needsNewline, this.torn] = [read.seq, read.bytes, read.needsNewline, read.torn];
    }
    return problems;
  }

  /**
   * Reads a snapshot as this version writes it (`serializeSnapshot`: the head on the first line,
   * then one record per line, the records' checksums and the file's), record by record. Returns
   * 'fallback' when the file is not laid out so (edited by hand, or damaged where no record line
   * can say): a file small enough is then read whole by `loadSnapshotText`, which locates any
   * problem; a larger one is reported at the line where the layout breaks. Null: stop (reported).
   * Yields each valid record as it is read (loading keeps them, a scan passes them on); `seen`
   * tells a duplicate id. `bytes`: the file's size.
   */
  private *streamSnapshot(fd: number, bytes: number, add: (p: LoadProblem) => void, seen: (id: string) => boolean): Generator<{ readonly id: string; readonly record: R }, SnapshotHead | 'fallback' | null> {
    const shown = this.adapter.shown;
    const local: LoadProblem[] = [];
    const push = (p: LoadProblem): void => {
      if (local.length < MAX_PROBLEMS) local.push(p);
    };
    const big = bytes > SNAPSHOT_READ.fallbackBytes;
    const broken = (line: number, column: number, detail: string): 'fallback' | null => {
      if (!big) return 'fallback';
      add({ file: shown, line, column, path: '$', detail });
      return null;
    };
    let head: { format: number; collection: string; seq: number; count?: number; log?: { file: string; from: number } } | null = null;
    let headText = '';
    let shared: ReturnType<Collection<R>['sharedReading']> | null = null;
    let state: 'head' | 'records' | 'last' | 'sums' | 'sum' | 'done' = 'head';
    let lineNo = 0;
    let crcBefore = 0;
    let whole: string | null = null;
    let sums: string[] | undefined;
    let sumsLine = 0;
    let sum: string | undefined;
    let sumLine = 0;
    const valid: boolean[] = [];
    const lineSums: number[] = [];
    let reported = false;
    for (const { line: bytes, newline } of readLines(fd, SNAPSHOT_READ.chunkBytes)) {
      lineNo++;
      let b = bytes;
      if (lineNo === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
      const crcHere = crcBefore;
      crcBefore = crc32(b, crcBefore);
      if (newline) crcBefore = crc32(NEWLINE, crcBefore);
      if (state === 'done') {
        if (b.length === 0 && !newline) continue;
        return broken(lineNo, 1, '快照在文件末尾的校验和之后还有内容（文件被手工修改或损坏）');
      }
      const text = b.toString('utf8');
      if (state === 'head') {
        let body: string;
        if (text.endsWith('"records":[')) [body, state] = [`${text}]}`, 'records'];
        else if (text.endsWith('"records":[],')) [body, state] = [`${text.slice(0, -1)}}`, 'sums'];
        else if (text.endsWith('"records":[]}')) [body, state] = [text, 'done'];
        else return broken(1, 1, '快照的第一行不是文件头（文件被手工修改或损坏）');
        try {
          head = JSON.parse(body) as typeof head;
        } catch {
          return broken(1, (jsonSyntaxErrorOffset(body) ?? 0) + 1, 'JSON 语法错误（文件可能被手工修改或损坏）');
        }
        headText = body;
        const envelope = validateRecord('snapshot', { ...head!, records: [], ...(head!.format >= 2 ? { sums: [], sum: '00000000' } : {}) });
        if (envelope.length > 0) return broken(1, 1, envelope[0]!.message);
        if (head!.collection !== this.name) return broken(1, 1, `快照属于登记簿 ${head!.collection}，与文件名 ${this.name} 不符`);
        if (head!.format < 2 && state === 'sums') return broken(1, 1, '快照格式不符（文件被手工修改或损坏）');
        continue;
      }
      if (state === 'records' || state === 'last') {
        if (text === ']}' && head!.format < 2) {
          state = 'done';
          continue;
        }
        if (text === '],' && head!.format >= 2) {
          state = 'sums';
          continue;
        }
        if (state === 'last' || text[0] !== '{') return broken(lineNo, 1, '快照中这一行不是一条记录（文件被手工修改或损坏）');
        const comma = text.endsWith(',');
        const recText = comma ? text.slice(0, -1) : text;
        if (!comma) state = 'last';
        let rec: unknown;
        try {
          rec = JSON.parse(recText);
        } catch {
          return broken(lineNo, (jsonSyntaxErrorOffset(recText) ?? 0) + 1, 'JSON 语法错误（文件可能被手工修改或损坏）');
        }
        if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return broken(lineNo, 1, '快照中这一行不是一条记录（文件被手工修改或损坏）');
        const i = valid.length;
        lineSums.push(crc32(comma ? b.subarray(0, b.length - 1) : b));
        shared ??= this.sharedReading(head!.format);
        const decoded = shared.reader.decode(rec);
        const record = 'record' in decoded ? this.rules.upgraded(decoded.record) : null;
        const found = record === null ? [(decoded as { problem: RecordProblem }).problem] : this.rules.problemsOf(record, shared.validation);
        for (const p of found) {
          push({ file: shown, line: lineNo, column: offsetOfPath(recText, p.path) + 1, path: formatPath(['records', i, ...p.path]), detail: p.message });
        }
        valid.push(found.length === 0);
        if (found.length > 0 || record === null) {
          reported = true;
          continue;
        }
        const id = this.spec.idOf(record);
        if (seen(id)) {
          push({ file: shown, line: lineNo, column: 1, path: formatPath(['records', i]), detail: `编号 ${id} 重复` });
          reported = true;
        }
        yield { id, record };
        continue;
      }
      if (state === 'sums') {
        if (!text.startsWith('"sums":[') || !text.endsWith('],')) return broken(lineNo, 1, '快照缺少记录校验和 "sums"（文件被截断或改动）');
        try {
          sums = (JSON.parse(`{${text.slice(0, -1)}}`) as { sums: string[] }).sums;
        } catch {
          return broken(lineNo, 1, 'JSON 语法错误（文件可能被手工修改或损坏）');
        }
        whole = hex(crc32(b.subarray(0, b.length - 1), crcHere));
        sumsLine = lineNo;
        state = 'sum';
        continue;
      }
      // state === 'sum'
      if (!text.startsWith('"sum":"') || !text.endsWith('}')) return broken(lineNo, 1, '快照缺少文件末尾的校验和 "sum"（文件被截断或改动）');
      try {
        sum = (JSON.parse(`{${text}`) as { sum: string }).sum;
      } catch {
        return broken(lineNo, 1, 'JSON 语法错误（文件可能被手工修改或损坏）');
      }
      sumLine = lineNo;
      state = 'done';
    }
    if (state !== 'done') return broken(lineNo, 1, '快照不完整（文件被截断）');
    const h = head!;
    const envelope = validateRecord('snapshot', { ...h, records: [], ...(sums ? { sums } : {}), ...(sum !== undefined ? { sum } : {}) });
    if (envelope.length > 0) return broken(1, 1, envelope[0]!.message);
    for (const p of local) add(p);
    const locate = (p: readonly PathSegment[]): Location => {
      const top = p[0];
      if (top === 'records' && typeof p[1] === 'number') return { file: shown, line: p[1] + 2, column: 1, path: formatPath(p) };
      if (top === 'sums' && sumsLine) return { file: shown, line: sumsLine, column: 1, path: formatPath(p) };
      if (top === 'sum' && sumLine) return { file: shown, line: sumLine, column: 1, path: formatPath(p) };
      const at = top === undefined ? { line: 1, column: 1 } : lineColumn(headText, offsetOfPath(headText, p));
      return { file: shown, line: at.line, column: at.column, path: formatPath(p) };
    };
    if (h.format >= 2) {
      const info = { count: h.count, log: h.log, seq: h.seq, sums, sum };
      for (const p of this.checkSnapshot(info, valid.length, whole, (i) => hex(lineSums[i]!), valid, reported)) add({ ...locate(p.path), code: p.code, detail: p.detail });
    }
    return { ...h, locate };
  }

  /** How the lines of one snapshot are rebuilt and validated: from format 3, with the shared parts once. */
  private sharedReading(format: number): { readonly reader: SharedReader; readonly validation: SharedValidation | undefined } {
    const paths = format >= 3 ? (this.spec.shared ?? []) : [];
    return { reader: new SharedReader(paths), validation: paths.length > 0 ? new SharedValidation(paths) : undefined };
  }

  /** Reads a (small) snapshot whole, as earlier versions did, locating any problem by line and column. Null: stop. */
  private loadSnapshotText(add: (p: LoadProblem) => void): SnapshotHead | null {
    const shown = this.adapter.shown;
    let raw = readDataFileSync(this.jsonFile, shown);
    if (raw === null) return { format: 1, collection: this.name, seq: 0, locate: (p) => ({ file: shown, path: formatPath(p) }) };
    if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) raw = raw.subarray(3);
    const text = raw.toString('utf8');
    let snap: RecordSnapshot;
    try {
      snap = JSON.parse(text) as RecordSnapshot;
    } catch {
      const offset = jsonSyntaxErrorOffset(text) ?? text.length;
      const { line, column } = lineColumn(text, offset);
      const detail = text.trim() === '' ? '文件为空（可能被截断）' : 'JSON 语法错误（文件可能被手工修改或损坏）';
      add({ file: shown, line, column, path: '$', detail });
      return null;
    }
    const locate = (p: readonly PathSegment[]): Location => {
      const at = lineColumn(text, offsetOfPath(text, p));
      return { file: shown, line: at.line || undefined, column: at.column || undefined, path: formatPath(p) };
    };
    const envelope = validateRecord('snapshot', snap);
    for (const p of envelope) add({ ...locate(p.path), detail: p.message });
    if (envelope.length === 0 && snap.collection !== this.name) add({ ...locate(['collection']), detail: `快照属于登记簿 ${snap.collection}，与文件名 ${this.name} 不符` });
    if (envelope.length > 0) return null;
    this.format = snap.format;
    this.seq = snap.seq;
    let reported = false;
    const valid: boolean[] = [];
    const shared = this.sharedReading(snap.format);
    snap.records.forEach((rec, i) => {
      const decoded = shared.reader.decode(rec);
      const record = 'record' in decoded ? this.rules.upgraded(decoded.record) : null;
      const found = record === null ? [(decoded as { problem: RecordProblem }).problem] : this.rules.problemsOf(record, shared.validation);
      for (const p of found) add({ ...locate(['records', i, ...p.path]), detail: p.message });
      valid.push(found.length === 0);
      if (found.length > 0 || record === null) {
        reported = true;
        return;
      }
      const id = this.spec.idOf(record);
      if (this.records.has(id)) {
        add({ ...locate(['records', i]), detail: `编号 ${id} 重复` });
        reported = true;
      }
      this.records.set(id, freeze(record));
    });
    if (this.format >= 2) {
      const at = raw.lastIndexOf(SNAPSHOT_SUM);
      const whole = at >= 0 ? hex(crc32(raw.subarray(0, at))) : null;
      const recordSum = (i: number): string => hex(crc32(JSON.stringify(snap.records[i])));
      for (const p of this.checkSnapshot(snap, snap.records.length, whole, recordSum, valid, reported)) add({ ...locate(p.path), code: p.code, detail: p.detail });
    }
    const { records: _records, ...head } = snap;
    return { ...head, locate };
  }

  /**
   * The checks a format-2 snapshot adds: its count, the log it names and its checksums. The file's
   * checksum is compared first (one pass); only when it differs are the records' own compared,
   * to say which line changed. Records already reported invalid are not reported again.
   */
  private checkSnapshot(
    snap: { readonly count?: number; readonly log?: { readonly file: string; readonly from: number }; readonly seq: number; readonly sums?: readonly string[]; readonly sum?: string },
    n: number,
    whole: string | null,
    recordSum: (i: number) => string,
    valid: readonly boolean[],
    reported: boolean,
  ): Array<{ path: PathSegment[]; code: ErrorCode; detail: string }> {
    const out: Array<{ path: PathSegment[]; code: ErrorCode; detail: string }> = [];
    if (snap.count !== n) out.push({ path: ['count'], code: 'E-STORE-CORRUPT', detail: `快照注明有 ${snap.count} 条记录，实际有 ${n} 条（记录被删除或添加）` });
    if (snap.log && (snap.log.file !== `${this.name}.log` || snap.log.from !== snap.seq + 1)) {
      out.push({ path: ['log'], code: 'E-STORE-CORRUPT', detail: `快照所跟随的日志应为 ${this.name}.log、自第 ${snap.seq + 1} 号操作起，实际写的是 ${snap.log.file}、自第 ${snap.log.from} 号起` });
    }
    const sums = snap.sums ?? [];
    if (sums.length !== n) out.push({ path: ['sums'], code: 'E-STORE-CHECKSUM', detail: `快照有 ${n} 条记录，却有 ${sums.length} 个记录校验和` });
    if (whole === snap.sum && out.length === 0) return out;
    let located = false;
    for (let i = 0; i < n; i++) {
      if (!valid[i] || i >= sums.length) continue;
      if (recordSum(i) === sums[i]) continue;
      located = true;
      out.push({ path: ['records', i], code: 'E-STORE-CHECKSUM', detail: renderMessage('E-STORE-CHECKSUM', { detail: `第 ${i + 1} 条记录与写入时不同（写入时的校验和为 ${sums[i]}）：其中的数值或文字被改动，或磁盘损坏` }) });
    }
    if (!located && out.length === 0 && !reported) {
      out.push({
        path: whole === null ? ['sum'] : [],
        code: 'E-STORE-CHECKSUM',
        detail: renderMessage('E-STORE-CHECKSUM', {
          detail: whole === null ? '快照缺少文件末尾的校验和 "sum"（文件被截断或改动）' : `快照文件与写入时不同（写入时的校验和为 ${snap.sum}）：文件头（序号、记录条数、所跟随的日志）或记录校验和被改动，或磁盘损坏`,
        }),
      });
    }
    return out;
  }

  /** The log's bytes (null: none); a named pipe, directory or device there is E-STORE-NOT-REGULAR, never a hang. */
  private readLog(): Buffer | null {
    return readDataFileSync(this.logFile, this.shown(`${this.name}.log`));
  }

  /**
   * Applies the log to the records in `into` (after a snapshot holding operations up to
   * `snapshotSeq`), one line at a time (the bytes are never turned into one string). Returns the
   * last operation applied, the log's size and what its end needs.
   */
  private loadLog(buf: Buffer, add: (p: LoadProblem) => void, into: Map<string, R>, snapshotSeq: number, warn: (message: string) => void): LogRead {
    const shown = this.shown(`${this.name}.log`);
    const end = buf.lastIndexOf(0x0a) + 1;
    let bytes = end;
    let needsNewline = false;
    let torn: LogRead['torn'] = null;
    let seq = snapshotSeq;
    let tailLine: string | null = null;
    let lineCount = 0;
    for (let i = buf.indexOf(0x0a); i !== -1 && i < end; i = buf.indexOf(0x0a, i + 1)) lineCount++;
    if (end < buf.length) {
      const tail = buf.subarray(end);
      const lineNo = lineCount + 1;
      if (isCompleteLine(tail)) {
        // The whole record is there; only the newline is missing. Kept, and checked like any line.
        tailLine = tail.toString('utf8');
        bytes = buf.length;
        needsNewline = true;
        warn(`${shown}:${lineNo}：最后一条记录完整，只缺行尾的换行符（写入换行符前进程中断，或文件被编辑器改动）；该记录已保留${this.host.readonly ? '' : '，下次写入前补上换行符'}`);
      } else if (this.host.readonly) {
        warn(`${shown}:${lineNo}：末尾有一条未写完的记录（${tail.length} 字节，写入时进程中断，未写完的写入从未被确认保存）；只读打开，已忽略，文件未改动`);
      } else {
        // Set aside by settle() once the whole directory has loaded without problems.
        torn = { offset: end, bytes: Buffer.from(tail), line: lineNo };
      }
    }
    let expected = snapshotSeq + 1;
    const one = (line: string, i: number): void => {
      const at = (p: readonly PathSegment[], column?: number): Location => ({ file: shown, line: i + 1, column, path: formatPath(p) });
      let entry: RecordLogEntry;
      try {
        entry = JSON.parse(line) as RecordLogEntry;
      } catch {
        const offset = jsonSyntaxErrorOffset(line) ?? 0;
        add({ ...at([], offset + 1), detail: line.trim() === '' ? '空行（日志被手工修改或损坏）' : 'JSON 语法错误（日志被手工修改或损坏）' });
        return;
      }
      const bad = validateRecord('log-entry', entry);
      if (bad.length > 0) {
        for (const p of bad) add({ ...at(p.path), detail: p.message });
        return;
      }
      // A changed line is reported by what it breaks when it breaks something (more telling), else by its checksum.
      const changed = lineChecksum(line, entry) === 'bad';
      const checksum = (): void =>
        add({ ...at([]), code: 'E-STORE-CHECKSUM', detail: renderMessage('E-STORE-CHECKSUM', { detail: `这一行与写入时不同（写入时的校验和为 ${entry.sum ?? ''}）：其中的数值或文字被改动，或磁盘损坏` }) });
      // Left over from a crash between writing a snapshot and truncating the log: already in it.
      if (entry.seq <= snapshotSeq && expected === snapshotSeq + 1) {
        if (changed) checksum();
        return;
      }
      if (entry.seq !== expected) {
        add({ ...at(['seq']), detail: `操作序号不连续：应为 ${expected}，实际为 ${entry.seq}（日志缺失或被修改）` });
        expected = entry.seq + 1;
        return;
      }
      expected++;
      seq = entry.seq;
      const result = this.applyEntry(entry, into);
      if (!result.ok) for (const p of result.problems) add({ ...at(p.path), detail: p.message });
      else if (changed) checksum();
      else into.set(result.id, freeze(result.record));
    };
    let start = 0;
    let n = 0;
    for (let i = buf.indexOf(0x0a); i !== -1 && i < end; i = buf.indexOf(0x0a, start)) {
      one(buf.toString('utf8', start, i), n++);
      start = i + 1;
    }
    if (tailLine !== null) one(tailLine, n);
    return { seq, bytes, needsNewline, torn };
  }

  /**
   * After a load without problems (writer only): moves a cut-off last line of the log into a
   * quarantine file beside it (durably, before the log is truncated) and says where it went.
   */
  async settle(): Promise<void> {
    const torn = this.torn;
    if (!torn || this.host.readonly) return;
    this.torn = null;
    const stamp = toIso(Date.now()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    let name = `${this.name}.log.torn-${stamp}`;
    for (let n = 2; await stat(path.join(this.host.dir, name)).then(() => true, () => false); n++) name = `${this.name}.log.torn-${stamp}-${n}`;
    await writeFileDurably(path.join(this.host.dir, name), torn.bytes, this.shown(name), '日志末尾未写完的记录未能移入隔离文件（日志未改动）');
    try {
      const fh = await openDataFile(this.logFile, this.shown(`${this.name}.log`), constants.O_RDWR, '日志末尾未写完的记录未能移出日志');
      try {
        await fh.truncate(torn.offset);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (e) {
      throw writeFailure(e, this.shown(`${this.name}.log`), '日志末尾未写完的记录未能移出日志');
    }
    this.host.warn(
      `${this.shown(`${this.name}.log`)}:${torn.line}：末尾有一条未写完的记录（${torn.bytes.length} 字节，写入时进程中断，未写完的写入从未被确认保存），已移出日志，原样保存在 ${this.shown(name)}`,
    );
  }

  private applyEntry(entry: RecordLogEntry, into: ReadonlyMap<string, R> = this.records): { ok: true; id: string; record: R } | { ok: false; problems: RecordProblem[] } {
    if (entry.op === 'put') {
      const record = this.rules.upgraded(entry.record);
      const problems = this.rules.problemsOf(record).map((p) => ({ path: ['record', ...p.path], message: p.message }));
      return problems.length > 0 ? { ok: false, problems } : { ok: true, id: this.spec.idOf(record), record };
    }
    const id = entry.id ?? '';
    const current = into.get(id);
    if (!current) return { ok: false, problems: [{ path: ['id'], message: `编号 ${id} 的记录不存在，不能追加环节` }] };
    const applied = this.rules.applyEvent(current, entry.event);
    return applied.ok ? { ok: true, id, record: applied.record } : applied;
  }

  /** Writes a whole record (new or replacing one), durably. Call inside the store's queue. */
  async put(record: R): Promise<R> {
    this.ensureLoaded();
    await this.settleLoaded();
    const problems = this.rules.problemsOf(record);
    if (problems.length > 0) throw invalid(problems);
    await this.append({ seq: this.seq + 1, op: 'put', record: record as unknown as RecordLogEntry['record'] });
    const frozen = freeze(record);
    this.records.set(this.spec.idOf(record), frozen);
    await this.maybeCompact();
    return frozen;
  }

  /** Appends an event to a record, durably. Call inside the store's queue. */
  async appendEvent(id: string, event: unknown): Promise<R> {
    this.ensureLoaded();
    await this.settleLoaded();
    const entry: RecordLogEntry = { seq: this.seq + 1, op: 'event', id, event: event as RecordLogEntry['event'] };
    const result = this.applyEntry(entry);
    if (!result.ok) throw invalid(result.problems.map((p) => ({ path: p.path.slice(1), message: p.message })));
    await this.append(entry);
    const frozen = freeze(result.record);
    this.records.set(id, frozen);
    await this.maybeCompact();
    return frozen;
  }

  private async append(entry: RecordLogEntry): Promise<void> {
    if (this.host.readonly) throw RecordsError.of('E-STORE-READONLY', { dir: this.host.shownDir });
    const shown = this.shown(`${this.name}.log`);
    if (this.broken) throw RecordsError.of('E-STORE-BROKEN', { file: shown, reason: this.broken.message });
    // A new collection gets its snapshot (naming the log) first, so that losing the log is noticed.
    if (this.format < SNAPSHOT_FORMAT) {
      try {
        await this.compact(true);
      } catch (e) {
        // Nothing of this write reached the log: say so, not that the snapshot failed.
        if (e instanceof RecordsError && e.code === 'E-STORE-DISK-FULL') throw RecordsError.of('E-STORE-DISK-FULL', { what: '记录未能保存' }, e.location);
        throw e;
      }
    }
    const bytes = Buffer.from(`${this.needsNewline ? '\n' : ''}${logLine(entry)}\n`, 'utf8');
    const fh = await this.openLog();
    const before = this.logBytes;
    try {
      let done = 0;
      while (done < bytes.length) done += (await fh.write(bytes, done, bytes.length - done)).bytesWritten;
      await fh.datasync();
    } catch (e) {
      // Never leave half a line for the next append to follow.
      try {
        await fh.truncate(before);
      } catch (e2) {
        this.broken = e2 as Error;
      }
      throw isDiskFull(e) ? writeFailure(e, shown, '记录未能保存') : new RecordsError('E-STORE-IO', `写入失败，记录未保存：${(e as Error).message}`, { file: shown });
    }
    this.logBytes = before + bytes.length;
    this.needsNewline = false;
    this.seq = entry.seq;
  }

  private async openLog(): Promise<FileHandle> {
    if (this.log) return this.log;
    const shown = this.shown(`${this.name}.log`);
    // stat, not open: it never blocks, whatever is there.
    const existed = await stat(this.logFile).then(
      () => true,
      () => false,
    );
    // Only a regular file is appended to: a named pipe there would block the open (and so every
    // write of the service), a device would swallow or refuse the records.
    const fh = await openDataFile(this.logFile, shown, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, '日志文件未能创建，记录未保存');
    try {
      if (!existed) await syncDir(this.host.dir);
    } catch (e) {
      await fh.close().catch(() => undefined);
      throw writeFailure(e, shown, '日志文件未能创建，记录未保存');
    }
    this.log = fh;
    return this.log;
  }

  /**
   * Compacts a grown log; a failure (a full disk) loses nothing: the records stay in the log. A
   * large snapshot is written outside the write queue (`compactInBackground`): the write that
   * made the log grow is acknowledged at once, and the writes after it do not wait.
   */
  private async maybeCompact(): Promise<void> {
    if (this.job) return;
    if (!(this.logBytes > this.host.compactAfterBytes && this.logBytes > Math.min(this.adapter.bytes, COMPACTION.maxLogBytes))) return;
    if (this.host.exclusive && this.adapter.bytes >= COMPACTION.backgroundAboveBytes && this.format === SNAPSHOT_FORMAT && !this.needsNewline) {
      this.compactInBackground();
      return;
    }
    try {
      await this.compact();
      this.compactionWarned = false;
    } catch (e) {
      if (!(e instanceof RecordsError)) throw e;
      this.compactionFailed(e);
    }
  }

  private compactionFailed(e: unknown): void {
    if (!this.compactionWarned) this.host.warn(`${this.name}：整理日志失败，记录仍完整保存在日志中，稍后再试：${(e as Error).message}`);
    this.compactionWarned = true;
  }

  /** The snapshot of the records as they are now (records are immutable: later writes do not change it). */
  private snapshotNow(): RecordSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      collection: this.name,
      seq: this.seq,
      count: this.records.size,
      log: { file: `${this.name}.log`, from: this.seq + 1 },
      records: [...this.records.values()] as unknown as RecordSnapshot['records'],
    };
  }

  /**
   * Called inside the queue: takes the records as they are (up to operation `seq`), writes the
   * snapshot outside the queue, then folds the log in the queue. Until then the log keeps every
   * entry; loading skips those the new snapshot already holds, so a crash at any point loses
   * nothing. Writes made meanwhile stay in the log, which is replaced by a file holding only them.
   */
  private compactInBackground(): void {
    const data = this.snapshotNow();
    const job: CompactionJob = { seq: this.seq, logAt: this.logBytes, written: Promise.resolve(false), finished: false };
    job.written = this.adapter.write(data).then(
      () => true,
      (e: unknown) => {
        this.compactionFailed(e);
        return false;
      },
    );
    this.job = job;
    void job.written.then(async (ok) => {
      if (!ok) {
        if (this.job === job) this.job = null;
        return;
      }
      try {
        await this.host.exclusive!(() => this.foldLog(job));
      } catch (e) {
        // The store closed meanwhile (its close folded the log), or the log could not be replaced:
        // the entries stay in it, and loading skips those the snapshot holds.
        if (!(e instanceof RecordsError && e.code === 'E-STORE-CLOSED')) this.compactionFailed(e);
      }
    });
  }

  /** In the queue, once the background snapshot is on disk: drops from the log what it holds. */
  private async foldLog(job: CompactionJob): Promise<void> {
    if (job.finished) return;
    job.finished = true;
    if (this.job === job) this.job = null;
    if (this.broken) return;
    const shown = this.shown(`${this.name}.log`);
    if (this.logBytes === job.logAt) {
      const fh = await this.openLog();
      await fh.truncate(0);
      await fh.datasync();
      this.logBytes = 0;
      this.needsNewline = false;
      this.compactionWarned = false;
      return;
    }
    // Writes came in meanwhile: the log becomes a new file with only them (written, synced, renamed).
    const rest = Buffer.alloc(this.logBytes - job.logAt);
    const rd = await openDataFile(this.logFile, shown, constants.O_RDONLY, '日志未能整理');
    try {
      let done = 0;
      while (done < rest.length) {
        const n = (await rd.read(rest, done, rest.length - done, job.logAt + done)).bytesRead;
        if (n === 0) throw new RecordsError('E-STORE-IO', '日志比预期短，未整理', { file: shown });
        done += n;
      }
    } finally {
      await rd.close();
    }
    await writeFileDurably(this.logFile, rest, shown, '日志未能整理（记录仍完整保存在日志中）');
    await this.log?.close().catch(() => undefined);
    this.log = null;
    this.logBytes = rest.length;
    this.compactionWarned = false;
  }

  /** Waits for a compaction running outside the queue, and takes over its last step. Call inside the queue. */
  private async finishBackground(): Promise<void> {
    const job = this.job;
    if (!job) return;
    const ok = await job.written;
    if (ok) await this.foldLog(job);
    else {
      job.finished = true;
      if (this.job === job) this.job = null;
    }
  }

  /**
   * Folds the log into a new snapshot (format 2: checksums, count, and the log that follows, which
   * exists before the snapshot names it). Call inside the store's queue (or while opening/closing).
   * `force` writes one even when the log is empty (a new collection, an older format).
   */
  async compact(force = false): Promise<void> {
    if (this.host.readonly || this.lazy) return;
    await this.finishBackground();
    if (!force && this.logBytes === 0 && this.format === SNAPSHOT_FORMAT) return;
    const fh = await this.openLog();
    this.db.data = this.snapshotNow();
    try {
      await this.db.write();
    } finally {
      this.db.data = this.empty();
    }
    this.format = SNAPSHOT_FORMAT;
    if (this.logBytes > 0) {
      // Truncating needs no space; whatever it leaves, loading skips the entries the snapshot holds.
      await fh.truncate(0);
      await fh.datasync();
      this.logBytes = 0;
      this.needsNewline = false;
    }
  }

  /** Compacts (writer) and closes the log. On a full disk the records stay in the log, compacted next time. */
  async close(): Promise<void> {
    try {
      if (this.unsettled && !this.broken) await this.settle();
      await this.finishBackground();
      if (!this.host.readonly && this.logBytes > 0 && !this.broken) await this.compact();
    } catch (e) {
      if (!(e instanceof RecordsError && e.code === 'E-STORE-DISK-FULL')) throw e;
      this.host.warn(`${this.name}：关闭时整理日志失败，记录仍完整保存在日志中，下次打开时整理：${e.message}`);
    } finally {
      await this.log?.close();
      this.log = null;
    }
  }

  /** What stands for a snapshot not on disk (and the write buffer between compactions). */
  private empty(): RecordSnapshot {
    return { format: 1, collection: this.name, seq: 0, records: [] };
  }

  private shown(file: string): string {
    return path.join(this.host.shownDir, file);
  }
}

/**
 * The chunks of a snapshot of `count` records taken one at a time from `records` (any iterable:
 * the bench writes 200,000 cases without holding them), exactly as the store writes it. One record
 * per line, so that an error's line number names the record; from format 3, the elements of the
 * `shared` arrays written once each (shared-values.ts). Then the lines' CRC-32s, then the CRC-32 of
 * everything before it.
 */
export function* snapshotChunks(
  s: { readonly format: number; readonly collection: string; readonly seq: number; readonly log?: RecordSnapshot['log'] },
  records: Iterable<unknown>,
  count: number,
  shared: SharedPaths = [],
): Generator<string> {
  const writer = s.format >= 3 ? new SharedWriter(shared) : null;
  let whole = 0;
  const sums: string[] = [];
  const out = (chunk: string): string => {
    whole = crc32(chunk, whole);
    return chunk;
  };
  const head = s.format >= 2 ? `,"count":${count},"log":${JSON.stringify(s.log)}` : '';
  yield out(`{"format":${s.format},"collection":${JSON.stringify(s.collection)},"seq":${s.seq}${head},"records":[`);
  let first = true;
  for (const r of records) {
    const text = JSON.stringify(writer ? writer.encode(r) : r);
    sums.push(hex(crc32(text)));
    yield out(`${first ? '' : ','}\n${text}`);
    first = false;
  }
  if (s.format < 2) {
    yield first ? ']}\n' : '\n]}\n';
    return;
  }
  yield out(`${first ? '' : '\n'}],\n"sums":[${sums.map((x) => `"${x}"`).join(',')}]`);
  yield `,\n"sum":"${hex(whole)}"}\n`;
}

/** Can the bytes after the last newline be a whole record? A cut-off JSON object never parses. */
function isCompleteLine(tail: Buffer): boolean {
  try {
    const v: unknown = JSON.parse(tail.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
