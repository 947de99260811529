// Records: appending a case event with 20,000 cases in the year's shard (p99 < 20 ms), and
// sanctions for 1,000 staff and 100,000 complaints (< 1 s). Data files are written in the store's
// own format (one record per line), then opened, validated and used through the public API.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../src/index.ts';
import type { CaseRecord, ComplaintRecord } from '../src/pack/schema-types.ts';
import { CASE_SHARED } from '../src/records/cases.ts';
import { SNAPSHOT_FORMAT, snapshotChunks } from '../src/records/collection.ts';
import { openRecords, writeFileDurably } from '../src/records/index.ts';
import { median, type BenchResult } from './types.ts';

const RULES = fileURLToPath(new URL('../rules', import.meta.url));
const CASES = 20_000;
const STAFF = 1_000;
const COMPLAINTS = 100_000;

function snapshot(collection: string, records: readonly unknown[]): string {
  return `{"format":1,"collection":"${collection}","seq":0,"records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Writes the seed data directory: a 2026 shard of 20,000 accepted cases. Returns the shard size in MB. */
async function seedCases(seed: string): Promise<number> {
  const pack = await loadPack(RULES);
  const application = {
    item: 'MZ-001',
    intent: 'apply' as const,
    applicant: { type: 'person' as const, name: '张小三', idNumber: '320102199001011234', phone: '13812345678', hukouLocal: true, householdIncomePerCapita: 500, hasDisabilityCert: false, forDependant: false },
    materials: ['application', 'id-card', 'authorization', 'income-statement'],
    receivedAt: '2026-11-02T09:30:00+08:00',
  };
  const decision = await pack.decide(application);
  if (decision.kind !== 'accepted') throw new Error(`基准数据有误：决定为 ${decision.kind}`);
  const records: CaseRecord[] = [];
  for (let i = 1; i <= CASES; i++) {
    records.push({
      id: `2026-${String(i).padStart(6, '0')}`,
      item: decision.item,
      itemName: decision.itemName,
      receivedAt: '2026-11-02T09:30:00+08:00',
      window: 'minzheng-window',
      post: 'minzheng-post',
      firstInquiry: 'chen-li',
      application,
      decision,
      events: [
        { type: 'received', at: '2026-11-02T09:30:00+08:00', staff: 'chen-li' },
        { type: 'accepted', at: '2026-11-02T09:30:00+08:00', staff: 'chen-li' },
      ],
    });
  }
  const text = snapshot('cases-2026', records);
  await mkdir(seed, { recursive: true });
  await writeFile(path.join(seed, 'cases-2026.json'), text);
  // Opened once by the store, which rewrites a snapshot of the first format in the current one (with
  // its checksums): the runs below measure the steady state, not the one-time upgrade.
  const upgraded = await openRecords(seed, await loadPack(RULES));
  await upgraded.close();
  return Buffer.byteLength(text) / 1024 / 1024;
}

async function caseEvents(): Promise<BenchResult[]> {
  const pack = await loadPack(RULES);
  const base = await mkdtemp(path.join(tmpdir(), 'bianmin-bench-records-'));
  const seed = path.join(base, 'seed');
  // Generated in its own scope so that none of it stays on the heap while measuring.
  const shardMb = await seedCases(seed);

  const opens: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  const compactions: number[] = [];
  for (let run = 0; run < 3; run++) {
    const dir = path.join(base, `run-${run}`);
    await cp(seed, dir, { recursive: true });
    let t0 = performance.now();
    const r = await openRecords(dir, pack);
    opens.push(performance.now() - t0);
    if (r.cases.size !== CASES) throw new Error('基准数据有误：办件数不符');
    const times: number[] = [];
    // 2,000 events on 1,000 cases spread over the shard: suspend, then resume.
    for (let i = 0; i < 1_000; i++) {
      const id = `2026-${String(1 + ((i * 7919) % CASES)).padStart(6, '0')}`;
      const day = String(3 + (i % 20)).padStart(2, '0');
      t0 = performance.now();
      await r.cases.addEvent(id, { type: 'suspended', staff: 'chen-li', at: `2026-11-${day}T10:00:00+08:00`, reason: '入户调查' });
      times.push(performance.now() - t0);
      t0 = performance.now();
      await r.cases.addEvent(id, { type: 'resumed', staff: 'chen-li', at: `2026-11-${day}T15:00:00+08:00` });
      times.push(performance.now() - t0);
    }
    p50s.push(percentile(times, 50));
    p99s.push(percentile(times, 99));
    // Closing folds the log into a new 20,000-case snapshot.
    t0 = performance.now();
    await r.close();
    compactions.push(performance.now() - t0);
    const check = JSON.parse(await readFile(path.join(dir, 'cases-2026.json'), 'utf8')) as { seq: number };
    if (check.seq !== 2_000) throw new Error('基准数据有误：快照未包含全部环节');
    await rm(dir, { recursive: true, force: true });
  }
  await rm(base, { recursive: true, force: true });
  const p99 = median(p99s);
  return [
    { name: `追加办件环节（年度分片 ${CASES.toLocaleString('en-US')} 件，p99）`, value: p99, unit: 'ms', target: '< 20 ms', ok: p99 < 20 },
    { name: '追加办件环节（p50）', value: median(p50s), unit: 'ms' },
    { name: `打开并校验 ${CASES.toLocaleString('en-US')} 件的年度分片（${shardMb.toFixed(0)} MB）`, value: median(opens), unit: 'ms' },
    { name: `压缩：日志并入 ${CASES.toLocaleString('en-US')} 件的快照`, value: median(compactions), unit: 'ms' },
  ];
}

async function sanctions(): Promise<BenchResult[]> {
  // A copy of the sample pack with 1,000 more staff members.
  const base = await mkdtemp(path.join(tmpdir(), 'bianmin-bench-sanctions-'));
  const rules = path.join(base, 'rules');
  await cp(RULES, rules, { recursive: true });
  const centerFile = path.join(rules, 'center.yaml');
  const center = await readFile(centerFile, 'utf8');
  const staffIds = Array.from({ length: STAFF }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
  const extra = staffIds.map((id, i) => `  - { id: ${id}, name: 测试${i}, title: 窗口工作人员, rank: 3 }`).join('\n');
  await writeFile(centerFile, center.replace(/^staff:\n/m, `staff:\n${extra}\n`));
  const pack = await loadPack(rules);
  if (pack.data.center.staff.length < STAFF) throw new Error('基准数据有误：工作人员未加入');

  const complaints: ComplaintRecord[] = [];
  const start = Date.parse('2026-01-05T01:00:00Z');
  for (let i = 0; i < COMPLAINTS; i++) {
    const at = new Date(start + ((i * 104729) % (320 * 1440)) * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const c: ComplaintRecord = {
      id: `T2026-${String(i + 1).padStart(6, '0')}`,
      channel: (['oral', 'phone', 'written'] as const)[i % 3]!,
      complainant: { name: '王五', phone: '13900001111' },
      target: { staff: staffIds[(i * 7) % STAFF]! },
      content: '办事时态度生硬',
      receivedAt: at,
      receivedBy: 'lin-xiaoyan',
      complex: false,
      major: false,
    };
    // About one in 50 complaints is verified: most staff get 0–3 in a year.
    if (i % 50 === 0) c.verification = { result: 'verified', handler: 'li-xiuying', at };
    else if (i % 2 === 0) c.verification = { result: 'unfounded', handler: 'li-xiuying', at };
    complaints.push(c);
  }
  const data = path.join(base, 'data');
  await mkdir(data, { recursive: true });
  await writeFile(path.join(data, 'complaints.json'), snapshot('complaints', complaints));
  const r = await openRecords(data, pack, { readonly: true });
  if (r.complaints.size !== COMPLAINTS) throw new Error('基准数据有误：投诉数不符');
  const times: number[] = [];
  let withActions = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const report = await r.sanctions({ now: '2026-12-31T12:00:00+08:00', all: true });
    times.push(performance.now() - t0);
    withActions = report.staff.filter((s) => s.actions.length > 0).length;
    if (report.staff.length < STAFF) throw new Error('基准数据有误：工作人员数不符');
  }
  await r.close();
  await rm(base, { recursive: true, force: true });
  if (withActions === 0) throw new Error('基准没有产生处理');
  const t = median(times) / 1000;
  return [{ name: `责任追究：${STAFF.toLocaleString('en-US')} 名工作人员、${COMPLAINTS.toLocaleString('en-US')} 件投诉`, value: t, unit: 's', target: '< 1 s', ok: t < 1 }];
}

/**
 * Writes `cases-YEAR` with `count` accepted cases in the store's own format (snapshot with its
 * checksums, and its empty log), one record at a time: 200,000 cases are never held at once.
 */
export async function writeShard(dir: string, year: number, count: number): Promise<number> {
  const pack = await loadPack(RULES);
  const at = `${year}-11-02T09:30:00+08:00`;
  const application = {
    item: 'MZ-001',
    intent: 'apply' as const,
    applicant: { type: 'person' as const, name: '张小三', idNumber: '320102199001011234', phone: '13812345678', hukouLocal: true, householdIncomePerCapita: 500, hasDisabilityCert: false, forDependant: false },
    materials: ['application', 'id-card', 'authorization', 'income-statement'],
    receivedAt: at,
  };
  const decision = await pack.decide(application);
  if (decision.kind !== 'accepted') throw new Error(`基准数据有误：决定为 ${decision.kind}`);
  function* cases(): Generator<CaseRecord> {
    for (let i = 1; i <= count; i++) {
      yield {
        id: `${year}-${String(i).padStart(6, '0')}`,
        item: decision.item,
        itemName: decision.itemName,
        receivedAt: at,
        window: 'minzheng-window',
        post: 'minzheng-post',
        firstInquiry: 'chen-li',
        application,
        decision,
        events: [
          { type: 'received', at, staff: 'chen-li' },
          { type: 'accepted', at, staff: 'chen-li' },
        ],
      };
    }
  }
  const name = `cases-${year}`;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${name}.log`), '');
  return writeFileDurably(path.join(dir, `${name}.json`), snapshotChunks({ format: SNAPSHOT_FORMAT, collection: name, seq: 0, log: { file: `${name}.log`, from: 1 } }, cases(), count, CASE_SHARED));
}

