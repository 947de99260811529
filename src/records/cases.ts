/**
 * The case register (办件登记): every decision is registered, consultations included, with the
 * events that follow, each with staff member and time. Cases are sharded per year of receipt
 * (cases-2026 …). The clock is not stored: it is computed from the events by the calendar.
 */
import { upgradeStoredDecision, type CommitmentExclusion, type Pack } from '../engine/index.ts';
import type { Application, CaseEvent, CaseRecord, Decision, Duration, PolicyFile } from '../pack/index.ts';
import { itemVersionAt, modeBranches, policyAt } from '../pack/index.ts';
import { postFor, requireStaff, responsibleFor, type Responsible } from './center-refs.ts';
import { caseClock, deemedAcceptance, dueAfter, type ClockCase, type ClockState, type WorkCalendar } from './clock-port.ts';
import type { CollectionSpec } from './collection.ts';
import { RecordsError } from './errors.ts';
import type { RecordProblem } from './record-schemas.ts';
import type { SharedPaths } from './shared-values.ts';
import { formatDocumentNumber, type Sequences } from './sequences.ts';
import { commitmentExclusion, falseConsequenceOf } from './post-check.ts';
import type { RecordBackend } from './backend.ts';
import { requireSpecialStep, runningSpecialStep, specialStepReason, specialStepsOf, type SpecialStepClock } from './special-step.ts';
import { caseSteps, stepCompletions, type CaseSteps, type ProcedureStep } from './steps.ts';
import { epochOf, normalizeTime, parseTime, shanghaiDate, shanghaiYear, toIso } from './time.ts';

export type CaseEventType = CaseEvent['type'];

/** Where a case stands, derived from its events. */
export type CaseStatus = 'consultation' | 'received' | 'supplement' | 'accepted' | 'suspended' | 'completed' | 'returned' | 'rejected';

/** The events that conclude a case: nothing follows them. */
export const TERMINAL: ReadonlySet<CaseEventType> = new Set(['completed', 'returned', 'rejected']);

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  consultation: '咨询件（已一次性告知）',
  received: '已收件',
  supplement: '待补正',
  accepted: '办理中',
  suspended: '中止计时',
  completed: '已办结',
  returned: '已退回',
  rejected: '不予受理',
};

export const CASE_EVENT_LABELS: Readonly<Record<CaseEventType, string>> = {
  received: '收件',
  'supplement-notified': '一次性告知补正',
  accepted: '受理',
  suspended: '中止计时',
  resumed: '恢复计时',
  extended: '延长期限',
  completed: '办结',
  returned: '退回',
  rejected: '不予受理',
  'overdue-explained': '超期说明',
  'step-completed': '环节完成',
  'commitment-verified': '告知承诺核查属实',
  'commitment-false': '告知承诺核查不实',
};

export interface RegisterCase {
  readonly decision: Decision;
  /** The application decided on (applicant identity is kept confidential). */
  readonly application?: Application;
  /** Staff member who registers the case at the window. */
  readonly staff: string;
  /** The first staff member asked (首问责任人); defaults to `staff`. */
  readonly firstInquiry?: string;
  /** When the decision was issued; defaults to the decision's receipt time. */
  readonly at?: string;
  /**
   * For a supplement decision: whether the one-time notice was given now (default). When false
   * it must follow within policy.clocks.supplementNotice, or the case counts as accepted from receipt.
   */
  readonly noticeGiven?: boolean;
}

export interface CaseEventInput {
  readonly type: Exclude<CaseEventType, 'received'>;
  readonly staff: string;
  /** Defaults to now. */
  readonly at?: string;
  readonly reason?: string;
  readonly note?: string;
  /** For `step-completed`: the procedure step's id. */
  readonly step?: string;
  /**
   * For `suspended`: the item's special step (specialSteps id) the clock is suspended for; it must
   * not be counted in the limit. The reason defaults to “特殊环节：<name>（依据…）”.
   */
  readonly specialStep?: string;
  /** For `extended`: the approval record. */
  // An extension adds days or office time: never 当日 (sameDay has no amount to add).
  readonly extension?: { readonly amount: number; readonly unit: Exclude<Duration['unit'], 'sameDay'>; readonly approvedBy: string; readonly approvedAt?: string; readonly reference?: string };
}

