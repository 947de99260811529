// The decision service under load: POST /v1/decisions on 127.0.0.1 with autocannon.
// The server runs as `bianmin serve` in a child process (its own event loop, logging to a file as
// in production, rate limiting on); autocannon runs in this process. Client and server share the
// machine's 2 cores, so the figures understate a dedicated server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median, type BenchResult } from './types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 5);
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SERVER_CONNECTIONS ?? 10);

/** Applications of the sample pack, one of each common outcome; autocannon cycles through them. */
const BODIES = [
  // 低保 (reported), every material: accepted, with deadline and a deferrable material.
  {
    item: 'MZ-001',
    intent: 'apply',
    applicant: { type: 'person', age: 56, hukouLocal: true, householdIncomePerCapita: 420, forDependant: false, hasDisabilityCert: false },
    materials: ['application', 'id-card', 'authorization', 'household-register', 'income-statement', 'medical-proof'],
    receivedAt: '2026-11-23T09:30:00+08:00',
  },
  // 高龄津贴 (promised): accepted.
  {
    item: 'MZ-004',
    intent: 'apply',
    applicant: { type: 'person', age: 85, hukouLocal: true, forDependant: false },
    materials: ['id-card', 'household-register', 'application', { id: 'photo', form: 'original', copies: 1 }],
    receivedAt: '2026-11-23T10:00:00+08:00',
  },
  // 高龄津贴 applied for by a son without the power of attorney: supplement.
  {
    item: 'MZ-004',
    intent: 'apply',
    applicant: { type: 'person', age: 88, hukouLocal: true, forDependant: true },
    materials: ['id-card', 'application', 'proxy-id-card'],
    receivedAt: '2026-11-23T10:30:00+08:00',
  },
  // A consultation: the whole one-time notice.
  { item: 'MZ-001', intent: 'consult', applicant: { type: 'person' }, receivedAt: '2026-11-23T11:00:00+08:00' },
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`服务进程已退出（退出码 ${child.exitCode}）`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('服务 120 秒内未就绪');
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Run {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  /** CPU time per request of the server process and of this (client) process, in µs; null where /proc is missing. */
  readonly serverCpu: number | null;
  readonly clientCpu: number;
}

/** User + system CPU time of a process in µs, from /proc (Linux); null elsewhere. */
async function cpuOf(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

async function load(url: string, seconds: number, serverPid?: number): Promise<Run> {
  const server0 = await cpuOf(serverPid);
  const client0 = process.cpuUsage();
  const result = await autocannon({
    url: `${url}/v1/decisions`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: BODIES.map((b) => ({ method: 'POST' as const, path: '/v1/decisions', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })),
  });
  const server1 = await cpuOf(serverPid);
  const client = process.cpuUsage(client0);
  const n = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    serverCpu: server0 !== null && server1 !== null ? (server1 - server0) / n : null,
    clientCpu: (client.user + client.system) / n,
  };
}

export default async function (): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-bench-server-'));
  const logFile = path.join(dir, 'server.log');
  const log = await open(logFile, 'w');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let bare: ChildProcess | null = null;
  let batched: ChildProcess | null = null;
  // The real command, as `npm start` runs it; the rate limiter stays on, with a limit no load generator reaches.
  const child = spawn(
    process.execPath,
    ['bin/bianmin.js', 'serve', '--rules', 'rules', '--data', path.join(dir, 'data'), '--port', String(port), '--rate-limit', '100000000'],
    { cwd: ROOT, stdio: ['ignore', log.fd, 'inherit'] },
  );
  try {
    await waitReady(url, child);
    // The peer: bare fastify sending, for each body, the bytes this server sends for it.
    const answers: Record<string, string> = {};
    for (const b of BODIES) {
      const r = await fetch(`${url}/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      answers[JSON.stringify(b)] = await r.text();
    }
    const answersFile = path.join(dir, 'answers.json');
    await writeFile(answersFile, JSON.stringify(answers));
    const barePort = await freePort();
    const bareUrl = `http://127.0.0.1:${barePort}`;
    bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', String(barePort), answersFile], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitReady(bareUrl, bare);
    // A second peer writing its answers as the service does, at the end of each event-loop turn:
    // how much of the ratio is that way of writing rather than less work per request.
    const batchedPort = await freePort();
    const batchedUrl = `http://127.0.0.1:${batchedPort}`;
    batched = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', String(batchedPort), answersFile, 'batched'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitReady(batchedUrl, batched);
    await load(url, 5); // warm-up: JIT, caches
    await load(bareUrl, 5);
    await load(batchedUrl, 5);
    const runs: Run[] = [];
    const bareRuns: Run[] = [];
    const batchedRuns: Run[] = [];
    const ratios: number[] = [];
    const batchedRatios: number[] = [];
    // Alternating, so machine noise hits all alike.
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        runs.push(await load(url, SECONDS, child.pid));
        bareRuns.push(await load(bareUrl, SECONDS, bare.pid));
        batchedRuns.push(await load(batchedUrl, SECONDS, batched.pid));
      } else {
        batchedRuns.push(await load(batchedUrl, SECONDS, batched.pid));
        bareRuns.push(await load(bareUrl, SECONDS, bare.pid));
        runs.push(await load(url, SECONDS, child.pid));
      }
      ratios.push(runs.at(-1)!.rps / bareRuns.at(-1)!.rps);
      batchedRatios.push(runs.at(-1)!.rps / batchedRuns.at(-1)!.rps);
    }
    const bareRps = median(bareRuns.map((r) => r.rps));
    const ratio = median(ratios);
    const bareCpu = bareRuns.every((r) => r.serverCpu !== null) ? median(bareRuns.map((r) => r.serverCpu!)) : null;
    const batchedCpu = batchedRuns.every((r) => r.serverCpu !== null) ? median(batchedRuns.map((r) => r.serverCpu!)) : null;
    const decisionLines = (await readFile(logFile, 'utf8')).split('\n').filter((l) => l.includes('"event":"decision"')).length;
    const rps = median(runs.map((r) => r.rps));
    const p99 = median(runs.map((r) => r.p99));
    const p50 = median(runs.map((r) => r.p50));
    const failed = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
    const serverCpu = runs.every((r) => r.serverCpu !== null) ? median(runs.map((r) => r.serverCpu!)) : null;
    const clientCpu = median(runs.map((r) => r.clientCpu));
    const load1 = os.loadavg()[0]!.toFixed(1);
    console.log(
      `  （${RUNS} 次 × ${SECONDS} 秒，${CONNECTIONS} 个连接，测量结束时负载均值 ${load1}；各次 ${runs.map((r) => Math.round(r.rps)).join('、')} 次/秒，` +
        `p99 ${runs.map((r) => r.p99).join('、')} 毫秒；每个请求 CPU 时间：服务端 ${serverCpu?.toFixed(0) ?? '—'} 微秒，客户端 ${clientCpu.toFixed(0)} 微秒；日志中 ${decisionLines} 行决定记录）`,
    );
    return [
      { name: 'POST /v1/decisions 吞吐（客户端与服务端共用 2 核）', value: rps, unit: '次/秒', target: '≥ 5,000', ok: rps >= 5000 },
      { name: 'POST /v1/decisions 延迟 p99', value: p99, unit: '毫秒', target: '< 20', ok: p99 < 20 },
      { name: 'POST /v1/decisions 延迟 p50', value: p50, unit: '毫秒' },
      { name: '非 2xx 响应和连接错误', value: failed, unit: '个', target: '0', ok: failed === 0 },
      ...(serverCpu !== null ? [{ name: '每个请求服务端 CPU 时间', value: serverCpu, unit: '微秒' }] : []),
      { name: '对照：裸 fastify 发送相同字节的吞吐（同一次运行，交替测）', value: bareRps, unit: '次/秒' },
      ...(bareCpu !== null ? [{ name: '对照：裸 fastify 每个请求服务端 CPU 时间', value: bareCpu, unit: '微秒' }] : []),
      { name: 'POST /v1/decisions 吞吐 ÷ 裸 fastify', value: ratio, unit: `倍（各次 ${ratios.map((r) => r.toFixed(3)).join('、')}）`, target: '≥ 0.5', ok: ratio >= 0.5 },
      { name: '对照：裸 fastify 也在每轮事件循环末一起答复（同样的写法）的吞吐', value: median(batchedRuns.map((r) => r.rps)), unit: '次/秒' },
      ...(batchedCpu !== null ? [{ name: '　其每个请求服务端 CPU 时间', value: batchedCpu, unit: '微秒' }] : []),
      { name: 'POST /v1/decisions 吞吐 ÷ 同样写法的裸 fastify', value: median(batchedRatios), unit: `倍（各次 ${batchedRatios.map((r) => r.toFixed(3)).join('、')}）` },
      { name: '每个请求客户端（autocannon）CPU 时间', value: clientCpu, unit: '微秒' },
    ];
  } finally {
    for (const peer of [bare, batched]) {
      if (peer && peer.exitCode === null) {
        peer.kill('SIGTERM');
        await new Promise((r) => peer.once('exit', r));
      }
    }
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await log.close();
    await rm(dir, { recursive: true, force: true });
  }
}
