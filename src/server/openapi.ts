/**
 * The OpenAPI document (GET /openapi.json), generated from the routes' own schemas, and the docs
 * UI (GET /docs). Shared schemas become named components (Application, Decision, Case …).
 *
 * Every documented route declares who may call it and how clients name it with `operation()`:
 * `schema: { ...operation('getCalendarYear', 'public'), tags, summary, … }`. The document is
 * checked by Redocly's recommended rules and an openapi-typescript client is compiled from it
 * (test/server/openapi-lint.test.ts, openapi-client.test.ts): a route without an operationId or
 * security fails there.
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

/** The one security scheme: `Authorization: Bearer <令牌>`. */
export const BEARER = 'bearer';

/**
 * Who may call an operation: `public` anyone (`security: []`); `token` a configured token (clerk
 * or admin; which role is said in the summary); `optional` anyone, a token unlocking more (e.g.
 * POST /v1/decisions with record: true).
 */
export type Access = 'public' | 'token' | 'optional';

export interface OperationMeta {
  readonly operationId: string;
  readonly security: Array<Record<string, string[]>>;
}

/** A route's operationId and security, spread into its schema. */
export function operation(operationId: string, access: Access): OperationMeta {
  if (!/^[a-z][A-Za-z0-9]*$/.test(operationId)) throw new Error(`operationId ${operationId} 须为小写字母开头的驼峰英文标识`);
  const security: Array<Record<string, string[]>> = access === 'public' ? [] : access === 'token' ? [{ [BEARER]: [] }] : [{}, { [BEARER]: [] }];
  return { operationId, security };
}

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '便民 决策服务 API', description: DESCRIPTION, version, license: { name: 'MIT', identifier: 'MIT' } },
      // Relative: the service is deployed at each center's own address; clients resolve against the document's URL.
      servers: [{ url: '/', description: '提供本文档的服务' }],
      tags: [
        { name: '受理', description: '受理分类决定和一次性告知' },
        { name: '事项', description: '服务事项、办事指南、首问引导' },
        { name: '时限', description: '办结期限和工作日历' },
        { name: '办件', description: '办件登记、办理环节和计时预警（需认证）' },
        { name: '监督', description: '投诉、责任追究和考评（需认证）' },
        { name: '公开', description: '政务公开栏和文书' },
        { name: '运行', description: '健康检查和规则包状态' },
        { name: '工作台', description: '规则包草稿、校验、试算、发布和回滚（需认证）' },
      ],
      components: {
        securitySchemes: { [BEARER]: { type: 'http', scheme: 'bearer', description: '在 BIANMIN_TOKENS 或 --tokens-file 中配置的令牌。' } },
      },
    },
    refResolver: {
      buildLocalReference(json, _baseUri, _fragment, i) {
        const id = typeof json.$id === 'string' ? json.$id : '';
        return componentName(id) ?? (id.endsWith('api/error.json') ? 'Error' : `Schema${i}`);
      },
    },
    // A copy: the generated document shares its schema objects with the validators.
    transformObject: (documentObject) =>
      'openapiObject' in documentObject ? (finishDocument(structuredClone(documentObject.openapiObject) as JsonObject) as typeof documentObject.openapiObject) : documentObject.swaggerObject,
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

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const SCHEMAS = '#/components/schemas/';

/**
 * The document as generated, made what OpenAPI 3.1 tools expect:
 * - the draft-07 keywords of schemas/*.json (`dependencies`, `definitions`, boolean
 *   `exclusiveMinimum`, array `items`, `$schema`) in their JSON Schema 2020-12 form (the files
 *   themselves stay draft-07: the pack's validators and editors read them);
 * - a `$ref` into a nested property (`Complaint/properties/verification/properties/result`)
 *   goes through a component of its own (`Complaint-verification`), since generated clients
 *   index types along the pointer and an optional property in between does not index;
 * - components no operation reaches are left out.
 */
export function finishDocument(doc: JsonObject): JsonObject {
  const components = isObject(doc.components) ? doc.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  forEachSchema(doc, toDraft2020);
  hoistNestedRefs(doc, schemas);
  pruneUnreachable(doc, schemas);
  declareResponseHeaders(doc);
  return doc;
}

/** What every answer carries (the onRequest/onSend hooks set them), declared once and on each response. */
const RESPONSE_HEADERS: Record<string, JsonObject> = {
  'X-Request-Id': { description: '请求号：请求带来的 X-Request-Id（1—128 个字母、数字或 ._:- 字符）原样返回，否则新生成；与该请求的日志行中的 reqId 相同。', schema: { type: 'string', maxLength: 128 } },
  'X-Bianmin-Pack': { description: '作出答复的规则包版本（规则包内容的指纹，与发布历史中的版本相同）。', schema: { type: 'string' } },
};

function declareResponseHeaders(doc: JsonObject): void {
  const components = isObject(doc.components) ? doc.components : (doc.components = {});
  const headers = isObject(components.headers) ? components.headers : (components.headers = {});
  for (const [name, header] of Object.entries(RESPONSE_HEADERS)) headers[name] = header;
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || !isObject(op.responses)) continue;
      for (const response of Object.values(op.responses)) {
        if (!isObject(response)) continue;
        const own = isObject(response.headers) ? response.headers : (response.headers = {});
        for (const name of Object.keys(RESPONSE_HEADERS)) own[name] ??= { $ref: `#/components/headers/${name}` };
      }
    }
  }
}

