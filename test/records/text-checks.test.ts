import { describe, expect, test } from 'vitest';
import { findForbiddenPhrases, findUnmasked, maskIdNumber, maskName, maskPhone } from '../../src/records/index.ts';
import { samplePack } from './helpers.ts';

describe('masking for public outputs', () => {
  test('names, ID numbers and phones', () => {
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  test('whole ID numbers and mobile numbers are found in text; masked ones and the center\'s phones are not', () => {
    const text = '申请人张*三，身份证 320102199001011234，电话 138 1234 5678；已脱敏 3201**********1234、138****5678；咨询 0856-2336000';
    expect(findUnmasked(text).map((f) => [f.kind, f.text])).toEqual([
      ['idNumber', '320102199001011234'],
      ['phone', '138 1234 5678'],
    ]);
    expect(findUnmasked('值班手机 13900001111', ['139-0000-1111'])).toEqual([]);
  });
});

describe('forbidden phrases', () => {
  test('checked against the pack\'s list, ignoring spacing and punctuation', async () => {
    const pack = await samplePack();
    const list = pack.data.policy.forbiddenPhrases;
    const found = findForbiddenPhrases('“我不管, 问别人去！”他说，又补了一句：你去投诉好了', list);
    expect(found.map((f) => f.phrase)).toEqual(expect.arrayContaining(['我不管，问别人去', '你去投诉好了']));
    expect(found.find((f) => f.phrase === '我不管，问别人去')!.excerpt).toBe('我不管, 问别人去');
    expect(findForbiddenPhrases('您好，请问您办理什么业务？我帮您查询。', list)).toEqual([]);
  });
});
