/**
 * Parsed and schema-checked rule files kept between validations of the same pack (a draft being
 * edited): each entry is keyed by the file's path and kind and holds the SHA-256 of the bytes it
 * was made from, so an edit of one file re-parses and re-checks that file only. The cached data
 * is frozen by the loader and never changed afterwards, so it can be shared by several results.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { CrossCheckMemo } from './crossref.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { FileKind } from './schemas.ts';
import type { SourceFile } from './source.ts';

/** One file as the loader needs it: its parsed source (null when unparsable) and its own errors. */
export interface ParsedFile {
  readonly source: SourceFile | null;
  readonly errors: readonly Diagnostic[];
}

export class ParseCache {
  private readonly entries = new Map<string, { readonly hash: string; readonly parsed: ParsedFile; readonly stamp: string | null }>();
  /** Files parsed (not found in the cache) since this cache was made: what the incremental benchmark and tests look at. */
  misses = 0;
  hits = 0;
  /** The cross-check's per-item findings, kept beside the parsed files they were made from (see CrossCheckMemo). */
  readonly crossCheck = new CrossCheckMemo();

  constructor(private readonly maxEntries = 50_000) {}

  /**
   * The file's identity on disk (path, device, inode, size, modification time), taken before it is
   * read: while it is unchanged the file is not read or hashed again. Null when it cannot be taken.
   */
  stamp(absolute: string): string | null {
    try {
      const s = statSync(absolute, { bigint: true });
      return `${absolute}\u0000${s.dev}\u0000${s.ino}\u0000${s.size}\u0000${s.mtimeNs}\u0000${s.ctimeNs}`;
    } catch {
      return null;
    }
  }

  /** The cached result for a file whose stamp has not changed since it was read. */
  known(rel: string, kind: FileKind, stamp: string): ParsedFile | null {
    const found = this.entries.get(`${kind}\u0000${rel}`);
    if (!found || found.stamp !== stamp) return null;
    this.hits++;
    return found.parsed;
  }

  /** The cached result for these bytes, or `make()`'s, which is kept for next time. */
  parsed(rel: string, kind: FileKind, bytes: Uint8Array, make: () => ParsedFile, stamp: string | null = null): ParsedFile {
    const key = `${kind}\u0000${rel}`;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const found = this.entries.get(key);
    if (found && found.hash === hash) {
      this.hits++;
      if (found.stamp !== stamp) this.entries.set(key, { ...found, stamp });
      return found.parsed;
    }
    this.misses++;
    const parsed = make();
    if (this.entries.size >= this.maxEntries && !found) this.entries.clear();
    this.entries.set(key, { hash, parsed, stamp });
    return parsed;
  }

  get size(): number {
    return this.entries.size;
  }
}
