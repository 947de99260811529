/** Codes of kind `store`: the records store itself (data directory, files, lock) — the operator's, not the caller's. */
import { entry, type CatalogueEntry } from './entry.ts';

export const STORE = {
  'E-RECORDS-UNAVAILABLE': entry('store', '登记簿暂时不可用：{reason}', '服务的登记簿未打开（规则包切换后重新打开失败，或服务正在关闭）'),
  'E-STORE-BROKEN': entry('store', '此前写入 {file} 失败且无法回滚（{reason}）；请检查磁盘后重启服务', '一次写入失败且无法回滚后，该登记簿拒绝再写入，直到重启'),
  'E-STORE-CLOSED': entry('store', '数据目录已关闭', '数据目录已关闭后仍有读写请求'),
  'E-STORE-CORRUPT': entry('store', '数据目录 {dir} 中的登记簿有 {count} 处错误，拒绝启动：{detail}', '登记簿文件损坏或被改动（JSON 语法、记录格式、序号不连续）；附每处的文件、行、列和 JSON 路径，不作任何改动'),
  'E-STORE-IO': entry('store', '读写失败：{detail}', '读取或写入数据目录中的文件失败（权限、磁盘空间等）；写入失败时记录未保存'),
  'E-STORE-LOCKED': entry('store', '数据目录 {dir} 正由{holder}写入；同一数据目录只允许一个写入进程', '另一个进程（或本进程）已打开数据目录写入'),
  'E-STORE-NOT-FOUND': entry('store', '数据目录 {dir} 不存在（尚未登记任何记录？可用 --data 指定数据目录）', '以只读方式打开的数据目录不存在'),
  'E-STORE-READONLY': entry('store', '数据目录 {dir} 以只读方式打开，不能写入', '向以只读方式打开的数据目录写入'),
  'E-STORE-UNKNOWN': entry('store', '未知的登记簿 {name}', '请求了数据目录中不存在的登记簿种类'),
} as const satisfies Record<string, CatalogueEntry>;
