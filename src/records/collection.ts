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
 */
import { constants } from 'node:fs';
import { stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { Low } from 'lowdb';
import { formatPath, renderMessage, type ErrorCode, type Location } from '../core/index.ts';
import type { RecordLogEntry, RecordSnapshot } from '../pack/index.ts';
import { DurableJsonFile, isDiskFull, openDataFile, readDataFile, syncDir, writeFailure, writeFileDurably } from './durable-file.ts';
import { RecordsError } from './errors.ts';
import { toIso } from './time.ts';
import { jsonSyntaxErrorOffset, lineColumn, offsetOfPath, type PathSegment } from './json-locate.ts';
import { validateRecord, type RecordKind, type RecordProblem } from './record-schemas.ts';

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
}

/** A located problem found while loading. */
export interface LoadProblem extends Location {
  readonly detail: string;
  /** The problem's own code (default E-STORE-CORRUPT). */
  readonly code?: ErrorCode;
}

const MAX_PROBLEMS = 20;

/** The snapshot format this version writes: with checksums, count and the log that follows. */
export const SNAPSHOT_FORMAT = 2;

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
  readonly jsonFile: string;
  readonly logFile: string;

  constructor(
    readonly name: string,
    private readonly spec: CollectionSpec<R>,
    private readonly host: CollectionHost,
  ) {
    this.jsonFile = path.join(host.dir, `${name}.json`);
    this.logFile = path.join(host.dir, `${name}.log`);
    this.adapter = new DurableJsonFile<RecordSnapshot>(this.jsonFile, this.shown(`${name}.json`), serializeSnapshot);
    this.db = new Low<RecordSnapshot>(this.adapter, this.empty());
  }

  get size(): number {
    return this.records.size;
  }

  get(id: string): R | undefined {
    return this.records.get(id);
  }

  values(): IterableIterator<R> {
    return this.records.values();
  }

  /** Last operation sequence number (for tests and backups). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Reads snapshot and log; returns every problem found (empty: loaded). */
  async load(): Promise<LoadProblem[]> {
    const problems: LoadProblem[] = [];
    const add = (p: LoadProblem): void => {
      if (problems.length < MAX_PROBLEMS) problems.push(p);
    };
    // The log is read before the snapshot: a reader racing a writer's compaction then sees either
    // the old log with a newer snapshot (entries already in it are skipped) or a consistent pair.
    let log = await this.readLog();
    try {
      await this.db.read();
    } catch (e) {
      if (e instanceof RecordsError && e.code !== 'E-STORE-NOT-REGULAR') return [{ ...e.location, detail: e.detail }];
      throw e;
    }
    const snap = this.db.data;
    const text = this.adapter.takeText();
    const raw = this.adapter.takeBytes();
    const locate = (p: readonly PathSegment[]): Location => {
      const at = text ? lineColumn(text, offsetOfPath(text, p)) : { line: 0, column: 0 };
      return { file: this.adapter.shown, line: at.line || undefined, column: at.column || undefined, path: formatPath(p) };
    };
    const envelope = validateRecord('snapshot', snap);
    for (const p of envelope) add({ ...locate(p.path), detail: p.message });
    if (envelope.length === 0 && snap.collection !== this.name) add({ ...locate(['collection']), detail: `快照属于登记簿 ${snap.collection}，与文件名 ${this.name} 不符` });
    if (envelope.length > 0) return problems;
    this.format = this.adapter.exists ? snap.format : 0;
    this.seq = snap.seq;
    const before = problems.length;
    const valid: boolean[] = [];
    snap.records.forEach((rec, i) => {
      const record = this.upgraded(rec) as R;
      const found = this.problemsOf(record);
      for (const p of found) add({ ...locate(['records', i, ...p.path]), detail: p.message });
      valid.push(found.length === 0);
      if (found.length > 0) return;
      const id = this.spec.idOf(record);
      if (this.records.has(id)) add({ ...locate(['records', i]), detail: `编号 ${id} 重复` });
      this.records.set(id, freeze(record));
    });
    if (this.format >= 2) {
      for (const p of this.checkSnapshot(snap, raw, valid, problems.length > before)) add({ ...locate(p.path), code: p.code, detail: p.detail });
      // Created before the snapshot that names it: a reader racing a writer's first write may have missed it.
      log ??= await this.readLog();
      if (!log && snap.log) {
        add({
          ...locate(['log']),
          code: 'E-STORE-LOG-MISSING',
          detail: renderMessage('E-STORE-LOG-MISSING', { log: this.shown(snap.log.file), from: snap.log.from }),
        });
      }
    }
    // The records now live in the map; the snapshot object is only a write buffer.
    this.db.data = this.empty();
    if (log) await this.loadLog(log, add);
    return problems;
  }

  /**
   * The checks a format-2 snapshot adds: its count, the log it names and its checksums. The file's
   * checksum is compared first (one pass); only when it differs are the records' own compared,
   * to say which line changed. Records already reported invalid are not reported again.
   */
  private checkSnapshot(
    snap: RecordSnapshot,
    raw: Buffer | null,
    valid: readonly boolean[],
    reported: boolean,
  ): Array<{ path: PathSegment[]; code: ErrorCode; detail: string }> {
    const out: Array<{ path: PathSegment[]; code: ErrorCode; detail: string }> = [];
    const n = snap.records.length;
    if (snap.count !== n) out.push({ path: ['count'], code: 'E-STORE-CORRUPT', detail: `快照注明有 ${snap.count} 条记录，实际有 ${n} 条（记录被删除或添加）` });
    if (snap.log && (snap.log.file !== `${this.name}.log` || snap.log.from !== snap.seq + 1)) {
      out.push({ path: ['log'], code: 'E-STORE-CORRUPT', detail: `快照所跟随的日志应为 ${this.name}.log、自第 ${snap.seq + 1} 号操作起，实际写的是 ${snap.log.file}、自第 ${snap.log.from} 号起` });
    }
    const sums = snap.sums ?? [];
    if (sums.length !== n) out.push({ path: ['sums'], code: 'E-STORE-CHECKSUM', detail: `快照有 ${n} 条记录，却有 ${sums.length} 个记录校验和` });
    const at = raw ? raw.lastIndexOf(SNAPSHOT_SUM) : -1;
    const whole = at >= 0 ? hex(crc32(raw!.subarray(0, at))) : null;
    if (whole === snap.sum && out.length === 0) return out;
    let located = false;
    snap.records.forEach((rec, i) => {
      if (!valid[i] || i >= sums.length) return;
      if (hex(crc32(JSON.stringify(rec))) === sums[i]) return;
      located = true;
      out.push({ path: ['records', i], code: 'E-STORE-CHECKSUM', detail: renderMessage('E-STORE-CHECKSUM', { detail: `第 ${i + 1} 条记录与写入时不同（写入时的校验和为 ${sums[i]}）：其中的数值或文字被改动，或磁盘损坏` }) });
    });
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
  private readLog(): Promise<Buffer | null> {
    return readDataFile(this.logFile, this.shown(`${this.name}.log`));
  }

  private async loadLog(buf: Buffer, add: (p: LoadProblem) => void): Promise<void> {
    const shown = this.shown(`${this.name}.log`);
    const end = buf.lastIndexOf(0x0a) + 1;
    const lines = buf.subarray(0, end).toString('utf8').split('\n');
    lines.pop();
    this.logBytes = end;
    if (end < buf.length) {
      const tail = buf.subarray(end);
      const lineNo = lines.length + 1;
      if (isCompleteLine(tail)) {
        // The whole record is there; only the newline is missing. Kept, and checked like any line.
        lines.push(tail.toString('utf8'));
        this.logBytes = buf.length;
        this.needsNewline = true;
        this.host.warn(`${shown}:${lineNo}：最后一条记录完整，只缺行尾的换行符（写入换行符前进程中断，或文件被编辑器改动）；该记录已保留${this.host.readonly ? '' : '，下次写入前补上换行符'}`);
      } else if (this.host.readonly) {
        this.host.warn(`${shown}:${lineNo}：末尾有一条未写完的记录（${tail.length} 字节，写入时进程中断，未写完的写入从未被确认保存）；只读打开，已忽略，文件未改动`);
      } else {
        // Set aside by settle() once the whole directory has loaded without problems.
        this.torn = { offset: end, bytes: Buffer.from(tail), line: lineNo };
      }
    }
    const snapshotSeq = this.seq;
    let expected = snapshotSeq + 1;
    lines.forEach((line, i) => {
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
      this.seq = entry.seq;
      const result = this.applyEntry(entry);
      if (!result.ok) for (const p of result.problems) add({ ...at(p.path), detail: p.message });
      else if (changed) checksum();
      else this.records.set(result.id, freeze(result.record));
    });
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

  private applyEntry(entry: RecordLogEntry): { ok: true; id: string; record: R } | { ok: false; problems: RecordProblem[] } {
    if (entry.op === 'put') {
      const record = this.upgraded(entry.record) as R;
      const problems = this.problemsOf(record).map((p) => ({ path: ['record', ...p.path], message: p.message }));
      return problems.length > 0 ? { ok: false, problems } : { ok: true, id: this.spec.idOf(record), record };
    }
    const id = entry.id ?? '';
    const current = this.records.get(id);
    if (!current) return { ok: false, problems: [{ path: ['id'], message: `编号 ${id} 的记录不存在，不能追加环节` }] };
    const events = this.spec.events;
    if (!events) return { ok: false, problems: [{ path: ['op'], message: '该登记簿没有环节（event）操作' }] };
    const badEvent = validateRecord(events.kind, entry.event);
    if (badEvent.length > 0) return { ok: false, problems: badEvent.map((p) => ({ path: ['event', ...p.path], message: p.message })) };
    const next = events.apply(current, entry.event);
    // The record was valid and the event is: only the rules across events need checking again.
    const problems = this.spec.check ? [...this.spec.check(next)] : [];
    // A rule broken by the new event (order, state) is the event's problem.
    return problems.length > 0 ? { ok: false, problems: problems.map((p) => ({ path: ['event'], message: p.message })) } : { ok: true, id, record: next };
  }

  private upgraded(record: unknown): unknown {
    return this.spec.upgrade ? this.spec.upgrade(record) : record;
  }

  private problemsOf(record: R): RecordProblem[] {
    const problems = validateRecord(this.spec.kind, record);
    if (problems.length > 0 || !this.spec.check) return problems;
    return [...this.spec.check(record)];
  }

  /** Writes a whole record (new or replacing one), durably. Call inside the store's queue. */
  async put(record: R): Promise<R> {
    const problems = this.problemsOf(record);
    if (problems.length > 0) throw invalid(problems);
    await this.append({ seq: this.seq + 1, op: 'put', record: record as unknown as RecordLogEntry['record'] });
    const frozen = freeze(record);
    this.records.set(this.spec.idOf(record), frozen);
    await this.maybeCompact();
    return frozen;
  }

  /** Appends an event to a record, durably. Call inside the store's queue. */
  async appendEvent(id: string, event: unknown): Promise<R> {
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

  /** Compacts a grown log; a failure (a full disk) loses nothing: the records stay in the log. */
  private async maybeCompact(): Promise<void> {
    if (!(this.logBytes > this.host.compactAfterBytes && this.logBytes > this.adapter.bytes)) return;
    try {
      await this.compact();
      this.compactionWarned = false;
    } catch (e) {
      if (!(e instanceof RecordsError)) throw e;
      if (!this.compactionWarned) this.host.warn(`${this.name}：整理日志失败，记录仍完整保存在日志中，稍后再试：${e.message}`);
      this.compactionWarned = true;
    }
  }

  /**
   * Folds the log into a new snapshot (format 2: checksums, count, and the log that follows, which
   * exists before the snapshot names it). Call inside the store's queue (or while opening/closing).
   * `force` writes one even when the log is empty (a new collection, an older format).
   */
  async compact(force = false): Promise<void> {
    if (this.host.readonly) return;
    if (!force && this.logBytes === 0 && this.format === SNAPSHOT_FORMAT) return;
    const fh = await this.openLog();
    this.db.data = {
      format: SNAPSHOT_FORMAT,
      collection: this.name,
      seq: this.seq,
      count: this.records.size,
      log: { file: `${this.name}.log`, from: this.seq + 1 },
      records: [...this.records.values()] as unknown as RecordSnapshot['records'],
    };
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
 * One record per line: compact enough for 20,000 cases, and an error's line number names the
 * record. Then the records' CRC-32s, then the CRC-32 of everything before it. Produced in chunks.
 */
function* serializeSnapshot(s: RecordSnapshot): Generator<string> {
  let whole = 0;
  const sums: string[] = [];
  const out = (chunk: string): string => {
    whole = crc32(chunk, whole);
    return chunk;
  };
  const head = s.format >= 2 ? `,"count":${s.records.length},"log":${JSON.stringify(s.log)}` : '';
  yield out(`{"format":${s.format},"collection":${JSON.stringify(s.collection)},"seq":${s.seq}${head},"records":[`);
  let first = true;
  for (const r of s.records) {
    const text = JSON.stringify(r);
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

function invalid(problems: readonly RecordProblem[]): RecordsError {
  const first = problems[0]!;
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处：${problems.slice(1, 4).map((p) => `${formatPath(p.path)} ${p.message}`).join('；')}）` : '';
  const details = problems.map((p) => ({ code: 'E-RECORD-INVALID' as const, message: p.message, path: formatPath(p.path) }));
  return new RecordsError('E-RECORD-INVALID', `${first.message}${more}`, { path: formatPath(first.path) }, details);
}

/** Records handed out are immutable: callers cannot change the store behind its back. */
function freeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const v of Object.values(value as object)) freeze(v);
  return Object.freeze(value);
}
