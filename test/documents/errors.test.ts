// Every way producing a document can fail is one BianminError with its catalogue code, a Chinese
// message and, for templates, the located diagnostics: what `bianmin render` prints and the service answers.
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BianminError, type ErrorCode } from '../../src/core/index.ts';
import {
  DocumentError,
  parseComplaintsInput,
  PdfUnavailableError,
  readInputFile,
  renderGuide,
  renderNotice,
  templatesFor,
  withTemplateChecks,
  writeDocument,
} from '../../src/documents/index.ts';
import { chineseDate } from '../../src/documents/dates.ts';
import { launchChromium } from '../../src/documents/pdf.ts';
import { renderDocument } from '../../src/documents/render.ts';
import type { DocumentData } from '../../src/documents/shapes.ts';
import { loadPack, Pack, PackLoadError, validatePack } from '../../src/index.ts';
import { loadPackData } from '../../src/pack/load.ts';
import { copyOfRules, sampleDecision, samplePack } from './sample.ts';

/** What `run` throws or rejects with; fails when it succeeds. */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

/** `run` fails with a DocumentError of `code`, whose message contains `text`. */
async function expectDocumentError(run: () => unknown, code: ErrorCode, text: string | RegExp): Promise<DocumentError> {
  const e = await failure(run);
  expect(e).toBeInstanceOf(DocumentError);
  expect(e).toBeInstanceOf(BianminError);
  const err = e as DocumentError;
  expect(err.code).toBe(code);
  expect(err.kind).toBe('document');
  if (typeof text === 'string') expect(err.message).toContain(text);
  else expect(err.message).toMatch(text);
  expect(err.detail).toMatch(/[\u4e00-\u9fff]/);
  return err;
}

let pack: Pack;
beforeAll(async () => {
  pack = await samplePack();
});

describe('the data a document is made of', () => {
  test('a decision that calls for another notice: E-DOC-MISMATCH, naming the right one', async () => {
    const d = await sampleDecision('supplement');
    await expectDocumentError(() => renderNotice(pack.data, d, { type: 'accepted', number: 'X' }), 'E-DOC-MISMATCH', '应出具补正材料通知书');
  });

  test('no number and no number source: E-DOC-NUMBER', async () => {
    const d = await sampleDecision('supplement');
    await expectDocumentError(() => renderNotice(pack.data, d, {}), 'E-DOC-NUMBER', '出具文书需要文书编号');
  });

  test('a guide for an item the pack does not have: E-DOC-ITEM (404), with a suggestion', async () => {
    const err = await expectDocumentError(() => renderGuide(pack.data, 'MZ-01'), 'E-DOC-ITEM', '是否应为 MZ-001？');
    expect(err.status).toBe(404);
  });

  test('an impossible date, and data missing a declared value: E-DOC-DATA', async () => {
    await expectDocumentError(() => chineseDate('2026-02-30'), 'E-DOC-DATA', '2026-02-30');
    const data = { doc: { type: 'rejected', title: '不予受理通知书', number: 'N', date: '2026-11-23' } } as unknown;
    await expectDocumentError(() => renderDocument(pack.data, 'rejected', data as DocumentData['rejected']), 'E-DOC-DATA', '文书数据不完整或格式不对（rejected）');
  });

  test('a value the template needs but the data lacks, past the data check: E-DOC-RENDER, naming the template', async () => {
    await expectDocumentError(() => templatesFor(pack.data).render('rejected', { doc: {} }), 'E-DOC-RENDER', /生成文书时出错（模板 .*rejected\.hbs）：数据中缺少/);
  });

  test('a template that does not exist: E-DOC-TEMPLATE-UNKNOWN', async () => {
    await expectDocumentError(() => templatesFor(pack.data).render('no-such-template', {}), 'E-DOC-TEMPLATE-UNKNOWN', '没有名为 no-such-template 的文书模板');
  });
});

