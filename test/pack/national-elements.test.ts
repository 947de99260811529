// 国家实施清单要素: each national element has its YAML field, whose schema description starts
// with (contains) the national name; the sample items that fill them validate; wrong values give
// located Chinese errors.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { itemVersionAt } from '../../src/pack/index.ts';
import { SCHEMA_DIR } from '../../src/pack/schemas.ts';
import { expectExactly, expectValid, validate } from './expect-diagnostics.ts';
import { fixtureText, packWith, positionOf, replaceOnce, SAMPLE_PACK } from './fixture-pack.ts';

type Json = { readonly [key: string]: unknown };

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const schemas = new Map<string, Json>();
function schemaFile(name: string): Json {
  let s = schemas.get(name);
  if (!s) {
    const parsed: unknown = JSON.parse(readFileSync(`${SCHEMA_DIR}${name}`, 'utf8'));
    if (!isObject(parsed)) throw new Error(`${name} is not an object`);
    s = parsed;
    schemas.set(name, s);
  }
  return s;
}

interface Node {
  readonly file: string;
  readonly node: Json;
}

/** Follows a `$ref` (same file `#/$defs/x`, or `other.schema.json#/$defs/x`) once. */
function deref({ file, node }: Node): Node | null {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return null;
  const [target, pointer = ''] = ref.split('#');
  const nextFile = target ? target : file;
  let at: unknown = schemaFile(nextFile);
  for (const seg of pointer.split('/').filter(Boolean)) at = isObject(at) ? at[seg] : undefined;
  if (!isObject(at)) throw new Error(`unresolved $ref ${ref} in ${file}`);
  return { file: nextFile, node: at };
}

/** The node and the nodes its `$ref`s lead to, in order. */
function chain(start: Node): Node[] {
  const out = [start];
  for (let n = deref(start); n; n = deref(n)) out.push(n);
  return out;
}

/** Finds `path` (e.g. `authority.implementer.creditCode`, `materials[].license.code`) in schema `file`. */
function find(file: string, path: string): Node {
  let current: Node = { file, node: schemaFile(file) };
  for (const raw of path.split('.')) {
    const list = raw.endsWith('[]');
    const key = list ? raw.slice(0, -2) : raw;
    const step = (n: Node, pick: (j: Json) => unknown): Node => {
      for (const c of chain(n)) {
        const v = pick(c.node);
        if (isObject(v)) return { file: c.file, node: v };
      }
      throw new Error(`${path}: no ${raw} in ${file}`);
    };
    current = step(current, (j) => (isObject(j['properties']) ? j['properties'][key] : undefined));
    if (list) current = step(current, (j) => j['items']);
  }
  return current;
}

/** The description shown for the node: its own, else that of what its `$ref` leads to. */
function descriptionOf(n: Node): string {
  for (const c of chain(n)) if (typeof c.node['description'] === 'string') return c.node['description'];
  return '';
}