/** A case with what is derived from it at a given time. */
export interface CaseView {
  readonly record: CaseRecord;
  readonly status: CaseStatus;
  /** Start of the clock (acceptance, or receipt when deemed accepted), or null. */
  readonly acceptedAt: string | null;
  /** True when accepted only because no supplement notice was given in time. */
  readonly deemedAccepted: boolean;
  /** Completed, returned or rejected at; consultations conclude at receipt. */
  readonly concludedAt: string | null;
  readonly clock: ClockState | null;
  /** Finished after its due time, or still open past it. */
  readonly overdue: boolean;
  /** An overdue-explained event gives the reason. */
  readonly overdueExplained: boolean;
  readonly responsible: Responsible;
  /**
   * Deferred (容缺) materials with their due counted from the acceptance this register holds
   * (the accepted event, or deemed acceptance), not from receipt: accepted after 补正, they are
   * due from that day. Due null: not accepted yet, or no period declared.
   */
  readonly deferred: ReadonlyArray<{ readonly id: string; readonly name: string; readonly due: string | null }>;
  /** Step supervision (环节时限): the current timed step with its due and level; null when no clock runs or no step is timed. */
  readonly step: CaseSteps | null;
  /** 特殊环节: the special step the case is suspended for, with its own due and level when it has a limit; null when none runs. */
  readonly specialStep: SpecialStepClock | null;
}

/** Cases are sharded per year of receipt. */
export function caseShard(year: number): string {
  return `cases-${year}`;
}

export const CASE_SHARD = /^cases-(\d{4})$/;

/** The shard a case id belongs to (`2025-000123` → `cases-2025`): the year of receipt is in the id. */
export function caseShardOf(id: string): string | null {
  const m = /^(\d{4})-\d{6}$/.exec(id);
  return m ? caseShard(Number(m[1])) : null;
}

export function caseSpec(): CollectionSpec<CaseRecord> {
  return {
    kind: 'case',
    idOf: (r) => r.id,
    check: checkCase,
    events: { kind: 'case-event', apply: (r, e) => ({ ...r, events: [...r.events, e as CaseEvent] }) },
    upgrade: (r) => {
      if (r === null || typeof r !== 'object' || !('decision' in r)) return r;
      // Copied only when the decision was upgraded (a current one comes back as it is).
      const decision = upgradeStoredDecision(r.decision);
      return decision === r.decision ? r : { ...r, decision };
    },
    shared: CASE_SHARED,
  };
}

/**
 * The parts of a stored decision that are the same for many cases (those decided on one item
 * version, received on one day): most of its bytes. A snapshot writes each once (shared-values.ts).
 */
export const CASE_SHARED: SharedPaths = [
  ...['materials', 'missing', 'correctable', 'deferred', 'committed', 'reasons', 'questions', 'fees', 'warnings', 'trace'].map((k) => ({ path: ['decision', k], items: ['decision', `/properties/${k}/items`] as const })),
  { path: ['decision', 'deadline', 'warnings'], items: ['decision', '/properties/deadline/properties/warnings/items'] },
];

