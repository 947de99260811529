/**
 * What the registers (cases, complaints, reviews …) need from where records are kept. Two
 * backends implement it: a data directory (lowdb files, one writer process: store.ts) and a
 * PostgreSQL database (any number of service replicas: postgres/store.ts). The registers hold
 * every rule; a backend only keeps records durably and runs writes one at a time.
 */
import type { CollectionSpec, LoadProblem } from './collection.ts';
import { RecordsError } from './errors.ts';

/** The records of one kind (a year of cases, the complaints …), read from memory. */
export interface RecordCollection<R> {
  readonly name: string;
  readonly size: number;
  get(id: string): R | undefined;
  values(): IterableIterator<R>;
  /** Every record, read from storage when not in memory, without keeping them. */
  scan(): AsyncIterable<R>;
  /** Writes a whole record (new or replacing one), durably. Only inside `exclusive`. */
  put(record: R): Promise<R>;
  /** Appends an event to a record, durably. Only inside `exclusive`. */
  appendEvent(id: string, event: unknown): Promise<R>;
}

/** Archived contents (publications), stored once by name (`<sha256>.<ext>`). */
export interface ContentStore {
  /** Stores `bytes` under `name` unless it is there already. Only inside `exclusive`. */
  put(name: string, bytes: Buffer): Promise<void>;
  get(name: string): Promise<Buffer | null>;
  /** Where `name` is, for messages. */
  shown(name: string): string;
}

export interface BackupResult {
  /** The backup directory (absolute): a data directory that `bianmin restore` reads back. */
  readonly dir: string;
  readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: number; readonly sha256: string }>;
  /** Records per collection in the copy, as read back. */
  readonly counts: Readonly<Record<string, number>>;
  /** The workbench's files copied: pack history blobs and drafts. */
  readonly workbench: { readonly blobs: number; readonly drafts: number };
}

export interface RecordBackend {
  readonly kind: 'lowdb' | 'postgres';
  /** The data directory (absolute) or the database URL without its password. */
  readonly dir: string;
  /** As the user wrote it (password masked), for messages. */
  readonly shownDir: string;
  readonly readonly: boolean;
  /** Things noticed while opening (e.g. an unacknowledged half-written entry dropped). */
  readonly warnings: string[];
  readonly content: ContentStore;
  /** Records written by other processes and applied here so far: caches derived from records start again when it changes. */
  readonly foreignWrites: number;
  /** The collection `name` (empty if it has no records yet). */
  collection<R>(name: string): RecordCollection<R>;
  /** Names of the collections present (sorted). */
  names(): string[];
  /** Names of the collections in memory (the others are read on first access). */
  loadedNames(): string[];
  /**
   * Runs `fn` alone: no other write of this process — nor, on PostgreSQL, of any replica —
   * interleaves with it, and it sees every write committed before it. Its writes are kept
   * together: on PostgreSQL all or none of them commit.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Catches up with writes other processes committed (PostgreSQL replicas); nothing to do for a directory. */
  refresh(): Promise<void>;
  /** Text of a file an earlier version kept beside the records (null: none, or not a directory). */
  legacyText(name: string): Promise<string | null>;
  backup(dest?: string): Promise<BackupResult>;
  close(): Promise<void>;
}

/** The located problems of a damaged store, as one error (E-STORE-CORRUPT …). */
export type LoadFailure = (problems: readonly LoadProblem[]) => Error;

/** `postgres://` or `postgresql://`: the records are in a database, not a directory. */
export function isDatabaseUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** Opens a copy (a backup, a restored target), counts its records per collection, and closes it again. */
export async function readBack(open: () => Promise<RecordBackend>): Promise<Record<string, number>> {
  const copy = await open();
  try {
    const counts: Record<string, number> = {};
    for (const n of copy.names()) counts[n] = copy.collection(n).size;
    return counts;
  } finally {
    await copy.close();
  }
}

/** A store's collections by name, each made on first use from its spec (an unknown name is E-STORE-UNKNOWN). */
export class CollectionRegistry<C> {
  private readonly made = new Map<string, C>();

  constructor(
    private readonly specFor: (name: string) => CollectionSpec<unknown> | null,
    private readonly make: (name: string, spec: CollectionSpec<unknown>) => C,
  ) {}

  get(name: string): C {
    let c = this.made.get(name);
    if (!c) {
      const spec = this.specFor(name);
      if (!spec) throw RecordsError.of('E-STORE-UNKNOWN', { name });
      c = this.make(name, spec);
      this.made.set(name, c);
    }
    return c;
  }

  /** Names made so far, sorted. */
  names(): string[] {
    return [...this.made.keys()].sort();
  }

  values(): IterableIterator<C> {
    return this.made.values();
  }
}
