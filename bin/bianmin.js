#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm ci` / `npm run build` from the TypeScript sources).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('bianmin：找不到编译后的程序（dist/cli/index.js）：请在 bianmin 目录中运行 npm run build 后重试\n');
  process.exit(3);
}
// A reader that stops early (`bianmin board | head`) ends the output, as with other command-line
// tools: the command stops there, quietly, instead of dying on EPIPE with a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { runCli } = await import(entry.href);
// exitCode, not exit(): output still being written is flushed, and `serve` keeps running.
process.exitCode = await runCli(process.argv.slice(2));
