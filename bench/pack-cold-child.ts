// A child of bench/pack.bench.ts: loads a generated pack in a fresh process, as `bianmin serve`
// starts (schemas compiled, nothing warm), then makes the first decision of one of its items (its
// rules compiled on first use) and a second one, then the first decision of another item: its rules
// compiled on first use too, the engine's own code already warm. Prints one JSON line.
//   pack-cold-child.ts DIR ITEM OTHER-ITEM
import { performance } from 'node:perf_hooks';
import { loadPack } from '../src/index.ts';

const [dir, item, other] = process.argv.slice(2) as [string, string, string];
const application = {
  item,
  intent: 'apply',
  applicant: { type: 'person', name: '张三', age: 30, forDependant: false },
  materials: ['application', 'id-card', { id: 'photo', copies: 2 }, 'bank-card', 'statement'],
  receivedAt: '2026-11-23T09:30:00+08:00',
};
const c0 = process.cpuUsage();
const t0 = performance.now();
const pack = await loadPack(dir);
const loadMs = performance.now() - t0;
const c = process.cpuUsage(c0);
const t1 = performance.now();
const first = await pack.decide(application);
const firstMs = performance.now() - t1;
const t2 = performance.now();
await pack.decide(application);
const nextMs = performance.now() - t2;
const t3 = performance.now();
await pack.decide({ ...application, item: other });
const otherFirstMs = performance.now() - t3;
console.log(JSON.stringify({ loadMs, loadCpuMs: (c.user + c.system) / 1000, firstMs, nextMs, otherFirstMs, kind: first.kind, maxRss: process.resourceUsage().maxRSS * 1024 }));
