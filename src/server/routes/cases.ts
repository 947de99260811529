/**
 * The case register: register a case, record its events, read it with its clock, and the overdue
 * sweep (yellow/red cards). All need a token: cases hold applicants' personal data.
 */
import type { FastifyInstance } from 'fastify';
import type { Application } from '../../pack/index.ts';
import type { CaseEventInput, CaseView } from '../../records/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { HttpError } from '../http-error.ts';
import { noticeOf } from '../notice-numbers.ts';
import { BODY, inRequest } from '../in-request.ts';
import { decideOrReject, register, registrationOptions } from '../register.ts';
import { pointer, ref } from '../schemas.ts';
import { validatorCompiler } from '../validation.ts';

const CASE_ID = pointer('records/case', '/properties/id');
const staffId = (description: string): object => ({ ...pointer('common', '/$defs/id'), description });

const stepRef = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] } as const;
const duration = { type: 'object', properties: { amount: { type: 'number' }, unit: { type: 'string' } }, required: ['amount', 'unit'] } as const;
const stepClock = {
  type: 'object',
  description: '一个有时限的办理环节：自上一环节完成（第一个环节自受理）起算，中止计时期间不计。',
  properties: {
    id: { type: 'string', description: '环节标识（事项 procedure 中步骤的 id）。' },
    name: { type: 'string', description: '环节名称。' },
    limit: duration,
    startedAt: { type: 'string', description: '环节计时起点。' },
    due: { type: 'string', description: '环节应完成的时间。' },
    completedAt: { type: ['string', 'null'], description: '环节完成时间；未完成的为 null。' },
    level: { enum: ['normal', 'yellow', 'red'], description: '预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过环节时限为 red。' },
    remaining: duration,
    suspended: { type: 'boolean' },
  },
  required: ['id', 'name', 'limit', 'startedAt', 'due', 'completedAt', 'level', 'remaining', 'suspended'],
} as const;

/** A step-overdue card of the sweep (环节超时). */
const stepOverdueCard = {
  type: 'object',
  description: '环节超时（red）或即将超时（yellow）的办件：当前环节、环节到期时间和责任人；办件总期限可能仍正常。',
  properties: {
    case: { type: 'string' },
    item: { type: 'string' },
    itemName: { type: 'string' },
    window: { type: 'string' },
    step: stepRef,
    due: { type: 'string' },
    level: { enum: ['yellow', 'red'] },
    remaining: duration,
    suspended: { type: 'boolean' },
    responsible: { type: 'object', additionalProperties: true },
  },
  required: ['case', 'item', 'itemName', 'window', 'step', 'due', 'level', 'responsible'],
} as const;

const limitOrNull = { ...duration, type: ['object', 'null'] } as const;

/** The special step a suspended case is in (特殊环节), with its own clock. */
const specialStepClock = {
  type: ['object', 'null'],
  description: '特殊环节（特别程序）：办件因该环节中止计时（所需时间不计入办理时限）；有时限的自中止时起按工作日历计时，预警阈值同办件计时。未在特殊环节中的为 null。',
  properties: {
    id: { type: 'string', description: '特殊环节标识（事项 specialSteps 中的 id）。' },
    name: { type: 'string', description: '特殊环节名称。' },
    startedAt: { type: 'string', description: '中止计时的时间，特殊环节计时起点。' },
    limit: limitOrNull,
    fee: { type: ['string', 'null'], description: '特殊环节收费标准。' },
    basis: { type: ['string', 'null'], description: '特殊环节设定依据。' },
    due: { type: ['string', 'null'], description: '特殊环节应完成的时间；没有规定时限的为 null。' },
    level: { enum: ['normal', 'yellow', 'red', null], description: '预警等级：剩余时间不超过 policy.yaml 的预警阈值为 yellow，超过特殊环节时限为 red；没有规定时限的为 null。' },
    remaining: limitOrNull,
  },
  required: ['id', 'name', 'startedAt', 'limit', 'fee', 'basis', 'due', 'level', 'remaining'],
} as const;

/** A special-step card of the sweep (特殊环节超时). */
const specialStepCard = {
  type: 'object',
  description: '特殊环节超时（red）或即将超时（yellow）的办件：办件因特殊环节中止计时（办件计时冻结），特殊环节自身的时限临近或已过。',
  properties: {
    case: { type: 'string' },
    item: { type: 'string' },
    itemName: { type: 'string' },
    window: { type: 'string' },
    specialStep: stepRef,
    startedAt: { type: 'string', description: '中止计时的时间。' },
    due: { type: 'string' },
    level: { enum: ['yellow', 'red'] },
    remaining: duration,
    responsible: { type: 'object', additionalProperties: true },
  },
  required: ['case', 'item', 'itemName', 'window', 'specialStep', 'startedAt', 'due', 'level', 'remaining', 'responsible'],
} as const;

