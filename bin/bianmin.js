#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm ci` / `npm run build` from the TypeScript sources).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('bianmin：找不到编译后的程序（dist/cli/index.js）：请在 bianmin 目录中运行 npm run build 后重试\n');
  process.exit(3);
}
const { runCli } = await import(entry.href);
// exitCode, not exit(): output still being written is flushed, and `serve` keeps running.
process.exitCode = await runCli(process.argv.slice(2));
