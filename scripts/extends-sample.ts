// Builds the sample county catalogue examples/wuxi-county/ and the 青石镇 pack
// examples/qingshi-town/ (which extends it) from the sample pack rules/: the unified elements of
// each item go to the catalogue, the local ones stay in the township's `adopt:` file.
// `node --import tsx scripts/extends-sample.ts` rewrites both; run it again after rules/ changes
// (test/pack/extends-sample.test.ts fails, naming the item, when the township no longer decides as rules/).
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parseDocument, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const rules = path.join(root, 'rules');
const county = path.join(root, 'examples', 'wuxi-county');
const town = path.join(root, 'examples', 'qingshi-town');

/** Items that are the township's own (not in the county catalogue): 信访 and the residence certificate. */
const OWN = new Set(['xf-001.yaml', 'zh-001.yaml']);
/** Top-level fields the township sets for itself (本地要素); every other field is unified. */
const LOCAL = new Set(['department', 'window', 'mode', 'reportTo', 'departments', 'service', 'place', 'phone', 'appointment', 'directions', 'channels', 'delivery', 'selfService', 'onlinePayment', 'faq', 'documents']);
/** Objects split between the two: these sub-fields are local. */
const LOCAL_PARTS: Readonly<Record<string, readonly string[]>> = {
  limits: ['promised'],
  authority: ['implementer'],
  codes: ['implementation', 'handling'],
};
/** The deliberate divergence the sample shows: the township renames one material. */
const DIVERGENCE = { file: 'rs-003.yaml', material: 'photo', name: '本人近期免冠彩色证件照片（白底）' };

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

function topMap(doc: Document): YAMLMap {
  if (!isMap(doc.contents)) throw new Error('item file is not a mapping');
  return doc.contents;
}

/** Keeps, in `map`, the sub-fields `keep` says; drops the pair when nothing is left. */
function split(map: YAMLMap, keep: (key: string, sub: string | null) => boolean): void {
  map.items = map.items.filter((pair) => {
    const key = keyOf(pair);
    const parts = LOCAL_PARTS[key];
    if (parts && isMap(pair.value)) {
      pair.value.items = pair.value.items.filter((p) => keep(key, keyOf(p)));
      return pair.value.items.length > 0;
    }
    return keep(key, null);
  });
}

function local(key: string, sub: string | null): boolean {
  if (sub !== null) return (LOCAL_PARTS[key] ?? []).includes(sub);
  return LOCAL.has(key);
}

