/** GET /v1/route?q=: 首问负责 routing — which item, window or outside organ a query belongs to. */
import type { FastifyInstance } from 'fastify';
import { maskUnmasked } from '../../records/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';

export async function routeRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { q: string; limit?: number } }>(
    '/v1/route',
    {
      schema: {
        ...operation('routeInquiry', 'public'),
        tags: ['事项'],
        summary: '首问引导：按名称、关键词或编码查找事项、窗口和外部机关',
        description: '群众问到的事，不论是否本窗口办理，都能指明应去的窗口或机关（首问负责制）。结果按匹配程度排序：kind 为 item 本中心事项、referral 不归本中心办理（organ 为应去的机关）、window 窗口。',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 200, description: '名称、群众常用说法、事项编码或窗口号，例如 低保、办残疾证、MZ-001。' },
            limit: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: '最多返回几条。' },
          },
          required: ['q'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              query: { type: 'string' },
              matches: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    kind: { enum: ['item', 'referral', 'window'] },
                    code: { type: ['string', 'null'] },
                    name: { type: 'string' },
                    score: { type: 'number', description: '0–100，匹配程度。' },
                    matched: { type: 'string', description: '匹配到的内容。' },
                    window: { type: ['object', 'null'], properties: { id: { type: 'string' }, number: { type: 'integer' }, name: { type: 'string' }, location: { type: ['string', 'null'] } } },
                    department: { type: ['string', 'null'] },
                    organ: { type: ['string', 'null'] },
                    address: { type: ['string', 'null'] },
                    phone: { type: ['string', 'null'] },
                  },
                },
              },
            },
            required: ['query', 'matches'],
          },
          ...errorResponses(400, 429),
        },
      },
    },
    // The query is echoed masked: a public answer shows no whole ID or mobile number (issue 12).
    async (request) => ({ query: maskUnmasked(request.query.q), matches: request.served.pack.route(request.query.q, { limit: request.query.limit ?? 10 }) }),
  );
}
