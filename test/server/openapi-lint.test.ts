// The OpenAPI document as integrators' tools meet it: Redocly's linter (its `recommended` rules,
// run in-process, no network) finds nothing, and what the linter cannot know is checked here:
// every operation is named, tagged, summarised in Chinese, has a 2xx, says who may call it — and
// the service agrees (a bearer operation answers 401 without a token, a public one does not) —
// and no draft-07 keyword is left in the 3.1 document. Covers whatever routes the app has.
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishDocument } from '../../src/server/openapi.ts';
import { start, type Running } from './helpers.ts';

type JsonObject = { [key: string]: unknown };
interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, { $ref?: string }> }>;
}
interface OpenApi {
  openapi: string;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

let s: Running;
let text: string;
let doc: OpenApi;
let operations: Array<{ method: string; path: string; op: Operation }>;
beforeAll(async () => {
  s = await start();
  const answer = await s.request('GET', '/openapi.json');
  expect(answer.status).toBe(200);
  text = answer.text;
  doc = answer.json<OpenApi>();
  operations = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.has(m))
      .map(([method, op]) => ({ method, path: p, op })),
  );
}, 120_000);
afterAll(async () => {
  await s.close();
});

/**
 * Findings of the recommended rules that are accepted, each with its reason. Nothing else is:
 * the rules stay on for every other place in the document.
 */
function accepted(problem: NormalizedProblem): boolean {
  const pointer = problem.location[0]?.pointer ?? '';
  // The health probes answer 200 or 503 only: there is no request a client can get wrong
  // (no parameters, no body, no token, no rate limit), so there is no 4xx to declare.
  if (problem.ruleId === 'operation-4xx-response') return ['#/paths/~1healthz/get/responses', '#/paths/~1readyz/get/responses'].includes(pointer);
  // `if … then: { required: [x] }` requires a property that the enclosing schema declares (the
  // `then` applies to the same object); the rule looks for it only beside allOf/anyOf/oneOf. Accepted
  // only when the enclosing schema really declares the property.
  if (problem.ruleId === 'no-required-schema-properties-undefined') {
    const m = /^(#\/.+)\/allOf\/\d+\/(?:then|else)\/required\/\d+$/.exec(pointer);
    const name = /'([^']+)'/.exec(problem.message)?.[1];
    if (!m || !name) return false;
    const enclosing = resolve(doc, m[1]!) as { properties?: Record<string, unknown> } | undefined;
    return enclosing?.properties?.[name] !== undefined;
  }
  return false;
}

function resolve(root: unknown, ref: string): unknown {
  let v: unknown = root;
  for (const raw of ref.replace(/^#\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as JsonObject)[key];
  }
  return v;
}

describe('the OpenAPI document under Redocly’s recommended rules', () => {
  it('has no error and no warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    const reported = problems.filter((p) => !accepted(p)).map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(reported, '新路由须在 schema 中写 ...operation(operationId, access)（src/server/openapi.ts）').toEqual([]);
  });

  it('checks what it is given: a route without operationId, 2xx or security is reported', async () => {
    const broken = structuredClone(doc);
    const op = broken.paths['/v1/calendar/{year}']!.get!;
    delete op.operationId;
    delete op.security;
    delete op.responses['200'];
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(broken), absoluteRef: 'openapi.json', config });
    const at = (rule: string): string[] => problems.filter((p) => p.ruleId === rule).map((p) => p.location[0]?.pointer ?? '');
    expect(at('operation-operationId')).toContain('#/paths/~1v1~1calendar~1{year}/get/operationId');
    expect(at('operation-2xx-response')).toContain('#/paths/~1v1~1calendar~1{year}/get/responses');
    expect(at('security-defined')).toContain('#/paths/~1v1~1calendar~1{year}/get');
  });
});

