// The records commands (complaint, cases, sweep, metrics, sanctions) on a real data directory, run
// in-process through runCli; personal data never appears unmasked in any output.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openRecords } from '../../src/records/index.ts';
import { bianmin as runCli } from '../cli/run.ts';
import { completeApplication, decided, RULES, samplePack, tempDir } from './helpers.ts';

const SECRETS = ['王小五', '13900001111', '110101198001011234', '张小三', '320102199001011234', '13812345678', '人民路1号'];

async function bianmin(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await runCli(args);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

let data: string;
let common: string[];
const outputs: string[] = [];

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await bianmin([...args, ...common]);
  outputs.push(r.stdout, r.stderr);
  return r;
}

beforeAll(async () => {
  data = path.join(await tempDir(), 'data');
  common = ['--rules', RULES, '--data', data];
  const pack = await samplePack();
  const records = await openRecords(data, pack);
  const application = completeApplication('2026-11-02T09:30:00+08:00');
  await records.cases.register({ decision: await decided(pack, application, 'accepted'), application, staff: 'chen-li' });
  await records.close();
}, 60_000);

// Each command loads the pack: allow for a busy machine.
describe('bianmin records commands', { timeout: 180_000 }, () => {
  test('complaint add | verify | reply, then sanctions: Chinese output, the complainant masked', async () => {
    const add = await run(['complaint', 'add', '--channel', '口头', '--staff', 'chen-li', '--content', '窗口人员说“不归我管”', '--by', 'lin-xiaoyan', '--name', '王小五', '--phone', '13900001111', '--id-number', '110101198001011234', '--address', '青石镇人民路1号', '--received-at', '2026-11-10T09:00:00+08:00']);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('已登记投诉 T2026-00001（口头）');
    expect(add.stdout).toContain('投诉人：王*五，139****1111（保密）');

    const verify = await run(['complaint', 'verify', 'T2026-00001', '--result', '查实', '--handler', 'li-xiuying', '--at', '2026-11-10T15:00:00+08:00', '--json']);
    expect(verify.status).toBe(0);
    const v = JSON.parse(verify.stdout) as { verification: { result: string }; complainant: Record<string, string> };
    expect(v.verification.result).toBe('verified');
    expect(v.complainant).toEqual({ name: '王*五', idNumber: '1101**********1234', phone: '139****1111' });

    const reply = await run(['complaint', 'reply', 'T2026-00001', '--by', 'li-xiuying', '--content', '已批评教育', '--channel', 'written', '--at', '2026-11-10T16:00:00+08:00']);
    expect(reply.status).toBe(0);
    expect(reply.stdout).toContain('书面答复');

    const sanctions = await run(['sanctions', '--at', '2026-11-30T12:00:00+08:00']);
    expect(sanctions.status).toBe(0);
    expect(sanctions.stdout).toContain('陈丽（chen-li）：查实投诉 1 次');
    expect(sanctions.stdout).toContain('→ 通报批评：一次投诉，查实通报');
    expect(sanctions.stdout).toContain('依据：投诉 T2026-00001');
  });

  test('cases, sweep and metrics; usage errors exit 2', async () => {
    const cases = await run(['cases', '--json', '--at', '2026-11-03T09:00:00+08:00']);
    expect(cases.status).toBe(0);
    const list = JSON.parse(cases.stdout) as Array<{ id: string; applicant: Record<string, string>; clock: { level: string } }>;
    expect(list).toHaveLength(1);
    expect(list[0]!.applicant).toEqual({ type: 'person', name: '张*三', idNumber: '3201**********1234', phone: '138****5678' });

    const sweep = await run(['sweep', '--at', '2026-12-09T10:00:00+08:00']);
    expect(sweep.status).toBe(0);
    expect(sweep.stdout).toMatch(/红牌 2026-000001 最低生活保障审核（2号民政窗口）.*责任人 陈丽（A岗）/);

    const metrics = await run(['metrics', '--month', '2026-11', '--staff', 'chen-li', '--at', '2026-12-01T00:00:00+08:00']);
    expect(metrics.status).toBe(0);
    expect(metrics.stdout).toContain('综合考评指标：2026年11月');
    expect(metrics.stdout).toMatch(/陈丽（chen-li）：称职/);
    expect(metrics.stdout).toContain('投诉 1 件（查实 1 件）');

    const usage = await run(['metrics']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('请用 --month');
  });

  test('no output of any command shows a complainant, an ID number or a phone unmasked', async () => {
    await run(['complaint', 'list', '--json']);
    await run(['cases', 'show', '2026-000001']);
    await run(['sanctions', '--json', '--all', '--at', '2026-11-30T12:00:00+08:00']);
    const all = outputs.join('\n');
    for (const s of SECRETS) expect(all).not.toContain(s);
  });

  test('a damaged data file: located error, exit 1, no stack trace', async () => {
    const file = path.join(data, 'complaints.json');
    const broken = path.join(await tempDir(), 'data');
    // Work on a copy so that the other tests keep their data.
    await import('node:fs/promises').then((fs) => fs.cp(data, broken, { recursive: true }));
    const text = await readFile(path.join(broken, 'complaints.json'), 'utf8').catch(() => readFile(file, 'utf8'));
    await writeFile(path.join(broken, 'complaints.json'), text.replace('"channel":"oral"', '"channel":"fax"'));
    const r = await bianmin(['sanctions', '--rules', RULES, '--data', broken]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/complaints\.json:\d+:\d+ \$\.records\[0\]\.channel：取值 "fax" 不在允许范围内/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