/** Event order and state transitions; also run on every case loaded. */
export function checkCase(r: CaseRecord): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (!r.id.startsWith(`${shanghaiYear(parseTime(r.receivedAt, 'receivedAt'))}-`)) {
    problems.push({ path: ['id'], message: `编号 ${r.id} 与收件年份不符` });
  }
  let state: CaseStatus | null = null;
  let prev = -Infinity;
  let accepted = false;
  let noticed = false;
  let postChecked = false;
  r.events.forEach((e, i) => {
    const at = epochOf(e.at);
    if (at < prev) problems.push({ path: ['events', i, 'at'], message: `环节时间 ${e.at} 早于上一环节` });
    prev = Math.max(prev, at);
    const fail = (why: string): void => void problems.push({ path: ['events', i, 'type'], message: `${CASE_EVENT_LABELS[e.type]}：${why}` });
    if (i === 0) {
      if (e.type !== 'received') fail('第一个环节必须是收件（received）');
      state = r.decision.kind === 'consultation' ? 'consultation' : 'received';
      return;
    }
    if (e.type === 'received') return fail('收件只能是第一个环节');
    if (state === 'consultation') return fail('咨询件已一次性告知，没有后续办理环节；申请办理请另行登记');
    if (e.type === 'overdue-explained') {
      if (!accepted) fail('尚未受理，不存在超期');
      return;
    }
    // 核查 follows acceptance and may come after 办结 (a subsidy already paid is recovered).
    if (e.type === 'commitment-verified' || e.type === 'commitment-false') {
      if (!accepted) fail('尚未受理，没有需要核查的告知承诺');
      else if (!r.decision.committed || r.decision.committed.length === 0) fail('本办件没有以告知承诺代替的材料');
      else if (postChecked) fail('告知承诺已有核查结论，不能再次记录');
      postChecked = true;
      return;
    }
    if (state !== null && TERMINAL.has(state as CaseEventType)) return fail(`办件已结束（${CASE_STATUS_LABELS[state]}），不能再${CASE_EVENT_LABELS[e.type]}`);
    switch (e.type) {
      case 'supplement-notified':
        if (accepted) return fail('已受理的办件不再补正告知；缺件请中止计时（suspended）');
        if (noticed) return fail('补正内容须一次性告知，不得多次告知');
        noticed = true;
        state = 'supplement';
        return;
      case 'accepted':
        if (accepted) return fail('办件已受理');
        accepted = true;
        state = 'accepted';
        return;
      case 'suspended':
        if (state !== 'accepted') return fail(state === 'suspended' ? '已在中止计时中' : '只有受理后的办件才能中止计时');
        state = 'suspended';
        return;
      case 'resumed':
        if (state !== 'suspended') return fail('办件未中止计时');
        state = 'accepted';
        return;
      case 'extended':
        if (!accepted) return fail('只有受理后的办件才能延长期限');
        return;
      case 'completed':
        if (!accepted) return fail('未受理的办件不能办结');
        state = 'completed';
        return;
      case 'returned':
        state = 'returned';
        return;
      case 'rejected':
        if (accepted) return fail('已受理的办件不能再作不予受理；请以办结（completed）记录不予许可等结果');
        state = 'rejected';
        return;
    }
  });
  return problems;
}

export class Cases {
  private readonly nextSeq = new Map<number, number>();
  /** Notice number → case id, built on first use. */
  private notices: Map<number, Map<string, string>> | null = null;
  /** Closed years not in memory, as `across` scanned them for a purpose: the cases kept, and from when. */
  private readonly unreadScans = new Map<string, { from: number; kept: CaseRecord[] }>();
  /** `store.foreignWrites` when the caches above were built: other replicas' records rebuild them. */
  private cachedAt = 0;

  constructor(
    private readonly store: RecordBackend,
    private pack: Pack,
    private cal: WorkCalendar,
    private readonly sequences: Sequences,
  ) {}

  /** Binds to a reloaded pack: the same records, read and written under the new rules from now on. */
  rebind(pack: Pack, cal: WorkCalendar): void {
    this.pack = pack;
    this.cal = cal;
  }

