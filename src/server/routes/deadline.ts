/** GET /v1/deadline: promised and statutory due of an item accepted at a given time. */
import type { FastifyInstance } from 'fastify';
import { deadlineBasis, deadlineModes, deadlineOn, type Suspension } from '../../calendar/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { HttpError } from '../http-error.ts';
import { inRequest } from '../in-request.ts';
import { unknownItem } from '../unknown-item.ts';
import { pointer, ref } from '../schemas.ts';

interface DeadlineQuery {
  item: string;
  acceptedAt: string;
  suspend?: string[];
}

export async function deadlineRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: DeadlineQuery }>(
    '/v1/deadline',
    {
      schema: {
        ...operation('getDeadline', 'public'),
        tags: ['时限'],
        summary: '办结期限：承诺期限和法定期限',
        description:
          '自受理时起算（受理当日不计，期限届满日办公时间结束时到期），按规则包的工作日历和办公时间计算；暂停计时的期间不计入。按受理当日施行的事项版本和中心制度（policy.yaml 的 changes）计算。信访件另给答复期限（reply）和领导接待答复期限（leaderReception）。办理方式按条件选择的事项（如临时救助），按其余情况（最后一项）计算，modeBranch 指明所按的一项，modes 列出各项的时限；按申请人情况计算请用 POST /v1/decisions。',
        querystring: {
          type: 'object',
          properties: {
            item: pointer('application', '/properties/item'),
            acceptedAt: { type: 'string', minLength: 1, maxLength: 64, description: '受理时间（ISO 8601，可省略秒，不带时区即北京时间），例如 2026-09-28T09:30:00+08:00。' },
            suspend: {
              type: 'array',
              maxItems: 50,
              items: { type: 'string', maxLength: 130 },
              description: '暂停计时的期间“暂停时间/恢复时间”，可重复，例如 2026-10-09T10:00:00+08:00/2026-10-14T15:00:00+08:00。',
            },
          },
          required: ['item', 'acceptedAt'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              item: { type: 'string' },
              itemName: { type: 'string' },
              deadline: pointer('decision', '/properties/deadline'),
              mode: { enum: ['immediate', 'promised', 'reported', 'joint', 'petition'], description: '期限所按的办理方式（办理方式按条件选择的，为其余情况一项的）。' },
              modeBranch: {
                type: 'object',
                description: '办理方式按条件选择的事项才有：期限所按的一项（其余情况，即最后一项）。',
                properties: { index: { type: 'integer', minimum: 0 }, text: { type: ['string', 'null'] } },
                required: ['index', 'text'],
                additionalProperties: false,
              },
              modes: {
                type: 'array',
                description: '办理方式按条件选择的事项才有：各项的办理方式和受理当日的时限，counted 为期限所按的一项。',
                items: {
                  type: 'object',
                  properties: {
                    index: { type: 'integer', minimum: 0 },
                    mode: { enum: ['immediate', 'promised', 'reported', 'joint', 'petition'] },
                    text: { type: ['string', 'null'] },
                    promised: ref('decision', 'duration'),
                    statutory: ref('decision', 'duration'),
                    counted: { type: 'boolean' },
                  },
                  required: ['index', 'mode', 'text', 'promised', 'statutory', 'counted'],
                  additionalProperties: false,
                },
              },
            },
            required: ['item', 'itemName', 'deadline', 'mode'],
          },
          ...errorResponses(400, 404, 429),
        },
      },
    },
    async (request) => {
      const { pack } = request.served;
      const { item: code, acceptedAt } = request.query;
      const item = pack.data.items.get(code);
      if (!item) throw unknownItem(pack, code, 'query.item');
      const suspensions: Suspension[] = (request.query.suspend ?? []).map((text, i) => {
        const [from, to, extra] = text.split('/');
        if (!from || !to || extra !== undefined) throw new HttpError('E-REQ-FORMAT', `应写成“暂停时间/恢复时间”，例如 2026-10-09T10:00:00+08:00/2026-10-14T15:00:00+08:00`, `query.suspend[${i}]`);
        return { from, to };
      });
      // One basis (the item version and policy in force on the day of acceptance) for the figures
      // and the branch they are for, as pack.deadline counts them.
      const { basis, deadline } = await inRequest({ acceptedAt: 'query.acceptedAt', suspensions: 'query.suspend' }, () => {
        const basis = deadlineBasis(pack.data, code, acceptedAt);
        return { basis, deadline: deadlineOn(pack.calendar, basis, acceptedAt, { suspensions }) };
      });
      return {
        item: code,
        itemName: item.data.name,
        deadline,
        mode: basis.branch.mode,
        ...(basis.conditional ? { modeBranch: { index: basis.branch.index, text: basis.branch.text }, modes: deadlineModes(basis) } : {}),
      };
    },
  );
}
