// Danger 9 of issue 15 (validation side): policy.yaml takes dated `changes`. Two changes the same
// day, a day that does not exist, and a mistake inside a change are located errors; a change is
// checked as the version it makes, and reported where it writes (not again at the top level).
// Before the fix `changes` was an unknown key of policy.yaml (E-SCHEMA-UNKNOWN-KEY).
import { describe, expect, test } from 'vitest';
import { expectExactly, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf } from './fixture-pack.ts';

const POLICY = 'policy.yaml';
const base = fixtureText(POLICY);

const discipline = (ladder: string) => `      discipline:
        countingWindow: calendarYear
        actions:
          - { id: tongbao, name: 通报批评 }
          - { id: xiagang, name: 下岗 }
        ladder: ${ladder}
        rules:
          - id: first-complaint
            name: 一次投诉，查实下岗
            when: { fact: verifiedComplaints, operator: greaterThanInclusive, value: 1 }
            action: xiagang
`;

const change = (date: string, set: string) => `  - effectiveFrom: "${date}"
    reference: 《投诉管理监督制度》修订
    set:
${set}`;

async function check(changes: string) {
  const text = `${base.trimEnd()}\nchanges:\n${changes}`;
  return { text, result: await validate(packWith({ [POLICY]: text })) };
}

describe('policy changes', () => {
  test('a well-formed change validates clean', async () => {
    const { result } = await check(change('2027-01-01', discipline('[tongbao, xiagang]')));
    expect(result.errors).toEqual([]);
    expect(result.pack?.policy.changes).toHaveLength(1);
  });

  test('two changes the same day: E-CHANGE-DATE at the second', async () => {
    const text2 = change('2027-01-01', discipline('[tongbao, xiagang]')) + change('2027-01-01', '      forbiddenPhrases: [不知道]\n');
    const { text, result } = await check(text2);
    const second = text.indexOf('effectiveFrom', text.indexOf('effectiveFrom') + 1);
    const at = text.slice(0, second).split('\n');
    expectExactly(result.errors, [{ file: POLICY, line: at.length, code: 'E-CHANGE-DATE', path: '$.changes[1].effectiveFrom', message: '第 1 项变更也在 2027-01-01 施行' }]);
  });

  test('a day that does not exist: E-CHANGE-DATE', async () => {
    const { text, result } = await check(change('2027-02-30', '      forbiddenPhrases: [不知道]\n'));
    expectExactly(result.errors, [{ file: POLICY, ...positionOf(text, '"2027-02-30"'), code: 'E-CHANGE-DATE', message: '日期 2027-02-30 不存在' }]);
  });

  test('a mistake inside a change is located in the change, once', async () => {
    const { text, result } = await check(change('2027-01-01', discipline('[tongbao, xiagang, kaichu]')));
    expectExactly(result.errors, [{ file: POLICY, ...positionOf(text, 'kaichu'), code: 'E-REF-UNKNOWN', path: '$.changes[0].set.discipline.ladder[2]', message: '未在 actions 中声明' }]);
  });

  test('a change setting another field does not report the top level again', async () => {
    const broken = base.replace('ladder: [tongbao, xiagang]', 'ladder: [tongbao, xiagang, kaichu]');
    const text = `${broken.trimEnd()}\nchanges:\n${change('2027-01-01', '      forbiddenPhrases: [不知道]\n')}`;
    const result = await validate(packWith({ [POLICY]: text }));
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([['E-REF-UNKNOWN', '$.discipline.ladder[2]']]);
  });

  test('`changes` cannot be set by a change, and a set field has the top level schema', async () => {
    const { result } = await check(change('2027-01-01', '      changes: []\n      reviews: { grades: [满意] }\n'));
    expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$.changes[0].set.changes']));
    expect(result.errors.some((e) => e.path.startsWith('$.changes[0].set.reviews'))).toBe(true);
  });
});
