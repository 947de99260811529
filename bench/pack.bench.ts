// Rule pack benchmark: validate and load a generated 5,000-item pack; reject hostile files quickly;
// the cold start of 5,000 and 20,000 items in a fresh process (its memory its own), with the first
// decision of an item (compiled on first use) beside the next one.
//   BENCH_PACK_COLD=0 leaves the cold start out (generating and loading 20,000 items takes ~30 s).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePack } from '../src/pack/load.ts';
import { median, type BenchResult } from './types.ts';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/minimal-pack/', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const ITEMS = 5_000;
const RUNS = 5;
const NOW = new Date('2026-03-02T10:00:00+08:00');

const DEPARTMENTS = ['minzheng', 'canlian'];
const WINDOWS = ['minzheng-window', 'canlian-window'];

/** One realistic item: 10 materials (conditional, alternatives, deferrable), 5 conditions, fee, change. */
function item(n: number): string {
  const d = n % 2;
  const code = `GEN-${String(n).padStart(5, '0')}`;
  const materials = [
    `  - id: application\n    name: 申请表（第 ${n} 号事项）\n    necessity: core\n    form: original\n    notes: 申请人签字并按手印\n`,
    `  - id: identity\n    name: 身份证明\n    necessity: required\n    alternatives:\n      - { id: id-card, name: 居民身份证, form: both }\n      - { id: hukou-book, name: 户口簿, form: copy, copies: 2 }\n`,
    `  - id: proxy\n    name: 授权委托书\n    necessity: required\n    requiredWhen: { fact: forDependant, operator: equal, value: true }\n    requiredWhenText: 代他人申请时提供\n`,
    `  - id: proxy-id\n    name: 代办人身份证\n    necessity: required\n    form: copy\n    requiredWhen: { all: [ { fact: forDependant, operator: equal, value: true }, { fact: age, operator: greaterThanInclusive, value: 18 } ] }\n    requiredWhenText: 成年人代办时提供\n`,
    `  - id: income\n    name: 家庭收入证明\n    necessity: deferrable\n    due: { amount: 10, unit: workingDays }\n    issuer: 村（居）民委员会\n`,
    `  - id: photo\n    name: 近期免冠照片\n    necessity: required\n    copies: 2\n    medium: paper\n`,
    `  - id: household-register\n    name: 户籍证明\n    necessity: optional\n    fetchable: true\n    issuer: 公安机关\n`,
    `  - id: org-licence\n    name: 营业执照\n    necessity: required\n    requiredWhen: { condition: is-person-not }\n    requiredWhenText: 法人申请时提供\n`,
    `  - id: bank-card\n    name: 本人银行卡\n    necessity: required\n    form: copy\n`,
    `  - id: statement\n    name: 个人承诺书\n    necessity: required\n    sample: 承诺书样表\n`,
  ];
  const conditions = [
    `  - id: person\n    text: 申请人为自然人\n    when: { condition: is-person }\n    reason: 本事项只受理自然人申请\n`,
    `  - id: adult\n    text: 申请对象年满 16 周岁\n    when: { fact: age, operator: greaterThanInclusive, value: 16 }\n    reason: 申请对象未满 16 周岁\n`,
    `  - id: either\n    text: 本人申请或持委托书代办\n    when: { any: [ { fact: forDependant, operator: equal, value: false }, { fact: age, operator: lessThan, value: 120 } ] }\n    reason: 代办须持委托书\n`,
    `  - id: not-too-old\n    text: 年龄有效\n    when: { not: { fact: age, operator: greaterThan, value: 150 } }\n    reason: 年龄填写有误\n`,
    `  - id: nested\n    text: 综合条件\n    when:\n      all:\n        - { condition: is-person }\n        - any:\n            - { fact: age, operator: greaterThan, value: 0 }\n            - { fact: forDependant, operator: equal, value: true }\n    reason: 不符合综合条件\n`,
  ];
  return [
    `# 生成的事项 ${n}\n`,
    `code: ${code}\nname: 生成事项第 ${n} 号\ntype: 公共服务\nkeywords: [生成, 事项${n}]\n`,
    `department: ${DEPARTMENTS[d]}\nwindow: ${WINDOWS[d]}\nmode: promised\n`,
    `basis:\n  - law: 《社会救助暂行办法》\n    article: 第十一条\n`,
    `conditions:\n${conditions.join('')}`,
    `materials:\n${materials.join('')}`,
    `procedure:\n  - id: accept\n    step: 受理\n    limit: { amount: 1, unit: workingDays }\n  - step: 审核\n  - step: 办结\n`,
    `limits:\n  statutory: { amount: 20, unit: workingDays }\n  promised: { amount: 10, unit: workingDays }\n  extension: { max: { amount: 10, unit: workingDays }, approver: 中心负责人 }\n`,
    `fees:\n  - name: 工本费\n    amount: 10\n    per: 每本\n    basis: { law: 《价格法》, article: 第二十条 }\n`,
    `forms:\n  - name: 承诺书样表\n`,
    `service: { appointment: true, homeService: ${n % 3 === 0} }\n`,
    n % 10 === 0 ? `changes:\n  - effectiveFrom: "2026-09-01"\n    reference: 测民发〔2026〕${n}号\n    set:\n      limits:\n        statutory: { amount: 20, unit: workingDays }\n        promised: { amount: 8, unit: workingDays }\n` : '',
  ].join('');
}