describe('every operation', () => {
  it('is named, tagged with a declared tag, summarised in Chinese and has a 2xx answer', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const tags = new Set(doc.tags.map((t) => t.name));
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId || !/^[a-z][A-Za-z0-9]*$/.test(op.operationId)) problems.push(`${where}: operationId ${String(op.operationId)}`);
      if (!op.tags?.length || !op.tags.every((t) => tags.has(t))) problems.push(`${where}: tags ${JSON.stringify(op.tags)}`);
      if (!/[\u4e00-\u9fff]/.test(op.summary ?? '')) problems.push(`${where}: summary ${String(op.summary)}`);
      if (!Object.keys(op.responses).some((code) => /^2\d\d$/.test(code))) problems.push(`${where}: no 2xx`);
    }
    expect(problems).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/v1/calendar/{year}']?.get?.responses['200']?.content?.['application/json']).toBeDefined();
  });

  it('declares on every answer the request id and the pack version the service sends, and sends them', async () => {
    const missing = operations.flatMap(({ method, path, op }) =>
      Object.entries(op.responses)
        .filter(([, r]) => r.headers?.['X-Request-Id']?.$ref !== '#/components/headers/X-Request-Id' || !r.headers?.['X-Bianmin-Pack'])
        .map(([code]) => `${method.toUpperCase()} ${path} ${code}`),
    );
    expect(missing).toEqual([]);
    const answer = await s.request('GET', '/v1/items', { headers: { 'x-request-id': 'lint-1' } });
    expect([answer.headers.get('x-request-id'), answer.headers.get('x-bianmin-pack')]).toEqual(['lint-1', s.app.bianmin.packs.served.version]);
  });

  it('says who may call it, and the bearer scheme it names is declared', () => {
    expect(doc.components.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const undeclared = operations.filter(({ op }) => !Array.isArray(op.security)).map(({ method, path }) => `${method} ${path}`);
    expect(undeclared).toEqual([]);
    const schemes = new Set(operations.flatMap(({ op }) => (op.security ?? []).flatMap((r) => Object.keys(r))));
    expect([...schemes]).toEqual(['bearer']);
    expect(doc.paths['/v1/items']?.get?.security).toEqual([]);
    expect(doc.paths['/healthz']?.get?.security).toEqual([]);
    expect(doc.paths['/v1/cases']?.post?.security).toEqual([{ bearer: [] }]);
    // Anyone may decide; a token is needed only to register the case (record: true).
    expect(doc.paths['/v1/decisions']?.post?.security).toEqual([{}, { bearer: [] }]);
  });

  it('is answered as its security says: 401 without a token exactly when a token is required', async () => {
    const wrong: string[] = [];
    for (const { method, path, op } of operations) {
      const contents = Object.entries(op.responses)
        .filter(([code]) => /^2/.test(code))
        .flatMap(([, r]) => Object.keys(r.content ?? {}));
      if (contents.length > 0 && contents.every((c) => c === 'application/pdf')) continue; // prints a PDF: too slow to run for this
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'year' ? '2026' : name === 'code' ? 'MZ-001' : 'x'));
      const needsToken = (op.security ?? []).length > 0 && (op.security ?? []).every((r) => Object.keys(r).length > 0);
      const answer = await s.request(method.toUpperCase(), url, method === 'get' || method === 'delete' ? {} : { body: {} });
      if ((answer.status === 401) !== needsToken) wrong.push(`${method.toUpperCase()} ${url}: ${answer.status}，security ${JSON.stringify(op.security)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the 3.1 document', () => {
  it('has no draft-07 keyword in any schema', () => {
    const found: string[] = [];
    const walk = (v: unknown, at: string, inSchemaMap: boolean): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`, false));
      else if (v !== null && typeof v === 'object') {
        const o = v as JsonObject;
        if (!inSchemaMap) {
          if ('definitions' in o) found.push(`${at}/definitions`);
          if ('dependencies' in o) found.push(`${at}/dependencies`);
          if ('additionalItems' in o) found.push(`${at}/additionalItems`);
          if (typeof o.exclusiveMinimum === 'boolean') found.push(`${at}/exclusiveMinimum`);
          if (typeof o.exclusiveMaximum === 'boolean') found.push(`${at}/exclusiveMaximum`);
          if (Array.isArray(o.items)) found.push(`${at}/items`);
          if (typeof o.$schema === 'string' && !o.$schema.includes('2020-12')) found.push(`${at}/$schema`);
          if (typeof o.$ref === 'string' && o.$ref.includes('/definitions/')) found.push(`${at}/$ref`);
        }
        // Keys of `properties` (and the like) are names, not keywords: a property may be called `dependencies`.
        for (const [k, x] of Object.entries(o)) walk(x, `${at}/${k}`, !inSchemaMap && ['properties', 'patternProperties', '$defs', 'dependentSchemas', 'schemas', 'paths', 'responses', 'content'].includes(k));
      }
    };
    walk(doc, '#', false);
    expect(found).toEqual([]);
    expect(text).not.toContain('draft-07');
    // The item schema's draft-07 `dependencies` (requiredWhen ⇔ requiredWhenText) arrives as 2020-12 dependentRequired.
    expect(JSON.stringify(doc.components.schemas)).toContain('"dependentRequired":{"requiredWhen":["requiredWhenText"]');
  });
});

describe('finishDocument (what turns the generated document into that)', () => {
  it('rewrites draft-07 keywords, routes nested $refs through components and drops unreached ones', () => {
    const S = '#/components/schemas/';
    const doc = finishDocument({
      openapi: '3.1.0',
      paths: {
        '/x': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { r: { $ref: `${S}A/properties/inner/properties/r` }, n: { $ref: `${S}A/properties/n` } } } } } },
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: `${S}A` } } } } },
          },
        },
      },
      components: {
        schemas: {
          A: {
            $schema: 'http://json-schema.org/draft-07/schema#',
            type: 'object',
            properties: {
              n: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
              inner: { type: 'object', properties: { r: { type: 'string' } }, required: ['r'] },
              pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false },
              dependencies: { type: 'object', definitions: { d: { type: 'string' } }, properties: { d: { $ref: `${S}A/properties/dependencies/definitions/d` } } },
            },
            dependencies: { n: ['inner'], inner: { required: ['pair'] } },
          },
          Unused: { type: 'string' },
        },
      },
    });
    const schemas = (doc.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const a = schemas.A as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
    expect(a.$schema).toBeUndefined();
    expect(a.properties.n).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 9 });
    expect(a.properties.pair).toEqual({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false });
    expect(a.dependencies).toBeUndefined();
    expect(a.dependentRequired).toEqual({ n: ['inner'] });
    expect(a.dependentSchemas).toEqual({ inner: { required: ['pair'] } });
    // A property named `dependencies` is a name, not the keyword; its own `definitions` is.
    expect(a.properties.dependencies).toBeDefined();
    expect(Object.keys(a.properties.dependencies!)).not.toContain('definitions');
    expect(a.properties.inner).toEqual({ $ref: `${S}A-inner` });
    expect(schemas['A-inner']).toEqual({ type: 'object', properties: { r: { type: 'string' } }, required: ['r'] });
    const body = JSON.stringify((doc.paths as Record<string, unknown>)['/x']);
    expect(body).toContain(`"${S}A-inner/properties/r"`);
    expect(body).toContain(`"${S}A/properties/n"`);
    expect(schemas.Unused).toBeUndefined();
  });
});
