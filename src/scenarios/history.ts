/**
 * A scenario's history (complaints, supervision findings, reviews, handled cases) as the records
 * the records module keeps, fed to its pure sanctions and metrics computations: the discipline
 * rules and grades are evaluated by exactly the code that runs on the real register. Nothing is
 * written anywhere; a read-only records view over an empty directory lends its case view (clock,
 * overdue, who answers for it), so an overdue case means the same here as in production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BianminError } from '../core/index.ts';
import type { Pack } from '../engine/index.ts';
import type { CaseEvent, CaseRecord, ComplaintRecord, Decision, IncidentRecord, ReviewRecord } from '../pack/index.ts';
import { defaultMode, itemVersionAt, policyAt } from '../pack/index.ts';
import { openRecords, type Records } from '../records/index.ts';
import { computeMetrics, type MetricsReport } from '../records/index.ts';
import { assessmentPeriodAt } from '../records/index.ts';
import { computeSanctions, type SanctionsReport } from '../records/index.ts';
import type { CaseEntry, History } from './model.ts';
import { epoch } from './time.ts';

const EMPTY: History = { complaints: [], incidents: [], reviews: [], cases: [] };

interface Built {
  readonly complaints: ComplaintRecord[];
  readonly incidents: IncidentRecord[];
  readonly reviews: ReviewRecord[];
  readonly cases: CaseRecord[];
}

export class HistoryEvaluator {
  private records: Promise<{ records: Records; dir: string }> | null = null;

  constructor(private readonly pack: Pack) {}

  /** Sanctions of every staff member at `now`. */
  async sanctions(history: History | null, now: string): Promise<SanctionsReport> {
    const b = this.build(history ?? EMPTY);
    const view = await this.viewer(b, now);
    return computeSanctions({ pack: this.pack, now: epoch(now), ...b, viewCase: view, all: true });
  }

  /** Metrics and grades for the assessment period holding `now`, as of `now`. */
  async metrics(history: History | null, now: string): Promise<MetricsReport> {
    const b = this.build(history ?? EMPTY);
    const view = await this.viewer(b, now);
    // The assessment period as the policy in force at `now` defines it (policy.yaml may change).
    const period = assessmentPeriodAt(policyAt(this.pack.data.policy, now.slice(0, 10)).assessment.period, epoch(now));
    return computeMetrics({ pack: this.pack, period, now: epoch(now), cases: b.cases, viewCase: view, complaints: b.complaints });
  }

  async close(): Promise<void> {
    if (!this.records) return;
    const { records, dir } = await this.records;
    this.records = null;
    await records.close();
    await rm(dir, { recursive: true, force: true });
  }

  private async viewer(b: Built, now: string): Promise<(r: CaseRecord) => ReturnType<Records['viewCase']>> {
    // Only cases are ever viewed: without any, no records view (and no temp directory) is needed,
    // and a call would be a bug.
    if (b.cases.length === 0) return (r) => { throw new BianminError('E-INTERNAL', `办件 ${r.id} 不在场景记录中`); };
    this.records ??= (async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'bianmin-scenario-'));
      return { records: await openRecords(dir, this.pack, { readonly: true }), dir };
    })();
    const { records } = await this.records;
    return (r) => records.viewCase(r, now);
  }

  private build(h: History): Built {
    const fallbackStaff = this.pack.data.center.staff[0]?.id ?? 'staff';
    const seq = new Map<string, number>();
    const next = (prefix: string, at: string, width: number, sep: string): string => {
      const year = at.slice(0, 4);
      const n = (seq.get(prefix + year) ?? 0) + 1;
      seq.set(prefix + year, n);
      return `${prefix}${year}${sep}${String(n).padStart(width, '0')}`;
    };
    const complaints = h.complaints.map((c): ComplaintRecord => {
      const by = c.staff ?? fallbackStaff;
      return {
        id: next('T', c.receivedAt, 5, '-'),
        channel: c.channel,
        complainant: {},
        target: { ...(c.staff ? { staff: c.staff } : {}), ...(c.window ? { window: c.window } : {}) },
        content: c.content,
        receivedAt: c.receivedAt,
        receivedBy: by,
        complex: false,
        major: false,
        ...(c.result === 'pending'
          ? {}
          : { verification: { result: c.result, handler: by, at: c.receivedAt, ...(c.responsible ? { staff: c.responsible } : {}) } }),
      };
    });
    const incidents = h.incidents.map(
      (x): IncidentRecord => ({
        id: next('J', x.at, 5, '-'),
        kind: x.kind,
        staff: x.staff,
        at: x.at,
        recordedBy: x.staff,
        ...(x.text ? { text: x.text } : {}),
        ...(x.phrases.length > 0 ? { phrases: [...x.phrases] } : {}),
      }),
    );
    const reviews = h.reviews.map((r): ReviewRecord => ({ id: next('P', r.at, 5, '-'), grade: r.grade, at: r.at, staff: r.staff }));
    const cases = h.cases.map((c) => this.caseRecord(c, next('', c.acceptedAt, 6, '-')));
    return { complaints, incidents, reviews, cases };
  }

  /** An accepted case as the register holds it: received and accepted at once, then completed. */
  private caseRecord(c: CaseEntry, id: string): CaseRecord {
    const item = this.pack.data.items.get(c.item)!;
    const version = itemVersionAt(item.data, c.acceptedAt.slice(0, 10));
    const decision: Decision = {
      item: c.item,
      itemName: version.name,
      version: null,
      kind: 'accepted',
      // A history case names no facts: its clock is the default branch's (as the register counts it).
      mode: defaultMode(version.mode),
      receivedAt: c.acceptedAt,
      materials: [],
      missing: [],
      deferred: [],
      unknownMaterials: [],
      reasons: [],
      questions: [],
      routeTo: null,
      deadline: this.pack.deadline(c.item, c.acceptedAt),
      fees: [],
      guide: null,
      notice: { document: 'accepted' },
      warnings: [],
      trace: [],
    };
    const events: CaseEvent[] = [
      { type: 'received', at: c.acceptedAt, staff: c.staff },
      { type: 'accepted', at: c.acceptedAt, staff: c.staff },
    ];
    if (c.completedAt) events.push({ type: 'completed', at: c.completedAt, staff: c.staff });
    if (c.overdueReason) events.push({ type: 'overdue-explained', at: c.completedAt ?? c.acceptedAt, staff: c.staff, reason: c.overdueReason });
    // No post: the staff member named in the scenario is the one who answers for the case.
    return { id, item: c.item, itemName: version.name, receivedAt: c.acceptedAt, window: version.window, post: null, firstInquiry: c.staff, decision, events };
  }
}
