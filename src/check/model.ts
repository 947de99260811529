/**
 * What `bianmin check` reports: located findings in the pack's own diagnostic shape, each with,
 * where one exists, a counter-example written as a ready scenario an officer can paste into
 * rules/tests/.
 */
import type { Diagnostic } from '../pack/index.ts';

export interface CheckFinding extends Diagnostic {
  /** A scenario (YAML, one list entry under `scenarios:`) that reproduces the problem; null when none applies. */
  readonly scenario: string | null;
}

export interface CheckStats {
  readonly items: number;
  readonly versions: number;
  /** Fact combinations (three-valued) examined by the completeness proof. */
  readonly combinations: number;
}

export interface CheckReport {
  /** Errors and warnings (codes E-CHECK-… / W-CHECK-…), sorted like validate's diagnostics. */
  readonly errors: readonly CheckFinding[];
  readonly warnings: readonly CheckFinding[];
  readonly stats: CheckStats;
}

export interface CheckOptions {
  /** Only these item codes (the workbench checks the item being edited); all when absent. */
  readonly items?: readonly string[];
}
