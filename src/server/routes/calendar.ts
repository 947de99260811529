/** GET /v1/calendar/{year}: holidays, make-up workdays and working days per month. */
import type { FastifyInstance } from 'fastify';
import { FIRST_YEAR, LAST_YEAR, yearSummary } from '../../calendar/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { inRequest } from '../in-request.ts';
import { plainJson } from '../plain-json.ts';
import { ref } from '../schemas.ts';

const DATE = ref('common', 'date');

/** The answer (calendar's YearSummary), for the document; served with plain JSON.stringify as before. */
const yearSummarySchema = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    source: { enum: ['pack', 'package', 'statutory', 'weekends-only'], description: '数据来源。' },
    official: { type: ['boolean', 'null'], description: '是否为国务院正式公布的安排；未知安排时为 null。' },
    provenance: { type: ['string', 'null'], description: '安排的出处（通知文号等）。' },
    holidays: {
      type: 'array',
      description: '放假日期段。',
      items: { type: 'object', properties: { name: { type: 'string' }, from: DATE, to: DATE, days: { type: 'integer', description: '放假天数。' } }, required: ['name', 'from', 'to', 'days'] },
    },
    workdays: {
      type: 'array',
      description: '调休上班日。',
      items: { type: 'object', properties: { date: DATE, weekday: { type: 'string', description: '星期几，例如 星期六。' }, name: { type: 'string' } }, required: ['date', 'weekday', 'name'] },
    },
    months: {
      type: 'array',
      items: { type: 'object', properties: { month: { type: 'integer' }, workingDays: { type: 'integer' }, calendarDays: { type: 'integer' } }, required: ['month', 'workingDays', 'calendarDays'] },
    },
    workingDays: { type: 'integer', description: '全年工作日数。' },
    warnings: { type: 'array', items: ref('decision', 'warning') },
  },
  required: ['year', 'source', 'official', 'provenance', 'holidays', 'workdays', 'months', 'workingDays', 'warnings'],
} as const;

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { year: number } }>(
    '/v1/calendar/:year',
    {
      serializerCompiler: plainJson,
      schema: {
        ...operation('getCalendarYear', 'public'),
        tags: ['时限'],
        summary: '某年的工作日历',
        description:
          '放假安排、调休上班日、每月工作日数。source 说明数据来源：pack 规则包（official 是否为国务院正式公布）、package 通用节假日数据、statutory 规则包和通用数据均未收录，只按《全国年节及纪念日放假办法》的法定假日推算（不含调休和补假）、weekends-only 未知安排只按周末计算（warnings 中有提示）。',
        params: {
          type: 'object',
          properties: { year: { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, description: '年份，例如 2026。' } },
          required: ['year'],
        },
        response: { 200: yearSummarySchema, ...errorResponses(400, 429) },
      },
    },
    async (request) => inRequest({ year: 'params.year' }, () => yearSummary(request.served.pack.calendar, request.params.year)),
  );
}
