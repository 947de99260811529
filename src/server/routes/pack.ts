/**
 * The live rule pack for the workbench: its files with etags and content version, one file's
 * text, the publication history and rollback (admin); and the package's JSON Schemas (public), so
 * that `$schema` lines of a pack kept anywhere resolve to this service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readSchema } from '../../pack/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { HttpError } from '../http-error.ts';
import { operation } from '../openapi.ts';
import { confinePath } from '../path-confine.ts';
import { plainJson } from '../plain-json.ts';
import { history, rollback } from '../publish-flow.ts';
import { workbenchOf } from '../workbench-context.ts';
import { fileTextSchema, packFileSchema, pathParam, publicationSchema } from '../workbench-schemas.ts';

const TAGS = ['工作台'];

export type FileParams = { path?: string; '*'?: string };

/** The `{path}` of a route: one encoded segment (`:path`) or the wildcard tail. */
export function pathOf(params: { path?: string; '*'?: string }): string {
  return confinePath(params.path ?? params['*'] ?? '');
}

export async function packRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;
  const clerk = auth.require('clerk');
  const admin = auth.require('admin');
  const wb = await workbenchOf(app);

  app.get(
    '/v1/pack',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('getPack', 'token'),
        tags: TAGS,
        summary: '现行规则包的全部文件（需令牌）',
        description: '规则包版本（全部文件内容的指纹：恢复以前的文件即回到以前的版本号）、中心名称，以及每个文件的路径、种类、etag、大小、JSON Schema 地址和事项信息。',
        response: {
          200: { type: 'object', properties: { version: { type: 'string' }, center: { type: 'string' }, files: { type: 'array', items: packFileSchema } }, required: ['version', 'center', 'files'] },
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => wb.listing(request.served),
  );

  const getFile = async (request: FastifyRequest<{ Params: FileParams }>): Promise<object> => wb.liveFile(pathOf(request.params));
  const fileSchema = {
    tags: TAGS,
    summary: '现行规则包中一个文件的内容（需令牌）',
    description: '文件全文和 etag。路径限于规则包目录之内：含 ..、绝对路径、NUL、反斜杠或经符号链接指向包外的，答复 400 E-DRAFT-PATH。',
    response: { 200: fileTextSchema, ...errorResponses(400, 401, 403, 404) },
  };
  app.get<{ Params: FileParams }>('/v1/pack/files/:path', { onRequest: clerk, serializerCompiler: plainJson, schema: { ...operation('getPackFile', 'token'), ...fileSchema, params: { type: 'object', properties: { path: pathParam }, required: ['path'] } } }, getFile);
  app.get<{ Params: FileParams }>('/v1/pack/files/*', { onRequest: clerk, serializerCompiler: plainJson, schema: { hide: true, ...fileSchema } }, getFile);

  app.get(
    '/v1/pack/history',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('getPackHistory', 'token'),
        tags: TAGS,
        summary: '规则包发布历史（需令牌）',
        description: '每次发布和回退，新的在前：发布人、时间、文件、统一格式差异、发布前后的版本、场景测试结果、理由。',
        response: { 200: { type: 'object', properties: { publications: { type: 'array', items: publicationSchema } }, required: ['publications'] }, ...errorResponses(401, 403) },
      },
    },
    async () => ({ publications: await history(records) }),
  );

  app.post<{ Body: { version: string; reason?: string } }>(
    '/v1/pack/rollback',
    {
      onRequest: admin,
      serializerCompiler: plainJson,
      schema: {
        ...operation('rollbackPack', 'token'),
        tags: TAGS,
        summary: '回退到以前的版本（需管理员令牌）',
        description: '把规则包恢复为发布历史中出现过的任一版本（versionBefore 或 versionAfter），全部文件一次写入（全部成功或全部不变），服务随即重新加载；回退本身也记为一次发布（kind: rollback）。',
        body: {
          type: 'object',
          properties: { version: { type: 'string', minLength: 1, maxLength: 64, description: '要恢复的版本。' }, reason: { type: 'string', maxLength: 2000, description: '理由。' } },
          required: ['version'],
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { publication: publicationSchema }, required: ['publication'] }, ...errorResponses(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const caller = auth.authorize(request, 'admin');
      return { publication: await rollback(wb, records, caller, request.body.version, request.body.reason) };
    },
  );

  const schemaFile = (prefix: string) => async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
    const m = /^([a-z][a-z-]*)\.schema\.json$/.exec(request.params.file);
    let schema: object | null = null;
    if (m) {
      try {
        schema = readSchema(`${prefix}${m[1]}`);
      } catch {
        schema = null;
      }
    }
    if (!schema) throw HttpError.of('E-NOT-FOUND', { method: 'GET', url: `/schemas/${prefix}${request.params.file.slice(0, 80)}` }, { path: 'params.file' });
    return reply.type('application/schema+json; charset=utf-8').header('cache-control', 'public, max-age=300').send(JSON.stringify(schema, null, 2));
  };
  const schemaRoute = (operationId: string, summary: string) => ({
    ...operation(operationId, 'public'),
    tags: TAGS,
    summary,
    description: '本服务所带的 JSON Schema（规则包文件的格式和中文说明），供编辑器补全和校验：规则包文件第一行的 `# yaml-language-server: $schema=…` 可指向这里。',
    params: { type: 'object', properties: { file: { type: 'string', maxLength: 100, description: '文件名，例如 item.schema.json。' } }, required: ['file'] },
    response: { 200: { type: 'object', additionalProperties: true, description: 'JSON Schema。' }, ...errorResponses(404, 429) },
  });
  app.get<{ Params: { file: string } }>('/schemas/:file', { schema: schemaRoute('getSchema', '规则包文件的 JSON Schema') }, schemaFile(''));
  app.get<{ Params: { file: string } }>('/schemas/records/:file', { schema: schemaRoute('getRecordSchema', '登记簿记录的 JSON Schema') }, schemaFile('records/'));
}
