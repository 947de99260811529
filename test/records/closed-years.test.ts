// A closed year's shard is read only when something needs that year: looking a notice up by its
// number reads the year in the number, a complaint about a case reads the case's year.
import { describe, expect, test } from 'vitest';
import type { RecordBackend } from '../../src/records/backend.ts';
import { openRecords } from '../../src/records/index.ts';
import { completeApplication, decided, onLowdb, openTemp, samplePack } from './helpers.ts';

const loaded = (r: object): string[] => (r as { cases: { store: RecordBackend } }).cases.store.loadedNames().filter((n) => n.startsWith('cases-'));
const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(Date.now()));

describe.runIf(onLowdb)('closed years stay on disk until a lookup needs them', () => {
  test('by notice number and by a complaint’s case, only the year concerned is read', async () => {
    const pack = await samplePack();
    const { records, dir } = await openTemp(pack);
    const old = await records.cases.register({ decision: await decided(pack, completeApplication(`${THIS_YEAR - 1}-06-02T09:30:00+08:00`), 'accepted'), staff: 'chen-li' });
    const now = await records.cases.register({ decision: await decided(pack, completeApplication(`${THIS_YEAR}-01-05T09:30:00+08:00`), 'accepted'), staff: 'chen-li' });
    await records.close();

    const r = await openRecords(dir, pack);
    try {
      expect(loaded(r)).toEqual([`cases-${THIS_YEAR}`]);
      expect(r.cases.byNoticeNumber(now.record.noticeNumber!)?.id).toBe(now.record.id);
      await r.complaints.add({ channel: 'written', staff: 'chen-li', content: '办件拖延', receivedBy: 'lin-xiaoyan', case: now.record.id });
      expect(r.cases.byNoticeNumber(`青便〔${THIS_YEAR}〕9999号`)).toBeUndefined();
      expect(loaded(r)).toEqual([`cases-${THIS_YEAR}`]);
      // The old year is read when asked for, and then answers.
      expect(r.cases.byNoticeNumber(old.record.noticeNumber!)?.id).toBe(old.record.id);
      expect(loaded(r)).toEqual([`cases-${THIS_YEAR - 1}`, `cases-${THIS_YEAR}`]);
      await expect(r.complaints.add({ channel: 'written', staff: 'chen-li', content: 'x', receivedBy: 'lin-xiaoyan', case: `${THIS_YEAR - 3}-000001` })).rejects.toMatchObject({ code: 'E-COMPLAINT-CASE' });
    } finally {
      await r.close();
    }
  });
});
