/**
 * Drafts of the rule pack (需令牌): open one, write and delete its files (each write answers the
 * whole draft's diagnostics), decide an application, preview documents, run the scenarios and see
 * what would change on it; publish it (需管理员令牌).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { BianminError } from '../../core/index.ts';
import { compileSchema, scaffoldPack, type Application, type InitAnswers } from '../../pack/index.ts';
import { errorResponses } from '../api-schemas.ts';
import { fileDiffs, renderDraft, RENDER_DOCS, testDraft, whatIfDraft, type RenderRequest, type TestRequest } from '../draft-eval.ts';
import type { DraftRecord } from '../drafts-store.ts';
import { HttpError } from '../http-error.ts';
import { decodeUtf8Body } from '../json-body.ts';
import { operation } from '../openapi.ts';
import { plainJson } from '../plain-json.ts';
import { publishDraft, sendConflict, type PublishBody } from '../publish-flow.ts';
import { decideOrReject, noticeLink } from '../register.ts';
import { ref } from '../schemas.ts';
import { validatorCompiler } from '../validation.ts';
import { workbenchOf } from '../workbench-context.ts';
import { diagnosticsSchema, draftIdParam, draftSchema, draftWithFilesSchema, fileTextSchema, pathParam, publicationSchema } from '../workbench-schemas.ts';
import { pathOf, type FileParams } from './pack.ts';

const TAGS = ['工作台'];
/** Rule files may be up to 5 MB (the loader's limit). */
const FILE_BODY_LIMIT = 6 * 1024 * 1024;
const TEXT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

const idParams = { type: 'object', properties: { id: draftIdParam }, required: ['id'] } as const;
const fileParams = { type: 'object', properties: { id: draftIdParam, path: pathParam }, required: ['id', 'path'] } as const;
const tailParams = { type: 'object', properties: { id: draftIdParam, '*': pathParam }, required: ['id'] } as const;

type Validator = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/** A body that may be left out (treated as `{}`), checked against `schema` when present. */
function optionalBody(schema: object): Validator {
  const check = compileSchema(schema);
  const fn: Validator = (data) => {
    const ok = data === undefined || data === null || check(data);
    fn.errors = ok ? null : ((check.errors ?? []) as FastifySchemaValidationError[]);
    return ok;
  };
  return fn;
}

/** POST /v1/drafts: a name, and the answers of 新建规则包 (schemas/init-answers.schema.json, as `bianmin init --answers`). */
const createBody = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 200, description: '草稿名称；默认按时间命名。' },
    init: ref('init-answers'),
  },
  additionalProperties: false,
} as const;

/**
 * The body as validated here: only the name. The answers are checked once, by scaffoldPack
 * against the same schema and for what no schema can say (a staff member's window that does not
 * exist …), so that every problem comes back together, as E-DRAFT-INIT at its `$.init…` path.
 */
const validatedCreateBody = { ...createBody, properties: { ...createBody.properties, init: {} } };

