// The notices show the situation (情形) a decision applied — “适用情形：换领” under the opening
// paragraph (templates/_situation.hbs) — and only then; an undecided situation is asked as a
// question on the supplement notice, not printed as an engine reason.
import { beforeAll, describe, expect, test } from 'vitest';
import { memorySequence, numbering, renderNotice } from '../../src/documents/index.ts';
import type { Pack } from '../../src/index.ts';
import { checkedDecision, samplePack } from './sample.ts';

let pack: Pack;
beforeAll(async () => {
  pack = await samplePack();
});

const AT = '2026-11-30T09:00:00+08:00';

function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}

async function notice(application: Record<string, unknown>): Promise<string> {
  const d = checkedDecision(await pack.decide(application as Parameters<Pack['decide']>[0]));
  const doc = await renderNotice(pack.data, d, { numbering: numbering(pack.data.center.center.code, memorySequence()), date: '2026-11-30', applicant: { name: '张小三' } });
  return textOf(doc.html);
}

const cl001 = (applicant: Record<string, unknown>, materials: unknown[] | null) => ({
  item: 'CL-001',
  intent: materials === null ? 'consult' : 'apply',
  applicant: { type: 'person', hukouLocal: true, forDependant: false, ...applicant },
  ...(materials === null ? {} : { materials }),
  receivedAt: AT,
});

describe('适用情形 on the notices', () => {
  test('the acceptance notice of a 换领 names it, with the 10-working-day promise', async () => {
    const text = await notice(cl001({ hasDisabilityCert: true }, ['application', 'id-card', { id: 'photos', copies: 3 }, 'old-card']));
    expect(text).toContain('适用情形：换领');
    expect(text).toContain('2026年12月14日');
  });

  test('the one-time notice of a 新办 names it and lists the assessment form', async () => {
    const text = await notice(cl001({ hasDisabilityCert: false }, null));
    expect(text).toContain('适用情形：新办');
    expect(text).toContain('《残疾评定表》');
    expect(text).not.toContain('原残疾人证');
  });

  test('a supplement for a 换领 without the old card names the situation and the card', async () => {
    const text = await notice(cl001({ hasDisabilityCert: true }, ['application', 'id-card', { id: 'photos', copies: 3 }]));
    expect(text).toContain('适用情形：换领');
    expect(text).toContain('原残疾人证');
  });

  test('an undecided situation: no 适用情形 line; the fact is asked, not an engine reason', async () => {
    const text = await notice(cl001({}, ['application', 'id-card', { id: 'photos', copies: 3 }]));
    expect(text).not.toContain('适用情形');
    expect(text).toContain('持有残疾人证');
    expect(text).not.toContain('无法判断适用哪种情形');
  });

  test('a consultation with the situation unknown lists the materials of each situation as needed in it', async () => {
    const text = await notice(cl001({}, null));
    expect(text).not.toContain('适用情形：');
    expect(text).toContain('适用情形“换领”时需要');
    expect(text).toContain('适用情形“新办”时需要');
  });

  test('an item without situations has no 适用情形 line', async () => {
    const text = await notice({ item: 'CL-002', intent: 'consult', applicant: { type: 'person' }, receivedAt: AT });
    expect(text).not.toContain('适用情形');
  });
});
