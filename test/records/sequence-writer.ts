// Child process for sequences.test.ts: takes document numbers without end, alternating a rendered
// document's number and a registered case (whose notice takes the next number), and prints each
// only once it is acknowledged (the promise resolved after fsync). The parent kills it with SIGKILL.
import { loadPack } from '../../src/index.ts';
import { openRecords } from '../../src/records/index.ts';
import { completeApplication } from './applications.ts';

const [dataDir, rules] = process.argv.slice(2) as [string, string];
const pack = await loadPack(rules);
// Compact often so that kills also land during compactions.
const records = await openRecords(dataDir, pack, { compactAfterBytes: 2048 });
const decision = await pack.decide(completeApplication('2026-11-02T09:30:00+08:00'));
const series = pack.data.center.center.code;
for (let i = 0; ; i++) {
  if (i % 2 === 0) {
    process.stdout.write(`number ${await records.sequences.next(series, 2026)}\n`);
  } else {
    const v = await records.cases.register({ decision, staff: 'chen-li' });
    process.stdout.write(`case ${v.record.id} ${v.record.noticeNumber}\n`);
  }
}
