// Vitest global setup: the tests that spawn `node bin/bianmin.js` run the compiled dist/, so it is
// rebuilt first whenever a source is newer than the last build; otherwise this costs a directory walk.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Touched after every build: its time is the build's. */
const STAMP = path.join(ROOT, 'dist', '.built');
/** What the build reads. */
const INPUTS = [path.join(ROOT, 'src'), path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'tsconfig.build.json')];

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  // A deleted or renamed file changes its directory's time.
  return readdirSync(p).reduce((t, name) => Math.max(t, newest(path.join(p, name))), s.mtimeMs);
}

/** When dist/ was last built: the later of the stamp and its entry file (`npm ci` and `npm run build` write no stamp). */
function builtAt(): number {
  let at = -1;
  for (const file of [STAMP, path.join(ROOT, 'dist', 'cli', 'index.js')]) {
    try {
      at = Math.max(at, statSync(file).mtimeMs);
    } catch {
      // Not built that way yet.
    }
  }
  return at;
}

export default function setup(): void {
  if (Math.max(...INPUTS.map(newest)) <= builtAt()) return;
  // The stamp gets the start time: a source saved while tsc runs is rebuilt next time.
  const started = new Date();
  try {
    // Incremental: after an edit only the changed files and their dependents are checked again.
    const tsc = [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', path.join(ROOT, 'dist', '.tsbuildinfo')];
    execFileSync(process.execPath, tsc, { cwd: ROOT, stdio: 'pipe' });
  } catch (err) {
    const { status, stdout } = err as { status?: number | null; stdout?: Buffer };
    const report = (stdout?.toString() ?? String(err)).split('\n').slice(0, 20).join('\n');
    // Exit 2 is "errors, outputs generated": type errors are `npm run typecheck`'s to report.
    if (status !== 2) throw new Error(`无法编译 dist/（tsc 退出码 ${status}）：\n${report}`);
    process.stderr.write(`dist/ 已重新编译，但 tsc 报告了类型错误（请运行 npm run typecheck）：\n${report}\n`);
  }
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
  process.stderr.write(`dist/ 已按 src/ 重新编译（${((Date.now() - started.getTime()) / 1000).toFixed(1)} 秒）\n`);
}
