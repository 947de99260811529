// A closed year's shard is read only when something needs that year: looking a notice up by its
// number reads the year in the number, a complaint about a case reads the case's year. The open
// cases of every year (「我的办件」, the sanctions' counting window) are found by streaming the
// closed years once, keeping only those: the years themselves stay on disk.
import { describe, expect, test } from 'vitest';
import type { RecordBackend } from '../../src/records/backend.ts';
import { openRecords } from '../../src/records/index.ts';
import { notConcludedBefore } from '../../src/records/cases.ts';
import type { CaseRecord } from '../../src/pack/index.ts';
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

describe('the cases not concluded before a time', () => {
  test('open cases of every year and those concluded since, never consultations; closed years stay on disk, a write is seen', async () => {
    const pack = await samplePack();
    const { records, dir } = await openTemp(pack);
    const register = async (at: string): Promise<CaseRecord> => (await records.cases.register({ decision: await decided(pack, completeApplication(at), 'accepted'), staff: 'chen-li' })).record;
    const shanghai = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const open = await register(`${THIS_YEAR - 2}-06-02T09:30:00+08:00`);
    const longDone = await register(`${THIS_YEAR - 2}-06-03T09:30:00+08:00`);
    await records.cases.addEvent(longDone.id, { type: 'completed', staff: 'chen-li', at: `${THIS_YEAR - 2}-06-10T10:00:00+08:00` });
    const doneNow = await register(`${THIS_YEAR - 1}-12-20T09:30:00+08:00`);
    const doneAt = Date.now() - 60_000;
    await records.cases.addEvent(doneNow.id, { type: 'completed', staff: 'chen-li', at: shanghai(doneAt) });
    const consulted = await pack.decide({ ...completeApplication(`${THIS_YEAR - 1}-03-02T09:30:00+08:00`), intent: 'consult' });
    await records.cases.register({ decision: consulted, staff: 'chen-li' });
    const current = await register(`${THIS_YEAR}-01-05T09:30:00+08:00`);
    await records.close();

    const r = await openRecords(dir, pack);
    try {
      const ids = async (since: number): Promise<string[]> => (await r.cases.unconcludedSince(since)).map((c) => c.id);
      const before = doneAt - 3_600_000;
      expect(await ids(before)).toEqual([open.id, doneNow.id, current.id]);
      if (onLowdb) expect(loaded(r)).toEqual([`cases-${THIS_YEAR}`]);
      // Later than the completion: what the scan kept, filtered again.
      expect(await ids(doneAt + 1)).toEqual([open.id, current.id]);
      // Earlier than anything was concluded: the years are scanned again and give the long-done case too.
      expect(await ids(Date.parse(`${THIS_YEAR - 3}-01-01T00:00:00+08:00`))).toEqual([open.id, longDone.id, doneNow.id, current.id]);
      if (onLowdb) expect(loaded(r)).toEqual([`cases-${THIS_YEAR}`]);
      // The open case of two years ago concluded now: its year is read to write it, and the answer follows.
      await r.cases.addEvent(open.id, { type: 'completed', staff: 'chen-li', at: shanghai(Date.now() - 1_000) });
      expect(await ids(doneAt + 1)).toEqual([open.id, current.id]);
      expect(await ids(Date.now() + 1)).toEqual([current.id]);
      // The same as reading every year whole.
      for (const since of [before, doneAt + 1, Date.now() + 1]) expect(await ids(since)).toEqual([...r.cases.all()].filter((c) => notConcludedBefore(c, since)).map((c) => c.id));
    } finally {
      await r.close();
    }
  });
});

describe('a false commitment of a closed year', () => {
  test('still excludes the applicant from 告知承诺, the year left on disk', async () => {
    const pack = await samplePack();
    const { records, dir } = await openTemp(pack);
    const idNumber = '320102198001011234';
    const burial = (receivedAt: string) => ({
      item: 'MZ-005',
      intent: 'apply' as const,
      applicant: { type: 'person' as const, name: '李四', idNumber, phone: '13912345678', deceasedHukouLocal: true, cremated: true },
      materials: ['application', 'medical-death-cert', 'cremation-cert', 'applicant-id-card', 'hukou-cancellation', 'bank-account'],
      commitments: ['kinship-proof'],
      receivedAt,
    });
    const old = burial(`${THIS_YEAR - 2}-03-02T09:30:00+08:00`);
    const v = await records.cases.register({ decision: await pack.decide(old), application: old, staff: 'chen-li' });
    await records.cases.addEvent(v.record.id, { type: 'commitment-false', staff: 'chen-li', at: `${THIS_YEAR - 2}-03-10T10:00:00+08:00`, reason: '村委会证实申请人与逝者无亲属关系' });
    await records.cases.register({ decision: await decided(pack, completeApplication(`${THIS_YEAR}-01-05T09:30:00+08:00`), 'accepted'), staff: 'chen-li' });
    await records.close();

    const r = await openRecords(dir, pack);
    try {
      const now = burial(`${THIS_YEAR}-01-06T09:30:00+08:00`);
      expect((await r.cases.commitmentExclusion(now))?.reason).toContain(`办件 ${v.record.id}`);
      expect(await r.cases.commitmentExclusion({ ...now, applicant: { ...now.applicant, idNumber: '110101199001011235' } })).toBeUndefined();
      if (onLowdb) expect(loaded(r)).toEqual([`cases-${THIS_YEAR}`]);
    } finally {
      await r.close();
    }
  });
});
