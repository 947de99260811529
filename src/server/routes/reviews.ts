/**
 * 好差评: POST /v1/cases/{id}/review (the applicant's review at the end of a case, once per case),
 * GET /v1/reviews, the follow-ups of a bad review (POST /v1/reviews/{id}/callback 回访,
 * /rectification 整改反馈) and the center office's 申诉复核 (POST /v1/reviews/{id}/appeal, admin).
 * The reviewer is confidential: answers never carry them, and personal numbers in free text are masked.
 */
import type { FastifyInstance } from 'fastify';
import type { ReviewRecord } from '../../pack/index.ts';
import type { AppealInput, FollowUpInput, Indicator, ReviewView } from '../../records/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { BODY, inRequest } from '../in-request.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { pointer, ref } from '../schemas.ts';

const prop = (name: string): { $ref: string } => pointer('records/review', `/properties/${name}`);
const appealProp = (name: string): { $ref: string } => pointer('records/review', `/properties/appeal/properties/${name}`);
const AT = { type: 'string', maxLength: 64, description: '时间（ISO 8601，不带时区即北京时间）；默认为当前时间。' } as const;

const followUpState = {
  type: ['object', 'null'],
  description: '差评的回访或整改反馈期限（policy.yaml 的 badReviewCallback、badReviewRectification）；不是差评为 null。',
  properties: {
    due: { type: 'string', description: '期限。' },
    doneAt: { type: ['string', 'null'], description: '完成时间；未完成为 null。' },
    overdue: { type: 'boolean', description: '逾期未完成，或完成晚于期限。' },
    level: { enum: ['normal', 'yellow', 'red'], description: '预警等级：yellow 黄牌（将到期）、red 红牌（已超期）。' },
  },
  required: ['due', 'doneAt', 'overdue', 'level'],
} as const;

const reviewView = {
  type: 'object',
  description: '评价及其回访、整改期限（不含评价人信息）。',
  properties: {
    record: { ...ref('records/review'), description: '评价记录（评价人保密，不在答复中）。' },
    bad: { type: 'boolean', description: '是否差评（policy.yaml 的 reviews.bad）。' },
    struck: { type: 'boolean', description: '是否经申诉复核撤销（撤销的评价不计入考评统计和责任追究）。' },
    callback: followUpState,
    rectification: followUpState,
  },
  required: ['record', 'bad', 'struck', 'callback', 'rectification'],
} as const;

const REVIEW_ID = { params: { type: 'object', properties: { id: prop('id') }, required: ['id'] } } as const;

interface ReviewBody {
  grade: string;
  indicators?: Partial<Record<Indicator, string>>;
  comment?: string;
  at?: string;
}

