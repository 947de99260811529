// `--help` wraps Chinese by display width: CJK characters count two columns and lines break between
// them, never inside an ASCII word, after an opening bracket or before a closing mark; no empty
// "（默认：）". Before the fix commander broke only at spaces, so Chinese lines ran past the width.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { displayWidth, wrapText } from '../../src/cli/help.ts';
import { runCli } from '../../src/cli/index.ts';

const COMMANDS = ['init', 'validate', 'cases', 'cases list', 'complaint', 'complaint register', 'sanctions', 'metrics', 'sweep', 'backup', 'deadline', 'calendar', 'decide', 'route', 'items', 'render', 'guide', 'board', 'serve', 'test', 'diff', 'check', 'export', 'import'];
const OPENING = '（《「“【〔([';
const CLOSING = '），。、；：！？」”】〕)]';
const WORD = /[A-Za-z0-9_./<>-]/;

/** Help of `args` as a terminal of `columns` columns gets it. */
async function help(args: readonly string[], columns: number): Promise<string> {
  let out = '';
  const code = await runCli([...args, '--help'], { stdout: { write: (t: string) => (out += t), isTTY: true, columns } as never, stderr: { write: () => true } });
  expect(code).toBe(0);
  return out;
}

/** Every place a wrapped text broke a line: the characters either side (spaces at the break dropped). */
function breaks(original: string, wrapped: string): Array<{ before: string; after: string; spaced: boolean }> {
  const out: Array<{ before: string; after: string; spaced: boolean }> = [];
  let i = 0; // position in original
  const lines = wrapped.split('\n');
  lines.forEach((line, n) => {
    const body = n === 0 ? line : line.replace(/^\s+/, '');
    if (n > 0) {
      let spaced = false;
      while (/\s/.test(original[i] ?? '') && original[i] !== body[0]) {
        spaced = true;
        i++;
      }
      out.push({ before: original[i - 1 - (spaced ? 1 : 0)] ?? '', after: body[0] ?? '', spaced: spaced || /\s/.test(original[i - 1] ?? '') });
    }
    i += n === 0 ? line.length : body.length;
  });
  return out;
}

describe('wrapText', () => {
  const cjk = fc.constantFrom(...'规则包校验申请材料事项窗口办结期限一次性告知', '，', '、', '（', '）', '：', '。');
  const word = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  const piece = fc.oneof(cjk, word, fc.constant(' '), word.map((w) => ` ${w} `));
  const text = fc.array(piece, { minLength: 1, maxLength: 80 }).map((a) => a.join('').replace(/\s+/g, ' ').trim()).filter((t) => t !== '');

  test('lines fit the width (unless one ASCII word is longer), and no text is lost or reordered', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 10, max: 60 }), (t, width) => {
        const wrapped = wrapText(t, width);
        expect(wrapped.replace(/\s+/g, '')).toBe(t.replace(/\s+/g, ''));
        for (const line of wrapped.split('\n')) {
          if (displayWidth(line) > width) expect(line.includes(' ') || /^[^\s]*$/.test(line)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  test('never breaks inside an ASCII word, after an opening bracket or before a closing mark', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 10, max: 60 }), (t, width) => {
        for (const b of breaks(t, wrapText(t, width))) {
          if (!b.spaced) {
            expect(WORD.test(b.before) && WORD.test(b.after), `${b.before}|${b.after}`).toBe(false);
            expect(OPENING.includes(b.before), `after ${b.before}`).toBe(false);
            expect(CLOSING.includes(b.after), `before ${b.after}`).toBe(false);
          }
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  test('counts Chinese characters as two columns and breaks between them', () => {
    expect(displayWidth('规则包 rules')).toBe(12);
    expect(wrapText('校验规则包：YAML 语法、格式、引用关系，列出全部错误和警告', 20)).toBe('校验规则包：YAML 语\n法、格式、引用关系，\n列出全部错误和警告');
    expect(wrapText('（ISO 8601，不带时区即北京时间）', 10)).toBe('（ISO\n8601，不带\n时区即北京\n时间）');
    expect(wrapText('见 schemas/application.schema.json 的说明', 12)).toBe('见\nschemas/application.schema.json\n的说明');
  });
});

describe('bianmin … --help', () => {
  test.each([60, 80, 100])('every command’s help fits %i columns, breaking only where allowed', async (columns) => {
    for (const command of COMMANDS) {
      const out = await help(command.split(' '), columns);
      for (const line of out.split('\n')) {
        // A line may run long only for one unbreakable ASCII word (a long option list, a path).
        if (displayWidth(line) > columns) expect(line.trim().split(/\s+/).at(-1), `${command}: ${line}`).toMatch(/^[\x21-\x7e]+$/);
        const text = line.trim();
        if (text === '') continue;
        expect(CLOSING.includes(text[0] ?? ''), `${command}: ${line}`).toBe(false);
        expect(OPENING.includes(text.at(-1) ?? ''), `${command}: ${line}`).toBe(false);
      }
    }
  });

  test('descriptions wrap under their column, not ragged at the terminal edge', async () => {
    const out = await help(['decide'], 80);
    expect(out).toContain('  --at <时间>      申请未写收件时间时使用的时间（ISO 8601，不带时区即北京时\n                   间），默认当前时间');
    expect(out).toContain('对一份申请或咨询作出处理决定：咨询件、补正件、退回件、不予受理或受理件，附一次性\n告知内容和判断过程');
  });

  test('an option whose default is empty (a repeatable flag) shows no empty “（默认：）”', async () => {
    for (const command of COMMANDS) {
      const out = await help(command.split(' '), 100);
      expect(out, command).not.toMatch(/默认：\s*）/);
    }
    const deadline = (await help(['deadline'], 200)).split('\n').find((l) => l.includes('--suspend'));
    expect(deadline).toBeDefined();
    expect(deadline).not.toContain('默认');
    expect(await help(['deadline'], 200)).toContain('规则包目录（默认：rules）');
  });
});