  /**
   * Registers a decision as a new case; returns its view. The notice issued for it takes the next
   * number of the center's document-number series for the year of receipt, stored on the case.
   */
  register(input: RegisterCase): Promise<CaseView> {
    return this.store.exclusive(async () => {
      const d = input.decision;
      // 当场更正 is not a case: the applicant corrects at the counter and the application is decided
      // again; that decision is what gets registered.
      if (d.kind === 'correctable') {
        const items = (d.correctable ?? []).map((c) => `${c.party ?? ''}${c.name}：${c.detail}`).join('；');
        throw RecordsError.of('E-CASE-CORRECTABLE', { items: items || '见决定' }, { path: '$.decision.kind' });
      }
      requireStaff(this.pack, input.staff, 'staff');
      const firstInquiry = input.firstInquiry ?? input.staff;
      requireStaff(this.pack, firstInquiry, 'firstInquiry');
      const receivedAt = normalizeTime(d.receivedAt, 'decision.receivedAt');
      const at = input.at ? normalizeTime(input.at, 'at') : receivedAt;
      const year = shanghaiYear(epochOf(receivedAt));
      const item = this.pack.data.items.get(d.item);
      const window = item ? itemVersionAt(item.data, shanghaiDate(epochOf(receivedAt))).window : null;
      const post = postFor(this.pack, window, input.staff);
      const events: CaseEvent[] = [{ type: 'received', at: receivedAt, staff: input.staff }];
      const reasons = d.reasons.map((r) => r.message).join('；');
      switch (d.kind) {
        case 'accepted':
          events.push({ type: 'accepted', at: d.deadline?.acceptedAt ? normalizeTime(d.deadline.acceptedAt, 'decision.deadline.acceptedAt') : at, staff: input.staff });
          break;
        case 'supplement':
          if (input.noticeGiven !== false) events.push({ type: 'supplement-notified', at, staff: input.staff, ...(reasons ? { note: reasons } : {}) });
          break;
        case 'returned':
          events.push({ type: 'returned', at, staff: input.staff, reason: reasons || '申请不符合受理条件' });
          break;
        case 'rejected':
          events.push({ type: 'rejected', at, staff: input.staff, reason: reasons || '不属于本中心受理范围' });
          break;
        case 'consultation':
          break;
      }
      const id = this.nextId(year);
      // Taken before the case is written: a crash in between leaves a gap, never a number twice.
      const series = this.pack.data.center.center.code;
      const noticeNumber = formatDocumentNumber(series, year, await this.sequences.take(series, year));
      const record: CaseRecord = {
        id,
        item: d.item,
        itemName: d.itemName,
        receivedAt,
        window,
        post: post?.id ?? null,
        firstInquiry,
        ...(input.application ? { application: input.application } : {}),
        decision: d,
        events,
        noticeNumber,
      };
      const saved = await this.store.collection<CaseRecord>(caseShard(year)).put(record);
      this.nextSeq.set(year, Number(id.slice(5)) + 1);
      this.notices?.get(year)?.set(noticeNumber, id);
      return this.view(saved, at);
    });
  }

  /** Records an event on a case (supplement notice, acceptance, suspension … completion). */
  addEvent(id: string, input: CaseEventInput): Promise<CaseView> {
    return this.store.exclusive(async () => {
      const current = this.get(id);
      if (!current) throw RecordsError.of('E-CASE-NOT-FOUND', { id });
      requireStaff(this.pack, input.staff, 'staff');
      const at = input.at ? normalizeTime(input.at, 'at') : toIso(Date.now());
      // A suspension for a special step: one of the item's, not counted in the limit (else refused).
      const special = input.type === 'suspended' && input.specialStep !== undefined ? requireSpecialStep(this.pack, current, input.specialStep) : null;
      const reason = input.reason ?? (special ? specialStepReason(special) : undefined);
      const event: CaseEvent = {
        type: input.type,
        at,
        staff: input.staff,
        ...(reason ? { reason } : {}),
        ...(input.note ? { note: input.note } : {}),
        ...(input.type === 'step-completed' && input.step !== undefined ? { step: input.step } : {}),
        // On another event type the record schema refuses it (specialStep is for suspended only).
        ...(input.specialStep !== undefined ? { specialStep: input.specialStep } : {}),
        ...(input.extension
          ? {
              extension: {
                amount: input.extension.amount,
                unit: input.extension.unit,
                approvedBy: input.extension.approvedBy,
                approvedAt: input.extension.approvedAt ? normalizeTime(input.extension.approvedAt, 'extension.approvedAt') : at,
                ...(input.extension.reference ? { reference: input.extension.reference } : {}),
              },
            }
          : {}),
      };
      if (input.type === 'step-completed') this.checkStep(current, input.step, at);
      if (input.type === 'extended') {
        // The calendar refuses an extension the item does not allow or that exceeds its maximum.
        const trial: CaseRecord = { ...current, events: [...current.events, event] };
        const c = this.clockCase(trial, at);
        try {
          if (c) caseClock(this.cal, this.policyOf(trial), c, at);
        } catch (e) {
          if (!(e instanceof RecordsError)) throw e;
          throw new RecordsError(e.code, e.detail, { path: '$.extension' });
        }
      }
      const collection = this.store.collection<CaseRecord>(caseShard(Number(id.slice(0, 4))));
      let saved = await collection.appendEvent(id, event);
      // A false commitment ends a case still running (终止办理); one already concluded keeps its end.
      if (input.type === 'commitment-false' && !saved.events.some((e) => TERMINAL.has(e.type))) {
        const reason = `终止办理：核查发现告知承诺不实（${falseConsequenceOf(this.pack, saved)}）`;
        saved = await collection.appendEvent(id, { type: 'completed', at, staff: input.staff, reason });
      }
      return this.view(saved, at);
    });
  }

