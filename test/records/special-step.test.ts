// 特殊环节 tied to the register (issue 16): NY-001 宅基地和建房 declares specialSteps — 现场踏勘
// (counted in the limit), 审查结果公示 (not counted, 5 working days) and 专家评审 (not counted, 10
// working days). A suspension naming one pauses the item clock and runs the special step's own
// clock from the suspension instant; the sweep lists it when near or past its due (the item clock
// is frozen, so nothing else would surface it). Unknown ids and steps counted in the limit are
// refused with located codes; the same over HTTP (127.0.0.1) and the CLI.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDuration } from '../../src/calendar/index.ts';
import type { Pack } from '../../src/index.ts';
import type { Application } from '../../src/pack/schema-types.ts';
import { openRecords, RecordsError, type Records } from '../../src/records/index.ts';
import { bianmin } from '../cli/run.ts';
import { listening, start, workingDaysAgo, type Running } from '../server/helpers.ts';
import { decided, openTemp, RULES, samplePack, tempDir, freshLocation } from './helpers.ts';

const ACCEPTED = '2026-11-02T09:30:00+08:00'; // a Monday
const SUSPENDED = '2026-11-04T10:00:00+08:00'; // Wednesday: 公示 starts
const PUBLICITY_DUE = '2026-11-11T17:30:00+08:00'; // 5 working days later, at the close
const PUBLICITY_REASON = '特殊环节：审查结果公示（依据《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号））';

/** 农村村民宅基地和建房 (NY-001), complete: accepted as a joint case. */
function homestead(receivedAt: string): Application {
  return {
    item: 'NY-001',
    intent: 'apply',
    applicant: { type: 'person', name: '李四', idNumber: '522731198502021234', phone: '13912345678', forDependant: false, collectiveMember: true, ownsHomestead: false, demolishOldHouse: false },
    materials: ['application', 'id-card', 'village-opinion', 'commitment', 'site-plan', { id: 'design-drawings', form: 'both', copies: 2 }, 'construction-contract'],
    receivedAt,
  };
}

let pack: Pack;
let records: Records;

beforeAll(async () => {
  pack = await samplePack();
  records = (await openTemp(pack)).records;
});
afterAll(() => records.close());

