// National exchange format: the field table (one source of truth) against the schema and the
// national element list; export → import → export on the sample pack is lossless and a second
// import changes no byte; an import replaces only the national fields, keeps comments and
// bianmin's own fields, creates new items; bad input is refused at its JSON path.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validatePack } from '../../src/pack/load.ts';
import type { PackData } from '../../src/pack/model.ts';
import {
  NATIONAL_FIELDS,
  checkNationalInput,
  exportNational,
  importNational,
  nationalFieldTable,
  type NationalField,
} from '../../src/pack/national-exchange.ts';
import { SCHEMA_DIR } from '../../src/pack/schemas.ts';
import { SAMPLE_PACK } from './fixture-pack.ts';

type Plain = Record<string, unknown>;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function copyOfSample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-national-'));
  dirs.push(dir);
  cpSync(SAMPLE_PACK, dir, { recursive: true });
  return dir;
}

async function load(dir: string): Promise<PackData> {
  const r = await validatePack(dir);
  expect(r.errors).toEqual([]);
  return r.pack!;
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(path.join(dir, 'items'))) out.set(f, readFileSync(path.join(dir, 'items', f), 'utf8'));
  return out;
}

async function importAndWrite(pack: PackData, value: unknown): Promise<readonly string[]> {
  const r = await importNational(pack, value);
  expect(r.problems).toEqual([]);
  expect(r.errors).toEqual([]);
  for (const f of r.files) writeFileSync(path.join(pack.dir, f.file), f.text, 'utf8');
  return r.files.map((f) => f.file);
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('the field table', () => {
  const all = (fields: readonly NationalField[]): NationalField[] =>
    fields.flatMap((f) => [f, ...(typeof f.value === 'object' && 'list' in f.value ? all(f.value.list) : typeof f.value === 'object' && 'object' in f.value ? all(f.value.object) : [])]);

  test('exchange names are UPPER_SNAKE, unique within their object, each with a Chinese national name', () => {
    const check = (fields: readonly NationalField[]): void => {
      const keys = fields.map((f) => f.key);
      expect(new Set(keys).size, keys.join(',')).toBe(keys.length);
      for (const f of fields) {
        expect(f.key).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
        expect(f.name).toMatch(/^[\u4e00-\u9fff]/);
        if (typeof f.value === 'object' && 'list' in f.value) check(f.value.list);
        if (typeof f.value === 'object' && 'object' in f.value) check(f.value.object);
      }
    };
    check(NATIONAL_FIELDS);
    expect(all(NATIONAL_FIELDS).length).toBeGreaterThan(80);
  });

  test('every path it writes exists in the item schema', () => {
    const schema = (name: string): Plain => JSON.parse(readFileSync(`${SCHEMA_DIR}${name}`, 'utf8')) as Plain;
    const files = new Map([['item.schema.json', schema('item.schema.json')], ['common.schema.json', schema('common.schema.json')]]);
    type At = { file: string; node: Plain };
    const deref = (at: At): At => {
      let cur = at;
      for (let n = 0; n < 10 && typeof cur.node['$ref'] === 'string'; n++) {
        const [target, pointer = ''] = (cur.node['$ref'] as string).split('#');
        const file = target ? target : cur.file;
        let node: unknown = files.get(file);
        for (const seg of pointer.split('/').filter(Boolean)) node = (node as Plain)[seg];
        cur = { file, node: node as Plain };
      }
      return cur;
    };
    const property = (at: At, key: string): At | null => {
      const d = deref(at);
      const props = d.node['properties'] as Plain | undefined;
      if (props?.[key]) return { file: d.file, node: props[key] as Plain };
      // A field that is a choice (mode) or an array of entries.
      for (const alt of (d.node['oneOf'] as Plain[] | undefined) ?? []) {
        const found = property({ file: d.file, node: alt }, key);
        if (found) return found;
      }
      return null;
    };
    const items = (at: At): At => {
      const d = deref(at);
      return { file: d.file, node: d.node['items'] as Plain };
    };
    const walk = (fields: readonly NationalField[], at: At, where: string): void => {
      for (const f of fields) {
        if (f.origin === 'derived') continue;
        let cur: At | null = at;
        for (const seg of f.path.split('.')) cur = cur ? property(cur, seg) : null;
        expect(cur, `${where}${f.key} → ${f.path}`).not.toBeNull();
        if (typeof f.value === 'object' && 'list' in f.value) walk(f.value.list, items(cur!), `${where}${f.key}[].`);
        if (typeof f.value === 'object' && 'object' in f.value) walk(f.value.object, cur!, `${where}${f.key}.`);
      }
    };
    walk(NATIONAL_FIELDS, { file: 'item.schema.json', node: files.get('item.schema.json')! }, '');
  });

  test('every national element of the schema (test/pack/national-elements) has an exchange field', () => {
    const paths = new Set<string>();
    const collect = (fields: readonly NationalField[], prefix: string): void => {
      for (const f of fields) {
        paths.add(prefix + f.path);
        if (typeof f.value === 'object' && 'list' in f.value) collect(f.value.list, `${prefix}${f.path}[].`);
        if (typeof f.value === 'object' && 'object' in f.value) collect(f.value.object, `${prefix}${f.path}.`);
      }
    };
    collect(NATIONAL_FIELDS, '');
    const ELEMENTS = [
      'codes.basic', 'codes.implementation', 'codes.handling', 'version', 'status.state', 'status.plannedCancelDate', 'type',
      'authority.source', 'authority.levels', 'authority.implementer.name', 'authority.implementer.nature', 'authority.implementer.creditCode',
      'authority.entrustedBy.name', 'authority.entrustedBy.creditCode', 'serviceObjects', 'basis', 'implementationBasis', 'basis[].number',
      'basis[].issuer', 'basis[].effectiveDate', 'limits.note', 'limits.basis', 'specialSteps', 'specialSteps[].name', 'specialSteps[].limit',
      'specialSteps[].basis', 'specialSteps[].fee', 'specialSteps[].countedInLimit', 'visits.count', 'visits.reason', 'channels.forms',
      'channels.onlineDepth', 'channels.url', 'appointment.available', 'appointment.dailyQuota', 'appointment.rules', 'delivery',
      'delivery.materials', 'delivery.results', 'delivery.note', 'selfService', 'onlinePayment', 'crossRegion.scope', 'crossRegion.types',
      'crossRegion.receivingDuties', 'crossRegion.handlingDuties', 'intermediaries', 'intermediaries[].name', 'intermediaries[].basis',
      'intermediaries[].provider', 'intermediaries[].fee', 'quantityLimit', 'rights', 'obligations', 'remedies.reconsideration',
      'remedies.reconsideration.organ', 'remedies.reconsideration.address', 'remedies.reconsideration.phone', 'remedies.litigation',
      'remedies.litigation.organ', 'faq', 'faq[].answer', 'directions', 'result.type', 'result.sample', 'fees[].reductions',
      'fees[].reductions[].text', 'fees[].reductions[].basis', 'materials[].sourceChannel.channel', 'materials[].sourceChannel.note',
      'materials[].acceptanceCriteria', 'materials[].paper', 'materials[].blankForm', 'materials[].sampleForm', 'materials[].license.code',
      'materials[].license.name', 'name', 'limits.statutory', 'limits.promised', 'result.name', 'place',
    ];
    const covered = (p: string): boolean => [...paths].some((q) => q === p || q.startsWith(`${p}.`) || q.startsWith(`${p}[].`));
    expect(ELEMENTS.filter((p) => !covered(p.replace(/\[\]\./g, '[].')))).toEqual([]);
  });

  test('the README table lists every exchange field with its national name and path', () => {
    const table = nationalFieldTable();
    expect(table).toContain('| TASK_NAME | 事项名称 | name |');
    expect(table).toContain('| MATERIALS[].MATERIAL_NAME | 材料名称 | materials[].name |');
    expect(table).toContain('| CHARGE[].CHARGE_LAW.LAW_NAME | 法律法规名称 | fees[].basis.law |');
    expect(table).toContain('| ANTICIPATE_DAY | 法定办结时限 | limits.statutory.amount |');
    expect(table.split('\n').length).toBeGreaterThan(100);
  });
});

describe('round trip on the sample pack', () => {
  test('export → import into a copy changes no file; export again is identical', async () => {
    const dir = copyOfSample();
    const pack = await load(dir);
    const first = exportNational(pack);
    expect(first).toHaveLength(pack.items.size);
    const mz = first.find((t) => t['LOCAL_CODE'] === 'MZ-001')!;
    expect(mz).toMatchObject({ TASK_NAME: '最低生活保障审核', CATALOG_CODE: '000119001000', TASK_TYPE: '行政给付', ANTICIPATE_DAY: 30, ANTICIPATE_TYPE: '工作日', SCENE_NUM: 1 });
    expect((mz['MATERIALS'] as Plain[])[1]).toMatchObject({ MATERIAL_NAME: '申请人居民身份证', SOURCE_TYPE: '政府部门核发', LICENSE_CODE: '11100000000013338W001' });
    expect(checkNationalInput(clone(first))).toEqual([]);
    const before = snapshot(dir);
    expect(await importAndWrite(pack, clone(first))).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
    expect(exportNational(await load(dir))).toEqual(first);
  });

  test('an edited exchange file: the national fields come back as written, the rest of the pack stays, a second import changes no byte', async () => {
    const dir = copyOfSample();
    const pack = await load(dir);
    const original = exportNational(pack);
    const edited = clone(original);
    const mz = edited.find((t) => t['LOCAL_CODE'] === 'MZ-001')!;
    mz['TASK_NAME'] = '最低生活保障审核确认';
    mz['TASK_VERSION'] = '4';
    mz['SCENE_REASON'] = '须本人签署授权书';
    delete mz['TRAFFIC_GUIDE'];
    (mz['BY_LAW'] as Plain[])[0]!['LAW_ARTICLE'] = '第九条第一款';
    (mz['QUESTION'] as Plain[]).push({ QUESTION_TITLE: '可以网上申请吗？', QUESTION_ANSWER: '可以，在网上办事大厅提交。' });
    const materials = mz['MATERIALS'] as Plain[];
    materials.splice(materials.findIndex((m) => m['MATERIAL_CODE'] === 'medical-proof'), 1);
    materials.find((m) => m['MATERIAL_CODE'] === 'application')!['PAGE_FORMAT'] = 'A4纸原件2份';
    materials.push({ MATERIAL_CODE: 'photo', MATERIAL_NAME: '申请人近期免冠照片', MATERIAL_FORM: '原件', PAGE_NUM: 2 });
    mz['CHARGE'] = [{ CHARGE_NAME: '工本费', CHARGE_AMOUNT: 0, CHARGE_LAW: { LAW_NAME: '《社会救助暂行办法》', LAW_ARTICLE: '第六十条' } }];
    // A new item, only national fields and the local ones it needs.
    const fresh: Plain = {
      ...clone(original.find((t) => t['LOCAL_CODE'] === 'MZ-001')!),
      LOCAL_CODE: 'MZ-009',
      TASK_NAME: '困难群众价格临时补贴',
      LOCAL_MODE: 'promised',
      TASK_HANDLE_ITEM: '11522731MB1A2B3C4X200011900900001',
      MATERIALS: [{ MATERIAL_CODE: 'application', MATERIAL_NAME: '补贴申请书' }],
    };
    delete fresh['LOCAL_REPORT_TO'];
    delete fresh['ACCEPT_CONDITION'];
    edited.push(fresh);

    const written = await importAndWrite(pack, clone(edited));
    expect(written).toEqual(['items/mz-001.yaml', 'items/mz-009.yaml']);
    const after = await load(dir);
    const again = exportNational(after);
    const mzAgain = again.find((t) => t['LOCAL_CODE'] === 'MZ-001')!;
    // The new material was given necessity: required; every national field is back as written.
    expect(mzAgain).toEqual(mz);
    expect(again.find((t) => t['LOCAL_CODE'] === 'MZ-009')).toEqual(fresh);
    expect(again.filter((t) => !['MZ-001', 'MZ-009'].includes(t['LOCAL_CODE'] as string))).toEqual(original.filter((t) => t['LOCAL_CODE'] !== 'MZ-001'));

    // What the pack has beyond the national set is kept, comments included.
    const text = readFileSync(path.join(dir, 'items/mz-001.yaml'), 'utf8');
    const old = readFileSync(path.join(SAMPLE_PACK, 'items/mz-001.yaml'), 'utf8');
    for (const kept of ['# 国家实施清单要素（编码和统一社会信用代码为虚构示例）', '# 受理条件：不满足时按 onFail 处理', 'requiredWhen: { condition: applying-for-other }', 'necessity: deferrable', '# 维护提示（不对外公布）', 'announcement:', 'effectiveFrom: "2027-01-01"', 'version: "4"']) {
      expect(text, kept).toContain(kept);
    }
    expect(text).not.toContain('directions:');
    expect(text).not.toContain('medical-proof');
    // Untouched top-level entries are byte-for-byte the original's.
    const block = (t: string, key: string): string => t.slice(t.indexOf(`\n${key}:`), t.indexOf('\n\n', t.indexOf(`\n${key}:`) + 1));
    for (const key of ['conditions', 'procedure', 'limits', 'changes', 'announcement']) expect(block(text, key)).toBe(block(old, key));
    const item = after.items.get('MZ-001')!.data;
    expect(item.materials.find((m) => m.id === 'photo')).toMatchObject({ necessity: 'required', form: 'original', copies: 2 });
    expect(after.items.get('MZ-009')!.data).toMatchObject({ code: 'MZ-009', department: 'minzheng', window: 'minzheng-window', mode: 'promised' });

    // The second round: nothing to write.
    const before = snapshot(dir);
    expect(await importAndWrite(after, clone(edited))).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  test('without LOCAL_CODE the item is found by 业务办理项编码', async () => {
    const dir = copyOfSample();
    const pack = await load(dir);
    const task = clone(exportNational(pack).find((t) => t['LOCAL_CODE'] === 'MZ-001')!);
    delete task['LOCAL_CODE'];
    task['TASK_NAME'] = '最低生活保障（按编码对应）';
    expect(await importAndWrite(pack, [task])).toEqual(['items/mz-001.yaml']);
    expect((await load(dir)).items.get('MZ-001')!.data.name).toBe('最低生活保障（按编码对应）');
  });
});

describe('refused input', () => {
  test('a wrong shape is reported at its JSON path, in Chinese', () => {
    expect(checkNationalInput({ TASK_NAME: 'x' })).toEqual([{ path: '$', message: expect.stringContaining('JSON 数组') }]);
    const problems = checkNationalInput([
      { TASK_NAME: '甲', TASK_TYPE: '行政给付', SCENE_NUM: '一次', MATERIALS: [{ MATERIAL_NAME: '申请书', MATERIAL_FORM: '扫描件' }, 3], TASK_NAEM: 'x' },
      'x',
    ]);
    expect(problems.map((p) => p.path)).toEqual(['$[0].SCENE_NUM', '$[0].MATERIALS[0].MATERIAL_FORM', '$[0].MATERIALS[1]', '$[0].TASK_NAEM', '$[1]']);
    expect(problems[1]!.message).toContain('原件');
    expect(problems[3]!.message).toContain('TASK_NAME');
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    expect(checkNationalInput([{ TASK_TYPE: '行政给付' }])).toEqual([{ path: '$[0]', message: '缺少必填字段 TASK_NAME（事项名称）' }]);
  });

  test('a new item without its local fields, an unknown item without a code, and a duplicate are refused; nothing is written', async () => {
    const pack = await load(SAMPLE_PACK);
    const mz = clone(exportNational(pack).find((t) => t['LOCAL_CODE'] === 'MZ-001')!);
    const r = await importNational(pack, [
      { TASK_NAME: '新事项', TASK_TYPE: '公共服务', LOCAL_CODE: 'GG-001' },
      { TASK_NAME: '无编码', TASK_TYPE: '公共服务' },
      mz,
      { ...mz, TASK_NAME: '重复' },
    ]);
    expect(r.files).toEqual([]);
    expect(r.problems.map((p) => p.path)).toEqual(['$[0]', '$[1]', '$[3]']);
    expect(r.problems[0]!.message).toContain('LOCAL_DEPT');
    expect(r.problems[1]!.message).toContain('LOCAL_CODE');
    expect(r.problems[2]!.message).toContain('第 3 项');
  });

  test('an import that would break the pack gives its errors and writes nothing', async () => {
    const pack = await load(SAMPLE_PACK);
    const mz = clone(exportNational(pack).find((t) => t['LOCAL_CODE'] === 'MZ-001')!);
    mz['TASK_STATE'] = '废止';
    const r = await importNational(pack, [mz]);
    expect(r.problems).toEqual([]);
    expect(r.errors.map((e) => [e.file, e.code, e.path])).toEqual([['items/mz-001.yaml', 'E-SCHEMA-ENUM', '$.status.state']]);
  });
});