  get(id: string): CaseRecord | undefined {
    const shard = caseShardOf(id);
    if (shard === null || !this.store.names().includes(shard)) return undefined;
    return this.store.collection<CaseRecord>(shard).get(id);
  }

  /** The register's false-commitment record excluding this applicant from 告知承诺, for DecideOptions. */
  async commitmentExclusion(application: unknown): Promise<CommitmentExclusion | undefined> {
    // Only cases found to hold a false commitment can exclude anyone: closed years are scanned once for those.
    const found = await this.across('false-commitment', -Infinity, (r) => r.events.some((e) => e.type === 'commitment-false'));
    return commitmentExclusion(found, application);
  }

  /** The case whose registration issued the notice numbered `number`. */
  byNoticeNumber(number: string): CaseRecord | undefined {
    this.fresh();
    // A case's notice is numbered in the series of its year of receipt: only that year's shard is read.
    const m = /〔(\d{4})〕/.exec(number);
    const years = m ? [Number(m[1])] : this.years();
    this.notices ??= new Map();
    for (const year of years) {
      let byNumber = this.notices.get(year);
      if (!byNumber) {
        byNumber = new Map();
        for (const r of this.all([year])) if (r.noticeNumber) byNumber.set(r.noticeNumber, r.id);
        this.notices.set(year, byNumber);
      }
      const id = byNumber.get(number);
      if (id !== undefined) return this.get(id);
    }
    return undefined;
  }


  /**
   * Every case but consultations not concluded (completed, returned, rejected) before `since`, oldest
   * shard first: what the open-case lists and the sanctions' counting window look at.
   */
  async unconcludedSince(since: number): Promise<CaseRecord[]> {
    // Scanned from at least 13 months back, past every counting window (a year at most) and today:
    // one scan serves the open lists and the sanctions alike.
    const from = Math.min(since, Date.now() - KEEP_SCANNED_MS);
    const kept = await this.across('unconcluded', from, (r) => notConcludedBefore(r, from));
    return kept.filter((r) => notConcludedBefore(r, since));
  }