/** Calls `fn` on every schema of the document (components and operations), before their subschemas. */
function forEachSchema(doc: JsonObject, fn: (schema: JsonObject) => void): void {
  const visit = (s: Json | undefined): void => {
    if (!isObject(s)) return;
    fn(s);
    for (const key of ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const) {
      const map = s[key];
      if (isObject(map)) Object.values(map).forEach(visit);
    }
    for (const key of ['items', 'prefixItems', 'contains', 'not', 'if', 'then', 'else', 'additionalProperties', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'allOf', 'anyOf', 'oneOf'] as const) {
      const sub = s[key];
      if (Array.isArray(sub)) sub.forEach(visit);
      else visit(sub);
    }
  };
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.schemas)) Object.values(components.schemas).forEach(visit);
  const withContent = (o: Json | undefined): void => {
    if (!isObject(o)) return;
    visit(o.schema);
    if (isObject(o.content)) for (const media of Object.values(o.content)) if (isObject(media)) visit(media.schema);
    if (isObject(o.headers)) Object.values(o.headers).forEach(withContent);
  };
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op)) continue;
      if (Array.isArray(op.parameters)) op.parameters.forEach(withContent);
      withContent(op.requestBody);
      if (isObject(op.responses)) Object.values(op.responses).forEach(withContent);
    }
  }
}

/** One schema's own draft-07 keywords in their 2020-12 form (subschemas are visited separately). */
function toDraft2020(s: JsonObject): void {
  delete s.$schema;
  if (isObject(s.definitions)) {
    s.$defs = { ...(isObject(s.$defs) ? s.$defs : {}), ...s.definitions };
    delete s.definitions;
  }
  if (isObject(s.dependencies)) {
    for (const [key, dep] of Object.entries(s.dependencies)) {
      const target = Array.isArray(dep) ? 'dependentRequired' : 'dependentSchemas';
      const map = isObject(s[target]) ? (s[target] as JsonObject) : {};
      map[key] = dep;
      s[target] = map;
    }
    delete s.dependencies;
  }
  for (const [bool, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof s[bool] !== 'boolean') continue;
    if (s[bool] === true && typeof s[bound] === 'number') {
      s[bool] = s[bound];
      delete s[bound];
    } else delete s[bool];
  }
  if (Array.isArray(s.items)) {
    s.prefixItems = s.items;
    if (s.additionalItems !== undefined) s.items = s.additionalItems;
    else delete s.items;
  }
  delete s.additionalItems;
  if (typeof s.$ref === 'string' && s.$ref.includes('/definitions/')) s.$ref = s.$ref.replace(/\/definitions\//g, '/$defs/');
}

function forEachRef(value: Json, fn: (holder: JsonObject) => void): void {
  if (Array.isArray(value)) value.forEach((v) => forEachRef(v, fn));
  else if (isObject(value)) {
    if (typeof value.$ref === 'string') fn(value);
    for (const [k, v] of Object.entries(value)) if (k !== '$ref') forEachRef(v, fn);
  }
}

const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');
const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Rewrites every `#/components/schemas/C/properties/a/…` (deeper than one property) through hoisted components. */
function hoistNestedRefs(doc: JsonObject, schemas: JsonObject): void {
  const uniqueName = (base: string): string => {
    const clean = base.replace(/[^A-Za-z0-9._-]/g, '_');
    let name = clean;
    for (let n = 2; name in schemas; n++) name = `${clean}${n}`;
    return name;
  };
  const canonical = (ref: string): string => {
    for (let guard = 0; guard < 64 && ref.startsWith(SCHEMAS); guard++) {
      const [component = '', ...segments] = ref.slice(SCHEMAS.length).split('/').map(unescape);
      const fine = segments.length === 0 || (segments.length === 2 && segments[0] === 'properties');
      if (fine) return ref;
      // The node one step down (`properties/a` counts as one step), and what remains below it.
      const step = segments[0] === 'properties' || segments[0] === '$defs' ? 2 : 1;
      let parent: Json | undefined = schemas[component];
      for (const seg of segments.slice(0, step - 1)) parent = isObject(parent) ? parent[seg] : undefined;
      const key = segments[step - 1] ?? '';
      const node = isObject(parent) ? parent[key] : undefined;
      if (!isObject(parent) || !isObject(node)) return ref; // a dangling ref: left for the tests to report
      const rest = segments.slice(step).map(escape);
      if (typeof node.$ref === 'string' && Object.keys(node).length === 1 && node.$ref.startsWith(SCHEMAS)) {
        ref = [canonical(node.$ref), ...rest].join('/');
        continue;
      }
      const name = uniqueName(`${component}-${key}`);
      schemas[name] = node;
      parent[key] = { $ref: `${SCHEMAS}${escape(name)}` };
      ref = [`${SCHEMAS}${escape(name)}`, ...rest].join('/');
    }
    return ref;
  };
  forEachRef(doc, (holder) => {
    holder.$ref = canonical(holder.$ref as string);
  });
}

/** Drops the components that nothing outside `components.schemas` reaches (directly or through other components). */
function pruneUnreachable(doc: JsonObject, schemas: JsonObject): void {
  const reached = new Set<string>();
  const queue: string[] = [];
  const note = (holder: JsonObject): void => {
    const ref = holder.$ref as string;
    if (!ref.startsWith(SCHEMAS)) return;
    const name = unescape(ref.slice(SCHEMAS.length).split('/')[0] ?? '');
    if (!reached.has(name)) {
      reached.add(name);
      queue.push(name);
    }
  };
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'components' && isObject(value)) {
      for (const [k, v] of Object.entries(value)) if (k !== 'schemas') forEachRef(v, note);
    } else forEachRef(value, note);
  }
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const schema = schemas[name];
    if (schema !== undefined) forEachRef(schema, note);
  }
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
}
