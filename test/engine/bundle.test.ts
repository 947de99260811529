// 高效办成一件事: one application decides every item of a bundle; one merged material list where a
// catalogue material appears once with the items it serves; one missing list; the overall kind;
// the joint deadline (latest item, or the bundle's shorter promise, never past an item's own).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApplicationError, loadPack, type Pack } from '../../src/index.ts';
import { schemaValidator } from '../../src/pack/index.ts';
import { bundlePack, LOCAL, RECEIVED, SAMPLE } from './bundle-pack.ts';

let pack: Pack;
let cleanup: () => void;
beforeAll(async () => {
  const made = bundlePack();
  cleanup = made.cleanup;
  pack = await loadPack(made.dir);
});
afterAll(() => cleanup());

const ALL = [{ id: 'id-card', form: 'both' as const }, 'household-register', 'TA-001/application', 'TB-001/application', 'photo'];
const apply = (bundle: string, materials: unknown[], applicant: Record<string, unknown> = LOCAL) => ({ bundle, intent: 'apply', applicant, materials, receivedAt: RECEIVED });

describe('decideBundle', () => {
  test('decides every item with the same applicant, time and materials, and matches its schema', async () => {
    const d = await pack.decideBundle(apply('YJS-901', ALL));
    expect(d.decisions.map((x) => [x.item, x.kind, x.receivedAt])).toEqual([
      ['TA-001', 'accepted', RECEIVED],
      ['TB-001', 'accepted', RECEIVED],
    ]);
    // Each decision is what deciding the item alone with the materials meant for it gives.
    const alone = await pack.decide({ item: 'TA-001', intent: 'apply', applicant: LOCAL, materials: [{ id: 'id-card', form: 'both' }, 'household-register', 'application'], receivedAt: RECEIVED });
    expect(d.decisions[0]).toEqual(alone);
    expect(d.lead).toEqual({ id: 'renshe', name: '人力资源和社会保障服务所' });
    expect(d.window?.id).toBe('renshe-window');
    expect(d.notice.document).toBe('bundle-notice');
    expect(schemaValidator('bundle-decision')(d)).toBe(true);
  });

  test('a catalogue material used by several items is one line, under the catalogue id, with the items it serves', async () => {
    const d = await pack.decideBundle({ bundle: 'YJS-901', intent: 'consult', applicant: LOCAL, receivedAt: RECEIVED });
    expect(d.kind).toBe('consultation');
    expect(d.materials.map((m) => [m.id, m.items.map((u) => u.item)])).toEqual([
      ['id-card', ['TA-001', 'TB-001']],
      ['household-register', ['TA-001', 'TB-001']],
      ['TA-001/application', ['TA-001']],
      ['TB-001/application', ['TB-001']],
      ['photo', ['TB-001']],
    ]);
    const idCard = d.materials.find((m) => m.id === 'id-card')!;
    // Merged: the most demanding necessity and form of the items.
    expect([idCard.shared, idCard.necessity, idCard.form, idCard.required, idCard.name]).toEqual([true, 'core', 'both', 'yes', '居民身份证']);
    // An item's own material whose id another item also writes is qualified by the item code.
    expect(d.materials.filter((m) => m.id.endsWith('application')).every((m) => !m.shared)).toBe(true);
  });

  test('the missing list names a material missing in several items once, with those items', async () => {
    const d = await pack.decideBundle(apply('YJS-901', ['id-card', 'TA-001/application']));
    expect(d.kind).toBe('supplement');
    expect(d.missing.map((m) => [m.id, m.problem, m.items])).toEqual([
      ['household-register', 'absent', ['TA-001', 'TB-001']],
      ['id-card', 'wrong-form', ['TB-001']],
      ['TB-001/application', 'absent', ['TB-001']],
      ['photo', 'absent', ['TB-001']],
    ]);
    expect(d.deadline).toBeNull();
  });

  test('a plain id goes to every item that knows it; only ids no item knows are unknown', async () => {
    const d = await pack.decideBundle(apply('YJS-901', [...ALL, 'no-such-paper']));
    // `photo` is TB-001's only: TA-001's decision does not call it unknown.
    expect(d.decisions.map((x) => x.unknownMaterials)).toEqual([['no-such-paper'], ['no-such-paper']]);
    expect(d.decisions[0]!.warnings.some((w) => w.message.includes('photo'))).toBe(false);
    expect(d.unknownMaterials).toEqual(['no-such-paper']);
    // `application` alone is both items' application form.
    const plain = await pack.decideBundle(apply('YJS-901', [{ id: 'id-card', form: 'both' }, 'household-register', 'application', 'photo']));
    expect(plain.kind).toBe('accepted');
  });

  test('overall kind: accepted only when every item is; a rejected item is the most demanding and is reported with where to go', async () => {
    const d = await pack.decideBundle(apply('YJS-901', ALL, { type: 'person', hukouLocal: false }));
    expect(d.decisions.map((x) => x.kind)).toEqual(['accepted', 'rejected']);
    expect(d.kind).toBe('rejected');
    expect(d.rejected).toEqual([{ item: 'TB-001', itemName: '乙事项', reasons: [expect.stringContaining('户籍不在本镇。')], routeTo: expect.objectContaining({ organ: '户籍所在地乡镇（街道）窗口' }) }]);
    // The rejected item's materials are not asked for here.
    expect(d.materials.flatMap((m) => m.items.map((u) => u.item))).not.toContain('TB-001');
    expect(d.deadline).toBeNull();
  });

  test('joint deadline: the latest item promised due, each item keeping its own', async () => {
    const d = await pack.decideBundle(apply('YJS-901', ALL));
    const [a, b] = d.decisions.map((x) => x.deadline!);
    expect(d.deadline).toMatchObject({ acceptedAt: RECEIVED, due: b!.promised.due, basis: 'items', promised: null });
    expect(d.deadline!.items).toEqual([
      { item: 'TA-001', due: a!.promised.due, statutory: a!.statutory.due },
      { item: 'TB-001', due: b!.promised.due, statutory: b!.statutory.due },
    ]);
    expect(b!.promised.due).toBe('2026-12-07T17:30:00+08:00');
  });

  test('joint deadline: a shorter bundle promise, counted on the pack clock, binds every item', async () => {
    const d = await pack.decideBundle(apply('YJS-902', ALL));
    expect(d.deadline).toMatchObject({ due: '2026-11-26T17:30:00+08:00', basis: 'bundle', promised: { amount: 3, unit: 'workingDays', due: '2026-11-26T17:30:00+08:00' } });
    expect(d.deadline!.items.map((i) => i.due)).toEqual(['2026-11-26T17:30:00+08:00', '2026-11-26T17:30:00+08:00']);
  });

  test('joint deadline: a longer bundle promise never extends an item past its own promise (so never past its statutory limit)', async () => {
    const d = await pack.decideBundle(apply('YJS-903', ALL));
    expect(d.deadline!.basis).toBe('items');
    expect(Date.parse(d.deadline!.promised!.due)).toBeGreaterThan(Date.parse(d.deadline!.due));
    for (const [i, x] of d.decisions.entries()) {
      const mine = d.deadline!.items[i]!;
      expect(Date.parse(mine.due)).toBeLessThanOrEqual(Date.parse(x.deadline!.promised.due));
      expect(Date.parse(mine.due)).toBeLessThanOrEqual(Date.parse(mine.statutory));
    }
    expect(d.window?.id).toBe('zonghe-window');
  });

  test('without receivedAt every item is received at the same instant (`at`)', async () => {
    const d = await pack.decideBundle({ bundle: 'YJS-901', intent: 'apply', applicant: LOCAL, materials: ALL }, { at: '2026-11-24T10:00' });
    expect(new Set(d.decisions.map((x) => x.receivedAt))).toEqual(new Set(['2026-11-24T10:00:00+08:00']));
    expect(d.receivedAt).toBe('2026-11-24T10:00:00+08:00');
  });

  test('the sample newborn bundle merges the shared 代办人居民身份证 of WJ-001 and RS-002 into one line', async () => {
    const sample = await loadPack(SAMPLE);
    const d = await sample.decideBundle({ bundle: 'YJS-001', intent: 'consult', applicant: { type: 'person', hukouLocal: true, forDependant: true }, receivedAt: RECEIVED });
    const proxy = d.materials.filter((m) => m.id === 'proxy-id-card');
    expect(proxy.map((m) => [m.required, m.items.map((u) => u.item)])).toEqual([['yes', ['WJ-001', 'RS-002']]]);
    expect(d.materials.map((m) => m.id)).toContain('WJ-001/registration-form');
    expect(d.materials.map((m) => m.id)).toContain('RS-002/registration-form');
    expect(d.lead.id).toBe('weijian');
  });
});