const caseView = {
  type: 'object',
  description: '办件及其当前状态和计时。',
  properties: {
    record: ref('records/case'),
    status: { enum: ['consultation', 'received', 'supplement', 'accepted', 'suspended', 'completed', 'returned', 'rejected'], description: '当前状态。' },
    acceptedAt: { type: ['string', 'null'], description: '计时起点（受理时间；逾期未告知补正的视为自收件时受理）。' },
    deemedAccepted: { type: 'boolean' },
    concludedAt: { type: ['string', 'null'] },
    clock: { type: ['object', 'null'], description: '计时：到期时间、剩余、已用、预警等级（normal/yellow/red）、是否暂停。', additionalProperties: true },
    overdue: { type: 'boolean' },
    overdueExplained: { type: 'boolean' },
    responsible: { type: 'object', description: '责任人（A岗，或B岗顶岗时的B岗）。', additionalProperties: true },
    notice: { type: ['object', 'null'], description: '登记时出具的文书：文号（取自中心的文书编号序列）和补打地址。', properties: { number: { type: 'string' }, href: { type: 'string' } } },
    deferred: {
      type: 'array',
      description: '容缺材料及补交期限：自登记簿所记的受理时间（受理环节，或逾期未告知补正视为受理）起算，补正后受理的从受理之日起算；尚未受理的为 null。',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, due: { type: ['string', 'null'], description: '补交截止时间（ISO 8601）。' } },
        required: ['id', 'name', 'due'],
      },
    },
    step: {
      type: ['object', 'null'],
      description: '环节时限（电子监察）：当前环节（第一个未完成的有时限环节）及其到期时间和预警等级、各有时限环节、已记录完成的环节；未受理或事项没有有时限的环节时为 null。',
      properties: {
        current: { oneOf: [stepClock, { type: 'null' }] },
        timed: { type: 'array', items: stepClock },
        completed: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, at: { type: 'string' } }, required: ['id', 'name', 'at'] } },
      },
    },
    specialStep: specialStepClock,
  },
} as const;

const EVENT = '/$defs/event/properties';

/** The registration body as documented (OpenAPI). */
const registrationBody = {
  type: 'object',
  properties: {
    application: ref('application'),
    staff: staffId('经办工作人员的标识。'),
    firstInquiry: staffId('首问责任人的标识；不写则为经办人。'),
    noticeGiven: { type: 'boolean', description: '补正件：是否已当场一次性告知（默认是）；否则须在规定期限内告知，逾期视为自收件时受理。' },
  },
  required: ['application', 'staff'],
  additionalProperties: false,
};

/**
 * The body as validated here: the application is checked once, by the engine (`pack.decide`,
 * E-APP-* located under `$.application`), not a second time by the route.
 */