async function main(): Promise<void> {
  await rm(county, { recursive: true, force: true });
  await rm(town, { recursive: true, force: true });
  await mkdir(path.join(county, 'items'), { recursive: true });
  await mkdir(path.join(town, 'items'), { recursive: true });

  await writeFile(
    path.join(county, 'catalogue.yaml'),
    `# 梧溪县政务服务事项基本目录（示例，编码和机构均为虚构）
# 县级参考目录：统一事项名称、编码、类型、依据、受理条件、申请材料、法定时限、收费和审批结果
# （统一名称、统一编码、统一规范、统一管理）。各乡镇便民服务中心在 center.yaml 中用 extends
# 引用本目录，事项文件写 adopt: 事项编码 采用目录中的事项，再填写本镇的部门、窗口、承诺期限等
# 本地要素；根据实际承接能力可以不采用某些事项。统一要素须与本目录一致，确需调整的报县政务服务
# 管理办公室修订目录（bianmin validate 对每处不一致给出警告，bianmin diff --catalogue 列出全部差异）。

name: 梧溪县政务服务事项基本目录
region: 梧溪县
level: 县级
version: "2026.1"
issuer: 梧溪县政务服务管理办公室
publishedOn: "2026-01-05"
notes: 依据省政务服务事项库规范编制；乡镇（街道）、村（社区）采用本目录的事项，本地要素自行填写。
`,
  );

  // A county item 青石镇 does not adopt (承接能力: handled at the county civil affairs bureau).
  await writeFile(
    path.join(county, 'items', 'mz-006.yaml'),
    `# 梧溪县政务服务事项基本目录：MZ-006 孤儿基本生活费发放（统一要素）
# 青石镇未采用本事项（由县民政局直接受理）；其他乡镇可以采用。

code: MZ-006
name: 孤儿基本生活费发放
type: 行政给付
keywords: [孤儿, 基本生活费, 事实无人抚养]
codes:
  basic: "000119006000"
serviceObjects: [自然人]
basis:
  - law: 《国务院办公厅关于加强孤儿保障工作的意见》（国办发〔2010〕54号）
    text: 建立孤儿基本生活保障制度，地方各级人民政府按照不低于当地平均生活水平的原则，合理确定孤儿基本生活最低养育标准。
materials:
  - id: application
    name: 孤儿基本生活费申请表
    necessity: core
  - id: guardian-id-card
    name: 监护人居民身份证
    necessity: core
  - id: death-proof
    name: 父母死亡证明或人民法院宣告死亡、失踪的判决书
    necessity: core
limits:
  statutory: { amount: 20, unit: workingDays }
result:
  name: 孤儿基本生活费发放审批结果
  type: 批文
`,
  );

  for (const name of ['center.yaml', 'facts.yaml', 'policy.yaml', 'materials.yaml', 'referrals.yaml']) {
    await cp(path.join(rules, name), path.join(town, name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  await cp(path.join(rules, 'calendar'), path.join(town, 'calendar'), { recursive: true });
  // The scenarios of rules/ too: `bianmin test --rules examples/qingshi-town` shows it decides the same.
  await cp(path.join(rules, 'tests'), path.join(town, 'tests'), { recursive: true });
  // 一件事 bundles name items by code: the township's are those of rules/, when it has any.
  await cp(path.join(rules, 'bundles'), path.join(town, 'bundles'), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  const center = await readFile(path.join(town, 'center.yaml'), 'utf8');
  await writeFile(
    path.join(town, 'center.yaml'),
    center.replace('$schema=../schemas/', '$schema=../../schemas/').replace(
      /\ncenter:\n/,
      `\n# 基础目录：本中心采用梧溪县政务服务事项基本目录（items/ 中写 adopt: 事项编码 的事项）。\nextends:\n  path: ../wuxi-county\n\ncenter:\n`,
    ),
  );

  for (const file of (await readdir(path.join(rules, 'items'))).filter((f) => f.endsWith('.yaml')).sort()) {
    const text = await readFile(path.join(rules, 'items', file), 'utf8');
    if (OWN.has(file)) {
      await writeFile(path.join(town, 'items', file), text.replace('$schema=../../schemas/', '$schema=../../../schemas/'));
      continue;
    }
    const catalogueDoc = parseDocument(text);
    const townDoc = parseDocument(text);
    const code = String(catalogueDoc.get('code'));
    const name = String(catalogueDoc.get('name'));
    split(topMap(catalogueDoc), (key, sub) => !local(key, sub));
    split(topMap(townDoc), local);
    catalogueDoc.commentBefore = ` 梧溪县政务服务事项基本目录：${code} ${name}（统一要素）\n 部门、窗口、办理方式、承诺期限、预约等本地要素由采用本事项的乡镇填写。`;
    townDoc.commentBefore = ` 青石镇：采用县目录事项 ${code} ${name}，只写本镇的本地要素\n （部门、窗口、办理方式、承诺期限、办理渠道、预约、交通指引等）；统一要素见 ../wuxi-county/items/${file}。`;
    const townMap = topMap(townDoc);
    const adopt = townDoc.createPair('adopt', code);
    townMap.items.unshift(adopt);
    if (file === DIVERGENCE.file) {
      // The deliberate divergence: the township writes the whole material list, one material renamed.
      const materials = (catalogueDoc.toJS() as { materials: { id?: string; name?: string }[] }).materials;
      const target = materials.find((m) => m.id === DIVERGENCE.material);
      if (!target) throw new Error(`${file} has no material ${DIVERGENCE.material}`);
      target.name = DIVERGENCE.name;
      const pair = townDoc.createPair('materials', materials) as Pair<Scalar, unknown>;
      pair.key.spaceBefore = true;
      pair.key.commentBefore = ' 本镇把照片要求写得更具体：与县目录的统一要素不一致，bianmin validate 给出警告（应报县级修订目录）';
      townMap.items.push(pair);
    }
    await writeFile(path.join(county, 'items', file), catalogueDoc.toString({ lineWidth: 0 }));
    await writeFile(path.join(town, 'items', file), townDoc.toString({ lineWidth: 0 }));
  }
}

await main();
console.log(`已生成 ${path.relative(root, county)}/ 和 ${path.relative(root, town)}/`);
