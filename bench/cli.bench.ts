// CLI start: whole `node bin/bianmin.js` processes (`--version`, `validate` on the sample pack) against
// a bare `node -e ''` in the same run, interleaved so that a busy moment hits all three alike.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import buildDist from '../test/cli/build-dist.ts';
import { median, type BenchResult } from './types.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'bianmin.js');
const RUNS = 10;
/** The target: `--version` within this much of bare node. */
const MARGIN_MS = 250;

const COMMANDS = {
  node: ['-e', ''],
  version: [BIN, '--version'],
  validate: [BIN, 'validate', '--rules', path.join(ROOT, 'rules')],
} as const;

type Name = keyof typeof COMMANDS;

/** Wall time of one whole process, in ms; fails loudly when the command does not succeed. */
function once(name: Name): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, COMMANDS[name], { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
  if (name === 'version' && r.stdout.trim() !== '0.1.0') throw new Error(`--version printed ${JSON.stringify(r.stdout)}`);
  if (name === 'validate' && !r.stdout.includes('校验通过')) throw new Error(`validate printed ${r.stdout}`);
  return ms;
}

export default async function (): Promise<BenchResult[]> {
  // The CLI runs the compiled dist/: measure the current sources, not a stale build.
  buildDist();
  const times: Record<Name, number[]> = { node: [], version: [], validate: [] };
  for (const name of Object.keys(COMMANDS) as Name[]) once(name); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const name of Object.keys(COMMANDS) as Name[]) times[name].push(once(name));
  const node = median(times.node);
  const version = median(times.version);
  const validate = median(times.validate);
  return [
    { name: `裸 node（node -e ''，整个进程，中位数，${RUNS} 次）`, value: node, unit: 'ms' },
    { name: `bianmin --version（整个进程，中位数，${RUNS} 次）`, value: version, unit: 'ms', target: `≤ 裸 node + ${MARGIN_MS} ms`, ok: version - node <= MARGIN_MS },
    { name: '同上，比裸 node 多用', value: version - node, unit: 'ms' },
    { name: `bianmin validate 示例规则包 rules/（整个进程，中位数，${RUNS} 次）`, value: validate, unit: 'ms' },
  ];
}
