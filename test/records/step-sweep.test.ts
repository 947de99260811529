// 环节超时 (step-level 电子监察, issue 16): MZ-001's 家庭经济状况调查 has 10 working days from
// acceptance; without its completion the sweep shows a step card — yellow, then red — while the
// item clock (25 working days) is still normal. Recording the step clears it; suspensions do not
// count; bad step events are refused with located codes; the same over HTTP and the CLI.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPack, type Pack } from '../../src/index.ts';
import { openRecords, RecordsError, type Records } from '../../src/records/index.ts';
import { bianmin } from '../cli/run.ts';
import { listening, start, workingDaysAgo, type Running } from '../server/helpers.ts';
import { completeApplication, decided, openTemp, RULES, samplePack, tempDir, freshLocation } from './helpers.ts';

const ACCEPTED = '2026-11-02T09:30:00+08:00'; // a Monday
const INVESTIGATION_DUE = '2026-11-16T17:30:00+08:00'; // 10 working days later, at the close

let pack: Pack;
let records: Records;

beforeAll(async () => {
  pack = await samplePack();
  records = (await openTemp(pack)).records;
});
afterAll(() => records.close());

async function acceptedCase(at = ACCEPTED): Promise<string> {
  const v = await records.cases.register({ decision: await decided(pack, completeApplication(at), 'accepted'), staff: 'chen-li' });
  return v.record.id;
}

async function refusal(p: Promise<unknown>): Promise<RecordsError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof RecordsError)) throw new Error(`expected a RecordsError, got ${String(e)}`);
  return e;
}

describe('step clock and sweep', () => {
  test('the first timed step runs from acceptance: yellow, then red while the item is still normal', async () => {
    const id = await acceptedCase();
    const v = records.viewCase(records.cases.get(id)!, '2026-11-03T10:00:00+08:00');
    expect(v.step?.current).toMatchObject({ id: 'investigation', name: '家庭经济状况调查', startedAt: ACCEPTED, due: INVESTIGATION_DUE, level: 'normal', completedAt: null });
    // Steps after the current one have not begun.
    expect(v.step?.timed.map((t) => t.id)).toEqual(['investigation']);

    const early = records.sweep({ now: '2026-11-10T10:00:00+08:00' });
    expect(early.steps.filter((s) => s.case === id)).toEqual([]);

    // Two working days left: the policy's yellow threshold for the item clock (warnings.yellowWhenRemaining).
    const yellow = records.sweep({ now: '2026-11-12T10:00:00+08:00' });
    expect(yellow.steps.find((s) => s.case === id)).toMatchObject({ level: 'yellow', step: { id: 'investigation', name: '家庭经济状况调查' }, due: INVESTIGATION_DUE, remaining: { amount: 2, unit: 'workingDays' } });

    const red = records.sweep({ now: '2026-11-17T10:00:00+08:00' });
    const card = red.steps.find((s) => s.case === id);
    expect(card).toEqual({
      case: id,
      item: 'MZ-001',
      itemName: '最低生活保障审核',
      window: '2号民政窗口',
      step: { id: 'investigation', name: '家庭经济状况调查' },
      due: INVESTIGATION_DUE,
      level: 'red',
      remaining: { amount: -1, unit: 'workingDays' },
      suspended: false,
      responsible: { staff: 'chen-li', name: '陈丽', role: 'A' },
    });
    // 环节超时 before the item is overdue: the item clock is normal, the case is not flagged.
    expect(records.viewCase(records.cases.get(id)!, '2026-11-17T10:00:00+08:00').clock?.level).toBe('normal');
    expect(red.flagged.map((f) => f.case)).not.toContain(id);
  });

  test('completing the step clears the card and starts the next step from its completion', async () => {
    const id = await acceptedCase();
    const v = await records.cases.addEvent(id, { type: 'step-completed', step: 'investigation', staff: 'chen-li', at: '2026-11-17T10:00:00+08:00' });
    expect(v.record.events.at(-1)).toMatchObject({ type: 'step-completed', step: 'investigation' });
    expect(v.step?.current).toMatchObject({ id: 'review-publicity', startedAt: '2026-11-17T10:00:00+08:00', due: '2026-11-24T17:30:00+08:00', level: 'normal' });
    // The completed step keeps its record: finished late, it stays red in the case view.
    expect(v.step?.timed[0]).toMatchObject({ id: 'investigation', completedAt: '2026-11-17T10:00:00+08:00', level: 'red' });
    expect(v.step?.completed).toEqual([{ id: 'investigation', name: '家庭经济状况调查', at: '2026-11-17T10:00:00+08:00' }]);
    expect(records.sweep({ now: '2026-11-17T11:00:00+08:00' }).steps.filter((s) => s.case === id)).toEqual([]);
  });

  test('time suspended is not counted, as on the item clock', async () => {
    const id = await acceptedCase();
    const plain = records.viewCase(records.cases.get(id)!, '2026-11-03T10:00:00+08:00');
    await records.cases.addEvent(id, { type: 'suspended', reason: '入户调查需申请人补充说明收入来源', staff: 'chen-li', at: '2026-11-04T10:00:00+08:00' });
    await records.cases.addEvent(id, { type: 'resumed', staff: 'chen-li', at: '2026-11-06T10:00:00+08:00' });
    const v = records.viewCase(records.cases.get(id)!, '2026-11-17T10:00:00+08:00');
    const shift = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    // The step due moves by exactly what the item due moves: one clock, one suspension rule.
    expect(shift(plain.step!.current!.due, v.step!.current!.due)).toBe(shift(plain.clock!.due, v.clock!.due));
    expect(shift(plain.step!.current!.due, v.step!.current!.due)).toBeGreaterThan(0);
    expect(v.step?.current?.level).toBe('yellow');
  });
});