  /**
   * Every case, oldest shard first, that `keep` keeps — `keep` keeping every case not concluded
   * before `from` that a later `from` would. A shard in memory is read there; a closed year not in
   * memory is streamed and only the kept cases held (per `purpose`), so a decade of closed years
   * stays on disk. An unread shard cannot change (a write loads it first): a later call with a later
   * `from` reuses what an earlier scan kept, and the caller filters again.
   */
  private async across(purpose: string, from: number, keep: (r: CaseRecord) => boolean): Promise<CaseRecord[]> {
    this.fresh();
    const loaded = new Set(this.store.loadedNames());
    const out: CaseRecord[] = [];
    for (const y of this.years()) {
      const name = caseShard(y);
      const key = `${purpose} ${name}`;
      if (loaded.has(name)) {
        this.unreadScans.delete(key);
        for (const r of this.store.collection<CaseRecord>(name).values()) if (keep(r)) out.push(r);
        continue;
      }
      let scanned = this.unreadScans.get(key);
      if (!scanned || scanned.from > from) {
        const kept: CaseRecord[] = [];
        for await (const r of this.store.collection<CaseRecord>(name).scan()) if (keep(r)) kept.push(r);
        this.unreadScans.set(key, (scanned = { from, kept }));
      }
      for (const r of scanned.kept) out.push(r);
    }
    return out;
  }

  /** Years that have a shard, ascending. */
  years(): number[] {
    return this.store
      .names()
      .map((n) => CASE_SHARD.exec(n)?.[1])
      .filter((y): y is string => y !== undefined)
      .map(Number);
  }

  /** Every case (optionally of some years), oldest shard first. */
  *all(years?: readonly number[]): Generator<CaseRecord> {
    for (const y of years ?? this.years()) {
      if (!this.store.names().includes(caseShard(y))) continue;
      yield* this.store.collection<CaseRecord>(caseShard(y)).values();
    }
  }

  /**
   * Every case of the years `fromYear`…`toYear` (default all), oldest shard first, read with each
   * shard's cursor: a closed year not in memory is streamed from storage and stays unloaded.
   */
  async *scan(options: { fromYear?: number; toYear?: number } = {}): AsyncIterable<CaseRecord> {
    for (const y of this.years()) {
      if (y < (options.fromYear ?? -Infinity) || y > (options.toYear ?? Infinity)) continue;
      yield* this.store.collection<CaseRecord>(caseShard(y)).scan();
    }
  }

  get size(): number {
    let n = 0;
    for (const y of this.years()) n += this.store.collection<CaseRecord>(caseShard(y)).size;
    return n;
  }

  /** The clock input of a case at `now`, or null when it has no running clock (not accepted). */
  clockCase(r: CaseRecord, now: string): ClockCase | null {
    const accepted = r.events.find((e) => e.type === 'accepted');
    let acceptedAt = accepted?.at ?? null;
    if (!acceptedAt && r.decision.kind === 'supplement') {
      const notice = r.events.find((e) => e.type === 'supplement-notified');
      const concluded = r.events.find((e) => TERMINAL.has(e.type));
      // The supplement-notice clock of the policy in force on the day of receipt (policyOf).
      if (!concluded) acceptedAt = deemedAcceptance(this.cal, this.policyOf(r), r.receivedAt, notice?.at ?? null, now);
    }
    if (!acceptedAt) return null;
    const limits = this.limitsOf(r);
    if (!limits) return null;
    const suspensions: Array<{ from: string; to?: string; reason?: string }> = [];
    for (const e of r.events) {
      if (e.type === 'suspended') suspensions.push({ from: e.at, ...(e.reason ? { reason: e.reason } : {}) });
      if (e.type === 'resumed' && suspensions.length > 0) suspensions[suspensions.length - 1] = { ...suspensions[suspensions.length - 1]!, to: e.at };
    }
    const extensions = r.events.flatMap((e) => (e.type === 'extended' && e.extension ? [{ amount: e.extension.amount, unit: e.extension.unit, approvedBy: e.extension.approvedBy, approvedAt: e.extension.approvedAt }] : []));
    const end = r.events.find((e) => TERMINAL.has(e.type));
    return {
      acceptedAt,
      promised: limits.promised,
      statutory: limits.statutory,
      ...(limits.extensionMax ? { extensionMax: limits.extensionMax } : {}),
      suspensions,
      extensions,
      ...(end ? { completedAt: end.at } : {}),
    };
  }

