/**
 * One collection kept in PostgreSQL (rows of bianmin_records with its name) and mirrored in
 * memory, so that the registers read it as they read a data directory's. The mirror follows the
 * database: rows other replicas wrote arrive by `PgStore.refresh` (and before every write, inside
 * the write's transaction), each validated as a data directory validates its files.
 */
import type { RecordCollection } from '../backend.ts';
import type { CollectionSpec } from '../collection.ts';
import { freeze, invalid, RecordRules } from '../record-rules.ts';
import type { RecordProblem } from '../record-schemas.ts';

/** What a collection needs from its store. */
export interface PgCollectionHost {
  /**
   * Writes the row in the running transaction: inserted when `expectedRev` is undefined (a new
   * id), else updated only if its rev is still `expectedRev`. Returns the row's new rev; `undo`
   * is run if the transaction does not commit.
   */
  writeRow(collection: string, id: string, record: unknown, expectedRev: number | undefined, undo: () => void): Promise<number>;
}

export class PgCollection<R> implements RecordCollection<R> {
  private readonly records = new Map<string, R>();
  private readonly revs = new Map<string, number>();
  private readonly rules: RecordRules<R>;

  constructor(
    readonly name: string,
    spec: CollectionSpec<R>,
    private readonly host: PgCollectionHost,
  ) {
    this.rules = new RecordRules(spec);
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

  async *scan(): AsyncIterable<R> {
    yield* this.records.values();
  }

  /**
   * A row read from the database, unless the mirror has it at this rev or later already. Returns
   * its problems (paths inside the record); a row with problems is not taken.
   */
  applyRow(id: string, rev: number, raw: unknown): RecordProblem[] {
    const known = this.revs.get(id);
    if (known !== undefined && known >= rev) return [];
    const record = this.rules.upgraded(raw);
    const problems = this.rules.problemsOf(record);
    if (problems.length > 0) return problems;
    if (this.rules.idOf(record) !== id) return [{ path: ['id'], message: `记录的编号 ${JSON.stringify(this.rules.idOf(record))} 与所在行的编号 ${JSON.stringify(id)} 不符` }];
    this.records.set(id, freeze(record));
    this.revs.set(id, rev);
    return [];
  }

  async put(record: R): Promise<R> {
    const problems = this.rules.problemsOf(record);
    if (problems.length > 0) throw invalid(problems);
    return this.write(this.rules.idOf(record), record);
  }

  async appendEvent(id: string, event: unknown): Promise<R> {
    const current = this.records.get(id);
    if (!current) throw invalid([{ path: [], message: `编号 ${id} 的记录不存在，不能追加环节` }]);
    const applied = this.rules.applyEvent(current, event);
    if (!applied.ok) throw invalid(applied.problems.map((p) => ({ path: p.path.slice(1), message: p.message })));
    return this.write(id, applied.record);
  }

  private async write(id: string, record: R): Promise<R> {
    const before = this.records.get(id);
    const beforeRev = this.revs.get(id);
    const frozen = freeze(record);
    const rev = await this.host.writeRow(this.name, id, record, beforeRev, () => {
      if (before === undefined) {
        this.records.delete(id);
        this.revs.delete(id);
      } else {
        this.records.set(id, before);
        this.revs.set(id, beforeRev!);
      }
    });
    this.records.set(id, frozen);
    this.revs.set(id, rev);
    return frozen;
  }
}
