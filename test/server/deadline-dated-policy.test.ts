// GET /v1/deadline on a pack whose policy.yaml has a revision from 2027-01-01: the figures follow
// the policy in force on the day of acceptance, a petition (信访件) carries its reply and
// leader-reception dues as its decision does, and an item whose mode is a list (临时救助 MZ-003)
// says which branch the figures are for and lists every branch's limits that day.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyOfRules, start, tempDir, type Running } from './helpers.ts';

/** The sample policy with a revision from 2027-01-01: immediate clock 60 minutes, petition reply 5 days. */
function revisedPolicy(yaml: string): string {
  const p = parse(yaml) as { clocks: Record<string, unknown> };
  const set = { clocks: { ...p.clocks, immediate: { amount: 60, unit: 'minutes' }, petitionReply: { amount: 5, unit: 'calendarDays' } } };
  return `${yaml}\nchanges:\n  - ${JSON.stringify({ effectiveFrom: '2027-01-01', reference: '中心制度（2026年12月修订）', set })}\n`;
}

let s: Running;
beforeAll(async () => {
  const rules = await copyOfRules(await tempDir('dated-policy'));
  const file = path.join(rules, 'policy.yaml');
  await writeFile(file, revisedPolicy(await readFile(file, 'utf8')));
  s = await start({ rules });
});
afterAll(async () => s.close());

interface Due {
  amount: number;
  unit: string;
  due: string;
}
interface DeadlineBody {
  item: string;
  mode: string;
  deadline: { acceptedAt: string; promised: Due; statutory: Due; reply?: Due; leaderReception?: Due };
  modeBranch?: { index: number; text: string | null };
  modes?: Array<{ index: number; mode: string; text: string | null; promised: { amount: number; unit: string }; statutory: { amount: number; unit: string }; counted: boolean }>;
}

async function deadline(item: string, acceptedAt: string): Promise<DeadlineBody> {
  const res = await s.request('GET', `/v1/deadline?item=${item}&acceptedAt=${encodeURIComponent(acceptedAt)}`);
  expect(res.status).toBe(200);
  return res.json<DeadlineBody>();
}

describe('GET /v1/deadline under a dated policy', () => {
  it("a mode list names the branch counted and gives the immediate branch that day's clock", async () => {
    const old = await deadline('MZ-003', '2026-12-07T09:00:00+08:00');
    expect(old.mode).toBe('promised');
    expect(old.modeBranch).toEqual({ index: 1, text: '救助金额超过1000元的' });
    expect(old.modes?.map((m) => [m.mode, m.promised, m.counted])).toEqual([
      ['immediate', { amount: 30, unit: 'minutes' }, false],
      ['promised', { amount: 10, unit: 'workingDays' }, true],
    ]);
    const now = await deadline('MZ-003', '2027-01-11T09:00:00+08:00');
    expect(now.modes?.[0]).toMatchObject({ mode: 'immediate', promised: { amount: 60, unit: 'minutes' }, statutory: { amount: 60, unit: 'minutes' }, counted: false });
    expect(now.deadline.promised).toMatchObject({ amount: 10, unit: 'workingDays' });
  });

  it('a single mode says its mode and lists no branches', async () => {
    const body = await deadline('MZ-004', '2026-12-07T09:00:00+08:00');
    expect(body.mode).toBeTypeOf('string');
    expect(body.modeBranch).toBeUndefined();
    expect(body.modes).toBeUndefined();
    expect(body.deadline.reply).toBeUndefined();
  });

  it("a petition carries reply and leader-reception dues, the reply on the day's policy", async () => {
    const old = await deadline('XF-001', '2026-12-07T09:00:00+08:00');
    expect(old.mode).toBe('petition');
    expect(old.deadline.reply).toMatchObject({ amount: 3, unit: 'calendarDays' });
    expect(old.deadline.leaderReception).toMatchObject({ amount: 7, unit: 'calendarDays' });
    expect(old.deadline).toEqual(s.app.bianmin.packs.served.pack.deadline('XF-001', '2026-12-07T09:00:00+08:00'));
    const now = await deadline('XF-001', '2027-01-11T09:00:00+08:00');
    expect(now.deadline.reply).toMatchObject({ amount: 5, unit: 'calendarDays' });
    expect(now.deadline.reply!.due > old.deadline.reply!.due).toBe(true);
    expect(now.deadline.reply!.due.startsWith('2027-01-')).toBe(true);
  });
});
