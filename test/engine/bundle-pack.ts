// A copy of the sample pack with two synthetic items that share the catalogue's 居民身份证 and
// 居民户口簿 (both `use:`), and bundles over them: for the “一件事” tests of engine, documents,
// server and command line.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE = fileURLToPath(new URL('../../rules/', import.meta.url));

const ITEM_A = `code: TA-001
name: 甲事项
type: 公共服务
department: renshe
window: renshe-window
mode: promised
basis:
  - law: 《测试办法》
materials:
  - use: id-card
    necessity: core
  - use: household-register
    necessity: required
    fetchable: false
  - id: application
    name: 甲事项申请表
    necessity: required
limits:
  statutory: { amount: 20, unit: workingDays }
  promised: { amount: 5, unit: workingDays }
`;

const ITEM_B = `code: TB-001
name: 乙事项
type: 公共服务
department: weijian
window: weijian-window
mode: promised
basis:
  - law: 《测试办法》
conditions:
  - id: hukou
    text: 户籍在本镇
    when: { condition: local-resident }
    reason: 户籍不在本镇。
    onFail: rejected
    routeTo: 户籍所在地乡镇（街道）窗口
materials:
  - use: id-card
    necessity: core
    form: both
  - use: household-register
    necessity: required
    fetchable: false
  - id: application
    name: 乙事项申请表
    necessity: required
  - id: photo
    name: 证件照
    necessity: required
limits:
  statutory: { amount: 15, unit: workingDays }
  promised: { amount: 10, unit: workingDays }
`;

// A third item whose 居住证明 may be replaced by a written commitment (告知承诺制).
const ITEM_C = `code: TC-001
name: 丙事项
type: 公共服务
department: renshe
window: renshe-window
mode: promised
basis:
  - law: 《测试办法》
materials:
  - use: id-card
    necessity: core
  - id: residence-proof
    name: 居住证明
    necessity: required
    commitment: { text: 本人承诺在本镇经常居住，所述属实。 }
limits:
  statutory: { amount: 20, unit: workingDays }
  promised: { amount: 5, unit: workingDays }
`;

const bundle = (code: string, extra = ''): string => `code: ${code}
name: 测试“一件事”${code}
description: 甲乙两个事项一次办。
lead: renshe
items: [TA-001, TB-001]
${extra}`;

/** The pack directory (removed by `cleanup`). */
export function bundlePack(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bianmin-bundle-'));
  cpSync(SAMPLE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'items', 'ta-001.yaml'), ITEM_A);
  writeFileSync(path.join(dir, 'items', 'tb-001.yaml'), ITEM_B);
  writeFileSync(path.join(dir, 'items', 'tc-001.yaml'), ITEM_C);
  writeFileSync(path.join(dir, 'bundles', 'plain.yaml'), bundle('YJS-901'));
  writeFileSync(path.join(dir, 'bundles', 'commit.yaml'), bundle('YJS-904').replace('[TA-001, TB-001]', '[TA-001, TC-001]'));
  writeFileSync(path.join(dir, 'bundles', 'short.yaml'), bundle('YJS-902', 'limit:\n  promised: { amount: 3, unit: workingDays }\n'));
  writeFileSync(path.join(dir, 'bundles', 'long.yaml'), bundle('YJS-903', 'limit:\n  promised: { amount: 30, unit: workingDays }\nwindow: zonghe-window\n'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const RECEIVED = '2026-11-23T09:30:00+08:00';
export const LOCAL = { type: 'person', hukouLocal: true };
