/**
 * Procedure steps under supervision (环节超时, issue 16): a step with a time limit is timed by the
 * register from the completion of the step before it, so its completion must be recordable, and
 * that needs an id to name it by. (Whether the limits fit in the statutory one is `bianmin check`'s
 * W-CHECK-STEP-LIMIT: it sums them per unit, per mode branch.)
 */
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';

interface StepLike {
  readonly id?: string;
  readonly step: string;
  readonly limit?: unknown;
}

export interface StepSink {
  warn(path: readonly PathSegment[], code: ErrorCode, message: string): void;
}

/** Checks one procedure step written at `at`. */
export function checkStepRules(s: StepLike, at: readonly PathSegment[], sink: StepSink): void {
  // A warning, not an error: packs written before step supervision keep loading; the step's limit
  // is still published, only not timed.
  if (s.limit !== undefined && s.id === undefined) sink.warn([...at, 'limit'], 'W-STEP-LIMIT-NO-ID', renderMessage('W-STEP-LIMIT-NO-ID', { step: s.step }));
}
