// Every command and endpoint that takes an instant reads it with the one parser: an impossible time
// is a located Chinese error (never a silent rollover), and a time without seconds is accepted.
// CLI commands run in-process through runCli; HTTP through fastify.inject (test/server/helpers.ts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bianmin } from '../cli/run.ts';
import { completeApplication } from '../records/applications.ts';
import { ADMIN, APPLICATIONS, CLERK, RULES, start, tempDir, type Running } from '../server/helpers.ts';

/** 31 February: Date.parse would make it 3 March. */
const IMPOSSIBLE = '2026-02-31T09:30:00+08:00';
/** Without seconds: once refused by `decide`, accepted by `deadline`. */
const NO_SECONDS = '2026-09-30T16:00+08:00';
const CANONICAL = '2026-09-30T16:00:00+08:00';
const LATER = '2026-10-09T10:00+08:00';

let dir: string;
let data: string;
/** An application without receivedAt (the time comes from --at), one with it, one with an impossible one. */
let bare: string;
let timed: string;
let impossible: string;

beforeAll(async () => {
  dir = await tempDir('instants');
  data = path.join(dir, 'data');
  const { receivedAt: _drop, ...withoutTime } = completeApplication(NO_SECONDS);
  bare = path.join(dir, 'bare.json');
  timed = path.join(dir, 'timed.json');
  impossible = path.join(dir, 'impossible.json');
  await writeFile(bare, JSON.stringify(withoutTime));
  await writeFile(timed, JSON.stringify(completeApplication(NO_SECONDS)));
  await writeFile(impossible, JSON.stringify(completeApplication(IMPOSSIBLE), null, 2));
});