  /**
   * The policy a case runs on: the one in force on its day of receipt (Shanghai date), the day
   * decide picks the item version and the policy's immediate clock by. Its warning thresholds and
   * supplement-notice clock stay those of that day for the whole case, so a later policy change
   * never recolours or re-deems a case received before it (a case is received, then accepted or
   * deemed accepted from receipt: the receipt date is the one date every case has).
   */
  private policyOf(r: CaseRecord): PolicyFile {
    return policyAt(this.pack.data.policy, shanghaiDate(epochOf(r.receivedAt)));
  }

  private limitsOf(r: CaseRecord): { promised: Duration; statutory: Duration; extensionMax?: Duration } | null {
    const item = this.pack.data.items.get(r.item);
    const day = shanghaiDate(epochOf(r.receivedAt));
    const version = item ? itemVersionAt(item.data, day) : null;
    // The mode branch the decision chose (modeBranch); a decision without one — a single mode, a
    // branch the facts left open, or one stored before modes could be conditional — runs on the
    // default branch. Its limits are resolved as decide resolves them (an immediate branch: the
    // policy's immediate clock unless it declares its own within it).
    const branches = version ? modeBranches(version, policyAt(this.pack.data.policy, day)) : [];
    const chosen = r.decision.modeBranch?.index;
    const branch = (chosen !== undefined ? branches[chosen] : undefined) ?? branches.find((b) => b.when === null) ?? branches.at(-1) ?? null;
    const max = branch?.limits.extension?.max;
    const deadline = r.decision.deadline;
    if (deadline) {
      const pick = (d: { amount: number; unit: Duration['unit'] }): Duration => ({ amount: d.amount, unit: d.unit });
      return { promised: pick(deadline.promised), statutory: pick(deadline.statutory), ...(max ? { extensionMax: max } : {}) };
    }
    if (!branch) return null;
    return { promised: branch.limits.promised, statutory: branch.limits.statutory, ...(max ? { extensionMax: max } : {}) };
  }

  /** A case with its status, clock and responsible person at `now`. */
  view(r: CaseRecord, now: string): CaseView {
    let status: CaseStatus = r.decision.kind === 'consultation' ? 'consultation' : 'received';
    for (const e of r.events) {
      if (e.type === 'supplement-notified') status = 'supplement';
      else if (e.type === 'accepted' || e.type === 'resumed') status = 'accepted';
      else if (e.type === 'suspended') status = 'suspended';
      else if (TERMINAL.has(e.type)) status = e.type as CaseStatus;
    }
    const c = this.clockCase(r, now);
    const clock = c ? caseClock(this.cal, this.policyOf(r), c, now) : null;
    const end = r.events.find((e) => TERMINAL.has(e.type));
    const concludedAt = end?.at ?? (status === 'consultation' ? r.receivedAt : null);
    const overdue = clock !== null && (end ? epochOf(end.at) : epochOf(now)) > epochOf(clock.due);
    let deferred: CaseView['deferred'] | undefined;
    const deferredNow = (): CaseView['deferred'] => (deferred ??= this.deferredOf(r, c?.acceptedAt ?? null));
    let steps: CaseSteps | null | undefined;
    const stepsNow = (): CaseSteps | null => (steps === undefined ? (steps = c ? caseSteps(this.cal, this.policyOf(r), this.procedureOf(r), r, c, now) : null) : steps);
    let special: SpecialStepClock | null | undefined;
    const specialNow = (): SpecialStepClock | null => (special === undefined ? (special = runningSpecialStep(this.cal, this.policyOf(r), specialStepsOf(this.pack, r), r, now)) : special);
    return {
      record: r,
      status,
      acceptedAt: c?.acceptedAt ?? null,
      deemedAccepted: c !== null && !r.events.some((e) => e.type === 'accepted'),
      concludedAt,
      clock,
      overdue,
      overdueExplained: r.events.some((e) => e.type === 'overdue-explained'),
      responsible: responsibleFor(this.pack, r.post, r.events),
      // Computed when read: the sweep and the metrics view every case and never look at it.
      get deferred() {
        return deferredNow();
      },
      get step() {
        return stepsNow();
      },
      get specialStep() {
        return specialNow();
      },
    };
  }