describe('step events refused', () => {
  test('an unknown step id: E-CASE-STEP-UNKNOWN at $.step, naming the item’s steps', async () => {
    const id = await acceptedCase();
    const e = await refusal(records.cases.addEvent(id, { type: 'step-completed', step: 'inspection', staff: 'chen-li', at: '2026-11-03T10:00:00+08:00' }));
    expect(e.code).toBe('E-CASE-STEP-UNKNOWN');
    expect(e.location.path).toBe('$.step');
    expect(e.message).toContain('acceptance、investigation、review-publicity、report、notify');
  });

  test('a step completed twice: E-CASE-STEP-DONE', async () => {
    const id = await acceptedCase();
    await records.cases.addEvent(id, { type: 'step-completed', step: 'investigation', staff: 'chen-li', at: '2026-11-10T10:00:00+08:00' });
    const e = await refusal(records.cases.addEvent(id, { type: 'step-completed', step: 'investigation', staff: 'chen-li', at: '2026-11-11T10:00:00+08:00' }));
    expect(e.code).toBe('E-CASE-STEP-DONE');
    expect(e.location.path).toBe('$.step');
    expect(e.message).toContain('家庭经济状况调查');
  });

  test('a step event on a closed case: E-CASE-STEP-CLOSED', async () => {
    const id = await acceptedCase();
    await records.cases.addEvent(id, { type: 'completed', staff: 'chen-li', at: '2026-11-20T10:00:00+08:00' });
    const e = await refusal(records.cases.addEvent(id, { type: 'step-completed', step: 'investigation', staff: 'chen-li', at: '2026-11-21T10:00:00+08:00' }));
    expect(e.code).toBe('E-CASE-STEP-CLOSED');
    expect(e.message).toContain('已办结');
  });

  test('a step event before acceptance: E-CASE-STEP-NOT-ACCEPTED', async () => {
    const app = { ...completeApplication('2026-11-02T10:00:00+08:00'), materials: ['application', 'id-card', 'authorization'] };
    const v = await records.cases.register({ decision: await decided(pack, app, 'supplement'), staff: 'chen-li' });
    const e = await refusal(records.cases.addEvent(v.record.id, { type: 'step-completed', step: 'investigation', staff: 'chen-li', at: '2026-11-03T10:00:00+08:00' }));
    expect(e.code).toBe('E-CASE-STEP-NOT-ACCEPTED');
    expect(v.step).toBeNull();
  });

  test('an item whose procedure names no step: E-CASE-STEP-NONE', async () => {
    // The sample pack with MZ-001's step ids and limits taken out (a YAML edit).
    const dir = path.join(await tempDir('bianmin-pack-'), 'rules');
    await cp(RULES, dir, { recursive: true });
    const file = path.join(dir, 'items', 'mz-001.yaml');
    const text = await readFile(file, 'utf8');
    const from = text.indexOf('\nprocedure:\n');
    const to = text.indexOf('\n\n', from + 1);
    const plain = text
      .slice(from, to)
      .replace(/ {2}- id: [a-z-]+\n {4}step:/g, '  - step:')
      .replace(/ {4}limit: \{[^}]*\}\n?/g, '');
    await writeFile(file, text.slice(0, from) + plain + text.slice(to));
    const bare = await loadPack(dir);
    const own = await openRecords(await freshLocation(), bare);
    try {
      const v = await own.cases.register({ decision: await decided(bare, completeApplication(ACCEPTED), 'accepted'), staff: 'chen-li' });
      expect(v.step).toBeNull();
      const e = await refusal(own.cases.addEvent(v.record.id, { type: 'step-completed', step: 'investigation', staff: 'chen-li', at: '2026-11-03T10:00:00+08:00' }));
      expect(e.code).toBe('E-CASE-STEP-NONE');
      expect(e.location.path).toBe('$.step');
    } finally {
      await own.close();
    }
  });
});