export async function draftRoutes(app: FastifyInstance): Promise<void> {
  const { auth, records } = app.bianmin;
  const clerk = auth.require('clerk');
  const admin = auth.require('admin');
  const wb = await workbenchOf(app);
  const draft = (request: FastifyRequest<{ Params: { id: string } }>): Promise<DraftRecord> => wb.drafts.require(request.params.id);

  // File bodies as they are written (YAML or text), byte for byte: comments and formatting kept.
  app.addContentTypeParser(TEXT_TYPES, { parseAs: 'buffer', bodyLimit: FILE_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/v1/drafts',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('listDrafts', 'token'),
        tags: TAGS,
        summary: '全部草稿（需令牌）',
        description: '保存在数据目录中的草稿，最近修改的在前；服务重启后仍在。',
        response: { 200: { type: 'object', properties: { drafts: { type: 'array', items: draftSchema } }, required: ['drafts'] }, ...errorResponses(401, 403) },
      },
    },
    async () => ({ drafts: await wb.drafts.list() }),
  );

  app.post<{ Body: { name?: string; init?: InitAnswers } | undefined }>(
    '/v1/drafts',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      validatorCompiler: (route) => (route.httpPart === 'body' ? optionalBody(validatedCreateBody) : validatorCompiler(route)),
      schema: {
        ...operation('createDraft', 'token'),
        tags: TAGS,
        summary: '新建草稿（需令牌）',
        description: '在现行规则包上打开一个草稿（记下每个文件的 etag，发布时据此发现冲突）。带 init（中心名称、地址、办公时间、电话、窗口、工作人员）时按回答生成一个新的规则包，替换全部文件（“新建规则包”）。',
        body: createBody,
        response: { 201: draftWithFilesSchema, ...errorResponses(400, 401, 403, 415) },
      },
    },
    async (request, reply) => {
      const caller = auth.authorize(request, 'clerk');
      const body = request.body ?? {};
      let init: Map<string, string> | undefined;
      if (body.init !== undefined) {
        const schemaBase = `${request.protocol}://${request.host}/schemas`;
        try {
          init = scaffoldPack(body.init, { schemaBase, today: new Date() });
        } catch (e) {
          if (!(e instanceof BianminError)) throw e;
          const at = (p: string | undefined): string => `$.init${(p ?? '$').slice(1)}`;
          throw new HttpError('E-DRAFT-INIT', `无法按回答生成新规则包：${e.detail}`, at(e.location.path), {
            details: e.details.map((d) => ({ ...d, code: 'E-DRAFT-INIT' as const, path: at(d.path) })),
          });
        }
      }
      const name = body.name?.trim() || `草稿 ${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;
      const record = await wb.open(name, caller.name, init);
      const view = await wb.view(record, request.served);
      return reply.code(201).header('location', `/v1/drafts/${record.meta.id}`).send(view);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/drafts/:id',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('getDraft', 'token'),
        tags: TAGS,
        summary: '一个草稿及其全部文件（需令牌）',
        description: '每个文件的状态：unchanged 未改、changed 修改、added 新增、deleted 删除。',
        params: idParams,
        response: { 200: draftWithFilesSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => wb.view(await draft(request), request.served),
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/drafts/:id',
    {
      onRequest: clerk,
      schema: {
        ...operation('deleteDraft', 'token'),
        tags: TAGS,
        summary: '删除草稿（需令牌）',
        description: '放弃草稿中的全部修改；现行规则包不受影响。',
        params: idParams,
        response: { 204: { type: 'null', description: '已删除。' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await wb.drafts.remove(request.params.id);
      wb.forget(request.params.id);
      return reply.code(204).send();
    },
  );

  const getFile = async (request: FastifyRequest<{ Params: FileParams & { id: string } }>): Promise<object> => wb.fileOf(await draft(request), pathOf(request.params));
  const getDoc = {
    tags: TAGS,
    summary: '草稿中一个文件的内容（需令牌）',
    description: '草稿中的内容（未改的文件即现行内容）、etag 和状态。',
    response: { 200: fileTextSchema, ...errorResponses(400, 401, 403, 404) },
  };
  app.get<{ Params: FileParams & { id: string } }>('/v1/drafts/:id/files/:path', { onRequest: clerk, serializerCompiler: plainJson, schema: { ...operation('getDraftFile', 'token'), ...getDoc, params: fileParams } }, getFile);
  app.get<{ Params: FileParams & { id: string } }>('/v1/drafts/:id/files/*', { onRequest: clerk, serializerCompiler: plainJson, schema: { hide: true, ...getDoc, params: tailParams } }, getFile);

  const putFile = async (request: FastifyRequest<{ Params: FileParams & { id: string }; Body: unknown }>): Promise<object> => {
    const rel = pathOf(request.params);
    const record = await draft(request);
    const body = request.body;
    let bytes: Uint8Array;
    if (Buffer.isBuffer(body)) {
      // Stored byte for byte, but only as UTF-8 (400 otherwise, as for every body).
      decodeUtf8Body(body);
      bytes = body;
    } else if (body !== null && typeof body === 'object' && typeof (body as { text?: unknown }).text === 'string') bytes = Buffer.from((body as { text: string }).text, 'utf8');
    else throw new HttpError('E-REQ-REQUIRED', '请求体应为文件全文（Content-Type: application/yaml 或 text/plain），或 JSON { "text": "…" }', '$.text');
    return wb.put(record, rel, bytes);
  };
  const putDoc = {
    tags: TAGS,
    summary: '写入草稿中的一个文件，返回整个草稿的校验结果（需令牌）',
    description: '请求体为文件全文（Content-Type: application/yaml 或 text/plain，原样保存，注释和格式不变），也可为 JSON { "text": "…" }。只重新解析这一个文件，再做跨文件检查。写回与现行相同的内容即撤销该文件的修改。',
    consumes: ['application/yaml', 'text/plain', 'application/json'],
    body: { type: 'object', properties: { text: { type: 'string', description: '文件全文。' } }, required: ['text'] },
    response: { 200: diagnosticsSchema, ...errorResponses(400, 401, 403, 404, 413, 415) },
  };
  const anyBody = { validatorCompiler: (route: Parameters<typeof validatorCompiler>[0]) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)) };
  app.put<{ Params: FileParams & { id: string }; Body: unknown }>('/v1/drafts/:id/files/:path', { onRequest: clerk, bodyLimit: FILE_BODY_LIMIT, serializerCompiler: plainJson, ...anyBody, schema: { ...operation('putDraftFile', 'token'), ...putDoc, params: fileParams } }, putFile);
  app.put<{ Params: FileParams & { id: string }; Body: unknown }>('/v1/drafts/:id/files/*', { onRequest: clerk, bodyLimit: FILE_BODY_LIMIT, serializerCompiler: plainJson, ...anyBody, schema: { hide: true, ...putDoc, params: tailParams } }, putFile);

  const deleteFile = async (request: FastifyRequest<{ Params: FileParams & { id: string } }>): Promise<object> => {
    const rel = pathOf(request.params);
    return wb.remove(await draft(request), rel);
  };
  const deleteDoc = {
    tags: TAGS,
    summary: '在草稿中删除一个文件，返回整个草稿的校验结果（需令牌）',
    description: '现行规则包中的文件标为删除（发布时删除）；草稿新增的文件直接去掉。',
    response: { 200: diagnosticsSchema, ...errorResponses(400, 401, 403, 404) },
  };
  app.delete<{ Params: FileParams & { id: string } }>('/v1/drafts/:id/files/:path', { onRequest: clerk, serializerCompiler: plainJson, schema: { ...operation('deleteDraftFile', 'token'), ...deleteDoc, params: fileParams } }, deleteFile);
  app.delete<{ Params: FileParams & { id: string } }>('/v1/drafts/:id/files/*', { onRequest: clerk, serializerCompiler: plainJson, schema: { hide: true, ...deleteDoc, params: tailParams } }, deleteFile);

  app.get<{ Params: { id: string }; Querystring: { item?: string } }>(
    '/v1/drafts/:id/diagnostics',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('getDraftDiagnostics', 'token'),
        tags: TAGS,
        summary: '草稿的校验结果（需令牌）',
        description:
          '与 bianmin validate --json 相同的错误和警告（文件、行、列、JSON 路径、代码、中文说明及“是否应为…？”建议），另加耗时 ms；写了 item 且草稿没有错误时，check 为该事项的静态检查（bianmin check），每条发现附反例场景。写入事项文件（PUT）的答复同样带上该事项的静态检查。草稿没有错误而其中没有 item 所写的事项时答复 404 E-ITEM-UNKNOWN，附最相近的事项（check 为 null 只表示草稿有错误）。',
        params: idParams,
        querystring: {
          type: 'object',
          properties: { item: { type: 'string', minLength: 1, maxLength: 64, description: '正在编辑的事项编码，例如 MZ-004：答复中附该事项的静态检查。' } },
          additionalProperties: false,
        },
        response: { 200: diagnosticsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => wb.diagnostics(await draft(request), request.query.item ? { item: request.query.item } : {}),
  );

  app.post<{ Params: { id: string }; Body: Application }>(
    '/v1/drafts/:id/decisions',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
      schema: {
        ...operation('decideOnDraft', 'token'),
        tags: TAGS,
        summary: '按草稿判断一次申请（需令牌）',
        description: '请求体同 POST /v1/decisions（申请，含 item）；按草稿中的规则判断，答复格式也相同（不登记，case 恒为 null）。判断过程 trace 带 YAML 文件和行号。草稿有校验错误时答复 422 E-DRAFT-INVALID。',
        params: idParams,
        body: ref('application'),
        response: {
          200: { type: 'object', properties: { decision: ref('decision'), notice: { type: 'object', additionalProperties: true }, case: { type: 'null' } }, required: ['decision', 'notice', 'case'] },
          ...errorResponses(400, 401, 403, 404, 415, 422),
        },
      },
    },
    async (request) => {
      const pack = await wb.packOf(await draft(request));
      const decision = await decideOrReject(pack, request.body);
      return { decision, notice: noticeLink(decision, null), case: null };
    },
  );

  app.post<{ Params: { id: string }; Body: RenderRequest }>(
    '/v1/drafts/:id/render',
    {
      onRequest: clerk,
      validatorCompiler: (route) => (route.httpPart === 'body' ? validatorCompiler({ ...route, schema: { ...renderBody, properties: { ...renderBody.properties, application: {}, decision: {} } } }) : validatorCompiler(route)),
      schema: {
        ...operation('renderDraftDocument', 'token'),
        tags: TAGS,
        summary: '按草稿生成文书预览（HTML，需令牌）',
        description: 'doc：consultation 一次性告知单（按 application 中申请人的情况筛选有条件的材料）、guide 办事指南、board-item 政务公开栏中该事项的一页，或 supplement、accepted、immediate、returned、rejected 等决定文书（由 application 判断，或直接给出 decision）。预览不取文号。',
        params: idParams,
        body: renderBody,
        produces: ['text/html'],
        response: { 200: { description: '文书（HTML）', content: { 'text/html': { schema: { type: 'string' } } } }, ...errorResponses(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      const pack = await wb.packOf(await draft(request));
      const html = await renderDraft(pack, request.body);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.post<{ Params: { id: string }; Body: TestRequest | undefined }>(
    '/v1/drafts/:id/test',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      validatorCompiler: (route) => (route.httpPart === 'body' ? optionalBody(route.schema) : validatorCompiler(route)),
      schema: {
        ...operation('testDraft', 'token'),
        tags: TAGS,
        summary: '按草稿运行场景测试（需令牌）',
        description: '答复与 bianmin test --coverage --json 相同：每个场景的结果、未通过的原因（带行号）和判断过程、覆盖情况。可只运行某些文件（files）或某个场景（name）。',
        params: idParams,
        body: {
          type: 'object',
          properties: { files: { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: 300 }, description: '只运行这些场景文件，例如 tests/mz-004.yaml。' }, name: { type: 'string', maxLength: 500, description: '只运行这个名称的场景。' } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', additionalProperties: true, description: 'bianmin test --coverage --json 的输出。' }, ...errorResponses(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => (await testDraft(wb, await draft(request), request.body ?? {})).json,
  );

  app.get<{ Params: { id: string } }>(
    '/v1/drafts/:id/diff',
    {
      onRequest: clerk,
      serializerCompiler: plainJson,
      schema: {
        ...operation('diffDraft', 'token'),
        tags: TAGS,
        summary: '草稿改变了什么（需令牌）',
        description: 'files：每个改动文件的统一格式差异；whatIf：与 bianmin diff --data --json --limit 200 相同，以现行规则包为旧、草稿为新，重放场景测试和登记簿中近 30 天的申请，列出结果不同的（办件最多列出按编号最前的 200 件，unlisted 是其余件数，tally 汇总全部变化）。',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              files: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, state: { enum: ['changed', 'added', 'deleted'] }, unified: { type: 'string' } }, required: ['path', 'state', 'unified'] } },
              whatIf: { type: 'object', additionalProperties: true },
            },
            required: ['files', 'whatIf'],
          },
          ...errorResponses(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const record = await draft(request);
      const { version } = await wb.live();
      return { files: await fileDiffs(wb, record), whatIf: await whatIfDraft(wb, record, request.served.pack, version) };
    },
  );

  app.post<{ Params: { id: string }; Body: PublishBody | undefined }>(
    '/v1/drafts/:id/publish',
    {
      onRequest: admin,
      serializerCompiler: plainJson,
      validatorCompiler: (route) => (route.httpPart === 'body' ? optionalBody(route.schema) : validatorCompiler(route)),
      schema: {
        ...operation('publishDraft', 'token'),
        tags: TAGS,
        summary: '发布草稿（需管理员令牌）',
        description:
          '全部改动的文件一次写入（全部成功或全部不变，中途断电也是如此），服务随即重新加载，并记入发布历史。草稿有校验错误时 422 E-DRAFT-INVALID；草稿打开后磁盘上的文件已被修改时 409 E-DRAFT-CONFLICT（details 给出两边的 etag）；场景测试未通过时 422 E-DRAFT-TESTS-FAIL，除非 confirmFailing 为 true 并写明 reason。',
        params: idParams,
        body: {
          type: 'object',
          properties: { reason: { type: 'string', maxLength: 2000, description: '发布理由（测试未通过时必填）。' }, confirmFailing: { type: 'boolean', description: '确认在场景测试未通过的情况下发布。' } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { publication: publicationSchema }, required: ['publication'] }, ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      const caller = auth.authorize(request, 'admin');
      const outcome = await publishDraft(wb, records, (await draft(request)).meta.id, caller, request.body ?? {});
      if ('conflicts' in outcome) return sendConflict(request, reply, outcome.conflicts);
      return outcome;
    },
  );
}

const renderBody = {
  type: 'object',
  properties: {
    doc: { enum: [...RENDER_DOCS], description: '文书种类。' },
    item: { type: 'string', maxLength: 64, description: '事项编码（不写则取 application 或 decision 中的）。' },
    application: ref('application'),
    decision: ref('decision'),
  },
  required: ['doc'],
  additionalProperties: false,
};

