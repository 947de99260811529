// The Chromium processes this test process started (playwright-core launches them as our children):
// how the PDF tests see whether a browser was reused, relaunched or closed.
import { readdir, readFile } from 'node:fs/promises';

export async function chromiumChildren(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const m = /^\d+ \((.*)\) \S (\d+)/.exec(stat);
    if (m && m[1] === 'chromium' && Number(m[2]) === process.pid) pids.push(Number(entry));
  }
  return pids.sort((a, b) => a - b);
}