describe('input files', () => {
  test('a file that cannot be read, a file that is not YAML or JSON: E-DOC-INPUT with the file', async () => {
    const { dir, remove } = await copyOfRules();
    try {
      const missing = path.join(dir, 'no-such-decision.json');
      await expectDocumentError(() => readInputFile(missing), 'E-DOC-INPUT', `无法读取输入文件 ${missing}`);
      const broken = path.join(dir, 'broken.json');
      await writeFile(broken, '{ "item": "MZ-001",\n  "kind": [accepted\n');
      await expectDocumentError(() => readInputFile(broken), 'E-DOC-INPUT', new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));
    } finally {
      await remove();
    }
  });

  test('complaint records that are not complaint records: E-DOC-INPUT', async () => {
    await expectDocumentError(() => parseComplaintsInput([{ channel: 'pigeon' }], '投诉.json '), 'E-DOC-INPUT', '投诉.json 不是有效的投诉处理记录');
  });
});

describe('output and printing', () => {
  test('an output file that is neither HTML nor PDF: E-DOC-OUTPUT, nothing written', async () => {
    const { dir, remove } = await copyOfRules();
    try {
      const out = path.join(dir, '告知单.docx');
      await expectDocumentError(() => writeDocument(out, '<p>x</p>'), 'E-DOC-OUTPUT', `输出文件 ${out} 的扩展名应为 .html 或 .pdf`);
      expect(existsSync(out)).toBe(false);
    } finally {
      await remove();
    }
  });

  test('no Chromium to print with: E-PDF-UNAVAILABLE (503), saying what to install', async () => {
    const err = await expectDocumentError(() => launchChromium('/nonexistent/chromium'), 'E-PDF-UNAVAILABLE', '未找到 Chromium（/nonexistent/chromium）：请安装 chromium 和 fonts-noto-cjk');
    expect(err).toBeInstanceOf(PdfUnavailableError);
    expect(err.status).toBe(503);
  });
});

describe('templates that cannot be used', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await copyOfRules());
    await mkdir(path.join(dir, 'templates'));
  });
  afterAll(() => remove());

  test('a template written as a partial block: E-TEMPLATE-UNSUPPORTED at its line; rendering refuses with E-DOC-TEMPLATE-INVALID listing it', async () => {
    const text = '<!DOCTYPE html><html><head>{{> _style}}</head><body>\n<p>{{subject.name}}</p>\n{{#> _header}}默认抬头{{/_header}}\n</body></html>\n';
    await writeFile(path.join(dir, 'templates/consultation.hbs'), text);
    const result = withTemplateChecks(await validatePack(dir));
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { file: 'templates/consultation.hbs', line: 3, column: 1, path: '$', code: 'E-TEMPLATE-UNSUPPORTED', message: '不支持 {{#> 局部模板}} 块写法，请使用 {{> 局部模板}}' },
    ]);
    // The renderer refuses on its own, even given the unchecked pack.
    const unchecked = new Pack(await loadPackData(dir));
    const err = await expectDocumentError(
      async () => renderNotice(unchecked.data, await sampleDecision('consultation', unchecked), { number: 'N' }),
      'E-DOC-TEMPLATE-INVALID',
      '文书模板有 1 处错误，无法生成文书：\n  templates/consultation.hbs:3:1 [E-TEMPLATE-UNSUPPORTED]',
    );
    expect(err.details).toEqual(result.errors);
  });

  test('a template that cannot be read (a link to nowhere): E-TEMPLATE-READ at that file, and the pack is refused', async () => {
    await writeFile(path.join(dir, 'templates/consultation.hbs'), '<p>{{subject.name}}</p>');
    await symlink(path.join(dir, 'templates/gone.hbs'), path.join(dir, 'templates/supplement.hbs'));
    const err = await failure(() => loadPack(dir));
    expect(err).toBeInstanceOf(PackLoadError);
    expect((err as PackLoadError).errors).toEqual([
      { file: 'templates/supplement.hbs', line: 0, column: 0, path: '$', code: 'E-TEMPLATE-READ', message: '无法读取模板（不存在；如果是快捷方式（符号链接），它指向的位置已不存在）' },
    ]);
  });
});
