/**
 * 高效办成一件事: GET /v1/bundles (the pack's “一件事”) and POST /v1/bundles/decisions (one
 * application for a bundle: every item decided, one merged material list, one joint deadline).
 */
import type { FastifyInstance } from 'fastify';
import type { BundleApplication } from '../../engine/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { inRequest, BODY } from '../in-request.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { pointer, ref } from '../schemas.ts';
import { validatorCompiler } from '../validation.ts';

const listEntry = {
  type: 'object',
  properties: {
    code: { type: 'string', description: '“一件事”编码，例如 YJS-001。' },
    name: { type: 'string', description: '名称。' },
    description: { type: ['string', 'null'], description: '说明。' },
    lead: { type: 'object', description: '牵头部门。', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] },
    window: { type: ['object', 'null'], description: '综合受理窗口。', properties: { id: { type: 'string' }, number: { type: 'integer' }, name: { type: 'string' } }, required: ['id', 'number', 'name'] },
    items: { type: 'array', description: '包含的事项。', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } }, required: ['code', 'name'] } },
    limit: { type: ['object', 'null'], description: '整件事的承诺时限（自受理之日起）；没有写为 null。', properties: { promised: pointer('common', '/$defs/duration') }, required: ['promised'] },
  },
  required: ['code', 'name', 'description', 'lead', 'window', 'items', 'limit'],
} as const;

const responseSchema = {
  type: 'object',
  properties: {
    decision: ref('bundle-decision'),
    notice: {
      type: 'object',
      description: '应出具的文书：整件事一份“一件事”一次性告知。',
      properties: { document: { type: 'string', description: '模板名 bundle-notice。' }, title: { type: 'string', description: '文书名称。' } },
      required: ['document', 'title'],
    },
  },
  required: ['decision', 'notice'],
} as const;

const TITLES: Readonly<Record<string, string>> = {
  consultation: '“一件事”一次性告知单',
  supplement: '“一件事”补正材料通知书',
  correctable: '“一件事”当场更正告知单',
  accepted: '“一件事”受理通知书',
  returned: '“一件事”退回件通知书',
  rejected: '“一件事”不予受理通知书',
};

export async function bundleRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/v1/bundles',
    {
      serializerCompiler: plainJson,
      schema: {
        ...operation('listBundles', 'public'),
        tags: ['事项'],
        summary: '全部“一件事”',
        description: '规则包 bundles/ 中的“一件事”（高效办成一件事）：编码、名称、牵头部门、综合受理窗口、包含的事项和整件事的承诺时限。',
        response: { 200: { type: 'array', items: listEntry }, ...errorResponses(429) },
      },
    },
    async (request) => {
      const { data } = request.served.pack;
      return [...data.bundles.values()].map(({ data: b }) => {
        const lead = data.center.departments.find((d) => d.id === b.lead);
        const windows = [...data.center.windows].sort((x, y) => x.number - y.number);
        const w = b.window !== undefined ? windows.find((x) => x.id === b.window) : windows.find((x) => x.department === b.lead);
        return {
          code: b.code,
          name: b.name,
          description: b.description ?? null,
          lead: { id: b.lead, name: lead?.name ?? b.lead },
          window: w ? { id: w.id, number: w.number, name: w.name } : null,
          items: [...new Set(b.items)].map((code) => ({ code, name: data.items.get(code)?.data.name ?? code })),
          limit: b.limit ? { promised: { ...b.limit.promised } } : null,
        };
      });
    },
  );

  app.post<{ Body: BundleApplication }>(
    '/v1/bundles/decisions',
    {
      serializerCompiler: plainJson,
      // The application is validated once, by the engine (E-APP-*), as for POST /v1/decisions.
      validatorCompiler: (route) => validatorCompiler(route.httpPart === 'body' ? { ...route, schema: {} } : route),
      schema: {
        ...operation('decideBundle', 'public'),
        tags: ['受理'],
        summary: '“一件事”受理分类决定',
        description:
          '一次申请办理一件“一件事”：各事项按同一申请人情况、同一套材料逐项判断（decisions），合并为一张材料清单（共享材料只列一次，写明用于哪些事项）、一张缺件清单、总的分类和统一的办结期限，出具一份“一件事”一次性告知。',
        body: ref('bundle-application'),
        response: { 200: responseSchema, ...errorResponses(400, 404, 413, 415, 429) },
      },
    },
    async (request) => {
      const { pack } = request.served;
      const decision = await inRequest(BODY, () => pack.decideBundle(request.body));
      request.logFields = { bundle: decision.bundle, kind: decision.kind };
      return { decision, notice: { document: decision.notice.document, title: TITLES[decision.kind]! } };
    },
  );
}
