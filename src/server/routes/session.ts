/**
 * The window screen's own reads: who the token is (`GET /v1/session`: the token's name is a staff
 * id of center.yaml, so the screen knows the staff member, their windows and AB posts), and the
 * staff member's cases (`GET /v1/staff/{id}/cases`): open cases they answer for, those of the
 * posts where they are B (covering for A), and those concluded today (for 好差评 at the counter).
 * Applicants' identity is answered masked: the full data stays in the register.
 */
import type { FastifyInstance } from 'fastify';
import { describeDuration, formatInstant, shanghaiDate } from '../../calendar/index.ts';
import type { Pack } from '../../engine/index.ts';
import type { CaseRecord } from '../../pack/index.ts';
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS, TERMINAL, maskIdNumber, maskName, maskPhone, type CaseView, type Records } from '../../records/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { HttpError } from '../http-error.ts';
import { BODY, inRequest } from '../in-request.ts';
import { pointer, ref } from '../schemas.ts';

const ID = pointer('common', '/$defs/id');
const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;

const windowSchema = {
  type: 'object',
  properties: { id: text, number: { type: 'integer' }, name: text, location: nullableText },
  required: ['id', 'number', 'name', 'location'],
  additionalProperties: false,
} as const;

const sessionSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', description: '令牌名称（配置令牌时的“名称”）。' },
    role: { enum: ['clerk', 'admin'], description: 'clerk 工作人员令牌，admin 管理员令牌。' },
    staff: {
      type: ['object', 'null'],
      description: '令牌名称为 center.yaml 中工作人员的标识时，即该工作人员；否则为 null。',
      properties: {
        id: text,
        name: text,
        title: nullableText,
        windows: { type: 'array', items: windowSchema, description: '所在岗位的窗口（A岗或B岗）。' },
        posts: {
          type: 'array',
          description: '担任的岗位：role 为 A（主办）或 B（协办顶岗）。',
          items: {
            type: 'object',
            properties: { id: text, name: text, window: text, role: { enum: ['A', 'B'] } },
            required: ['id', 'name', 'window', 'role'],
            additionalProperties: false,
          },
        },
      },
      required: ['id', 'name', 'title', 'windows', 'posts'],
      additionalProperties: false,
    },
    reviews: {
      type: 'object',
      description: '好差评的评价等级（policy.yaml 的 reviews）：grades 由好到差，bad 为差评。',
      properties: { grades: { type: 'array', items: text }, bad: { type: 'array', items: text } },
      required: ['grades', 'bad'],
      additionalProperties: false,
    },
    labels: {
      type: 'object',
      description: '办件状态和办理环节的中文名称（与登记簿、文书所用的相同），供界面显示。',
      properties: {
        caseStatus: { type: 'object', additionalProperties: text },
        caseEvent: { type: 'object', additionalProperties: text },
      },
      required: ['caseStatus', 'caseEvent'],
      additionalProperties: false,
    },
  },
  required: ['name', 'role', 'staff', 'reviews', 'labels'],
  additionalProperties: false,
} as const;

const durationSchema = {
  type: 'object',
  properties: { amount: { type: 'number' }, unit: { enum: ['workingDays', 'calendarDays', 'hours', 'minutes', 'sameDay'] } },
  required: ['amount', 'unit'],
} as const;