const validatedBody = { ...registrationBody, properties: { ...registrationBody.properties, application: {} } };

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;
  const clerk = auth.require('clerk');
  const withNotice = (view: CaseView): object => ({ ...view, notice: noticeOf(view.record) });

  app.post<{ Body: { application: Application; staff: string; firstInquiry?: string; noticeGiven?: boolean } }>(
    '/v1/cases',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      validatorCompiler: (route) => validatorCompiler(route.httpPart === 'body' ? { ...route, schema: validatedBody } : route),
      schema: {
        ...operation('createCase', 'token'),
        tags: ['办件'],
        summary: '登记办件（按现行规则包判断后登记）',
        description: '对申请作出受理分类决定并登记为办件（咨询件也要登记），出具带文号的文书。与 POST /v1/decisions 加 record: true 相同，返回的是办件。',
        body: registrationBody,
        response: { 201: caseView, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const { application, staff, firstInquiry, noticeGiven } = request.body;
      const { pack } = request.served;
      const decision = await decideOrReject(pack, application, '$.application', await registrationOptions(records, application));
      request.logFields = { item: decision.item, kind: decision.kind, mode: decision.mode };
      const { view } = await register(records, application, decision, { staff, ...(firstInquiry ? { firstInquiry } : {}), ...(noticeGiven !== undefined ? { noticeGiven } : {}) });
      request.logFields = { ...request.logFields, case: view.record.id };
      return reply.code(201).header('location', `/v1/cases/${view.record.id}`).send(withNotice(view));
    },
  );

  app.post<{ Params: { id: string }; Body: CaseEventInput }>(
    '/v1/cases/:id/events',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('addCaseEvent', 'token'),
        tags: ['办件'],
        summary: '记录办理环节',
        description:
          '补正告知、受理、中止计时（补正、听证、检验检测、专家评审）、恢复计时、经批准延长、办结、退回、不予受理、超期说明、环节完成（step-completed，step 写事项 procedure 中步骤的 id，每个环节只记一次）、特殊环节（suspended 可写 specialStep：事项 specialSteps 中不计入办理时限的特殊环节的 id，不写理由时理由为“特殊环节：名称（依据…）”）、告知承诺核查（commitment-verified 属实；commitment-false 不实，须写理由：尚未办结的同时终止办理，并记为虚假承诺记录，此后该申请人不再适用告知承诺）。环节须符合办理顺序；中止、退回、不予受理、超期说明须写理由，延长须有批准记录且不超过事项规定的最长延长期限。',
        params: { type: 'object', properties: { id: CASE_ID }, required: ['id'] },
        body: {
          type: 'object',
          properties: {
            type: pointer('records/case', `${EVENT}/type`),
            at: { type: 'string', maxLength: 64, description: '时间（ISO 8601，不带时区即北京时间）；默认为当前时间。' },
            staff: pointer('records/case', `${EVENT}/staff`),
            reason: pointer('records/case', `${EVENT}/reason`),
            note: pointer('records/case', `${EVENT}/note`),
            step: pointer('records/case', `${EVENT}/step`),
            specialStep: pointer('records/case', `${EVENT}/specialStep`),
            extension: {
              type: 'object',
              description: '延长的批准记录（type 为 extended 时必填）。',
              properties: {
                amount: pointer('records/case', '/$defs/extension/properties/amount'),
                unit: pointer('records/case', '/$defs/extension/properties/unit'),
                approvedBy: pointer('records/case', '/$defs/extension/properties/approvedBy'),
                approvedAt: { type: 'string', maxLength: 64, description: '批准时间（ISO 8601）；默认为环节时间。' },
                reference: pointer('records/case', '/$defs/extension/properties/reference'),
              },
              required: ['amount', 'unit', 'approvedBy'],
              additionalProperties: false,
            },
          },
          required: ['type', 'staff'],
          additionalProperties: false,
        },
        response: { 200: caseView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const event = request.body;
      if ((event.type as string) === 'received') throw new HttpError('E-REQ-ENUM', '收件环节在登记办件时自动记录，不能另行添加', '$.type');
      const view = await records.use((r) => inRequest(BODY, () => r.cases.addEvent(id, event)));
      return withNotice(view);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/cases/:id',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('getCase', 'token'),
        tags: ['办件'],
        summary: '办件及其计时',
        description: '办件登记内容、全部办理环节、当前状态，以及计时：到期时间、剩余时间、预警等级（yellow 黄牌、red 红牌）和责任人。',
        params: { type: 'object', properties: { id: CASE_ID }, required: ['id'] },
        response: { 200: caseView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const view = await records.use((r) => {
        const record = r.cases.get(id);
        if (!record) throw HttpError.of('E-CASE-NOT-FOUND', { id }, { path: 'params.id' });
        return inRequest(BODY, () => r.viewCase(record));
      });
      return withNotice(view);
    },
  );

  app.get<{ Querystring: { level?: 'yellow' | 'red' } }>(
    '/v1/cases',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('listOverdueCases', 'token'),
        tags: ['办件'],
        summary: '预警办件（电子监察黄牌、红牌）',
        description: '在办的办件中即将到期（yellow，剩余工作日不超过 policy.yaml 的预警阈值）和已超期（red）的，红牌在前，各按到期时间排序，附责任人（A岗，或顶岗的B岗）；steps 另列当前环节即将超时或已超时（环节超时）的办件；specialSteps 另列因特殊环节中止计时、特殊环节自身时限临近或已过的办件。',
        querystring: {
          type: 'object',
          properties: { level: { enum: ['yellow', 'red'], description: '只列出该等级；不写则两者都列出。' } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              asOf: { type: 'string' },
              open: { type: 'integer', description: '在办件数。' },
              normal: { type: 'integer' },
              yellow: { type: 'integer' },
              red: { type: 'integer' },
              cases: { type: 'array', items: { type: 'object', additionalProperties: true } },
              errors: { type: 'array', items: { type: 'object', additionalProperties: true }, description: '无法计时的办件及原因。' },
              steps: { type: 'array', items: stepOverdueCard, description: '环节超时（red）或即将超时（yellow）的办件（电子监察·环节超时），红牌在前；办件总期限正常的也列出。' },
              postChecks: { type: 'array', items: { type: 'object', additionalProperties: true }, description: '告知承诺核查期限临近（yellow）或已过（red）的办件。' },
              specialSteps: { type: 'array', items: specialStepCard, description: '特殊环节超时（red）或即将超时（yellow）的办件，红牌在前：办件因特殊环节中止计时，办件计时冻结，特殊环节自身的时限由此监察。' },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const level = request.query.level;
      const report = await records.use((r) => inRequest(BODY, () => r.sweep()));
      const { flagged, ...counts } = report;
      return { ...counts, cases: level ? flagged.filter((c) => c.level === level) : flagged, steps: level ? report.steps.filter((c) => c.level === level) : report.steps, specialSteps: level ? report.specialSteps.filter((c) => c.level === level) : report.specialSteps };
    },
  );
}
