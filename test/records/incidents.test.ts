// Supervision findings (电子监察, 暗访, 巡查): what they must name, and their numbers.
import { describe, expect, test } from 'vitest';
import { recordsPerTest, refusal } from './helpers.ts';

const { fresh, reopen } = recordsPerTest();

describe('a forbidden phrase', () => {
  test('is recorded with the listed phrases found in what was said, each once', async () => {
    const { records } = await fresh();
    const i = await records.incidents.add({ kind: 'forbidden-phrase', staff: 'chen-li', recordedBy: 'li-xiuying', at: '2026-11-23T09:30:00+08:00', text: '不知道，不知道，找别人去！' });
    expect(i).toMatchObject({ id: 'J2026-00001', kind: 'forbidden-phrase', staff: 'chen-li', phrases: ['不知道', '找别人去'] });
  });

  test('is refused when the recorded words hold no listed phrase', async () => {
    const { records } = await fresh();
    const err = await refusal(records.incidents.add({ kind: 'forbidden-phrase', staff: 'chen-li', recordedBy: 'li-xiuying', text: '请稍等，我帮您查一下' }));
    expect(err).toMatchObject({ code: 'E-INCIDENT-NO-PHRASE', location: { path: '$.text' } });
    expect(err.message).toContain('请稍等，我帮您查一下');
    await expect(records.incidents.add({ kind: 'forbidden-phrase', staff: 'chen-li', recordedBy: 'li-xiuying' })).rejects.toMatchObject({ code: 'E-INCIDENT-NO-PHRASE' });
    expect([...records.incidents.all()]).toEqual([]);
  });
});

describe('who and where', () => {
  test('staff, recorder and post must be declared in center.yaml', async () => {
    const { records } = await fresh();
    expect(await refusal(records.incidents.add({ kind: 'post-left-empty', staff: 'nobody', recordedBy: 'li-xiuying' }))).toMatchObject({ code: 'E-RECORD-STAFF', location: { path: '$.staff' } });
    expect(await refusal(records.incidents.add({ kind: 'post-left-empty', staff: 'chen-li', recordedBy: 'nobody' }))).toMatchObject({ code: 'E-RECORD-STAFF', location: { path: '$.recordedBy' } });
    expect(await refusal(records.incidents.add({ kind: 'post-left-empty', staff: 'chen-li', recordedBy: 'li-xiuying', post: 'no-post' }))).toMatchObject({ code: 'E-RECORD-POST', location: { path: '$.post' } });
    const ok = await records.incidents.add({ kind: 'post-left-empty', staff: 'chen-li', recordedBy: 'li-xiuying', post: 'minzheng-post', at: '2026-11-23T14:00:00+08:00', note: 'A、B岗均不在岗 20 分钟' });
    expect(ok).toMatchObject({ post: 'minzheng-post', note: 'A、B岗均不在岗 20 分钟', at: '2026-11-23T14:00:00+08:00' });
    expect(ok.phrases).toBeUndefined();
  });
});

describe('numbers', () => {
  test('per year of the finding in Beijing time; refused findings use none up; numbering goes on after a restart', async () => {
    const { records, dir } = await fresh();
    await refusal(records.incidents.add({ kind: 'undeclared-fee', staff: 'nobody', recordedBy: 'li-xiuying' }));
    const a = await records.incidents.add({ kind: 'undeclared-fee', staff: 'chen-li', recordedBy: 'li-xiuying', at: '2026-12-31T23:30:00+08:00', text: '收取复印费 5 元' });
    // 1 January 00:30 in Beijing is still 31 December in UTC.
    const b = await records.incidents.add({ kind: 'undeclared-fee', staff: 'chen-li', recordedBy: 'li-xiuying', at: '2027-01-01T00:30:00+08:00' });
    expect([a.id, b.id]).toEqual(['J2026-00001', 'J2027-00001']);
    const again = await reopen(dir);
    expect((await again.incidents.add({ kind: 'post-left-empty', staff: 'chen-li', recordedBy: 'li-xiuying', at: '2026-11-02T09:00:00+08:00' })).id).toBe('J2026-00002');
    expect([...again.incidents.all()].map((i) => i.id).sort()).toEqual(['J2026-00001', 'J2026-00002', 'J2027-00001']);
  });
});