  /** The procedure of the item version in force on the day of receipt (the one the case runs on). */
  private procedureOf(r: CaseRecord): readonly ProcedureStep[] {
    const item = this.pack.data.items.get(r.item);
    return item ? (itemVersionAt(item.data, shanghaiDate(epochOf(r.receivedAt))).procedure ?? []) : [];
  }

  /**
   * Refuses a step completion the case cannot take: a closed or not yet accepted case, an item
   * without named steps, a step the item does not have, a step already completed.
   */
  private checkStep(r: CaseRecord, step: string | undefined, at: string): void {
    const end = r.events.find((e) => TERMINAL.has(e.type));
    if (end) throw RecordsError.of('E-CASE-STEP-CLOSED', { id: r.id, status: CASE_STATUS_LABELS[end.type as CaseStatus] }, { path: '$.type' });
    if (r.decision.kind === 'consultation' || !this.clockCase(r, at)) {
      throw RecordsError.of('E-CASE-STEP-NOT-ACCEPTED', { id: r.id, status: CASE_STATUS_LABELS[this.view(r, at).status] }, { path: '$.type' });
    }
    const known = this.procedureOf(r).flatMap((s) => (s.id !== undefined ? [s.id] : []));
    if (known.length === 0) throw RecordsError.of('E-CASE-STEP-NONE', { item: r.item, itemName: r.itemName }, { path: '$.step' });
    if (step === undefined || !known.includes(step)) throw RecordsError.of('E-CASE-STEP-UNKNOWN', { item: r.item, itemName: r.itemName, step: step ?? '（未写）', known: known.join('、') }, { path: '$.step' });
    const done = stepCompletions(r).get(step);
    if (done !== undefined) {
      const name = this.procedureOf(r).find((s) => s.id === step)?.step ?? step;
      throw RecordsError.of('E-CASE-STEP-DONE', { name, step, at: done }, { path: '$.step' });
    }
  }

  /**
   * The case's deferred materials due from `acceptedAt` on the pack calendar, each with the period
   * its decision's checklist gives (materials[].due). A decision stored without that period keeps
   * the due it was issued with.
   */
  deferredOf(r: CaseRecord, acceptedAt: string | null): Array<{ id: string; name: string; due: string | null }> {
    return r.decision.deferred.map((d) => {
      const period = r.decision.materials.find((m) => m.id === d.id)?.due;
      if (!period) return { id: d.id, name: d.name, due: acceptedAt === null ? null : d.due };
      if (acceptedAt === null) return { id: d.id, name: d.name, due: null };
      return { id: d.id, name: d.name, due: dueAfter(this.cal, acceptedAt, { amount: period.amount, unit: period.unit }).due };
    });
  }

  private fresh(): void {
    if (this.cachedAt === this.store.foreignWrites) return;
    this.cachedAt = this.store.foreignWrites;
    this.nextSeq.clear();
    this.notices = null;
    this.unreadScans.clear();
  }

  /** The next free number of the year (taken only once the case is saved). */
  private nextId(year: number): string {
    this.fresh();
    let next = this.nextSeq.get(year);
    if (next === undefined) {
      next = 1;
      if (this.store.names().includes(caseShard(year))) {
        for (const r of this.store.collection<CaseRecord>(caseShard(year)).values()) next = Math.max(next, Number(r.id.slice(5)) + 1);
      }
      this.nextSeq.set(year, next);
    }
    return `${year}-${String(next).padStart(6, '0')}`;
  }
}

const KEEP_SCANNED_MS = 400 * 86_400_000;

/** Not a consultation, and not concluded (completed, returned, rejected) before `since` (ms). */
export function notConcludedBefore(r: CaseRecord, since: number): boolean {
  if (r.decision.kind === 'consultation') return false;
  const end = r.events.find((e) => TERMINAL.has(e.type));
  return !(end && epochOf(end.at) < since);
}
