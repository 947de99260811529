// pino JSON logs: one line per decision with item, kind and duration; no personal data, no tokens;
// a refused pack logged with its located errors.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATIONS, CLERK, copyOfRules, start, tempDir, type Running } from './helpers.ts';

interface Line {
  level: number;
  msg: string;
  event?: string;
  item?: string;
  kind?: string;
  mode?: string | null;
  ms?: number;
  status?: number;
  route?: string;
  case?: string;
  errors?: string[];
}

let s: Running;
let text = '';
let rules = '';
const lines = (): Line[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  rules = await copyOfRules(await tempDir('logs'));
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString('utf8');
      cb();
    },
  });
  s = await start({ rules, log: { level: 'info', stream } });
});
afterAll(async () => {
  await s.close();
});

describe('logs', () => {
  it('write one line per decision with item, kind, mode and duration, and nothing about the applicant', async () => {
    const before = lines().filter((l) => l.event === 'decision').length;
    await s.request('POST', '/v1/decisions', { body: APPLICATIONS.accepted });
    await s.request('POST', '/v1/decisions', { body: APPLICATIONS.supplement });
    await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, record: true, staff: 'chen-li' }, token: CLERK });
    const decisions = lines()
      .filter((l) => l.event === 'decision')
      .slice(before);
    expect(decisions).toHaveLength(3);
    expect(decisions.map((d) => [d.item, d.kind, d.mode])).toEqual([
      ['MZ-004', 'accepted', 'promised'],
      ['MZ-004', 'supplement', null],
      ['MZ-004', 'accepted', 'promised'],
    ]);
    for (const d of decisions) {
      expect(typeof d.ms).toBe('number');
      expect(d.status).toBeGreaterThanOrEqual(200);
    }
    expect(decisions[2]?.case).toMatch(/^2026-\d{6}$/);
    for (const secret of ['张三丰', '320101194001011234', '13912345678', '李四', CLERK]) expect(text).not.toContain(secret);
  });

  it('log other requests by route pattern, without the query string', async () => {
    await s.request('GET', `/v1/route?q=${encodeURIComponent('王小明的低保')}`);
    const line = lines().find((l) => l.route === '/v1/route');
    expect(line).toMatchObject({ event: 'request', status: 200 });
    expect(text).not.toContain('王小明');
  });

  it('log a refused pack with every located error', async () => {
    const file = path.join(rules, 'items', 'mz-004.yaml');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('mode: promised', 'mode: promissed'));
    await s.app.bianmin.packs.reload();
    const refused = lines().find((l) => l.msg.includes('未启用'));
    expect(refused?.level).toBe(50);
    expect(refused?.errors?.some((e) => e.includes('items/mz-004.yaml:') && e.includes('promised'))).toBe(true);
    await writeFile(file, good);
    await s.app.bianmin.packs.reload();
    expect((await s.request('GET', '/readyz')).status).toBe(200);
  });
});
