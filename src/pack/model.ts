import type { PathSegment } from '../core/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { BundleFile, CalendarFile, CenterFile, FactsFile, ItemFile, PolicyFile, Referral } from './schema-types.ts';
import type { Location, SourceFile } from './source.ts';

export type * from './schema-types.ts';

/** A service item as declared in its file, with where it came from. */
export interface LoadedItem {
  /** File path relative to the pack directory, e.g. `items/mz-001.yaml`. */
  readonly file: string;
  readonly data: ItemFile;
}

/** A referral entry (not this center's competence), with its source file. */
export interface LoadedReferral {
  readonly file: string;
  /** Index in the file's `referrals` list, for locating it. */
  readonly index: number;
  readonly data: Referral;
}

/** A “一件事” bundle (bundles/*.yaml), with its source file. */
export interface LoadedBundle {
  readonly file: string;
  readonly data: BundleFile;
}

/** Finds where any value of any pack file is written, for traces and error messages. */
export interface SourceIndex {
  locate(file: string, path: readonly PathSegment[]): Location;
  has(file: string): boolean;
}

/** A validated rule pack: plain, deeply frozen data plus the source index. */
export interface PackData {
  /** Absolute path of the pack directory. */
  readonly dir: string;
  readonly center: CenterFile;
  /** Calendars sorted by year. */
  readonly calendars: readonly CalendarFile[];
  readonly facts: FactsFile;
  readonly policy: PolicyFile;
  /** Items by code, in file-name order. */
  readonly items: ReadonlyMap<string, LoadedItem>;
  readonly referrals: ReadonlyMap<string, LoadedReferral>;
  /** “一件事” bundles by code (bundles/*.yaml), in file-name order. */
  readonly bundles: ReadonlyMap<string, LoadedBundle>;
  /** Pack's own templates (`templates/NAME.hbs`): name → absolute path. */
  readonly templates: ReadonlyMap<string, string>;
  readonly sources: SourceIndex;
  readonly warnings: readonly Diagnostic[];
}

export class SourceMap implements SourceIndex {
  private readonly files = new Map<string, SourceFile>();

  add(source: SourceFile): void {
    this.files.set(source.file, source);
  }

  get(file: string): SourceFile | undefined {
    return this.files.get(file);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  locate(file: string, path: readonly PathSegment[]): Location {
    return this.files.get(file)?.locate(path) ?? { file, line: 0, column: 0 };
  }
}
