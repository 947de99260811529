// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints a table.
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import type { BenchResult } from './types.ts';

const dir = new URL('.', import.meta.url);
const only = process.argv.slice(2);
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
console.log(`机器：${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}，Node ${process.version}`);
let failed = 0;
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { default: () => Promise<BenchResult[]> };
  console.log(`\n## ${file}`);
  for (const r of await mod.default()) {
    const mark = r.ok === undefined ? '' : r.ok ? ' ✓' : ' ✗';
    if (r.ok === false) failed++;
    console.log(`- ${r.name}：${formatValue(r.value)} ${r.unit}${r.target ? `（目标 ${r.target}）` : ''}${mark}`);
  }
}
if (failed > 0) console.log(`\n${failed} 项未达到目标`);

function formatValue(v: number): string {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3);
}
