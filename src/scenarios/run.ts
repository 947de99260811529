/**
 * Runs one scenario on one pack: the decision (with its deadline counted from formal acceptance),
 * the clock's warning level at `now`, and the sanctions and grades its history earns. The same
 * outcome feeds `bianmin test` (against the expectations) and `bianmin diff` (against another pack).
 */
import { addDuration, ClockError, type ClockState, type Deadline } from '../calendar/index.ts';
import { ApplicationError } from '../engine/index.ts';
import type { Pack, ParsedApplication } from '../engine/index.ts';
import type { ErrorCode, PathSegment } from '../core/index.ts';
import type { Decision, DeferredMaterial } from '../pack/index.ts';
import { RecordsError } from '../records/index.ts';
import type { MetricsReport } from '../records/index.ts';
import type { SanctionsReport } from '../records/index.ts';
import { HistoryEvaluator } from './history.ts';
import type { LoadedScenario } from './model.ts';

export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  /** Where in the scenario (relative to the scenario) the cause is written. */
  readonly path: readonly PathSegment[];
}

export interface Outcome {
  readonly decision: Decision | null;
  /** The decision's deadline, counted from `accepted` when the scenario gives a later acceptance. */
  readonly deadline: Deadline | null;
  /** The case's clock at `now` (accepted applications only). */
  readonly clock: ClockState | null;
  /**
   * The decision's deferred materials due from the scenario's formal acceptance (`accepted`), as
   * the register counts them once it records that acceptance; absent when the scenario gives none.
   */
  readonly deferred?: readonly DeferredMaterial[];
  readonly sanctions: SanctionsReport | null;
  readonly metrics: MetricsReport | null;
  /** The pack could not run the scenario (e.g. a fact it does not declare): nothing else is set. */
  readonly problem: Problem | null;
}

/** What a run needs: a scenario, or an application replayed from the case register. */
export type RunInput = Pick<LoadedScenario, 'application' | 'acceptedAt' | 'now' | 'history' | 'expect'>;

const NOTHING: Omit<Outcome, 'problem'> = { decision: null, deadline: null, clock: null, sanctions: null, metrics: null };

export class ScenarioRunner {
  private readonly history: HistoryEvaluator;

  constructor(readonly pack: Pack) {
    this.history = new HistoryEvaluator(pack);
  }

  /** `parsed`: `s.application` already parsed (parseApplication), so packs replaying it share the parse. */
  async run(s: RunInput, parsed?: ParsedApplication): Promise<Outcome> {
    try {
      return await this.attempt(s, parsed);
    } catch (e) {
      const problem = problemOf(e);
      if (!problem) throw e;
      return { ...NOTHING, problem };
    }
  }

  close(): Promise<void> {
    return this.history.close();
  }

  private async attempt(s: RunInput, parsed: ParsedApplication | undefined): Promise<Outcome> {
    let decision: Decision | null = null;
    let deadline: Deadline | null = null;
    let clock: ClockState | null = null;
    let deferred: readonly DeferredMaterial[] | undefined;
    if (s.application) {
      decision = await (parsed ? this.pack.decideParsed(parsed) : this.pack.decide(s.application));
      deadline = decision.deadline;
      if (decision.kind === 'accepted' && deadline && s.acceptedAt) deadline = this.pack.deadline(decision.item, s.acceptedAt);
      if (s.acceptedAt && decision.deferred.length > 0) deferred = this.deferredFrom(decision, deadline?.acceptedAt ?? s.acceptedAt);
      if (deadline && s.now) {
        clock = this.pack.clock(
          { acceptedAt: deadline.acceptedAt, promised: { amount: deadline.promised.amount, unit: deadline.promised.unit }, statutory: { amount: deadline.statutory.amount, unit: deadline.statutory.unit } },
          s.now,
        );
      }
    }
    const discipline = s.now !== null && (s.history !== null || s.expect.sanctions !== undefined);
    const sanctions = discipline ? await this.history.sanctions(s.history, s.now!) : null;
    const metrics = s.now !== null && s.expect.grade !== undefined ? await this.history.metrics(s.history, s.now) : null;
    return { decision, deadline, clock, ...(deferred ? { deferred } : {}), sanctions, metrics, problem: null };
  }

  /** Each deferred material's period (the checklist's `due`) counted on the pack calendar from `acceptedAt`. */
  private deferredFrom(d: Decision, acceptedAt: string): DeferredMaterial[] {
    return d.deferred.map((m) => {
      const period = d.materials.find((x) => x.id === m.id)?.due;
      return { id: m.id, name: m.name, due: period ? addDuration(this.pack.calendar, acceptedAt, { amount: period.amount, unit: period.unit }).due : m.due };
    });
  }
}

/** Bad input from the pack's point of view, placed where the scenario wrote it. */
function problemOf(e: unknown): Problem | null {
  if (e instanceof ApplicationError) {
    const issue = e.details[0]!;
    const more = e.details.length > 1 ? `（另有 ${e.details.length - 1} 处：${e.details.slice(1).map((i) => i.message).join('；')}）` : '';
    return { code: issue.code, message: issue.message + more, path: applicationPath(issue.path) };
  }
  if (e instanceof ClockError) return { code: e.code, message: e.message, path: ['accepted'] };
  if (e instanceof RecordsError) return { code: e.code, message: e.message, path: ['history'] };
  return null;
}

/** `$.applicant.age` → ['applicant', 'age']; `$.receivedAt` → ['received']. */
function applicationPath(jsonPath: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of jsonPath.matchAll(/\.([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  if (out[0] === 'receivedAt') out[0] = 'received';
  return out;
}
