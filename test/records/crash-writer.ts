// Child process for crash.test.ts: performs 1,000 writes and acknowledges each on stdout only
// after it is durable (the promise resolved after fsync). The parent kills it with SIGKILL.
import { loadPack } from '../../src/index.ts';
import { openRecords } from '../../src/records/index.ts';
import { completeApplication } from './applications.ts';

const [dataDir, rules] = process.argv.slice(2) as [string, string];
const pack = await loadPack(rules);
// Compact often so that kills also land during compactions.
const records = await openRecords(dataDir, pack, { compactAfterBytes: 4096 });
const decision = await pack.decide(completeApplication('2026-11-02T09:30:00+08:00'));
process.stdout.write('ready\n');
let lastComplaint: string | null = null;
for (let i = 0; i < 1000; i++) {
  if (i % 3 === 0) {
    const v = await records.cases.register({ decision, staff: 'chen-li' });
    process.stdout.write(`case ${v.record.id}\n`);
  } else if (i % 3 === 1) {
    const c = await records.complaints.add({ channel: 'oral', staff: 'chen-li', content: `第 ${i} 次投诉`, receivedBy: 'lin-xiaoyan', receivedAt: '2026-11-03T10:00:00+08:00', complainant: { name: '李四', phone: '13812345678' } });
    lastComplaint = c.id;
    process.stdout.write(`complaint ${c.id}\n`);
  } else if (lastComplaint) {
    await records.complaints.verify(lastComplaint, { result: 'verified', handler: 'li-xiuying', at: '2026-11-04T10:00:00+08:00' });
    process.stdout.write(`verified ${lastComplaint}\n`);
  }
}
process.stdout.write('done\n');
await records.close();
