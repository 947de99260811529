/** GET /v1/metrics?month=: 及时办结率, 咨询首问受理率, 首问事项办结率, complaints and grades per staff and window. */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { inRequest } from '../in-request.ts';
import { pointer } from '../schemas.ts';

export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;

  app.get<{ Querystring: { month: string } }>(
    '/v1/metrics',
    {
      onRequest: auth.require('clerk'),
      serializerCompiler: plainJson,
      schema: {
        ...operation('getMetrics', 'token'),
        tags: ['监督'],
        summary: '月度考评统计',
        description: '每名工作人员和每个窗口：及时办结率、咨询首问受理率、首问事项办结率、投诉件数，以及按 policy.yaml 考评标准得出的等级（优秀、称职、不称职）。',
        querystring: {
          type: 'object',
          properties: { month: { ...pointer('common', '/$defs/month'), description: '月份 YYYY-MM，例如 2026-11。' } },
          required: ['month'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              period: { type: 'object', additionalProperties: true },
              asOf: { type: 'string' },
              standards: { type: 'object', additionalProperties: true },
              staff: { type: 'array', items: { type: 'object', additionalProperties: true } },
              windows: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => records.use((r) => inRequest({ $: 'query.month' }, () => r.metrics(request.query.month))),
  );
}