/** National element name → where it is written (item.schema.json unless the path says otherwise). */
const ITEM_ELEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['基本编码', 'codes.basic'],
  ['实施编码', 'codes.implementation'],
  ['业务办理项编码', 'codes.handling'],
  ['事项版本', 'version'],
  ['事项状态', 'status.state'],
  ['计划取消日期', 'status.plannedCancelDate'],
  ['事项类型', 'type'],
  ['权力来源', 'authority.source'],
  ['行使层级', 'authority.levels'],
  ['实施主体', 'authority.implementer.name'],
  ['实施主体性质', 'authority.implementer.nature'],
  ['实施主体编码', 'authority.implementer.creditCode'],
  ['委托部门', 'authority.entrustedBy.name'],
  ['委托部门编码', 'authority.entrustedBy.creditCode'],
  ['服务对象', 'serviceObjects'],
  ['设定依据', 'basis'],
  ['实施依据', 'implementationBasis'],
  ['依据文号', 'basis[].number'],
  ['颁布机关', 'basis[].issuer'],
  ['实施日期', 'basis[].effectiveDate'],
  ['办结时限说明', 'limits.note'],
  ['办结时限依据', 'limits.basis'],
  ['特别程序', 'specialSteps'],
  ['特别程序种类', 'specialSteps[].name'],
  ['特别程序时限', 'specialSteps[].limit'],
  ['特别程序设定依据', 'specialSteps[].basis'],
  ['特别程序收费标准', 'specialSteps[].fee'],
  ['是否计入办理时限', 'specialSteps[].countedInLimit'],
  ['到办事现场次数', 'visits.count'],
  ['必须现场办理原因说明', 'visits.reason'],
  ['办理形式', 'channels.forms'],
  ['网上办理深度', 'channels.onlineDepth'],
  ['网上办理地址', 'channels.url'],
  ['是否支持预约办理', 'appointment.available'],
  ['每日预约数量上限', 'appointment.dailyQuota'],
  ['预约办理规则', 'appointment.rules'],
  ['物流快递', 'delivery'],
  ['申请材料寄递', 'delivery.materials'],
  ['办理结果寄递', 'delivery.results'],
  ['物流快递说明', 'delivery.note'],
  ['是否支持自助终端办理', 'selfService'],
  ['是否支持网上支付', 'onlinePayment'],
  ['通办范围', 'crossRegion.scope'],
  ['通办类型', 'crossRegion.types'],
  ['收件地职责', 'crossRegion.receivingDuties'],
  ['办理地职责', 'crossRegion.handlingDuties'],
  ['中介服务', 'intermediaries'],
  ['中介服务事项名称', 'intermediaries[].name'],
  ['中介服务设定依据', 'intermediaries[].basis'],
  ['中介服务机构', 'intermediaries[].provider'],
  ['中介服务收费标准', 'intermediaries[].fee'],
  ['数量限制', 'quantityLimit'],
  ['申请人权利', 'rights'],
  ['申请人义务', 'obligations'],
  ['行政复议', 'remedies.reconsideration'],
  ['行政复议机关', 'remedies.reconsideration.organ'],
  ['行政复议机关地址', 'remedies.reconsideration.address'],
  ['行政复议机关联系电话', 'remedies.reconsideration.phone'],
  ['行政诉讼', 'remedies.litigation'],
  ['行政诉讼机关', 'remedies.litigation.organ'],
  ['常见问题', 'faq'],
  ['常见问题解答', 'faq[].answer'],
  ['交通指引', 'directions'],
  ['审批结果类型', 'result.type'],
  ['审批结果样本', 'result.sample'],
  ['收费减免', 'fees[].reductions'],
  ['减免情形', 'fees[].reductions[].text'],
  ['减免依据', 'fees[].reductions[].basis'],
  ['来源渠道', 'materials[].sourceChannel.channel'],
  ['来源渠道说明', 'materials[].sourceChannel.note'],
  ['受理标准', 'materials[].acceptanceCriteria'],
  ['纸质材料', 'materials[].paper'],
  ['空白表格', 'materials[].blankForm'],
  ['示例样表', 'materials[].sampleForm'],
  ['电子证照目录编码', 'materials[].license.code'],
  ['电子证照名称', 'materials[].license.name'],
];

/** The material elements also in the shared catalogue (materials.yaml). */
const CATALOGUE_ELEMENTS: ReadonlyArray<readonly [string, string]> = ITEM_ELEMENTS.filter(([, p]) => p.startsWith('materials[].'));

describe('national element names in the schema descriptions', () => {
  test.each(ITEM_ELEMENTS)('%s → items/*.yaml %s', (name, path) => {
    expect(descriptionOf(find('item.schema.json', path))).toContain(name);
  });
  test.each(CATALOGUE_ELEMENTS)('%s → materials.yaml %s', (name, path) => {
    expect(descriptionOf(find('materials.schema.json', path))).toContain(name);
  });
  test('the new descriptions start with the national name', () => {
    for (const [name, path] of ITEM_ELEMENTS) {
      const d = descriptionOf(find('item.schema.json', path));
      expect(d.startsWith(name), `${path}: ${d}`).toBe(true);
    }
  });
});

