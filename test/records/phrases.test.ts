// 服务忌语 found in what a staff member said, however the recorder punctuated it.
import { expect, test } from 'vitest';
import { findForbiddenPhrases } from '../../src/records/index.ts';

const LIST = ['不知道', '找别人去', '我不管，问别人去', 'NO WAY'];

test('every occurrence, in order, with the text as it was written', () => {
  const found = findForbiddenPhrases('我不知道。真的不 知 道！', LIST);
  expect(found).toEqual([
    { phrase: '不知道', index: 1, excerpt: '不知道' },
    { phrase: '不知道', index: 7, excerpt: '不 知 道' },
  ]);
});

test('punctuation, spaces and symbols on either side are ignored; Latin letters match in any case', () => {
  expect(findForbiddenPhrases('“我不管——问别人去”', LIST).map((f) => f.excerpt)).toEqual(['我不管——问别人去']);
  expect(findForbiddenPhrases('he said: no-way!', LIST).map((f) => [f.phrase, f.excerpt])).toEqual([['NO WAY', 'no-way']]);
});

test('a phrase inside a longer listed phrase is reported as well: each is a listed phrase', () => {
  expect(findForbiddenPhrases('你找别人去', ['找别人去', '别人']).map((f) => f.phrase)).toEqual(['找别人去', '别人']);
});

test('polite text, an empty text and an entry that is only punctuation find nothing', () => {
  expect(findForbiddenPhrases('请您到3号窗口办理，我带您过去。', LIST)).toEqual([]);
  expect(findForbiddenPhrases('', LIST)).toEqual([]);
  expect(findForbiddenPhrases('！！！', ['！'])).toEqual([]);
});

test('characters outside the basic plane keep their positions', () => {
  const found = findForbiddenPhrases('𠮷𠮷不知道', LIST);
  expect(found).toEqual([{ phrase: '不知道', index: 4, excerpt: '不知道' }]);
});
