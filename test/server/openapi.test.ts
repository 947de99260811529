// The OpenAPI document is generated from the routes' own schemas, which are the shared ones of
// schemas/*.json: every route is in it, every $ref resolves inside it, and the docs UI is served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchema } from '../../src/pack/schemas.ts';
import { start, type Running } from './helpers.ts';

interface OpenApi {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown>; security?: unknown[] }>>;
  components: { schemas: Record<string, unknown> };
}

let s: Running;
let doc: OpenApi;
beforeAll(async () => {
  s = await start();
  doc = (await s.request('GET', '/openapi.json')).json<OpenApi>();
});
afterAll(async () => {
  await s.close();
});

function resolve(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let v: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 with a Chinese title and every endpoint of the service', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toMatch(/[\u4e00-\u9fff]/);
    const routes = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /v1/decisions',
        'GET /v1/items',
        'GET /v1/items/{code}',
        'GET /v1/items/{code}/guide',
        'GET /v1/route',
        'GET /v1/deadline',
        'GET /v1/calendar/{year}',
        'POST /v1/cases',
        'POST /v1/cases/{id}/events',
        'GET /v1/cases/{id}',
        'GET /v1/cases',
        'POST /v1/complaints',
        'POST /v1/complaints/{id}/verification',
        'GET /v1/staff/{id}/record',
        'GET /v1/metrics',
        'GET /board',
        'GET /board.pdf',
        'GET /notices/{number}',
        'GET /healthz',
        'GET /readyz',
      ]),
    );
    expect(doc.paths['/v1/cases']?.post?.security).toEqual([{ bearer: [] }]);
  });

  it('takes the application and decision from schemas/*.json, unchanged', () => {
    const { $schema: _a, ...application } = readSchema('application');
    const { $schema: _d, ...decision } = readSchema('decision');
    const asComponent = (c: unknown): Record<string, unknown> => c as Record<string, unknown>;
    expect(asComponent(doc.components.schemas.Application).description).toBe(application.description);
    expect(Object.keys(asComponent(asComponent(doc.components.schemas.Decision).properties))).toEqual(Object.keys(decision.properties as object));
    const body = JSON.stringify(doc.paths['/v1/decisions']?.post?.requestBody);
    for (const key of Object.keys(application.properties as object)) expect(body).toContain(`#/components/schemas/Application/properties/${key}`);
    expect(JSON.stringify(doc.paths['/v1/decisions']?.post?.responses['200'])).toContain('#/components/schemas/Decision');
  });

  it('has no $ref that does not resolve inside the document', () => {
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => resolve(doc, r) === undefined)).toEqual([]);
  });
});

describe('GET /docs', () => {
  it('serves the UI and its assets under the CSP (scripts from the service only)', async () => {
    const page = await s.request('GET', '/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>便民 决策服务 API 文档</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // No inline script: everything the page runs comes from 'self'.
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    for (const src of [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!)) {
      const url = src.startsWith('/') ? src : `/docs/${src.replace(/^\.\//, '')}`;
      expect((await s.request('GET', url)).status, url).toBe(200);
    }
  });
});