// Every command loads the sample pack: allow for a busy machine.
describe('the command line', { timeout: 120_000 }, () => {
  test('decide --at 2026-02-31T09:30:00+08:00: a located Chinese error, exit 2 (a bad flag), no decision', async () => {
    const r = await bianmin(['decide', '--item', 'MZ-001', '--input', bare, '--at', IMPOSSIBLE, '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--at：时间 '${IMPOSSIBLE}' 不是真实存在的日期：2026 年 2 月只有 28 天，例如 2026-09-28T09:30:00+08:00`);
    // Even when the application has its own receipt time, a bad flag is not ignored.
    const withTime = await bianmin(['decide', '--item', 'MZ-001', '--input', timed, '--at', IMPOSSIBLE, '--rules', RULES]);
    expect([withTime.code, withTime.stdout]).toEqual([2, '']);
    expect(withTime.stderr).toContain('--at：时间');
  });

  test('an impossible receivedAt in the input file is located at its line and column', async () => {
    const r = await bianmin(['decide', '--item', 'MZ-001', '--input', impossible, '--rules', RULES]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // Line 15 of the pretty-printed file, after the two-space indent and the key.
    expect(r.stderr).toMatch(new RegExp(`impossible\\.json:\\d+:\\d+ \\$\\.receivedAt \\[E-APP-TIME\\] .*${IMPOSSIBLE.replace(/\+/g, '\\+')}`));
  });

  test('decide takes a time without seconds, from the file or from --at', async () => {
    for (const args of [['--input', timed], ['--input', bare, '--at', NO_SECONDS]]) {
      const r = await bianmin(['decide', '--item', 'MZ-001', ...args, '--rules', RULES, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { receivedAt: string }).receivedAt).toBe(CANONICAL);
    }
  });

  test('deadline and items take a time without seconds', async () => {
    const deadline = await bianmin(['deadline', '--item', 'MZ-001', '--accepted-at', NO_SECONDS, '--suspend', `${LATER}/2026-10-12T09:00+08:00`, '--rules', RULES, '--json']);
    expect(deadline.stderr).toBe('');
    expect(deadline.code).toBe(0);
    expect((JSON.parse(deadline.stdout) as { acceptedAt: string }).acceptedAt).toBe(CANONICAL);
    const items = await bianmin(['items', '--at', NO_SECONDS, '--rules', RULES, '--json']);
    expect([items.code, items.stderr]).toEqual([0, '']);
  });

  test('cases, complaint, sweep, metrics and sanctions take times without seconds', async () => {
    const common = ['--rules', RULES, '--data', data];
    const ok = async (args: string[]): Promise<string> => {
      const r = await bianmin([...args, ...common]);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
      return r.stdout;
    };
    const registered = JSON.parse(await ok(['cases', 'register', bare, '--staff', 'chen-li', '--at', NO_SECONDS, '--json'])) as { id: string; receivedAt: string };
    expect(registered.receivedAt).toBe(CANONICAL);
    const completed = JSON.parse(await ok(['cases', 'event', registered.id, 'completed', '--staff', 'chen-li', '--at', LATER, '--json'])) as { concludedAt: string };
    expect(completed.concludedAt).toBe('2026-10-09T10:00:00+08:00');
    await ok(['cases', 'list', '--at', LATER]);
    await ok(['cases', 'show', registered.id, '--at', LATER]);

    const added = JSON.parse(await ok(['complaint', 'add', '--channel', 'oral', '--staff', 'chen-li', '--content', '态度生硬', '--by', 'lin-xiaoyan', '--received-at', NO_SECONDS, '--json'])) as { id: string; receivedAt: string };
    expect(added.receivedAt).toBe(CANONICAL);
    await ok(['complaint', 'verify', added.id, '--result', '不实', '--handler', 'li-xiuying', '--at', '2026-09-30T17:00+08:00']);
    await ok(['complaint', 'reply', added.id, '--by', 'li-xiuying', '--content', '经核实不存在该情况', '--at', '2026-09-30T17:30+08:00']);
    await ok(['complaint', 'list', '--at', LATER]);
    await ok(['sweep', '--at', LATER]);
    await ok(['metrics', '--month', '2026-09', '--at', LATER]);
    await ok(['sanctions', '--at', LATER]);
  });

  test.each([
    ['deadline', '--item', 'MZ-001', '--accepted-at', IMPOSSIBLE],
    ['items', '--at', IMPOSSIBLE],
    ['cases', 'list', '--at', IMPOSSIBLE],
    ['cases', 'register', 'app.json', '--staff', 'chen-li', '--at', IMPOSSIBLE],
    ['complaint', 'add', '--channel', 'oral', '--content', 'x', '--by', 'lin-xiaoyan', '--received-at', IMPOSSIBLE],
    ['complaint', 'list', '--at', IMPOSSIBLE],
    ['sweep', '--at', IMPOSSIBLE],
    ['metrics', '--month', '2026-09', '--at', IMPOSSIBLE],
    ['sanctions', '--at', IMPOSSIBLE],
    ['diff', '--base', RULES, '--at', IMPOSSIBLE],
  ])('%s … %s: a usage error naming the flag, before anything is opened', async (...args) => {
    const r = await bianmin([...args, '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`--[a-z-]+：时间 '${IMPOSSIBLE.replace(/\+/g, '\\+')}' 不是真实存在的日期：2026 年 2 月只有 28 天`));
  });

  test.each([
    ['guide', '--item', 'MZ-001'],
    ['render', '--doc', 'supplement', '--input', 'decision.json'],
  ])('%s --date 2027-02-29: a usage error, not a guess', async (...args) => {
    const r = await bianmin([...args, '--date', '2027-02-29', '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--date：日期 '2027-02-29' 不是真实存在的日期：2027 年 2 月只有 28 天");
  });
});

describe('the HTTP API', { timeout: 60_000 }, () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.close();
  });

  test('POST /v1/decisions: an impossible receivedAt is a located 400, one without seconds is read', async () => {
    const bad = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, receivedAt: IMPOSSIBLE } });
    expect(bad.status).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'E-APP-TIME', path: '$.receivedAt' });
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const ok = await s.request('POST', '/v1/decisions', { body: { ...APPLICATIONS.accepted, receivedAt: NO_SECONDS } });
    expect(ok.status).toBe(200);
    expect(ok.json<{ decision: { receivedAt: string } }>().decision.receivedAt).toBe(CANONICAL);
  });

  test('GET /v1/deadline: acceptedAt and suspensions without seconds; an impossible one is a 400 at query.acceptedAt', async () => {
    const q = (acceptedAt: string, suspend = ''): string => `/v1/deadline?item=MZ-004&acceptedAt=${encodeURIComponent(acceptedAt)}${suspend}`;
    const ok = await s.request('GET', q(NO_SECONDS, `&suspend=${encodeURIComponent(`${LATER}/2026-10-12T09:00+08:00`)}`));
    expect(ok.status).toBe(200);
    expect(ok.json<{ deadline: { acceptedAt: string } }>().deadline.acceptedAt).toBe(CANONICAL);
    const bad = await s.request('GET', q(IMPOSSIBLE));
    expect(bad.status).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'E-CLOCK-TIME-INVALID', path: 'query.acceptedAt', message: expect.stringContaining('2026 年 2 月只有 28 天') });
  });

  test('POST /v1/cases and its events take times without seconds; an impossible event time is a located 400', async () => {
    const registered = await s.request('POST', '/v1/cases', { body: { application: { ...APPLICATIONS.accepted, receivedAt: NO_SECONDS }, staff: 'chen-li' }, token: CLERK });
    expect(registered.status).toBe(201);
    const view = registered.json<{ record: { id: string; receivedAt: string } }>();
    expect(view.record.receivedAt).toBe(CANONICAL);
    const bad = await s.request('POST', `/v1/cases/${view.record.id}/events`, { body: { type: 'completed', staff: 'chen-li', at: IMPOSSIBLE }, token: CLERK });
    expect(bad.status).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'E-RECORD-TIME', path: '$.at', message: expect.stringContaining('2026 年 2 月只有 28 天') });
    const done = await s.request('POST', `/v1/cases/${view.record.id}/events`, { body: { type: 'completed', staff: 'chen-li', at: LATER }, token: CLERK });
    expect(done.status).toBe(200);
    expect(done.json<{ concludedAt: string }>().concludedAt).toBe('2026-10-09T10:00:00+08:00');
  });

  test('POST /v1/cases checks the application once, in the engine: located under $.application', async () => {
    const impossible = await s.request('POST', '/v1/cases', { body: { application: { ...APPLICATIONS.accepted, receivedAt: IMPOSSIBLE }, staff: 'chen-li' }, token: CLERK });
    expect(impossible.status).toBe(400);
    expect(impossible.json().error).toMatchObject({ code: 'E-APP-TIME', path: '$.application.receivedAt', message: expect.stringContaining('2026 年 2 月只有 28 天') });
    const notAnObject = await s.request('POST', '/v1/cases', { body: { application: 5, staff: 'chen-li' }, token: CLERK });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.json().error).toMatchObject({ code: expect.stringMatching(/^E-APP-/), path: expect.stringMatching(/^\$\.application/) });
  });

  test('POST /v1/complaints and the verification take times without seconds; an impossible one is refused', async () => {
    const body = { channel: 'phone', target: { staff: 'chen-li' }, content: '态度生硬', receivedBy: 'lin-xiaoyan' };
    const bad = await s.request('POST', '/v1/complaints', { body: { ...body, receivedAt: IMPOSSIBLE }, token: CLERK });
    expect(bad.status).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'E-RECORD-TIME', path: '$.receivedAt', message: expect.stringContaining('2026 年 2 月只有 28 天') });
    const added = await s.request('POST', '/v1/complaints', { body: { ...body, receivedAt: NO_SECONDS }, token: CLERK });
    expect(added.status).toBe(201);
    const complaint = added.json<{ record: { id: string; receivedAt: string } }>().record;
    expect(complaint.receivedAt).toBe(CANONICAL);
    const verified = await s.request('POST', `/v1/complaints/${complaint.id}/verification`, { body: { result: 'unfounded', handler: 'li-xiuying', at: '2026-09-30T17:00+08:00' }, token: ADMIN });
    expect(verified.status).toBe(200);
  });

  test('?date= is a real calendar date: 2027-02-29 is a 400 at query.date, 2028-02-29 is served', async () => {
    const bad = await s.request('GET', '/v1/items?date=2027-02-29');
    expect(bad.status).toBe(400);
    expect(bad.json().error.path).toBe('query.date');
    expect((await s.request('GET', '/v1/items?date=2028-02-29')).status).toBe(200);
  });
});
