/** GET /v1/calendar/{year}: holidays, make-up workdays and working days per month. */
import type { FastifyInstance } from 'fastify';
import { FIRST_YEAR, LAST_YEAR, yearSummary } from '../../calendar/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { inRequest } from '../in-request.ts';

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { year: number } }>(
    '/v1/calendar/:year',
    {
      schema: {
        tags: ['时限'],
        summary: '某年的工作日历',
        description:
          '放假安排、调休上班日、每月工作日数。source 说明数据来源：pack 规则包（official 是否为国务院正式公布）、package 通用节假日数据、weekends-only 未知安排只按周末计算（warnings 中有提示）。',
        params: {
          type: 'object',
          properties: { year: { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, description: '年份，例如 2026。' } },
          required: ['year'],
        },
        response: errorResponses(400, 429),
      },
    },
    async (request) => inRequest({ year: 'params.year' }, () => yearSummary(request.served.pack.calendar, request.params.year)),
  );
}
