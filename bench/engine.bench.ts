// The decision engine: `decide` on a typical item (10 materials, 5 conditions), the same compiled
// rules run bare through json-rules-engine, and the cost of pack size (1 item vs 5,000 items).
// Packs are generated into a temporary directory. Measurements alternate between the compared
// sides round by round, so machine noise hits both alike; figures are medians over the rounds.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { engineFacts } from '../src/engine/run.ts';
import { loadPack, type Pack } from '../src/index.ts';
import type { Applicant } from '../src/pack/schema-types.ts';
import { median, type BenchResult } from './types.ts';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/engine-pack/', import.meta.url));
const ROUNDS = 9;
const BATCH = 20_000;
const CODE = 'BM-00001';

/** A typical item: 5 eligibility conditions (one shared, one nested), 10 materials of every kind. */
function itemYaml(code: string, n: number): string {
  return `code: ${code}
name: 基准事项${n}
type: 行政给付
keywords: [基准${n}, 测试事项]
department: minzheng
window: minzheng-window
mode: promised
basis:
  - { law: 《社会救助暂行办法》, article: 第九条 }
conditions:
  - id: local
    text: 户籍在本镇
    when: { condition: local }
    reason: 应向户籍所在地申请。
    onFail: rejected
    routeTo: 户籍所在地乡镇便民服务中心
  - id: age
    text: 年满60周岁
    when: { fact: age, operator: greaterThanInclusive, value: 60 }
    reason: 未满60周岁。
  - id: income
    text: 家庭人均月收入低于3000元
    when: { fact: income, operator: lessThan, value: 3000 }
    reason: 收入超过标准。
  - id: marital
    text: 已婚、丧偶或离婚，或为本人申请
    when:
      any:
        - { fact: maritalStatus, operator: in, value: [已婚, 丧偶, 离婚] }
        - { fact: forDependant, operator: equal, value: false }
    reason: 不符合婚姻状况要求。
  - id: person
    text: 申请人为自然人
    when: { not: { fact: applicantType, operator: equal, value: organization } }
    reason: 只受理自然人申请。
materials:
  - { id: application, name: 申请表, necessity: core }
  - { id: id-card, name: 居民身份证, necessity: core }
  - id: identity
    name: 户籍证明
    necessity: required
    alternatives:
      - { id: hukou-book, name: 户口簿 }
      - { id: residence-cert, name: 户籍证明信, form: copy }
  - { id: photo, name: 照片, necessity: required, copies: 2 }
  - { id: bank-card, name: 银行卡, necessity: required, form: both }
  - { id: statement, name: 收入声明, necessity: required }
  - id: proxy-letter
    name: 委托书
    necessity: required
    requiredWhen: { fact: forDependant, operator: equal, value: true }
    requiredWhenText: 代他人申请时提供
  - { id: household, name: 户口信息, necessity: required, fetchable: true }
  - { id: health, name: 体检报告, necessity: deferrable, due: { amount: 5, unit: workingDays } }
  - { id: medical, name: 病历, necessity: optional }
limits:
  statutory: { amount: 20, unit: workingDays }
  promised: { amount: 10, unit: workingDays }
fees:
  - { name: 工本费, amount: 10, per: 本, basis: { law: 《收费目录》 } }
`;
}