describe('over HTTP (127.0.0.1)', () => {
  let s: Running;
  let call: Awaited<ReturnType<typeof listening>>;
  beforeAll(async () => {
    s = await start();
    call = await listening(s);
  });
  afterAll(() => s.close());

  test('register, the sweep’s 环节超时 card, step-completed, the card gone; a second completion refused', async () => {
    // The server sweeps at the real time: accept about 12 working days ago (the pack's calendar decides).
    const receivedAt = workingDaysAgo(pack.calendar, 12);
    const created = await call('POST', '/v1/cases', { application: completeApplication(receivedAt), staff: 'chen-li' });
    expect(created.status).toBe(201);
    const id = (created.json.record as { id: string }).id;
    expect((created.json.step as { current: { id: string } }).current.id).toBe('investigation');

    const sweep = await call('GET', '/v1/cases');
    expect(sweep.status).toBe(200);
    const cards = sweep.json.steps as Array<{ case: string; level: string; step: { id: string } }>;
    expect(cards.find((c) => c.case === id)).toMatchObject({ level: 'red', step: { id: 'investigation' } });
    // The item clock is not yet yellow or red: the case is no item card.
    expect((sweep.json.cases as Array<{ case: string }>).map((c) => c.case)).not.toContain(id);
    const onlyYellow = await call('GET', '/v1/cases?level=yellow');
    expect((onlyYellow.json.steps as Array<{ case: string }>).map((c) => c.case)).not.toContain(id);

    const done = await call('POST', `/v1/cases/${id}/events`, { type: 'step-completed', step: 'investigation', staff: 'chen-li' });
    expect(done.status).toBe(200);
    expect((done.json.step as { current: { id: string; level: string } }).current).toMatchObject({ id: 'review-publicity', level: 'normal' });
    const after = await call('GET', '/v1/cases');
    expect((after.json.steps as Array<{ case: string }>).map((c) => c.case)).not.toContain(id);

    const again = await call('POST', `/v1/cases/${id}/events`, { type: 'step-completed', step: 'investigation', staff: 'chen-li' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'E-CASE-STEP-DONE', path: '$.step' });
    const unknown = await call('POST', `/v1/cases/${id}/events`, { type: 'step-completed', step: 'inspection', staff: 'chen-li' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 'E-CASE-STEP-UNKNOWN', path: '$.step' });
  });
});

describe('on the command line', { timeout: 180_000 }, () => {
  test('sweep prints the 环节超时 card; cases event step-completed clears it', async () => {
    const data = await freshLocation();
    const own = await openRecords(data, pack);
    const id = (await own.cases.register({ decision: await decided(pack, completeApplication(ACCEPTED), 'accepted'), staff: 'chen-li' })).record.id;
    await own.close();
    const common = ['--rules', RULES, '--data', data];

    const red = await bianmin(['sweep', '--at', '2026-11-17T10:00:00+08:00', ...common]);
    expect(red.code).toBe(0);
    expect(red.stdout).toContain(`环节超时 红牌 ${id} 最低生活保障审核（2号民政窗口）：环节“家庭经济状况调查”应于 2026-11-16 17:30 前完成，已超期 1 个工作日；责任人 陈丽（A岗）`);
    expect(red.stdout).toContain('正常 1 件');
    const yellow = await bianmin(['sweep', '--at', '2026-11-12T10:00:00+08:00', '--json', ...common]);
    expect((JSON.parse(yellow.stdout) as { steps: Array<{ level: string }> }).steps.map((s) => s.level)).toEqual(['yellow']);

    const missing = await bianmin(['cases', 'event', id, 'step-completed', '--staff', 'chen-li', '--at', '2026-11-17T10:00:00+08:00', ...common]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--step');

    const done = await bianmin(['cases', 'event', id, 'step-completed', '--step', 'investigation', '--staff', 'chen-li', '--at', '2026-11-17T10:00:00+08:00', ...common]);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('环节完成 investigation（陈丽）');
    expect(done.stdout).toContain('当前环节“初审和公示”（review-publicity）');

    const clear = await bianmin(['sweep', '--at', '2026-11-17T11:00:00+08:00', ...common]);
    expect(clear.stdout).not.toContain('环节超时');

    const twice = await bianmin(['cases', 'event', id, 'step-completed', '--step', 'investigation', '--staff', 'chen-li', '--at', '2026-11-17T12:00:00+08:00', ...common]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('同一环节不能重复记录');
  });
});
