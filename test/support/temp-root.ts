// Vitest global setup: every temporary directory a test makes (os.tmpdir() reads TMPDIR, in the
// test workers and in the processes they spawn) goes under one directory of this run, removed
// when the run ends — so that runs leave nothing behind in /tmp, however a test ends. Set
// BIANMIN_KEEP_TMP=1 to keep it for a look after a failure (its path is printed then).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bianmin-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (process.env.BIANMIN_KEEP_TMP) console.log(`测试的临时文件保留在 ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