export async function generatePack(root: string, items: number): Promise<string> {
  const dir = path.join(root, `pack-${items}`);
  await mkdir(path.join(dir, 'items'), { recursive: true });
  for (const f of ['center.yaml', 'facts.yaml', 'policy.yaml', 'referrals.yaml']) await cp(path.join(FIXTURE, f), path.join(dir, f));
  await cp(path.join(FIXTURE, 'calendar'), path.join(dir, 'calendar'), { recursive: true });
  const writes: Promise<void>[] = [];
  for (let i = 1; i <= items; i++) {
    const code = `BM-${String(i).padStart(5, '0')}`;
    writes.push(writeFile(path.join(dir, 'items', `${code.toLowerCase()}.yaml`), itemYaml(code, i)));
    if (writes.length >= 200) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return dir;
}

/** A typical application: eligible, every material in, the deferrable one outstanding → accepted. */
const APPLICANT: Applicant = { type: 'person', name: '张三', hukouLocal: true, age: 72, income: 1200, maritalStatus: '丧偶', forDependant: false };
export const APPLICATION = {
  item: CODE,
  intent: 'apply',
  applicant: APPLICANT,
  materials: ['application', 'id-card', 'hukou-book', { id: 'photo', copies: 2 }, { id: 'bank-card', form: 'both' }, 'statement', 'medical'],
  receivedAt: '2026-11-23T09:30:00+08:00',
};

/**
 * Milliseconds per call of `f`, in CPU time of this process: the machine is shared, and CPU time
 * is what one core spends per decision whatever else runs beside it. Wall time is kept to report.
 */
async function timed(n: number, f: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  wall.push((performance.now() - t0) / n);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / n;
}

const wall: number[] = [];

/**
 * The bench item's five eligibility conditions in the peers' own languages, over the same facts:
 * GoRules ZEN expressions (each condition alone, as a rules engine evaluates them one by one, and
 * all five as one AND expression) and json-logic-js (one AND rule).
 */
/**
 * GoRules ZEN, when installed (`npm install --no-save @gorules/zen-engine`): not a devDependency,
 * because this registry lacks its builds for other platforms and `npm ci` would refuse the lock.
 */
interface Zen {
  evaluateExpression(expression: string, context: object): Promise<unknown>;
  evaluateExpressionSync(expression: string, context: object): unknown;
}
async function loadZen(): Promise<Zen | null> {
  const name: string = '@gorules/zen-engine';
  try {
    return (await import(name)) as Zen;
  } catch {
    return null;
  }
}

const ZEN_CONDITIONS = ['hukouLocal == true', 'age >= 60', 'income < 3000', "maritalStatus in ['已婚', '丧偶', '离婚'] or forDependant == false", "not (applicantType == 'organization')"];
const ZEN_ALL = ZEN_CONDITIONS.map((c) => `(${c})`).join(' and ');
const JSON_LOGIC: RulesLogic = {
  and: [
    { '==': [{ var: 'hukouLocal' }, true] },
    { '>=': [{ var: 'age' }, 60] },
    { '<': [{ var: 'income' }, 3000] },
    { or: [{ in: [{ var: 'maritalStatus' }, ['已婚', '丧偶', '离婚']] }, { '==': [{ var: 'forDependant' }, false] }] },
    { '!': { '==': [{ var: 'applicantType' }, 'organization'] } },
  ],
};

function timeDecide(pack: Pack, n: number): Promise<number> {
  return timed(n, () => pack.decide(APPLICATION));
}

export default async function (): Promise<BenchResult[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bianmin-engine-bench-'));
  try {
    const small = await loadPack(await generatePack(root, 1));
    const bigDir = await generatePack(root, 5000);
    const t0 = performance.now();
    const big = await loadPack(bigDir);
    const bigLoad = (performance.now() - t0) / 1000;

    const check = await small.decide(APPLICATION);
    if (check.kind !== 'accepted' || check.deferred.length !== 1) throw new Error(`基准申请应为受理件，实际是 ${check.kind}`);

    // The very Engine `decide` runs for this item, run bare with the same facts.
    const runner = small.engine.items.get(CODE)!.versions[0]!.runner!;
    const values = small.engine.facts.read(APPLICANT).values;
    const bare = (n: number): Promise<number> => timed(n, () => runner.engine.run(engineFacts(values)));
    // json-rules-engine as its README shows it: plain runtime facts (each hashed for its cache).
    const naive = (n: number): Promise<number> => timed(n, () => runner.engine.run({ ...values }));
    const ctx = { ...values, applicantType: APPLICANT.type };
    // ZEN one condition at a time (async, as decide is; and sync), all five as one expression, and json-logic-js.
    const zen = await loadZen();
    const zenEach = (n: number): Promise<number> => timed(n, async () => {
      for (const c of ZEN_CONDITIONS) await zen!.evaluateExpression(c, ctx);
    });
    const zenEachSync = (n: number): Promise<number> => timed(n, async () => {
      for (const c of ZEN_CONDITIONS) zen!.evaluateExpressionSync(c, ctx);
    });
    const zenAll = (n: number): Promise<number> => timed(n, async () => zen!.evaluateExpressionSync(ZEN_ALL, ctx));
    const logic = (n: number): Promise<number> => timed(n, async () => jsonLogic.apply(JSON_LOGIC, ctx));
    if ((zen && zen.evaluateExpressionSync(ZEN_ALL, ctx) !== true) || jsonLogic.apply(JSON_LOGIC, ctx) !== true) throw new Error('对照规则应判断为符合条件');

    // Warm up every path before measuring.
    await timeDecide(small, BATCH);
    await timeDecide(big, BATCH);
    await bare(BATCH);
    if (zen) {
      await zenEach(BATCH / 4);
      await zenEachSync(BATCH / 4);
      await zenAll(BATCH);
    }
    await logic(BATCH);

    // Phase 1: decide against the bare engine, alternating which goes first.
    wall.length = 0;
    const decideWall: number[] = [];
    const decideMs: number[] = [];
    const bareMs: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      let d: number;
      let b: number;
      if (r % 2 === 0) {
        d = await timeDecide(small, BATCH);
        decideWall.push(wall.at(-1)!);
        b = await bare(BATCH);
      } else {
        b = await bare(BATCH);
        d = await timeDecide(small, BATCH);
        decideWall.push(wall.at(-1)!);
      }
      decideMs.push(d);
      bareMs.push(b);
      ratios.push(d / b);
    }
    // Phase 2: the same decision on the 1-item and the 5,000-item pack, alternating.
    const smallMs: number[] = [];
    const bigMs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        smallMs.push(await timeDecide(small, BATCH));
        bigMs.push(await timeDecide(big, BATCH));
      } else {
        bigMs.push(await timeDecide(big, BATCH));
        smallMs.push(await timeDecide(small, BATCH));
      }
    }
    // Phase 3: for reference, json-rules-engine fed the way its README shows.
    const naiveMs: number[] = [];
    for (let r = 0; r < 3; r++) naiveMs.push(await naive(BATCH / 4));
    // Phase 4: the other engines beside decide, round by round.
    const peerDecide: number[] = [];
    const zenEachMs: number[] = [];
    const zenEachSyncMs: number[] = [];
    const zenAllMs: number[] = [];
    const logicMs: number[] = [];
    for (let r = 0; r < 5; r++) {
      peerDecide.push(await timeDecide(small, BATCH));
      if (zen) {
        zenEachMs.push(await zenEach(BATCH / 4));
        zenEachSyncMs.push(await zenEachSync(BATCH / 4));
        zenAllMs.push(await zenAll(BATCH));
      }
      logicMs.push(await logic(BATCH));
    }
    // Against the faster of ZEN's two ways of taking the conditions one by one.
    const overZen = zen ? Math.min(median(zenEachMs), median(zenEachSyncMs)) / median(peerDecide) : null;
    if (!zen) console.log('  （未安装 GoRules ZEN，跳过其对照：npm install --no-save @gorules/zen-engine 后再运行）');

    const rate = 1000 / median(decideMs);
    const ratio = median(ratios);
    // Difference of the medians: a per-round |difference| would mostly measure the noise itself.
    const diff = (Math.abs(median(bigMs) - median(smallMs)) / median(smallMs)) * 100;
    return [
      { name: 'decide：典型事项（10 项材料、5 个受理条件），单核（按本进程 CPU 时间）', value: rate, unit: '次/秒', target: '≥ 30,000 次/秒', ok: rate >= 30_000 },
      { name: 'decide：同上，按墙钟时间（受同机其他进程影响）', value: 1000 / median(decideWall), unit: '次/秒' },
      { name: '同一编译规则直接用 json-rules-engine 运行（与 decide 相同的事实传法）', value: 1000 / median(bareMs), unit: '次/秒' },
      { name: '同一编译规则用 json-rules-engine 的普通事实对象运行（事实逐个计算缓存哈希）', value: 1000 / median(naiveMs), unit: '次/秒' },
      { name: 'decide 耗时 ÷ 裸引擎耗时（改进前 1.29—1.30 倍）', value: ratio, unit: '倍', target: '≤ 0.645 倍（即改进前 decide 的 2 倍）', ok: ratio <= 0.645 },
      ...(zen && overZen !== null
        ? [
            { name: 'GoRules ZEN：五个条件逐个求值（异步）', value: 1000 / median(zenEachMs), unit: '次/秒' },
            { name: 'GoRules ZEN：五个条件逐个求值（同步）', value: 1000 / median(zenEachSyncMs), unit: '次/秒' },
            { name: 'GoRules ZEN：五个条件合成一个 AND 表达式（同步）', value: 1000 / median(zenAllMs), unit: '次/秒' },
            { name: 'decide ÷ ZEN 逐个求值（取同步、异步中较快者；同一轮次交替测）', value: overZen, unit: '倍', target: '≥ 1.8 倍', ok: overZen >= 1.8 },
          ]
        : []),
      { name: 'json-logic-js：五个条件合成一条 and 规则', value: 1000 / median(logicMs), unit: '次/秒' },
      // Beside the same run's json-logic-js, so a run without ZEN can be set against ZEN's figure of another run.
      { name: 'decide 速度 ÷ json-logic-js 速度（同一轮次交替测）', value: median(logicMs) / median(peerDecide), unit: '倍' },
      { name: '1 个事项的规则包：每次决定耗时', value: median(smallMs) * 1000, unit: '微秒' },
      { name: '5,000 个事项的规则包：每次决定耗时', value: median(bigMs) * 1000, unit: '微秒' },
      { name: '5,000 个事项与 1 个事项的决定耗时之差', value: diff, unit: '%', target: '≤ 10%', ok: diff <= 10 },
      { name: '5,000 个事项的规则包：加载、校验并编译', value: bigLoad, unit: '秒' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