describe('告知承诺 in a bundle', () => {
  test('a commitment goes to the item that has the material; others are untouched', async () => {
    const d = await pack.decideBundle({ ...apply('YJS-904', ['id-card', 'household-register', 'application']), commitments: ['residence-proof'] });
    expect(d.decisions.map((x) => [x.item, x.kind])).toEqual([
      ['TA-001', 'accepted'],
      ['TC-001', 'accepted'],
    ]);
    expect(d.decisions[1]!.committed).toEqual([{ id: 'residence-proof', name: '居住证明' }]);
    expect(d.decisions[0]!.committed).toBeUndefined();
  });

  test('a commitment no item has: E-APP-BUNDLE-COMMITMENT at its index', async () => {
    const err = (await pack.decideBundle({ ...apply('YJS-904', ['id-card']), commitments: ['residence-proof', 'no-such'] }).catch((e: unknown) => e)) as ApplicationError;
    expect(err).toBeInstanceOf(ApplicationError);
    expect(err.details.map((x) => [x.code, x.path])).toEqual([['E-APP-BUNDLE-COMMITMENT', '$.commitments[1]']]);
  });
});

describe('bad bundle applications', () => {
  const issue = async (input: unknown): Promise<[string, string, string]> => {
    const err = await pack.decideBundle(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplicationError);
    const e = err as ApplicationError;
    return [e.code, e.details[0]!.path, e.message];
  };

  test('an unknown bundle code: E-APP-UNKNOWN-BUNDLE with the nearest code', async () => {
    const [code, path, message] = await issue({ bundle: 'YJS-91', intent: 'consult', applicant: LOCAL });
    expect([code, path]).toEqual(['E-APP-UNKNOWN-BUNDLE', '$.bundle']);
    expect(message).toMatch(/YJS-9/);
  });

  test('an item code given as bundle says to apply for the item', async () => {
    const [code, , message] = await issue({ bundle: 'TA-001', intent: 'consult', applicant: LOCAL });
    expect(code).toBe('E-APP-UNKNOWN-BUNDLE');
    expect(message).toContain('请用 item 申请');
  });

  test('the schema: item instead of bundle, and a misspelt field, located by JSON path', async () => {
    const err = (await pack.decideBundle({ item: 'TA-001', intent: 'consult', applicant: LOCAL }).catch((e: unknown) => e)) as ApplicationError;
    expect(err).toBeInstanceOf(ApplicationError);
    expect(err.details.map((d) => [d.code, d.path])).toEqual(expect.arrayContaining([['E-APP-REQUIRED', '$.bundle'], ['E-APP-UNKNOWN-KEY', '$.item']]));
    const [, typo] = await issue({ bundle: 'YJS-901', intent: 'consult', applicant: LOCAL, materail: [] });
    expect(typo).toBe('$.materail');
  });

  test('a qualified material of an item outside the bundle: E-APP-BUNDLE-MATERIAL at its index', async () => {
    const [code, path, message] = await issue(apply('YJS-901', ['id-card', 'TC-001/application']));
    expect([code, path]).toEqual(['E-APP-BUNDLE-MATERIAL', '$.materials[1]']);
    expect(message).toContain('TC-001');
  });

  test('an item’s problem with a routed material is reported at the bundle application’s own index', async () => {
    // TA-001 gets materials[2] as its second submission; a wrong fact type is reported once, by path.
    const err = await pack.decideBundle(apply('YJS-901', ['id-card', 'TB-001/application', { id: 'photo', copies: 1 }], { type: 'person', hukouLocal: 'yes' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationError);
    expect((err as ApplicationError).details.map((d) => d.path)).toContain('$.applicant.hukouLocal');
  });
});
