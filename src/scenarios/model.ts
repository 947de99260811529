/**
 * A scenario as the runner sees it: the officer's YAML (schemas/scenario.schema.json) checked
 * against the pack and normalised (times canonical, staff as ids, defaults filled in), with where
 * it is written so every report line can point back at the file.
 */
import type { PathSegment } from '../core/index.ts';
import type { Diagnostic } from '../pack/index.ts';
import type { Application, ScenarioExpect } from '../pack/index.ts';
import type { SourceFile } from '../pack/index.ts';

export interface ComplaintEntry {
  readonly staff: string | null;
  readonly window: string | null;
  readonly receivedAt: string;
  readonly result: 'verified' | 'unfounded' | 'pending';
  readonly responsible: string | null;
  readonly channel: 'oral' | 'phone' | 'written';
  readonly content: string;
}

export interface IncidentEntry {
  readonly kind: 'forbidden-phrase' | 'post-left-empty' | 'undeclared-fee';
  readonly staff: string;
  readonly at: string;
  readonly text: string | null;
  readonly phrases: readonly string[];
}

export interface ReviewEntry {
  readonly grade: string;
  readonly staff: string;
  readonly at: string;
}

export interface CaseEntry {
  readonly item: string;
  readonly staff: string;
  readonly acceptedAt: string;
  readonly completedAt: string | null;
  readonly overdueReason: string | null;
}

export interface History {
  readonly complaints: readonly ComplaintEntry[];
  readonly incidents: readonly IncidentEntry[];
  readonly reviews: readonly ReviewEntry[];
  readonly cases: readonly CaseEntry[];
}

/** Expectations with staff resolved to ids and actions to action ids. */
export interface Expectations extends Omit<ScenarioExpect, 'sanctions' | 'grade'> {
  /** Staff id → action ids expected (exactly). */
  readonly sanctions?: ReadonlyMap<string, readonly string[]>;
  /** Staff id → grade expected. */
  readonly grade?: ReadonlyMap<string, string>;
}

export interface LoadedScenario {
  /** Test file, relative to the pack directory (e.g. `tests/minzheng.yaml`). */
  readonly file: string;
  /** Position in the file's `scenarios` list. */
  readonly index: number;
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** The application to decide, when the scenario names an item. */
  readonly application: Application | null;
  /** Formal acceptance, when later than receipt. */
  readonly acceptedAt: string | null;
  readonly now: string | null;
  readonly history: History | null;
  readonly expect: Expectations;
  /** The parsed file, to locate any path inside this scenario. */
  readonly source: SourceFile;
}

export interface ScenarioSuite {
  /** The pack directory the tests belong to. */
  readonly dir: string;
  /** Test files read, relative to the pack directory, in order. */
  readonly files: readonly string[];
  readonly scenarios: readonly LoadedScenario[];
  /** The `--name` pattern the scenarios were chosen by, if any. */
  readonly name?: string;
  /** Broken test files or scenarios: located, with suggestions where one fits. */
  readonly errors: readonly Diagnostic[];
  /** Things worth a look that do not break a test (e.g. a submitted material the item does not list). */
  readonly warnings: readonly Diagnostic[];
}
