// Personal data in public outputs (办结公告, 投诉处理结果, the board) and the CLI: never whole.
import { describe, expect, test } from 'vitest';
import { findUnmasked, maskContact, maskIdNumber, maskName, maskPhone } from '../../src/records/index.ts';

describe('masking', () => {
  test('a one-character name or a blank one still hides everything', () => {
    expect(maskName('李')).toBe('*');
    expect(maskName('  张小三  ')).toBe('张*三');
    expect(maskName('Li Lei')).toBe('L****i');
  });

  test('short or odd ID numbers and phones never show more than the last four', () => {
    expect(maskIdNumber('32010219900101123X')).toBe('3201**********123X');
    expect(maskIdNumber('91310000MA1FL0000X')).toBe('9131**********000X');
    expect(maskIdNumber('A1234567')).toBe('A*******');
    expect(maskIdNumber('7')).toBe('*');
    expect(maskPhone('0856-2336000')).toBe('085*****6000');
    expect(maskPhone('2336000')).toBe('***6000');
    expect(maskPhone('110')).toBe('***');
  });

  test('a contact is masked field by field and its address is dropped', () => {
    expect(maskContact({ name: '王小五', idNumber: '320102199001011234', phone: '13900001111', address: '人民路 8 号' })).toEqual({ name: '王*五', idNumber: '3201**********1234', phone: '139****1111' });
    expect(maskContact({ address: '人民路 8 号' })).toEqual({});
  });

  test('a masked value no longer counts as personal data', () => {
    const masked = JSON.stringify(maskContact({ name: '王小五', idNumber: '320102199001011234', phone: '13900001111' }));
    expect(findUnmasked(masked)).toEqual([]);
  });
});

describe('finding whole ID numbers and mobile numbers in public text', () => {
  test('an ID number ending in X, and a mobile number written with +86 or dashes', () => {
    expect(findUnmasked('证件 32010219900101123x 联系 +86 139-0000-1111').map((f) => [f.kind, f.text])).toEqual([
      ['idNumber', '32010219900101123x'],
      ['phone', '+86 139-0000-1111'],
    ]);
  });

  test('findings are in text order with their index', () => {
    const text = '电话13900001111，身份证320102199001011234';
    expect(findUnmasked(text)).toEqual([
      { kind: 'phone', index: 2, text: '13900001111' },
      { kind: 'idNumber', index: 17, text: '320102199001011234' },
    ]);
  });

  test('digits inside longer numbers (case ids, hashes, amounts) are not personal data', () => {
    expect(findUnmasked('流水号 9913900001111222，摘要 a320102199001011234b，金额 1390000111100 元')).toEqual([]);
    // An impossible birth date is not an ID number.
    expect(findUnmasked('320102199013011234')).toEqual([]);
  });

  test('the center\'s own published numbers may appear, however they are written', () => {
    expect(findUnmasked('值班电话 139 0000 1111', ['13900001111'])).toEqual([]);
    expect(findUnmasked('值班电话 139 0000 1111', ['13900002222'])).toHaveLength(1);
  });
});
