import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkTemplates, renderNotice } from '../../src/documents/index.ts';
import { renderDocument } from '../../src/documents/render.ts';
import { templatesFor } from '../../src/documents/templates.ts';
import type { DocumentData } from '../../src/documents/shapes.ts';
import { loadPack, Pack } from '../../src/index.ts';
import { PackLoadError } from '../../src/pack/diagnostics.ts';
import { loadPackData } from '../../src/pack/load.ts';
import type { Diagnostic } from '../../src/pack/diagnostics.ts';
import { bianmin } from '../cli/run.ts';
import { copyOfRules, sampleDecision, samplePack } from './sample.ts';


/** Line and 1-based column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture lacks ${needle}`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

const CONSULTATION = [
  '<!DOCTYPE html><html><head>{{> _style}}</head><body>',
  '<p>{{subject.name}} {{#if applicant}}{{applicant.name}}{{/if}}</p>',
  '<p>{{subject.nmae}}</p>',
  '<p>{{frobnicate subject.name}}</p>',
  '<p>{{{subject.name}}}</p>',
  '<p>{{applicant.name}}</p>',
  '<p>{{item.limits.promised}}</p>',
  '{{> _hedaer}}',
  '<link rel="stylesheet" href="https://cdn.example.com/a.css">',
  '{{#materials}}x{{/materials}}',
  '<p>{{money subject.name}}</p>',
  '{{#each item.materials}}<p>{{seq @index}} {{name}} {{../subject.code}} {{necessity necessity}}</p>{{/each}}',
  '<p>{{../center.name}}</p>',
  '{{#if item.condtions.length}}x{{/if}}{{#each subject.code}}y{{/each}}',
  '</body></html>',
].join('\n');

const SUPPLEMENT = ['<html>', '<body>', '  <p>{{subject.name</p>', '</body>', '</html>'].join('\n');
const MY_REJECTED = ['<html><body>', '<h1>{{doc.title}}</h1>', '<p>{{item.name}}</p>', '</body></html>'].join('\n');
const HEADER = ['<header>', '  <div class="masthead">{{center.name}}</div>', '  <h1>{{doc.title}}</h1><div>{{doc.number}}</div>', '</header>'].join('\n');

describe('template checks, located by file and line', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let found: Diagnostic[];

  beforeAll(async () => {
    ({ dir, remove } = await copyOfRules());
    await mkdir(path.join(dir, 'templates'));
    await writeFile(path.join(dir, 'templates/consultation.hbs'), CONSULTATION);
    await writeFile(path.join(dir, 'templates/supplement.hbs'), SUPPLEMENT);
    await writeFile(path.join(dir, 'templates/my-rejected.hbs'), MY_REJECTED);
    await writeFile(path.join(dir, 'templates/_header.hbs'), HEADER);
    await writeFile(path.join(dir, 'templates/stray.hbs'), '<p>{{nothing}}</p>');
    await appendFile(path.join(dir, 'items/zh-001.yaml'), '\ndocuments:\n  rejected: my-rejected\n');
    // The rule files are valid; only the templates are broken, which loadPack itself refuses.
    found = checkTemplates(await loadPackData(dir));
  });

  test('loadPack refuses a pack whose templates are broken, with the same located diagnostics', async () => {
    const err = await loadPack(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PackLoadError);
    const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}`;
    const codes = (err as PackLoadError).errors.map(key).sort();
    expect(codes).toEqual(found.filter((d) => !d.code.startsWith('W-')).map(key).sort());
  });
  afterAll(() => remove());

  const expectOne = (file: string, text: string, needle: string, code: string, message: RegExp) => {
    const where = at(text, needle);
    const hits = found.filter((d) => d.file === file && d.code === code && d.line === where.line);
    expect(hits, `${code} at ${file}:${where.line} in ${JSON.stringify(found, null, 1)}`).toHaveLength(1);
    expect(hits[0]!.column).toBe(where.column);
    expect(hits[0]!.message).toMatch(message);
  };

  test('a field the document data does not have, with a suggestion', () => {
    expectOne('templates/consultation.hbs', CONSULTATION, 'subject.nmae', 'E-TEMPLATE-FIELD', /没有字段 `subject\.nmae`，是否应为 `name`？/);
  });

  test('an unknown helper', () => {
    expectOne('templates/consultation.hbs', CONSULTATION, 'frobnicate', 'E-TEMPLATE-HELPER', /未知的帮助函数 `frobnicate`/);
  });

  test('{{{ }}} (unescaped output)', () => {
    expectOne('templates/consultation.hbs', CONSULTATION, '{{{subject.name}}}', 'E-TEMPLATE-UNESCAPED', /不允许用 \{\{\{ \}\}\}/);
  });

  test('a value that may be empty printed without {{#if}}; inside {{#if}} it is fine', () => {
    expectOne('templates/consultation.hbs', CONSULTATION, 'applicant.name}}</p>\n<p>{{item', 'E-TEMPLATE-MAYBE-EMPTY', /`applicant` 可能为空/);
    expect(found.filter((d) => d.file === 'templates/consultation.hbs' && d.line === 2)).toEqual([]);
  });

  test('an object printed as text, a helper given the wrong kind of value', () => {
    expectOne('templates/consultation.hbs', CONSULTATION, 'item.limits.promised', 'E-TEMPLATE-TYPE', /是对象，不能直接显示.*\{\{duration item\.limits\.promised\}\}/);
    expectOne('templates/consultation.hbs', CONSULTATION, 'subject.name}}</p>\n{{#each', 'E-TEMPLATE-TYPE', /帮助函数 money 的参数应为数字，这里是文字/);
  });

  test('an unknown partial, a section block on a field, an external resource, ../ beyond the top', () => {
    expectOne('templates/consultation.hbs', CONSULTATION, '{{> _hedaer}}', 'E-TEMPLATE-PARTIAL', /局部模板 `_hedaer` 不存在，是否应为 `_header`？/);
    expectOne('templates/consultation.hbs', CONSULTATION, '{{#materials}}', 'E-TEMPLATE-BLOCK', /只能使用 \{\{#if\}\}/);
    expectOne('templates/consultation.hbs', CONSULTATION, 'href="https:', 'E-TEMPLATE-EXTERNAL', /外部资源/);
    expectOne('templates/consultation.hbs', CONSULTATION, '../center.name', 'E-TEMPLATE-FIELD', /超出了最外层/);
  });

  test('{{#if}} and {{#each}} are checked too (Handlebars strict mode lets them pass silently)', () => {
    expectOne('templates/consultation.hbs', CONSULTATION, 'item.condtions.length', 'E-TEMPLATE-FIELD', /没有字段 `item\.condtions\.length`，是否应为 `conditions`？/);
    expectOne('templates/consultation.hbs', CONSULTATION, 'subject.code}}y', 'E-TEMPLATE-TYPE', /只能用于列表/);
  });

  test('loops, parent paths and @index inside {{#each}} are understood', () => {
    expect(found.filter((d) => d.file === 'templates/consultation.hbs' && d.line === at(CONSULTATION, '{{#each item.materials}}').line)).toEqual([]);
    expect(found.filter((d) => d.file === 'templates/consultation.hbs')).toHaveLength(12);
  });

  test('a parse error, with its line and column', () => {
    // `name</p>` cannot be lexed inside {{ }}: the error points there.
    expectOne('templates/supplement.hbs', SUPPLEMENT, 'name</p>', 'E-TEMPLATE-PARSE', /模板语法错误.*\}\}/);
  });

  test("an item's own template is checked against the document it serves", () => {
    expectOne('templates/my-rejected.hbs', MY_REJECTED, 'item.name', 'E-TEMPLATE-FIELD', /没有字段 `item\.name`/);
  });

  test("a pack's partial is checked in every document that includes it", () => {
    // doc.number is always there on a numbered notice but null on the guide, the board and the 当场更正 slip.
    expectOne('templates/_header.hbs', HEADER, 'doc.number', 'E-TEMPLATE-MAYBE-EMPTY', /`doc\.number` 可能为空.*经由 .*(guide|board|correctable)\.hbs/);
  });

  test('a pack template that nothing uses is a warning', () => {
    const w = found.find((d) => d.code === 'W-TEMPLATE-UNUSED');
    expect(w).toMatchObject({ file: 'templates/stray.hbs' });
  });

  test('bianmin validate reports the template errors and fails', async () => {
    const out = await bianmin(['validate', '--rules', dir]);
    expect(out?.code).toBe(1);
    const where = at(CONSULTATION, 'subject.nmae');
    expect(out?.stdout).toContain(`错误 ${dir}/templates/consultation.hbs:${where.line}:${where.column} [E-TEMPLATE-FIELD]`);
    expect(out?.stdout).toContain('校验未通过');
  });

  test('a pack with template errors refuses to render, listing them', async () => {
    // loadPack would refuse it already; the renderer must refuse on its own too.
    const pack = new Pack(await loadPackData(dir));
    const d = await sampleDecision('supplement', pack);
    await expect(renderNotice(pack.data, d, { number: 'N' })).rejects.toThrow(/文书模板有 \d+ 处错误/);
  });
});

describe('overrides that are correct', () => {
  test("the bundled templates check clean against the sample pack", async () => {
    expect(checkTemplates((await samplePack()).data)).toEqual([]);
  });

  test("a pack's own template replaces bianmin's, and an item can name its own", async () => {
    const { dir, remove } = await copyOfRules();
    try {
      await mkdir(path.join(dir, 'templates'));
      await writeFile(path.join(dir, 'templates/supplement.hbs'), '<p>本镇格式：{{subject.name}}{{#each problems}}<i>{{name}}</i>{{/each}}</p>');
      await writeFile(path.join(dir, 'templates/_seal.hbs'), '<div class="seal">（此处加盖{{center.name}}公章）</div>');
      const pack = await loadPack(dir);
      expect(checkTemplates(pack.data)).toEqual([]);
      const d = await sampleDecision('supplement', pack);
      const plain = await renderNotice(pack.data, { ...d, item: 'ZH-001' }, { number: 'N1' });
      expect(plain.html).toBe('<p>本镇格式：最低生活保障审核<i>家庭收入和财产情况声明</i></p>');
      await writeFile(path.join(dir, 'templates/mz-supplement.hbs'), '<p>低保专用：{{doc.number}}</p>');
      await appendFile(path.join(dir, 'items/mz-001.yaml'), '\ndocuments:\n  supplement: mz-supplement\n');
      const again = await loadPack(dir);
      expect(checkTemplates(again.data)).toEqual([]);
      expect((await renderNotice(again.data, d, { number: 'N2' })).html).toBe('<p>低保专用：N2</p>');
      // A partial override reaches the built-in documents too.
      const rejected = await renderNotice(again.data, await sampleDecision('rejected', again), { number: 'N3' });
      expect(rejected.html).toContain('（此处加盖青石镇便民服务中心公章）');
      expect(rejected.html).not.toContain('盖章处');
    } finally {
      await remove();
    }
  });
});

describe('a missing value is an error, never a blank', () => {
  test('data lacking a declared field is refused before rendering', async () => {
    const pack = (await samplePack()).data;
    const data = {
      doc: { type: 'rejected', title: '不予受理通知书', number: 'N', date: '2026-11-23' },
      center: { name: 'c', code: 'x', address: 'a', officeHours: 'h', phones: { consult: '1', complaint: '2', report: '3' }, commitments: [], duties: null },
      applicant: null,
      subject: { code: 'ZB-001', name: '护照' },
      receivedAt: '2026-11-23T09:30:00+08:00',
      handler: { name: '林晓燕', title: '科员', window: '1号窗口' },
      contact: { phone: '1', place: 'p' },
      citations: [],
      situation: null,
      reasons: [{ code: 'r', message: 'm', basis: [] }],
      routeTo: null,
    };
    // Deliberately malformed data, as a buggy caller could pass it.
    const as = (x: unknown) => x as DocumentData['rejected'];
    // `rights` is missing: no silent blank where the applicant's rights should be.
    expect(() => renderDocument(pack, 'rejected', as(data))).toThrow(/文书数据不完整.*\$\.rights：缺少必填字段 rights/);
    expect(() => renderDocument(pack, 'rejected', as({ ...data, rights: undefined }))).toThrow(/缺少必填字段 rights/);
    expect(() => renderDocument(pack, 'rejected', as({ ...data, rights: null }))).toThrow(/\$\.rights：应为文字，实际是空值/);
    expect(renderDocument(pack, 'rejected', as({ ...data, rights: '可以申请行政复议' }))).toContain('可以申请行政复议');
    // Past the data check, Handlebars' strict mode is the second net: a missing value still fails.
    expect(() => templatesFor(pack).render('rejected', data)).toThrow(/数据中缺少 `rights`（第 \d+ 行/);
  });
});