export function generatePack(items = ITEMS): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-bench-pack-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'facts.yaml'),
    `facts:\n  - { id: age, label: 年龄, type: number }\n  - { id: forDependant, label: 代他人申请, type: boolean }\nconditions:\n  - id: is-person\n    text: 申请人为自然人\n    when: { fact: applicantType, operator: equal, value: person }\n  - id: is-person-not\n    text: 申请人为法人\n    when: { fact: applicantType, operator: equal, value: organization }\n`,
  );
  mkdirSync(path.join(dir, 'items', 'generated'));
  for (let n = 1; n <= items; n++) writeFileSync(path.join(dir, 'items', 'generated', `gen-${n}.yaml`), item(n));
  return dir;
}

interface Cold {
  readonly loadMs: number;
  readonly loadCpuMs: number;
  readonly firstMs: number;
  readonly nextMs: number;
  readonly otherFirstMs: number;
  readonly kind: string;
  readonly maxRss: number;
}

/** `loadPack` of a generated pack of `items` items in a fresh process, and its first decision. */
function coldLoad(items: number): Cold {
  const dir = generatePack(items);
  try {
    const code = (n: number): string => `GEN-${String(n).padStart(5, '0')}`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/pack-cold-child.ts', dir, code(Math.ceil(items / 2)), code(items)], { cwd: ROOT, encoding: 'utf8', maxBuffer: MB });
    const cold = JSON.parse(out.trim().split('\n').at(-1)!) as Cold;
    if (cold.kind === undefined) throw new Error(`冷启动子进程没有给出决定：${out}`);
    return cold;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function coldResults(): BenchResult[] {
  if (process.env.BENCH_PACK_COLD === '0') return [];
  // Alternating runs of the two sizes; the figures are medians over them.
  const runs: Record<number, Cold[]> = { 5000: [], 20000: [] };
  for (let i = 0; i < 3; i++) for (const n of i % 2 === 0 ? [5000, 20000] : [20000, 5000]) runs[n]!.push(coldLoad(n));
  const m = (n: number, f: (c: Cold) => number): number => median(runs[n]!.map(f));
  const firstMs = Math.max(m(5000, (c) => c.otherFirstMs), m(20000, (c) => c.otherFirstMs));
  return [
    { name: '冷启动：新进程 loadPack 5,000 个事项（3 次中位数，经 tsx，不含编译模块）', value: m(5000, (c) => c.loadMs), unit: 'ms', target: '≤ 3 s', ok: m(5000, (c) => c.loadMs) <= 3000 },
    { name: '　其 CPU 时间 / 内存峰值（RSS）', value: m(5000, (c) => c.loadCpuMs), unit: `ms / ${Math.round(m(5000, (c) => c.maxRss) / MB)} MB` },
    { name: '冷启动：新进程 loadPack 20,000 个事项（同一次运行，与 5,000 个交替）', value: m(20000, (c) => c.loadMs), unit: 'ms', target: '≤ 12 s', ok: m(20000, (c) => c.loadMs) <= 12_000 },
    { name: '　其 CPU 时间', value: m(20000, (c) => c.loadCpuMs), unit: 'ms' },
    { name: '　其内存峰值（RSS）', value: m(20000, (c) => c.maxRss) / MB, unit: 'MB', target: '≤ 1 GB', ok: m(20000, (c) => c.maxRss) <= 1024 * MB },
    { name: '一个事项的第一次决定（编译该事项的规则；进程已做过别的决定；两种规模中较慢者）', value: firstMs, unit: 'ms', target: '≤ 5 ms', ok: firstMs <= 5 },
    { name: '　对照：进程的第一次决定（另含引擎代码本身的首次编译）/ 同一事项的第二次决定', value: m(5000, (c) => c.firstMs), unit: `ms / ${m(5000, (c) => c.nextMs).toFixed(2)} ms` },
  ];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A pack whose one item file is `text`; the time to reject it (the rest of the pack is tiny). */
async function rejectTime(text: string | Uint8Array, code: string): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-bench-hostile-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'items', 'hostile.yaml'), text);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let found = false;
      times.push(await timed(async () => {
        found = (await validatePack(dir, { now: NOW })).errors.some((e) => e.file === 'items/hostile.yaml' && e.code === code);
      }));
      if (!found) throw new Error(`hostile file not rejected with ${code}`);
    }
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

