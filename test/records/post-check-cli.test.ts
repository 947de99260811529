// 告知承诺制 through the CLI (issue 16), on a real data directory: `cases register` with a
// commitment, `sweep` showing the post-check card, `cases event … commitment-false`, and the next
// `cases register` of the same applicant refusing the commitment; no output shows the ID number whole.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { bianmin as runCli } from '../cli/run.ts';
import { RULES, tempDir } from './helpers.ts';

const ID = '320102198001011234';
const outputs: string[] = [];
let dir: string;
let common: string[];

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runCli([...args, ...common], { cwd: dir });
  outputs.push(r.stdout, r.stderr);
  return r;
}

function application(receivedAt: string): string {
  return JSON.stringify({
    item: 'MZ-005',
    intent: 'apply',
    applicant: { type: 'person', name: '李四', idNumber: ID, deceasedHukouLocal: true, cremated: true },
    materials: ['application', 'medical-death-cert', 'cremation-cert', 'applicant-id-card', 'hukou-cancellation', 'bank-account'],
    commitments: ['kinship-proof'],
    receivedAt,
  });
}

beforeAll(async () => {
  dir = await tempDir();
  common = ['--rules', RULES, '--data', path.join(dir, 'data')];
  await writeFile(path.join(dir, 'first.json'), application('2026-11-23T09:00:00+08:00'));
  await writeFile(path.join(dir, 'second.json'), application('2026-12-01T09:00:00+08:00'));
});

describe('告知承诺 in the CLI', { timeout: 180_000 }, () => {
  test('register, sweep post-check card, commitment-false, excluded next time', async () => {
    const first = await run(['cases', 'register', 'first.json', '--staff', 'chen-li', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const id = (JSON.parse(first.stdout) as { id: string; status: string }).id;
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'accepted' });
    await run(['cases', 'event', id, 'completed', '--staff', 'chen-li', '--at', '2026-11-25T16:00:00+08:00']);

    const sweep = await run(['sweep', '--at', '2026-12-17T10:00:00+08:00']);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(sweep.stdout).toContain(`黄牌 ${id} 惠民殡葬补贴申领（2号民政窗口）：告知承诺核查应于`);
    expect(sweep.stdout).toContain('（申请人与逝者的亲属关系证明）');
    const red = await run(['sweep', '--at', '2026-12-22T10:00:00+08:00', '--json']);
    expect((JSON.parse(red.stdout) as { postChecks: Array<{ level: string }> }).postChecks).toEqual([expect.objectContaining({ level: 'red' })]);

    const missingReason = await run(['cases', 'event', id, 'commitment-false', '--staff', 'chen-li', '--at', '2026-12-10T10:00:00+08:00']);
    expect(missingReason.code).not.toBe(0);
    const found = await run(['cases', 'event', id, 'commitment-false', '--staff', 'chen-li', '--at', '2026-12-10T10:00:00+08:00', '--reason', '村委会证实无亲属关系']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain('告知承诺核查不实');

    const second = await run(['cases', 'register', 'second.json', '--staff', 'chen-li', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: 'supplement' });

    for (const o of outputs) expect(o).not.toContain(ID);
  });
});