async function acceptedCase(on: Records = records, at = ACCEPTED): Promise<string> {
  const v = await on.cases.register({ decision: await decided(pack, homestead(at), 'accepted'), staff: 'sun-wen' });
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

describe('a suspension naming a special step', () => {
  test('pauses the item clock, defaults the reason and shows the special step’s own due and level', async () => {
    const id = await acceptedCase();
    const v = await records.cases.addEvent(id, { type: 'suspended', specialStep: 'publicity', staff: 'sun-wen', at: SUSPENDED });
    expect(v.record.events.at(-1)).toEqual({ type: 'suspended', at: SUSPENDED, staff: 'sun-wen', specialStep: 'publicity', reason: PUBLICITY_REASON });
    expect(v.status).toBe('suspended');
    // The special step's due is the calendar's: 5 working days from the suspension instant.
    expect(addDuration(pack.calendar, SUSPENDED, { amount: 5, unit: 'workingDays' }).due).toBe(PUBLICITY_DUE);
    expect(v.specialStep).toEqual({
      id: 'publicity',
      name: '审查结果公示',
      startedAt: SUSPENDED,
      limit: { amount: 5, unit: 'workingDays' },
      fee: '不收费',
      basis: '《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）',
      due: PUBLICITY_DUE,
      level: 'normal',
      remaining: { amount: 5, unit: 'workingDays' },
    });

    // The item clock is frozen while the special step runs: nothing more is counted.
    const early = records.viewCase(records.cases.get(id)!, '2026-11-05T10:00:00+08:00');
    const late = records.viewCase(records.cases.get(id)!, '2026-11-09T10:00:00+08:00');
    expect(early.clock?.suspended).toBe(true);
    expect(late.clock?.elapsed).toEqual(early.clock?.elapsed);
    // Two working days left on the special step: the policy's yellow threshold.
    expect(late.specialStep).toMatchObject({ id: 'publicity', due: PUBLICITY_DUE, level: 'yellow', remaining: { amount: 2, unit: 'workingDays' } });
    expect(records.viewCase(records.cases.get(id)!, '2026-11-12T10:00:00+08:00').specialStep).toMatchObject({ level: 'red', remaining: { amount: -1, unit: 'workingDays' } });

    // Resumed: no special step runs; the item due moved by the suspension.
    const plain = records.viewCase(records.cases.get(id)!, SUSPENDED);
    const resumed = await records.cases.addEvent(id, { type: 'resumed', staff: 'sun-wen', at: '2026-11-11T09:00:00+08:00' });
    expect(resumed.specialStep).toBeNull();
    expect(resumed.clock?.suspended).toBe(false);
    expect(Date.parse(resumed.clock!.due)).toBeGreaterThan(Date.parse(plain.clock!.due));
  });

  test('a reason written is kept; a special step without a running suspension is not shown', async () => {
    const id = await acceptedCase();
    expect(records.viewCase(records.cases.get(id)!, SUSPENDED).specialStep).toBeNull();
    const v = await records.cases.addEvent(id, { type: 'suspended', specialStep: 'expert-review', reason: '拟建房屋位于削坡地段，组织地质灾害专家评审', staff: 'sun-wen', at: SUSPENDED });
    expect(v.record.events.at(-1)).toMatchObject({ specialStep: 'expert-review', reason: '拟建房屋位于削坡地段，组织地质灾害专家评审' });
    expect(v.specialStep).toMatchObject({ id: 'expert-review', limit: { amount: 10, unit: 'workingDays' }, level: 'normal' });
    // A plain suspension (补正) names no special step.
    const other = await acceptedCase();
    const p = await records.cases.addEvent(other, { type: 'suspended', reason: '申请人补充四至界限说明', staff: 'sun-wen', at: SUSPENDED });
    expect(p.specialStep).toBeNull();
  });
});

describe('special steps refused', () => {
  test('an unknown id: E-CASE-SPECIAL-STEP-UNKNOWN at $.specialStep, listing the item’s special steps', async () => {
    const id = await acceptedCase();
    const e = await refusal(records.cases.addEvent(id, { type: 'suspended', specialStep: 'hearing', staff: 'sun-wen', at: SUSPENDED }));
    expect(e.code).toBe('E-CASE-SPECIAL-STEP-UNKNOWN');
    expect(e.location.path).toBe('$.specialStep');
    expect(e.message).toContain('没有标识为 hearing 的特殊环节');
    expect(e.message).toContain('site-survey（现场踏勘）、publicity（审查结果公示）、expert-review（');
    expect(records.cases.get(id)!.events.map((x) => x.type)).toEqual(['received', 'accepted']);
  });

  test('a step counted in the limit: E-CASE-SPECIAL-STEP-COUNTED, the clock keeps running', async () => {
    const id = await acceptedCase();
    const e = await refusal(records.cases.addEvent(id, { type: 'suspended', specialStep: 'site-survey', staff: 'sun-wen', at: SUSPENDED }));
    expect(e.code).toBe('E-CASE-SPECIAL-STEP-COUNTED');
    expect(e.location.path).toBe('$.specialStep');
    expect(e.message).toContain('现场踏勘');
    expect(records.viewCase(records.cases.get(id)!, SUSPENDED).status).toBe('accepted');
  });

  test('an item without special steps: the id is unknown', async () => {
    const { completeApplication } = await import('./applications.ts');
    const v = await records.cases.register({ decision: await decided(pack, completeApplication(ACCEPTED), 'accepted'), staff: 'chen-li' });
    const e = await refusal(records.cases.addEvent(v.record.id, { type: 'suspended', specialStep: 'publicity', staff: 'chen-li', at: SUSPENDED }));
    expect(e.code).toBe('E-CASE-SPECIAL-STEP-UNKNOWN');
    expect(e.message).toContain('本事项没有写标识的特殊环节');
  });

  test('a special step on another event type is refused by the record schema', async () => {
    const id = await acceptedCase();
    const e = await refusal(records.cases.addEvent(id, { type: 'extended', specialStep: 'publicity', staff: 'sun-wen', at: SUSPENDED, extension: { amount: 5, unit: 'workingDays', approvedBy: '镇长' } }));
    expect(e.code).toBe('E-RECORD-INVALID');
  });
});

describe('the sweep', () => {
  test('lists a special step near and past its due while the item clock is frozen; resuming clears it', async () => {
    const { records: own } = await openTemp(pack);
    try {
      const id = await acceptedCase(own);
      await own.cases.addEvent(id, { type: 'suspended', specialStep: 'publicity', staff: 'sun-wen', at: SUSPENDED });
      expect(own.sweep({ now: '2026-11-05T10:00:00+08:00' }).specialSteps).toEqual([]);
      expect(own.sweep({ now: '2026-11-09T10:00:00+08:00' }).specialSteps).toMatchObject([{ case: id, level: 'yellow', remaining: { amount: 2, unit: 'workingDays' } }]);
      // Weeks later: the item clock is still frozen (normal), the forgotten 公示 is red.
      const red = own.sweep({ now: '2026-11-30T10:00:00+08:00' });
      expect(red.specialSteps).toEqual([
        {
          case: id,
          item: 'NY-001',
          itemName: '农村村民宅基地和建房（规划许可）审批',
          window: '6号农村建房联办窗口',
          specialStep: { id: 'publicity', name: '审查结果公示' },
          startedAt: SUSPENDED,
          due: PUBLICITY_DUE,
          level: 'red',
          remaining: red.specialSteps[0]!.remaining,
          responsible: { staff: 'sun-wen', name: '孙文', role: 'A' },
        },
      ]);
      expect(red.specialSteps[0]!.remaining.amount).toBeLessThan(-5);
      expect(red.flagged.map((f) => f.case)).not.toContain(id);
      await own.cases.addEvent(id, { type: 'resumed', staff: 'sun-wen', at: '2026-11-30T10:00:00+08:00' });
      expect(own.sweep({ now: '2026-11-30T11:00:00+08:00' }).specialSteps).toEqual([]);
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

  test('suspend for 公示, the case’s special step, the sweep’s card; unknown and counted steps refused', async () => {
    // The server sweeps at the real time: accept about 8 working days ago (the pack's calendar decides).
    const receivedAt = workingDaysAgo(pack.calendar, 8);
    const created = await call('POST', '/v1/cases', { application: homestead(receivedAt), staff: 'sun-wen' });
    expect(created.status).toBe(201);
    const id = (created.json.record as { id: string }).id;
    expect(created.json.specialStep).toBeNull();

    const counted = await call('POST', `/v1/cases/${id}/events`, { type: 'suspended', specialStep: 'site-survey', staff: 'sun-wen', at: receivedAt });
    expect(counted.status).toBe(400);
    expect(counted.json.error).toMatchObject({ code: 'E-CASE-SPECIAL-STEP-COUNTED', path: '$.specialStep' });
    const unknown = await call('POST', `/v1/cases/${id}/events`, { type: 'suspended', specialStep: 'hearing', staff: 'sun-wen', at: receivedAt });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 'E-CASE-SPECIAL-STEP-UNKNOWN', path: '$.specialStep' });

    const suspended = await call('POST', `/v1/cases/${id}/events`, { type: 'suspended', specialStep: 'publicity', staff: 'sun-wen', at: receivedAt });
    expect(suspended.status).toBe(200);
    expect(suspended.json.status).toBe('suspended');
    expect((suspended.json.record as { events: Array<Record<string, unknown>> }).events.at(-1)).toMatchObject({ type: 'suspended', specialStep: 'publicity', reason: PUBLICITY_REASON });
    const due = addDuration(pack.calendar, new Date(Date.parse(receivedAt)).toISOString(), { amount: 5, unit: 'workingDays' }).due;
    const got = await call('GET', `/v1/cases/${id}`);
    expect(got.json.specialStep).toMatchObject({ id: 'publicity', name: '审查结果公示', level: 'red' });
    expect(Date.parse((got.json.specialStep as { due: string }).due)).toBe(Date.parse(due));

    const sweep = await call('GET', '/v1/cases');
    expect(sweep.status).toBe(200);
    const cards = sweep.json.specialSteps as Array<{ case: string; level: string; specialStep: { id: string } }>;
    expect(cards.find((c) => c.case === id)).toMatchObject({ level: 'red', specialStep: { id: 'publicity' } });
    const onlyYellow = await call('GET', '/v1/cases?level=yellow');
    expect((onlyYellow.json.specialSteps as Array<{ case: string }>).map((c) => c.case)).not.toContain(id);

    const resumed = await call('POST', `/v1/cases/${id}/events`, { type: 'resumed', staff: 'sun-wen' });
    expect(resumed.status).toBe(200);
    expect(resumed.json.specialStep).toBeNull();
    const after = await call('GET', '/v1/cases');
    expect((after.json.specialSteps as Array<{ case: string }>).map((c) => c.case)).not.toContain(id);
  });
});

describe('on the command line', { timeout: 180_000 }, () => {
  test('cases event suspended --special-step; cases show and sweep print the special step', async () => {
    const data = await freshLocation();
    const own = await openRecords(data, pack);
    const id = await acceptedCase(own);
    await own.close();
    const common = ['--rules', RULES, '--data', data];

    const wrongType = await bianmin(['cases', 'event', id, 'resumed', '--special-step', 'publicity', '--staff', 'sun-wen', '--at', SUSPENDED, ...common]);
    expect(wrongType.code).not.toBe(0);
    expect(wrongType.stderr).toContain('--special-step 只用于中止计时');
    const counted = await bianmin(['cases', 'event', id, 'suspended', '--special-step', 'site-survey', '--staff', 'sun-wen', '--at', SUSPENDED, ...common]);
    expect(counted.code).not.toBe(0);
    expect(counted.stderr).toContain('计入办理时限（countedInLimit: true）');
    const unknown = await bianmin(['cases', 'event', id, 'suspended', '--special-step', 'hearing', '--staff', 'sun-wen', '--at', SUSPENDED, ...common]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('没有标识为 hearing 的特殊环节');
    expect(unknown.stderr).toContain('publicity（审查结果公示）');

    const done = await bianmin(['cases', 'event', id, 'suspended', '--special-step', 'publicity', '--staff', 'sun-wen', '--at', SUSPENDED, ...common]);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`中止计时 publicity（孙文）：${PUBLICITY_REASON}`);
    expect(done.stdout).toContain('特殊环节“审查结果公示”（publicity）进行中：自 2026-11-04 10:00 起中止计时');

    const show = await bianmin(['cases', 'show', id, '--at', '2026-11-12T10:00:00+08:00', ...common]);
    expect(show.stdout).toContain('应于 2026-11-11 17:30 前完成，已超期 1 个工作日（红牌）');
    const shown = await bianmin(['cases', 'show', id, '--json', '--at', '2026-11-12T10:00:00+08:00', ...common]);
    expect((JSON.parse(shown.stdout) as { specialStep: { id: string; level: string } }).specialStep).toMatchObject({ id: 'publicity', level: 'red' });

    const red = await bianmin(['sweep', '--at', '2026-11-12T10:00:00+08:00', ...common]);
    expect(red.code).toBe(0);
    expect(red.stdout).toContain(`特殊环节超时 红牌 ${id} 农村村民宅基地和建房（规划许可）审批（6号农村建房联办窗口）：特殊环节“审查结果公示”自 2026-11-04 10:00 起中止计时，应于 2026-11-11 17:30 前完成，已超期 1 个工作日；责任人 孙文（A岗）`);
    const yellow = await bianmin(['sweep', '--at', '2026-11-09T10:00:00+08:00', '--json', ...common]);
    expect((JSON.parse(yellow.stdout) as { specialSteps: Array<{ case: string; level: string }> }).specialSteps).toMatchObject([{ case: id, level: 'yellow' }]);
  });
});