interface ChildFigures {
  readonly openMs: number;
  readonly openCpuMs: number;
  readonly rssOpen: number;
  readonly maxRssOpen: number;
  readonly lazyCpuMs?: number;
  readonly maxRss: number;
  readonly cases: number;
  readonly closeMs: number;
  readonly lazyMs?: number;
  readonly p50?: number;
  readonly p99?: number;
  readonly max?: number;
}

/** Runs bench/records-open-child.ts on `dir` in a process of its own. */
export function child(dir: string, mode: 'open' | 'append' | 'decade' | 'import', url?: string): ChildFigures & { readonly importMs?: number } {
  const script = fileURLToPath(new URL('./records-open-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', script, dir, mode, ...(url ? [url] : [])], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 1_800_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildFigures;
}

const MB = 1024 * 1024;

/** BENCH_PG (or BIANMIN_TEST_PG): a postgres:// URL; the PostgreSQL figures are skipped without it. */
const PG_URL = process.env.BENCH_PG ?? process.env.BIANMIN_TEST_PG ?? '';

/** Drops the schema `name` (and, unless `dropOnly`, returns the URL of it, empty, for the records). */
async function emptySchema(name: string, dropOnly = false): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`);
  } finally {
    await client.end();
  }
  return dropOnly ? '' : `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${name}`;
}

/**
 * Records at scale: open time and memory of 20,000, 100,000 and 200,000 cases in one year, and of
 * 200,000 over ten years (the closed years opened on first access); appends at 200,000 in one
 * year, while the log is compacted into that snapshot beside them.
 */
async function scale(): Promise<BenchResult[]> {
  const base = await mkdtemp(path.join(tmpdir(), 'bianmin-bench-scale-'));
  const year = new Date().getUTCFullYear();
  const results: BenchResult[] = [];
  try {
    const decade = path.join(base, 'decade');
    for (let y = year - 9; y <= year; y++) await writeShard(decade, y, 20_000);
    const d = child(decade, 'decade');
    results.push({ name: `打开 200,000 件（10 年，每年 20,000 件；往年首次访问时读取）`, value: d.openMs / 1000, unit: 's', target: '≤ 3 s', ok: d.openMs <= 3000 });
    results.push({ name: '　其 CPU 时间（不受机器负载影响）', value: d.openCpuMs / 1000, unit: 's' });
    results.push({ name: '　打开后的内存（RSS 峰值，含规则包）', value: d.maxRssOpen / MB, unit: 'MB', target: '≤ 600 MB', ok: d.maxRssOpen <= 600 * MB });
    results.push({ name: '　首次访问一个往年（20,000 件）：用时 / CPU', value: d.lazyMs! / 1000, unit: `s / ${(d.lazyCpuMs! / 1000).toFixed(2)} s` });
    results.push({ name: '　两年在内存时的 RSS 峰值', value: d.maxRss / MB, unit: 'MB' });
    if (process.env.BENCH_RECORDS === 'decade') return results;
    if (!PG_URL) results.push({ name: 'PostgreSQL 的数字：未设置 BENCH_PG（postgres:// 地址），跳过', value: 0, unit: '' });
    // BENCH_RECORDS_SIZES=200000 runs only some of the single-year sizes.
    const sizes = process.env.BENCH_RECORDS_SIZES ? process.env.BENCH_RECORDS_SIZES.split(',').map(Number) : [20_000, 100_000, 200_000];
    for (const n of sizes) {
      const dir = path.join(base, `year-${n}`);
      const bytes = n === 20_000 ? await cp(path.join(decade, `cases-${year}.json`), path.join(await mkdir(dir, { recursive: true }).then(() => dir), `cases-${year}.json`)).then(async () => {
        await writeFile(path.join(dir, `cases-${year}.log`), '');
        return (await stat(path.join(dir, `cases-${year}.json`))).size;
      }) : await writeShard(dir, year, n);
      // Read into PostgreSQL before the appends below change the directory.
      const pgUrl = PG_URL ? await emptySchema(`bench_${n}`) : '';
      const imported = pgUrl ? child(dir, 'import', pgUrl) : null;
      const f = child(dir, n === 200_000 ? 'append' : 'open');
      if (f.cases !== n) throw new Error(`基准数据有误：办件数 ${f.cases}，应为 ${n}`);
      const label = n.toLocaleString('en-US');
      results.push({ name: `打开一年 ${label} 件的分片（${(bytes / MB).toFixed(0)} MB）`, value: f.openMs / 1000, unit: 's', ...(n === 200_000 ? { target: '能打开（慢可以接受）', ok: true } : {}) });
      results.push({ name: '　其 CPU 时间', value: f.openCpuMs / 1000, unit: 's' });
      results.push({ name: `　其内存（RSS 峰值，含规则包）`, value: f.maxRss / MB, unit: 'MB' });
      if (f.p99 !== undefined) {
        results.push({ name: `追加办件环节（一年 ${label} 件，后台压缩进行中，p99）`, value: f.p99, unit: 'ms', target: '< 20 ms', ok: f.p99 < 20 });
        results.push({ name: '　p50 / 最慢一次', value: f.p50!, unit: `ms / ${f.max!.toFixed(1)} ms` });
        results.push({ name: `　关闭（等待后台压缩完成并写入 ${label} 件快照）`, value: f.closeMs / 1000, unit: 's' });
      }
      if (pgUrl && imported) {
        // The same register in PostgreSQL, read back by a replica starting (every record mirrored, see README).
        const g = child(pgUrl, n === 200_000 ? 'append' : 'open');
        if (g.cases !== n) throw new Error(`基准数据有误：数据库中办件数 ${g.cases}，应为 ${n}`);
        results.push({ name: `　PostgreSQL：打开 ${label} 件（副本启动，全部读入内存）`, value: g.openMs / 1000, unit: 's' });
        results.push({ name: '　　其 CPU 时间 / 内存（RSS 峰值）', value: g.openCpuMs / 1000, unit: `s / ${(g.maxRss / MB).toFixed(0)} MB` });
        results.push({ name: '　　bianmin restore 迁入用时', value: imported.importMs! / 1000, unit: 's' });
        if (g.p99 !== undefined) {
          results.push({ name: `　PostgreSQL：追加办件环节（一年 ${label} 件，每次一个事务，p99）`, value: g.p99, unit: 'ms', target: '< 20 ms', ok: g.p99 < 20 });
          results.push({ name: '　　p50 / 最慢一次', value: g.p50!, unit: `ms / ${g.max!.toFixed(1)} ms` });
        }
        await emptySchema(`bench_${n}`, true);
      }
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(base, { recursive: true, force: true });
  }
  return results;
}

export default async function (): Promise<BenchResult[]> {
  // BENCH_RECORDS=scale runs only the scale figures (they take minutes and several GB of disk).
  // BENCH_RECORDS=decade: only the ten-year figures.
  if (process.env.BENCH_RECORDS === 'scale' || process.env.BENCH_RECORDS === 'decade') return scale();
  return [...(await caseEvents()), ...(await sanctions()), ...(await scale())];
}