export default async function (): Promise<BenchResult[]> {
  const dir = generatePack();
  try {
    // The first run compiles the schemas (once per process), as a CLI run does.
    let items = 0;
    const cold = await timed(async () => {
      const result = await validatePack(dir, { now: NOW });
      if (!result.ok) throw new Error(`generated pack invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
      items = result.pack!.items.size;
    });
    if (items !== ITEMS + 2) throw new Error(`expected ${ITEMS + 2} items, got ${items}`);
    const warm: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = process.cpuUsage();
      warm.push(await timed(() => validatePack(dir, { now: NOW })));
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    const loadMs = median(warm);

    const bomb = await rejectTime(billionLaughs(), 'E-YAML-ALIAS');
    const oversized = await rejectTime(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), 'E-FILE-TOO-LARGE');
    const nearLimit = await rejectTime(`notes: "${'x'.repeat(5 * 1024 * 1024 - 20)}"\n`, 'E-SCHEMA-REQUIRED');
    const deepLists = await rejectTime(`notes:\n${'- '.repeat(2_000_000)}x\n`, 'E-YAML-DEPTH');
    const deepFlow = await rejectTime(`notes: ${'['.repeat(5_000_000)}\n`, 'E-YAML-DEPTH');
    return [
      { name: `校验并加载 ${ITEMS.toLocaleString('en-US')} 个事项的规则包（中位数，${RUNS} 次）`, value: loadMs, unit: 'ms', target: '< 2 s', ok: loadMs < 2000 },
      // CPU time does not grow when other processes share the two cores; wall time does.
      { name: '同上，CPU 时间（中位数，不受机器上其他进程影响）', value: median(cpu), unit: 'ms' },
      // For reference: a process's first load also compiles the schemas and warms the JIT.
      { name: '同上，进程内首次运行（含编译 JSON Schema，仅供参考）', value: cold, unit: 'ms' },
      { name: '拒绝“十亿笑声”别名炸弹', value: bomb, unit: 'ms', target: '< 1 s', ok: bomb < 1000 },
      { name: '拒绝超过 5 MB 的文件', value: oversized, unit: 'ms', target: '< 1 s', ok: oversized < 1000 },
      { name: '读取并校验接近 5 MB 的文件', value: nearLimit, unit: 'ms', target: '< 1 s', ok: nearLimit < 1000 },
      { name: '拒绝 200 万层“- ”嵌套（约 4 MB）', value: deepLists, unit: 'ms', target: '< 1 s', ok: deepLists < 1000 },
      { name: '拒绝 500 万个未闭合的 [（5 MB）', value: deepFlow, unit: 'ms', target: '< 1 s', ok: deepFlow < 1000 },
      ...coldResults(),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