const followUpBody = (what: string) =>
  ({
    type: 'object',
    properties: {
      by: { ...pointer('records/defs', '/$defs/followUp/properties/by'), description: `${what}的工作人员（center.yaml 的标识）。` },
      at: AT,
      note: { ...pointer('records/defs', '/$defs/followUp/properties/note'), description: `${what}情况。` },
    },
    required: ['by'],
    additionalProperties: false,
  }) as const;

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;
  const clerk = auth.require('clerk');
  const now = (): string => new Date().toISOString();

  app.post<{ Params: { id: string }; Body: ReviewBody }>(
    '/v1/cases/:id/review',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('createCaseReview', 'token'),
        tags: ['监督'],
        summary: '办件评价（好差评，一次一评）',
        description:
          '办件办结（含退回、不予受理、咨询件一次性告知）后，申请人对服务作出评价：评价等级取自 policy.yaml 的 reviews.grades（非常满意 … 非常不满意），可另评整体满意度、服务效率、服务水平、服务态度。被评价的工作人员和窗口取自办件（责任人、办件窗口）。同一办件只能评价一次，再次评价返回 409 E-REVIEW-DUPLICATE。差评按 policy.yaml 起算回访和整改反馈期限。',
        params: { type: 'object', properties: { id: pointer('records/case', '/properties/id') }, required: ['id'] },
        body: {
          type: 'object',
          properties: {
            grade: prop('grade'),
            indicators: prop('indicators'),
            comment: prop('comment'),
            at: { ...AT, description: '评价时间（ISO 8601）；默认为当前时间。' },
          },
          required: ['grade'],
          additionalProperties: false,
        },
        response: { 201: reviewView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const b = request.body;
      const view = await records.use(async (r) => {
        const saved = await inRequest({ $: '$', '$.case': 'params.id' }, () =>
          r.reviews.add({ case: id, grade: b.grade, ...(b.indicators ? { indicators: b.indicators } : {}), ...(b.comment ? { comment: b.comment } : {}), ...(b.at ? { at: b.at } : {}) }),
        );
        return r.reviews.maskedView(r.reviews.view(saved, now()));
      });
      request.logFields = { case: id, review: view.record.id };
      return reply.code(201).header('location', `/v1/reviews?case=${id}`).send(view);
    },
  );

  app.get<{ Querystring: { case?: string; staff?: string; month?: string } }>(
    '/v1/reviews',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('listReviews', 'token'),
        tags: ['监督'],
        summary: '评价列表（好差评）',
        description: '按办件、工作人员、月份筛选的评价，按评价时间排序，附是否差评、是否经申诉复核撤销、回访和整改反馈期限及是否逾期。不含评价人信息。',
        querystring: {
          type: 'object',
          properties: {
            case: { ...pointer('records/case', '/properties/id'), description: '办件编号。' },
            staff: { ...pointer('common', '/$defs/id'), description: '被评价的工作人员。' },
            month: { ...pointer('common', '/$defs/month'), description: '评价月份 YYYY-MM（北京时间）。' },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'array', items: reviewView }, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      return records.use((r) => {
        const at = now();
        const keep = (v: ReviewRecord): boolean => (!q.case || v.case === q.case) && (!q.staff || v.staff === q.staff) && (!q.month || v.at.startsWith(`${q.month}-`));
        const list = [...r.reviews.all()].filter(keep).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
        return inRequest(BODY, () => list.map((v): ReviewView => r.reviews.maskedView(r.reviews.view(v, at))));
      });
    },
  );

  for (const [kind, path, operationId, what] of [
    ['callback', 'callback', 'recordReviewCallback', '回访'],
    ['rectification', 'rectification', 'recordReviewRectification', '整改反馈'],
  ] as const) {
    app.post<{ Params: { id: string }; Body: FollowUpInput }>(
      `/v1/reviews/:id/${path}`,
      {
        onRequest: clerk,
        serializerCompiler: plainJson,
        schema: {
          ...operation(operationId, 'token'),
          tags: ['监督'],
          summary: `记录差评${what}`,
          description: `差评的${what}：经办人、时间、情况；只能记录一次，不早于评价时间。期限按 policy.yaml（${kind === 'callback' ? 'badReviewCallback' : 'badReviewRectification'}）计算，晚于期限记为逾期。经申诉复核撤销的差评无需${what}。`,
          ...REVIEW_ID,
          body: followUpBody(what),
          response: { 200: reviewView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request) => {
        const { id } = request.params;
        return records.use(async (r) => {
          // The records locate problems inside the stored review (`$.callback.by`); the body is that object.
          const saved = await inRequest({ $: '$', [`$.${kind}`]: '$' }, () => r.reviews.followUp(id, kind, request.body));
          return r.reviews.maskedView(r.reviews.view(saved, now()));
        });
      },
    );
  }

  app.post<{ Params: { id: string }; Body: AppealInput }>(
    '/v1/reviews/:id/appeal',
    {
      onRequest: auth.require('admin'),
      serializerCompiler: plainJson,
      schema: {
        ...operation('appealReview', 'token'),
        tags: ['监督'],
        summary: '差评申诉复核（需管理员令牌）',
        description:
          '中心管理办公室对差评的申诉复核：upheld 维持（照常计入）、struck 撤销（不再计入考评统计、满意率和责任追究的差评次数，工作人员的记录中显示为已撤销及理由）。须写明理由；每条评价只能复核一次。',
        ...REVIEW_ID,
        body: {
          type: 'object',
          properties: {
            by: appealProp('by'),
            outcome: appealProp('outcome'),
            reason: appealProp('reason'),
            at: { ...AT, description: '复核时间（ISO 8601）；默认为当前时间。' },
          },
          required: ['by', 'outcome', 'reason'],
          additionalProperties: false,
        },
        response: { 200: reviewView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return records.use(async (r) => {
        const saved = await inRequest({ $: '$', '$.appeal': '$' }, () => r.reviews.appeal(id, request.body));
        return r.reviews.maskedView(r.reviews.view(saved, now()));
      });
    },
  );
}
