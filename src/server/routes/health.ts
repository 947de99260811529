/** Liveness, readiness (is the pack on disk the one in service?) and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../api-schemas.ts';
import { operation } from '../openapi.ts';
import { renderMessage } from '../../core/index.ts';
import { HttpError } from '../http-error.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { packs, records } = app.bianmin;

  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        ...operation('getHealth', 'public'),
        tags: ['运行'],
        summary: '存活检查',
        response: { 200: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] } },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: {
        ...operation('getReadiness', 'public'),
        tags: ['运行'],
        summary: '就绪检查：磁盘上的规则包是否就是正在使用的规则包',
        description:
          '200：规则包文件即正在使用的版本。503：规则包文件已修改但未通过校验（error.errors 列出每处错误的文件、行、列），或正在重新加载，此期间继续按上一版规则包答复；或登记簿不可用。',
        response: {
          200: {
            type: 'object',
            properties: {
              status: { const: 'ready' },
              pack: { type: 'object', properties: { version: { type: 'string' }, loadedAt: { type: 'string' }, items: { type: 'integer' } }, required: ['version', 'loadedAt', 'items'] },
            },
            required: ['status', 'pack'],
          },
          ...errorResponses(503),
        },
      },
    },
    async () => {
      const status = await packs.status();
      const pack = { version: status.version, loadedAt: status.loadedAt, items: packs.served.pack.data.items.size };
      if (records.problem) {
        throw new HttpError('E-RECORDS-UNAVAILABLE', `登记簿不可用：${records.problem}`);
      }
      if (status.ready) return { status: 'ready' as const, pack };
      if (status.errors.length > 0 && !status.reloading) {
        throw new HttpError(
          'E-PACK-INVALID',
          `规则包文件有 ${status.errors.length} 处错误，未启用；继续使用上一版（${status.version}，${status.loadedAt} 加载）`,
          '$',
          { errors: status.errors },
        );
      }
      throw new HttpError('E-PACK-RELOADING', renderMessage('E-PACK-RELOADING', { version: status.version }), '$', { errors: status.errors });
    },
  );

  app.get('/openapi.json', { config: { rateLimit: false }, schema: { hide: true } }, async () => app.swagger());
}
