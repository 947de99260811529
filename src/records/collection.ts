/**
 * One collection of records (a year's cases, the complaints …) kept as a lowdb snapshot
 * (NAME.json) plus an append-only operation log (NAME.log, one JSON line per operation).
 *
 * Why a log: rewriting a 20,000-case snapshot for every case event costs far more than the 20 ms
 * an event may take. An operation is appended to the log and fsynced before it is acknowledged;
 * the log is folded into a new snapshot (atomic, durable replace) when it has grown as large as
 * the snapshot, when the store opens and when it closes. Every operation carries a sequence
 * number and the snapshot records the last one it contains, so a crash between writing the
 * snapshot and truncating the log only leaves entries that loading skips. A last line without
 * its newline is a write that was never acknowledged (the process died mid-append): loading
 * drops it. Anything else that does not parse or validate is corruption, reported with file,
 * line and JSON path, and the store refuses to open.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { formatPath, type Location } from '../core/index.ts';
import type { RecordLogEntry, RecordSnapshot } from '../pack/index.ts';
import { DurableJsonFile, syncDir } from './durable-file.ts';
import { RecordsError } from './errors.ts';
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
}

const MAX_PROBLEMS = 20;

export class Collection<R> {
  private records = new Map<string, R>();
  private seq = 0;
  private logBytes = 0;
  private log: FileHandle | null = null;
  private readonly adapter: DurableJsonFile<RecordSnapshot>;
  private readonly db: Low<RecordSnapshot>;
  private broken: Error | null = null;
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
    const log = await this.readLog();
    try {
      await this.db.read();
    } catch (e) {
      if (e instanceof RecordsError) return [{ ...e.location, detail: e.detail }];
      throw e;
    }
    const snap = this.db.data;
    const text = this.adapter.takeText();
    const locate = (p: readonly PathSegment[]): Location => {
      const at = text ? lineColumn(text, offsetOfPath(text, p)) : { line: 0, column: 0 };
      return { file: this.adapter.shown, line: at.line || undefined, column: at.column || undefined, path: formatPath(p) };
    };
    const envelope = validateRecord('snapshot', snap);
    for (const p of envelope) add({ ...locate(p.path), detail: p.message });
    if (envelope.length === 0 && snap.collection !== this.name) add({ ...locate(['collection']), detail: `快照属于登记簿 ${snap.collection}，与文件名 ${this.name} 不符` });
    if (envelope.length > 0) return problems;
    this.seq = snap.seq;
    snap.records.forEach((raw, i) => {
      const record = raw as unknown as R;
      const found = this.problemsOf(record);
      for (const p of found) add({ ...locate(['records', i, ...p.path]), detail: p.message });
      if (found.length > 0) return;
      const id = this.spec.idOf(record);
      if (this.records.has(id)) add({ ...locate(['records', i]), detail: `编号 ${id} 重复` });
      this.records.set(id, freeze(record));
    });
    // The records now live in the map; the snapshot object is only a write buffer.
    this.db.data = this.empty();
    if (log) await this.loadLog(log, add);
    return problems;
  }

  private async readLog(): Promise<Buffer | null> {
    try {
      return await readFile(this.logFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new RecordsError('E-STORE-IO', `无法读取：${(e as Error).message}`, { file: this.shown(`${this.name}.log`) });
    }
  }

  private async loadLog(buf: Buffer, add: (p: LoadProblem) => void): Promise<void> {
    const shown = this.shown(`${this.name}.log`);
    const end = buf.lastIndexOf(0x0a) + 1;
    if (end < buf.length) {
      // Died mid-append: that write was never acknowledged.
      this.host.warn(`${shown}：末尾有一条未写完的记录（${buf.length - end} 字节，写入时进程中断，未曾确认保存），已${this.host.readonly ? '忽略' : '丢弃'}`);
      if (!this.host.readonly) {
        const fh = await open(this.logFile, 'r+');
        try {
          await fh.truncate(end);
          await fh.sync();
        } finally {
          await fh.close();
        }
      }
    }
    this.logBytes = end;
    const lines = buf.subarray(0, end).toString('utf8').split('\n');
    lines.pop();
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
      // Left over from a crash between writing a snapshot and truncating the log: already in it.
      if (entry.seq <= snapshotSeq && expected === snapshotSeq + 1) return;
      if (entry.seq !== expected) {
        add({ ...at(['seq']), detail: `操作序号不连续：应为 ${expected}，实际为 ${entry.seq}（日志缺失或被修改）` });
        expected = entry.seq + 1;
        return;
      }
      expected++;
      this.seq = entry.seq;
      const result = this.applyEntry(entry);
      if (result.ok) this.records.set(result.id, freeze(result.record));
      else for (const p of result.problems) add({ ...at(p.path), detail: p.message });
    });
  }

  private applyEntry(entry: RecordLogEntry): { ok: true; id: string; record: R } | { ok: false; problems: RecordProblem[] } {
    if (entry.op === 'put') {
      const record = entry.record as unknown as R;
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
    if (this.broken) throw RecordsError.of('E-STORE-BROKEN', { file: this.shown(`${this.name}.log`), reason: this.broken.message });
    const bytes = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
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
      throw new RecordsError('E-STORE-IO', `写入失败，记录未保存：${(e as Error).message}`, { file: this.shown(`${this.name}.log`) });
    }
    this.logBytes = before + bytes.length;
    this.seq = entry.seq;
  }

  private async openLog(): Promise<FileHandle> {
    if (this.log) return this.log;
    const existed = await open(this.logFile, 'r').then(
      async (fh) => {
        await fh.close();
        return true;
      },
      () => false,
    );
    this.log = await open(this.logFile, 'a');
    if (!existed) await syncDir(this.host.dir);
    return this.log;
  }

  private async maybeCompact(): Promise<void> {
    if (this.logBytes > this.host.compactAfterBytes && this.logBytes > this.adapter.bytes) await this.compact();
  }

  /** Folds the log into a new snapshot. Call inside the store's queue (or while opening/closing). */
  async compact(): Promise<void> {
    if (this.host.readonly || (this.logBytes === 0 && this.adapter.bytes > 0)) return;
    this.db.data = { format: 1, collection: this.name, seq: this.seq, records: [...this.records.values()] as unknown as RecordSnapshot['records'] };
    try {
      await this.db.write();
    } finally {
      this.db.data = this.empty();
    }
    if (this.logBytes > 0) {
      const fh = await this.openLog();
      await fh.truncate(0);
      await fh.datasync();
      this.logBytes = 0;
    }
  }

  async close(): Promise<void> {
    if (!this.host.readonly && this.logBytes > 0 && !this.broken) await this.compact();
    await this.log?.close();
    this.log = null;
  }

  private empty(): RecordSnapshot {
    return { format: 1, collection: this.name, seq: 0, records: [] };
  }

  private shown(file: string): string {
    return path.join(this.host.shownDir, file);
  }
}

/**
 * One record per line: compact enough for 20,000 cases, and an error's line number names the
 * record. Produced in chunks.
 */
function* serializeSnapshot(s: RecordSnapshot): Generator<string> {
  yield `{"format":${s.format},"collection":${JSON.stringify(s.collection)},"seq":${s.seq},"records":[`;
  let first = true;
  for (const r of s.records) {
    yield `${first ? '' : ','}\n${JSON.stringify(r)}`;
    first = false;
  }
  yield first ? ']}\n' : '\n]}\n';
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
