/** Codes of kind `store`: the records store itself (data directory, files, lock) — the operator's, not the caller's. */
import { entry, type CatalogueEntry } from './entry.ts';

export const STORE = {
  'E-RECORDS-UNAVAILABLE': entry('store', '登记簿暂时不可用：{reason}', '服务的登记簿未打开（服务正在关闭，或规则包切换时打开此前未能打开的登记簿失败）'),
  'E-STORE-BROKEN': entry('store', '此前写入 {file} 失败且无法回滚（{reason}）；请检查磁盘后重启服务', '一次写入失败且无法回滚后，该登记簿拒绝再写入，直到重启'),
  'E-STORE-CLOSED': entry('store', '数据目录已关闭', '数据目录已关闭后仍有读写请求'),
  'E-STORE-CHECKSUM': entry('store', '校验和不符：{detail}', '登记簿日志的一行或快照的内容与写入时记下的校验和不符（数值被改动或磁盘损坏）；附文件和行，拒绝启动'),
  'E-STORE-CORRUPT': entry('store', '数据目录 {dir} 中的登记簿有 {count} 处错误，拒绝启动：{detail}', '登记簿文件损坏或被改动（JSON 语法、记录格式、序号不连续）；附每处的文件、行、列和 JSON 路径，不作任何改动'),
  'E-STORE-DISK-FULL': entry('store', '磁盘空间已满，{what}；请清理数据目录所在磁盘的空间后重试', '数据目录所在的磁盘已满（或超出配额）：需要写入的请求暂不可用（503），服务不能启动；已保存的记录不受影响'),
  'E-STORE-IO': entry('store', '读写失败：{detail}', '读取或写入数据目录中的文件失败（权限、磁盘空间等）；写入失败时记录未保存'),
  'E-STORE-LOCKED': entry('store', '数据目录 {dir} 正由{holder}写入；同一数据目录只允许一个写入进程', '另一个进程（或本进程）已打开数据目录写入'),
  'E-STORE-LOG-MISSING': entry('store', '快照注明其后的操作记在 {log}（自第 {from} 号操作起），但该文件不存在（被删除或移走？）；其中已确认保存的记录会丢失，请从备份恢复该文件', '登记簿的追加日志文件缺失：快照注明有日志跟随，日志却不在数据目录中；拒绝启动'),
  'E-STORE-NOT-FOUND': entry('store', '数据目录不存在（尚未登记任何记录？可用 --data 指定数据目录）', '以只读方式打开的数据目录不存在'),
  'E-STORE-NOT-REGULAR': entry('store', '{what}，不是普通文件：数据目录中登记簿的快照（.json）、日志（.log）和工作台的文件只能是普通文件；未读取也未写入，请移走它或从备份恢复后重试', '数据目录中登记簿的快照或日志（或备份时工作台的 pack-blobs/、drafts/ 中的文件）是命名管道、目录、设备文件或指向它们的快捷方式：不打开、不等待，拒绝启动（备份中止）'),
  'E-STORE-PG-CONFLICT': entry('store', '记录 {id}（{collection}）已由另一个服务副本写入，本次写入未保存；请重试', '写入 PostgreSQL 时记录已被另一副本改动或编号、文书号已被占用（数据库约束拦下）；本次写入整体回滚'),
  'E-STORE-PG-CONNECT': entry('store', '无法连接数据库 {url}：{reason}', '--data 指定的 PostgreSQL 连接不上（未启动、地址或端口错、口令错、数据库不存在）'),
  'E-STORE-PG-NEWER': entry('store', '数据库 {url} 的结构版本为 {found}，比本版本 bianmin 认识的 {known} 新；请升级 bianmin 后再打开（未作任何改动）', '数据库已由更新版本的 bianmin 迁移过：旧版本不打开，以免误读或损坏新版本保存的记录'),
  'E-STORE-PG-URL': entry('store', '数据库地址 {url} 无效：{reason}', '--data 的 postgres:// 地址不能解析，或缺少数据库名，或 schema 参数不是合法的名称'),
  'E-STORE-READONLY': entry('store', '数据目录 {dir} 以只读方式打开，不能写入', '向以只读方式打开的数据目录写入'),
  'E-STORE-UNKNOWN': entry('store', '未知的登记簿 {name}', '请求了数据目录中不存在的登记簿种类'),
} as const satisfies Record<string, CatalogueEntry>;