describe('sample items with national elements', () => {
  test('the sample pack (MZ-001, RS-001, WJ-001 filled) validates', async () => {
    await expectValid(SAMPLE_PACK);
    for (const code of ['mz-001', 'rs-001', 'wj-001']) {
      const text = readFileSync(`${SAMPLE_PACK}items/${code}.yaml`, 'utf8');
      for (const key of ['codes:', 'authority:', 'serviceObjects:', 'implementationBasis:', 'channels:', 'remedies:', 'sourceChannel:']) {
        expect(text, `${code} ${key}`).toContain(key);
      }
    }
  });

  const ITEM = 'items/mz-001.yaml';
  const withNational = (extra: string) => replaceOnce('conditions:', `${extra}conditions:`)(fixtureText(ITEM));

  test('a full set of national elements in the fixture validates', async () => {
    const text = withNational(
      [
        'codes: { basic: "000119001000", implementation: 11522731MB1A2B3C4X2000119001000 }',
        'status: { state: 暂停, plannedCancelDate: "2027-06-30", note: 系统升级 }',
        'authority: { source: 上级委托, levels: [县级], implementer: { name: 测试镇人民政府, nature: 受委托组织, creditCode: 11522731MB1A2B3C4X }, entrustedBy: { name: 测试县民政局 } }',
        'serviceObjects: [自然人, 法人]',
        'specialSteps: [{ id: review, name: 专家评审, limit: { amount: 5, unit: workingDays }, fee: 不收费, countedInLimit: false }]',
        'intermediaries: [{ name: 房屋安全鉴定, provider: 具备资质的鉴定机构, fee: 按合同 }]',
        'faq: [{ question: 要钱吗？, answer: 不收费。 }]',
        '',
      ].join('\n'),
    );
    const result = await validate(packWith({ [ITEM]: text }));
    expect(result.errors).toEqual([]);
  });

  test('a wrong status gives a located Chinese error', async () => {
    const text = withNational('status: { state: 废止 }\n');
    const { errors } = await validate(packWith({ [ITEM]: text }));
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '废止'), code: 'E-SCHEMA-ENUM', path: '$.status.state', message: '在用' }]);
  });

  test('an unknown service object gives a located Chinese error', async () => {
    const text = withNational('serviceObjects: [自然人, 外星人]\n');
    const { errors } = await validate(packWith({ [ITEM]: text }));
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, '外星人'), code: 'E-SCHEMA-ENUM', path: '$.serviceObjects[1]', message: '自然人' }]);
  });

  test('a blank form named but not in the pack gives E-PACK-FILE-MISSING; present in files/ it validates', async () => {
    const text = replaceOnce('necessity: core', 'necessity: core\n    blankForm: files/申请书.docx')(fixtureText(ITEM));
    const { errors } = await validate(packWith({ [ITEM]: text }));
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'files/申请书.docx'), code: 'E-PACK-FILE-MISSING', path: '$.materials[0].blankForm', message: '空白表格' }]);
    const ok = await validate(packWith({ [ITEM]: text, 'files/申请书.docx': 'x' }));
    expect(ok.errors).toEqual([]);
  });

  test('a malformed credit code gives a located error', async () => {
    const text = withNational('authority: { implementer: { name: 测试镇人民政府, creditCode: 12345 } }\n');
    const { errors } = await validate(packWith({ [ITEM]: text }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: ITEM, ...positionOf(text, '12345'), path: '$.authority.implementer.creditCode' });
    expect(errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a material added by a dated change with a blank form not in the pack gives E-PACK-FILE-MISSING at the change', async () => {
    const change = '  - effectiveFrom: "2027-03-01"\n    reference: 梧政办发〔2027〕2号\n    add:\n      materials:\n        - id: pledge\n          name: 诚信承诺书\n          necessity: required\n          blankForm: files/承诺书.docx\n';
    const text = fixtureText(ITEM).trimEnd() + '\n' + change;
    const { errors } = await validate(packWith({ [ITEM]: text }));
    expectExactly(errors, [{ file: ITEM, ...positionOf(text, 'files/承诺书.docx'), code: 'E-PACK-FILE-MISSING', path: '$.changes[1].add.materials[0].blankForm', message: '空白表格' }]);
  });

  test('a dated change can set a national element: the item is 取消 from its date on', async () => {
    const change = '  - effectiveFrom: "2027-03-01"\n    reference: 梧政办发〔2027〕1号\n    set:\n      status: { state: 取消, note: 并入县级统一办理 }\n';
    const text = withNational('status: { state: 在用, plannedCancelDate: "2027-03-01" }\n').trimEnd() + '\n' + change;
    const r = await validate(packWith({ [ITEM]: text }));
    expect(r.errors).toEqual([]);
    const item = r.pack!.items.get('MZ-001')!.data;
    expect(itemVersionAt(item, '2027-02-28').status?.state).toBe('在用');
    expect(itemVersionAt(item, '2027-03-01').status).toEqual({ state: '取消', note: '并入县级统一办理' });
  });
});
