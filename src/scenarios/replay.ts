/**
 * One recorded application replayed on both packs (what-if over the case register): the same code
 * in the calling thread and in the replay workers (whatif-worker.ts), so that both give the same
 * report.
 */
import { ApplicationError, parseApplication, type Pack, type ParsedApplication } from '../engine/index.ts';
import type { Application, CaseRecord } from '../pack/index.ts';
import { compareOutcomes, type Comparison } from './diff.ts';
import { PackRefs } from './refs.ts';
import { ScenarioRunner, type RunInput } from './run.ts';
import { epoch } from './time.ts';

export interface CaseSubject {
  readonly kind: 'case';
  readonly id: string;
  readonly item: string;
  readonly itemName: string;
  readonly receivedAt: string;
}

/** What crosses to a worker per case: plain data, a few hundred bytes (not the ~7 KB record). */
export interface ReplayCase {
  readonly subject: CaseSubject;
  readonly input: RunInput;
}

export interface CaseChange extends Comparison {
  readonly subject: CaseSubject;
}

/** A recorded case as a run: its application as received, its deadline from its acceptance; null: not kept. */
export function replayCaseOf(r: CaseRecord): ReplayCase | null {
  if (!r.application) return null;
  const application: Application = { ...r.application, receivedAt: r.application.receivedAt ?? r.receivedAt };
  const accepted = r.events.find((e) => e.type === 'accepted')?.at ?? null;
  return {
    subject: { kind: 'case', id: r.id, item: r.item, itemName: r.itemName, receivedAt: r.receivedAt },
    input: { application, acceptedAt: accepted !== null && epoch(accepted) !== epoch(r.receivedAt) ? accepted : null, now: null, history: null, expect: {} },
  };
}

/** Replays cases on a base and a current pack; keeps those whose outcome differs. */
export class CaseReplayer {
  private readonly a: ScenarioRunner;
  private readonly b: ScenarioRunner;
  private readonly refs: PackRefs;

  constructor(
    private readonly base: Pack,
    private readonly current: Pack,
  ) {
    this.a = new ScenarioRunner(base);
    this.b = new ScenarioRunner(current);
    this.refs = new PackRefs(current);
  }

  async replay(cases: readonly ReplayCase[]): Promise<CaseChange[]> {
    const out: CaseChange[] = [];
    for (const c of cases) {
      const parsed = parsedOf(c.input.application);
      const x = await this.a.run(c.input, parsed);
      const y = await this.b.run(c.input, parsed);
      const cmp = compareOutcomes(this.base, this.current, x, y, (id) => this.refs.staffName(id));
      if (cmp.changes.length > 0) out.push({ subject: c.subject, ...cmp });
    }
    return out;
  }

  async close(): Promise<void> {
    await this.a.close();
    await this.b.close();
  }
}

/**
 * The application parsed once for both packs (parsing depends on no pack); undefined when it does
 * not parse, so that each pack reports the problem as it sees it (with its own fact checks).
 */
function parsedOf(application: RunInput['application']): ParsedApplication | undefined {
  if (!application) return undefined;
  try {
    return parseApplication(application);
  } catch (e) {
    if (e instanceof ApplicationError) return undefined;
    throw e;
  }
}
