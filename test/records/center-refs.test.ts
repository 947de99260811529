// Who answers for a case (AB岗): the post's A holder, or B while B is covering; and the names shown.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Pack } from '../../src/index.ts';
import { postFor, requireStaff, requireWindow, responsibleFor, staffName, windowName } from '../../src/records/center-refs.ts';
import { RecordsError } from '../../src/records/index.ts';
import { samplePack } from './helpers.ts';

let pack: Pack;
beforeAll(async () => {
  pack = await samplePack();
});

const ev = (type: string, staff: string) => ({ type, staff });

describe('the person responsible', () => {
  test('A holds the post; B answers only while the latest handling was B\'s', () => {
    expect(responsibleFor(pack, 'minzheng-post', [ev('received', 'chen-li'), ev('accepted', 'chen-li')])).toEqual({ staff: 'chen-li', role: 'A', post: 'minzheng-post' });
    expect(responsibleFor(pack, 'minzheng-post', [ev('received', 'chen-li'), ev('suspended', 'wang-jianhua')])).toEqual({ staff: 'wang-jianhua', role: 'B', post: 'minzheng-post' });
    expect(responsibleFor(pack, 'minzheng-post', [ev('received', 'wang-jianhua'), ev('resumed', 'chen-li')])).toMatchObject({ staff: 'chen-li', role: 'A' });
  });

  test('an approval or an overdue explanation (often a superior\'s) does not show who is covering', () => {
    const events = [ev('received', 'wang-jianhua'), ev('accepted', 'wang-jianhua'), ev('extended', 'li-xiuying'), ev('overdue-explained', 'chen-li')];
    expect(responsibleFor(pack, 'minzheng-post', events)).toMatchObject({ staff: 'wang-jianhua', role: 'B' });
  });

  test('without a known post, the last handler answers', () => {
    expect(responsibleFor(pack, null, [ev('received', 'lin-xiaoyan'), ev('accepted', 'liu-yang')])).toEqual({ staff: 'liu-yang', role: 'handler', post: null });
    expect(responsibleFor(pack, 'gone-post', [ev('received', 'lin-xiaoyan')])).toEqual({ staff: 'lin-xiaoyan', role: 'handler', post: 'gone-post' });
  });
});

describe('the post a case is handled on', () => {
  test('at its window, the post the registering person holds, else the window\'s first', () => {
    expect(postFor(pack, 'minzheng-window', 'wang-jianhua')?.id).toBe('minzheng-post');
    expect(postFor(pack, 'minzheng-window', 'lin-xiaoyan')?.id).toBe('minzheng-post');
    // Without a window: the post where the person is A, before one where they are B.
    expect(postFor(pack, null, 'lin-xiaoyan')?.id).toBe('zixun-post');
    expect(postFor(pack, null, 'nobody')).toBeNull();
  });
});

describe('names shown and ids checked', () => {
  test('a staff id or window no longer in the pack shows as itself (records outlive the pack)', () => {
    expect(staffName(pack, 'chen-li')).toBe('陈丽');
    expect(staffName(pack, 'left-2024')).toBe('left-2024');
    expect(windowName(pack, 'minzheng-window')).toBe('2号民政窗口');
    expect(windowName(pack, 'old-window')).toBe('old-window');
    expect(windowName(pack, null)).toBe('—');
  });

  test('an undeclared id is refused at its field, listing the declared ones', () => {
    const err = (() => {
      try {
        requireStaff(pack, 'Chen Li', 'events[0].staff');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(RecordsError);
    expect(err).toMatchObject({ code: 'E-RECORD-STAFF', location: { path: '$.events[0].staff' } });
    expect((err as RecordsError).message).toContain('chen-li（陈丽）');
    expect(() => requireWindow(pack, 'w9', 'window')).toThrow(/2号民政窗口/);
    expect(() => requireStaff(pack, 'chen-li', 'staff')).not.toThrow();
  });
});
