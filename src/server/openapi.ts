/**
 * The OpenAPI document (GET /openapi.json), generated from the routes' own schemas, and the docs
 * UI (GET /docs). Shared schemas become named components (Application, Decision, Case …).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { componentName } from './schemas.ts';

const DESCRIPTION = [
  '便民服务中心规则与政策引擎的 HTTP 接口：受理分类（一次性告知、补正、退回、不予受理、受理）、',
  '首问引导、办结期限、工作日历、办件登记与计时、投诉与责任追究、考评统计、政务公开栏和文书。',
  '',
  '公开查询无需认证；写入操作和内部查询须在 Authorization 请求头中提供 `Bearer 令牌`。',
  '所有错误的格式为 `{ "error": { "code", "message", "path" } }`，message 为中文，path 指出请求中出错的位置。',
].join('\n');

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '便民 决策服务 API', description: DESCRIPTION, version },
      tags: [
        { name: '受理', description: '受理分类决定和一次性告知' },
        { name: '事项', description: '服务事项、办事指南、首问引导' },
        { name: '时限', description: '办结期限和工作日历' },
        { name: '办件', description: '办件登记、办理环节和计时预警（需认证）' },
        { name: '监督', description: '投诉、责任追究和考评（需认证）' },
        { name: '公开', description: '政务公开栏和文书' },
        { name: '运行', description: '健康检查和规则包状态' },
      ],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '在 BIANMIN_TOKENS 或 --tokens-file 中配置的令牌。' } },
      },
    },
    refResolver: {
      buildLocalReference(json, _baseUri, _fragment, i) {
        const id = typeof json.$id === 'string' ? json.$id : '';
        return componentName(id) ?? (id.endsWith('api/error.json') ? 'Error' : `Schema${i}`);
      },
    },
  });
}

/** The docs UI (GET /docs), registered among the pages so it gets their headers and CSP. */
export async function registerDocsUi(app: FastifyInstance): Promise<void> {
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 },
    theme: { title: '便民 决策服务 API 文档' },
    // The UI has no inline scripts: the service's own CSP (scripts from 'self' only) applies to it unchanged.
  });
}
