// GET /v1/bundles and POST /v1/bundles/decisions over a real socket on 127.0.0.1, and both in the
// OpenAPI document (generated from the route schemas).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundlePack, LOCAL, RECEIVED } from '../engine/bundle-pack.ts';
import { start, type Running } from './helpers.ts';

let s: Running;
let base: string;
let cleanup: () => void;

beforeAll(async () => {
  const made = bundlePack();
  cleanup = made.cleanup;
  s = await start({ rules: made.dir });
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await s.close();
  cleanup();
});

const post = (body: unknown) => fetch(`${base}/v1/bundles/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('bundles over HTTP', () => {
  test('GET /v1/bundles lists every bundle with its lead, window and items', async () => {
    const res = await fetch(`${base}/v1/bundles`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<{ code: string; lead: { id: string }; window: { id: string } | null; items: Array<{ code: string; name: string }>; limit: unknown }>;
    expect(list.map((b) => b.code)).toEqual(['YJS-904', 'YJS-903', 'YJS-001', 'YJS-901', 'YJS-902']);
    const newborn = list.find((b) => b.code === 'YJS-001')!;
    expect(newborn).toMatchObject({ lead: { id: 'weijian', name: '卫生健康办（计生办）' }, window: { id: 'weijian-window', number: 4 }, limit: null });
    expect(newborn.items).toEqual([
      { code: 'WJ-001', name: '生育登记服务' },
      { code: 'RS-002', name: '城乡居民基本医疗保险参保登记' },
    ]);
    expect(list.find((b) => b.code === 'YJS-902')!.limit).toEqual({ promised: { amount: 3, unit: 'workingDays' } });
  });

  test('POST /v1/bundles/decisions decides every item: one merged list, one joint deadline', async () => {
    const res = await post({ bundle: 'YJS-902', intent: 'apply', applicant: LOCAL, materials: [{ id: 'id-card', form: 'both' }, 'household-register', 'application', 'photo'], receivedAt: RECEIVED });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { decision: { kind: string; decisions: Array<{ item: string; kind: string }>; materials: Array<{ id: string; items: unknown[] }>; deadline: { due: string; basis: string } }; notice: { document: string; title: string } };
    expect(body.decision.kind).toBe('accepted');
    expect(body.decision.decisions.map((d) => [d.item, d.kind])).toEqual([
      ['TA-001', 'accepted'],
      ['TB-001', 'accepted'],
    ]);
    expect(body.decision.materials.filter((m) => m.id === 'id-card').map((m) => m.items.length)).toEqual([2]);
    expect(body.decision.deadline).toMatchObject({ due: '2026-11-26T17:30:00+08:00', basis: 'bundle' });
    expect(body.notice).toEqual({ document: 'bundle-notice', title: '“一件事”受理通知书' });
  });

  test('an unknown bundle is a 404 located at $.bundle; a malformed application a 400 by JSON path', async () => {
    const missing = await post({ bundle: 'YJS-999', intent: 'consult', applicant: LOCAL });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string; path: string } }).error).toMatchObject({ code: 'E-APP-UNKNOWN-BUNDLE', path: '$.bundle' });

    const bad = await post({ bundle: 'YJS-901', intent: 'apply', applicant: { type: 'person', hukouLocal: 'yes' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; path: string } }).error).toMatchObject({ code: 'E-APP-FACT', path: '$.applicant.hukouLocal' });
  });

  test('the OpenAPI document has both operations, the bodies as components', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.paths['/v1/bundles']?.get?.operationId).toBe('listBundles');
    expect(doc.paths['/v1/bundles/decisions']?.post?.operationId).toBe('decideBundle');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['BundleApplication', 'BundleDecision']));
  });
});