const clockSchema = {
  type: ['object', 'null'],
  description: '计时（未受理的补正件为 null）。',
  properties: {
    due: { type: 'string', description: '承诺期限届满时间（已计入中止和延长）。' },
    statutoryDue: { type: 'string', description: '法定期限届满时间。' },
    remaining: durationSchema,
    elapsed: durationSchema,
    level: { enum: ['normal', 'yellow', 'red'] },
    suspended: { type: 'boolean' },
    warnings: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  required: ['due', 'statutoryDue', 'remaining', 'elapsed', 'level', 'suspended'],
} as const;

const viewSchema = {
  type: 'object',
  description: '办件及其当前状态和计时（申请人身份信息已脱敏）。',
  properties: {
    record: ref('records/case'),
    status: { enum: ['consultation', 'received', 'supplement', 'accepted', 'suspended', 'completed', 'returned', 'rejected'] },
    acceptedAt: nullableText,
    deemedAccepted: { type: 'boolean' },
    concludedAt: nullableText,
    clock: clockSchema,
    overdue: { type: 'boolean' },
    overdueExplained: { type: 'boolean' },
    responsible: {
      type: 'object',
      properties: { staff: text, role: { enum: ['A', 'B', 'handler'] }, post: nullableText },
      required: ['staff', 'role', 'post'],
    },
    notice: { type: ['object', 'null'], properties: { number: text, href: text }, required: ['number', 'href'] },
    deferred: {
      type: 'array',
      description: '容缺材料及补交期限：自登记簿所记的受理时间（受理环节，或视为受理）起算；尚未受理的为 null。',
      items: { type: 'object', properties: { id: text, name: text, due: nullableText }, required: ['id', 'name', 'due'] },
    },
  },
  required: ['record', 'status', 'acceptedAt', 'deemedAccepted', 'concludedAt', 'clock', 'overdue', 'overdueExplained', 'responsible', 'notice', 'deferred'],
} as const;

/**
 * Cases listed of each kind at most: a counter page reads the most urgent, and a hall whose cases are
 * never marked concluded must still get an answer, not one too large to send.
 */
const LISTED = 300;

const staffCasesSchema = {
  type: 'object',
  properties: {
    staff: { type: 'object', properties: { id: text, name: text }, required: ['id', 'name'] },
    asOf: { type: 'string', description: '计时的时点。' },
    cases: {
      type: 'array',
      description: `在办的办件：红牌在前，再黄牌，各按到期时间；最多 ${LISTED} 件（件数见 totals）。`,
      items: {
        type: 'object',
        properties: {
          view: viewSchema,
          level: { enum: ['normal', 'yellow', 'red'], description: '预警等级（未计时的为 normal）。' },
          remaining: { type: 'string', description: '剩余时间的中文说明，例如 剩余 24 个工作日、已超期 1 个工作日、待补正（未计时）。' },
          covering: { type: 'boolean', description: '本人为该岗位的B岗（顶岗A岗的办件）。' },
        },
        required: ['view', 'level', 'remaining', 'covering'],
      },
    },
    concluded: {
      type: 'array',
      description: '今日办结（办结、退回、不予受理）的本人办件，附是否已评价（好差评一次一评）。',
      items: {
        type: 'object',
        properties: {
          view: viewSchema,
          reviewed: { type: ['object', 'null'], properties: { id: text, grade: text }, required: ['id', 'grade'] },
        },
        required: ['view', 'reviewed'],
      },
    },
    totals: {
      type: 'object',
      description: `全部在办件和今日办结件的件数；cases、concluded 各最多列出 ${LISTED} 件（在办件按紧急程度最前的，今日办结件按时间最近的），其余只计入这里。`,
      properties: {
        open: { type: 'integer', description: '在办件数（含未列出的）。' },
        red: { type: 'integer', description: '其中红牌。' },
        yellow: { type: 'integer', description: '其中黄牌。' },
        concluded: { type: 'integer', description: '今日办结件数（含未列出的）。' },
      },
      required: ['open', 'red', 'yellow', 'concluded'],
    },
    record: {
      type: ['object', 'null'],
      description: '本人的责任追究记录（计算窗口期内的违规事实和处理）；只有本人令牌或管理员令牌可见，其他为 null。',
      properties: {
        countingWindow: { type: 'object', properties: { label: text, from: text, to: text }, required: ['label', 'from', 'to'] },
        facts: { type: 'object', additionalProperties: { type: 'integer' }, description: '违规事实计数：verifiedComplaints 查实投诉、overdueWithoutReason 无故超时、badReviews 差评等。' },
        actions: {
          type: 'array',
          items: { type: 'object', properties: { rule: text, ruleName: text, actionName: text }, required: ['rule', 'ruleName', 'actionName'] },
        },
      },
      required: ['countingWindow', 'facts', 'actions'],
    },
  },
  required: ['staff', 'asOf', 'cases', 'concluded', 'totals', 'record'],
} as const;

const LEVEL_ORDER = { red: 0, yellow: 1, normal: 2 } as const;

/** The applicant's identity masked; the rest of the record as it is. */
function masked(record: CaseRecord): CaseRecord {
  const applicant = record.application?.applicant;
  if (!record.application || !applicant) return record;
  const copy = { ...applicant };
  if (typeof copy.name === 'string') copy.name = maskName(copy.name);
  if (typeof copy.idNumber === 'string') copy.idNumber = maskIdNumber(copy.idNumber);
  if (typeof copy.phone === 'string') copy.phone = maskPhone(copy.phone);
  return { ...record, application: { ...record.application, applicant: copy } };
}

function shown(view: CaseView): object {
  const record = masked(view.record);
  return { ...view, record, notice: record.noticeNumber ? { number: record.noticeNumber, href: `/notices/${encodeURIComponent(record.noticeNumber)}` } : null };
}

function remainingText(view: CaseView): string {
  const c = view.clock;
  if (!c) return view.status === 'supplement' ? '待补正（申请人补齐材料后受理，开始计时）' : '未计时';
  const left = describeDuration({ amount: Math.abs(c.remaining.amount), unit: c.remaining.unit });
  const base = c.remaining.amount < 0 ? `已超期 ${left}` : `剩余 ${left}`;
  return c.suspended ? `${base}（中止计时中）` : base;
}

function staffOf(pack: Pack, id: string) {
  return pack.data.center.staff.find((s) => s.id === id);
}

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;
  const clerk = auth.require('clerk');

  app.get(
    '/v1/session',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('getSession', 'token'),
        tags: ['办件'],
        summary: '当前令牌对应的工作人员（窗口受理页用）',
        description: '令牌名称、角色；令牌名称为 center.yaml 中工作人员的标识时，给出该工作人员、所在窗口和担任的岗位（AB岗）；以及好差评的评价等级。',
        response: { 200: sessionSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const { pack } = request.served;
      const member = staffOf(pack, caller.name);
      const reviews = { grades: [...pack.data.policy.reviews.grades], bad: [...pack.data.policy.reviews.bad] };
      const labels = { caseStatus: CASE_STATUS_LABELS, caseEvent: CASE_EVENT_LABELS };
      if (!member) return { name: caller.name, role: caller.role, staff: null, reviews, labels };
      const posts = pack.data.center.posts.flatMap((p): Array<{ id: string; name: string; window: string; role: 'A' | 'B' }> => (p.a === member.id ? [{ id: p.id, name: p.name, window: p.window, role: 'A' as const }] : p.b === member.id ? [{ id: p.id, name: p.name, window: p.window, role: 'B' as const }] : []));
      // A posts first: the windows where one works, then those where one stands in.
      posts.sort((a, b) => (a.role === b.role ? 0 : a.role === 'A' ? -1 : 1));
      const windows = [...new Set(posts.map((p) => p.window))].flatMap((id) => {
        const w = pack.data.center.windows.find((x) => x.id === id);
        return w ? [{ id: w.id, number: w.number, name: w.name, location: w.location ?? null }] : [];
      });
      return { name: caller.name, role: caller.role, staff: { id: member.id, name: member.name, title: member.title ?? null, windows, posts }, reviews, labels };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/staff/:id/cases',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('listStaffCases', 'token'),
        tags: ['办件'],
        summary: '我的办件：工作人员在办的办件及其黄牌、红牌',
        description:
          '该工作人员负责的在办办件（A岗，或B岗顶岗时的B岗），以及其担任B岗的岗位上的在办办件（covering: true），附预警等级、剩余时间和全部办理环节，红牌在前；另列今日办结的办件及是否已评价。申请人身份信息已脱敏。本人或管理员令牌另可见本人的责任追究记录。',
        params: { type: 'object', properties: { id: { ...ID, description: '工作人员的标识（center.yaml）。' } }, required: ['id'] },
        response: { 200: staffCasesSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const caller = request.caller!;
      const { pack } = request.served;
      const member = staffOf(pack, id);
      if (!member) throw HttpError.of('E-STAFF-NOT-FOUND', { id }, { path: 'params.id' });
      const coveredPosts = new Set(pack.data.center.posts.filter((p) => p.b === id).map((p) => p.id));
      const seesRecord = caller.role === 'admin' || caller.name === id;
      return records.use((r) => inRequest(BODY, () => staffCases(r, id, member.name, coveredPosts, seesRecord)));
    },
  );
}

async function staffCases(r: Records, id: string, name: string, coveredPosts: ReadonlySet<string>, seesRecord: boolean): Promise<object> {
  const now = Date.now();
  const today = shanghaiDate(now);
  const open: Array<{ view: CaseView; level: 'normal' | 'yellow' | 'red'; remaining: string; covering: boolean }> = [];
  const concluded: CaseView[] = [];
  // Open cases and those concluded today only: the closed years' other cases stay on disk.
  for (const record of await r.cases.unconcludedSince(Date.parse(`${today}T00:00:00+08:00`))) {
    const ended = record.events.find((e) => TERMINAL.has(e.type));
    // Concluded before today: neither open nor waiting for a review at the counter.
    if (ended && shanghaiDate(Date.parse(ended.at)) !== today) continue;
    const view = r.viewCase(record, now);
    const covering = record.post !== null && coveredPosts.has(record.post);
    const mine = view.responsible.staff === id;
    if (ended) {
      if (mine || record.events.some((e) => e.staff === id && TERMINAL.has(e.type))) concluded.push(view);
      continue;
    }
    if (!mine && !covering) continue;
    open.push({ view, level: view.clock?.level ?? 'normal', remaining: remainingText(view), covering });
  }
  const due = (v: CaseView): number => (v.clock ? Date.parse(v.clock.due) : Number.POSITIVE_INFINITY);
  open.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || due(a.view) - due(b.view) || a.view.record.receivedAt.localeCompare(b.view.record.receivedAt));
  concluded.sort((a, b) => (b.concludedAt ?? '').localeCompare(a.concludedAt ?? ''));
  const reviews = new Map<string, { id: string; grade: string }>();
  for (const v of r.reviews.all()) if (v.case) reviews.set(v.case, { id: v.id, grade: v.grade });
  let record: object | null = null;
  if (seesRecord) {
    const report = await r.sanctions({ now, all: true });
    const mine = report.staff.find((s) => s.staff === id);
    record = {
      countingWindow: { label: report.countingWindow.label, from: report.countingWindow.from, to: report.countingWindow.to },
      facts: mine?.facts ?? {},
      actions: (mine?.actions ?? []).map((a) => ({ rule: a.rule, ruleName: a.ruleName, actionName: a.actionName })),
    };
  }
  return {
    staff: { id, name },
    asOf: formatInstant(now),
    cases: open.slice(0, LISTED).map((c) => ({ ...c, view: shown(c.view) })),
    concluded: concluded.slice(0, LISTED).map((v) => ({ view: shown(v), reviewed: reviews.get(v.record.id) ?? null })),
    totals: { open: open.length, red: open.filter((c) => c.level === 'red').length, yellow: open.filter((c) => c.level === 'yellow').length, concluded: concluded.length },
    record,
  };
}
