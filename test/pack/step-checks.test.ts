// Procedure steps under supervision (环节超时, issue 16): a step with a limit needs an id, so the
// register can record its completion and the sweep can time it; without one it is not timed.
import { describe, expect, test } from 'vitest';
import { validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf } from './fixture-pack.ts';

const ITEM = 'items/mz-001.yaml';
const itemText = fixtureText(ITEM);

describe('procedure step checks', () => {
  test('a step with a limit and no id warns (not timed) located at its limit; the pack still loads', async () => {
    const text = `${itemText.trimEnd()}\nprocedure:\n  - step: 受理\n  - step: 入户调查\n    limit: { amount: 5, unit: workingDays }\n`;
    const r = await validate(packWith({ [ITEM]: text }));
    expect(r.errors).toEqual([]);
    const e = r.warnings.filter((x) => x.code === 'W-STEP-LIMIT-NO-ID');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: ITEM, ...positionOf(text, '入户调查\n    limit: ', '入户调查\n    limit: '.length) });
    expect(e[0]!.message).toContain('入户调查');
  });

  test('with an id, or without a limit, a step passes', async () => {
    const text = `${itemText.trimEnd()}\nprocedure:\n  - step: 受理\n  - id: investigation\n    step: 入户调查\n    limit: { amount: 5, unit: workingDays }\n`;
    const r = await validate(packWith({ [ITEM]: text }));
    expect(r.warnings.filter((x) => x.code === 'W-STEP-LIMIT-NO-ID')).toEqual([]);
  });
});
