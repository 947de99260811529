// Results must not depend on the machine's zone: the same computations in real child processes
// under TZ=UTC, TZ=Asia/Shanghai and a zone with daylight saving must print identical output.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { ROOT } from './helpers.ts';

const run = promisify(execFile);

async function probe(tz: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/calendar/tz-probe.ts')], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
  });
  return stdout;
}

test('identical results under TZ=UTC, TZ=Asia/Shanghai and TZ=America/New_York', async () => {
  const [utc, shanghai, newYork] = await Promise.all([probe('UTC'), probe('Asia/Shanghai'), probe('America/New_York')]);
  const parsed = JSON.parse(utc) as unknown[];
  expect(parsed.length).toBeGreaterThan(100);
  // Known values, so that identical-but-wrong output cannot pass.
  expect(utc).toContain('{"start":"2025-12-31T16:00:00Z","parsed":"2026-01-01T00:00:00+08:00"}');
  expect(utc).toContain('["2026-09-30T17:20:00","minutes",30,{"due":"2026-10-08T08:50:00+08:00","warnings":[]}]');
  expect(utc).toContain('{"name":"春节","days":["2030-02-02","2030-02-03","2030-02-04","2030-02-05"]},{"name":"清明节","days":["2030-04-05"]}');
  expect(utc).toContain('{ name: 春节, from: \\"2027-02-05\\", to: \\"2027-02-08\\" }');
  expect(shanghai).toBe(utc);
  expect(newYork).toBe(utc);
});
