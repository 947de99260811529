/** Codes of kind `internal`: a bug, or the service not (yet) able to serve — never the caller's fault. */
import { entry, type CatalogueEntry } from './entry.ts';

export const INTERNAL = {
  'E-INTERNAL': entry('internal', '服务内部错误，已记录日志，请联系管理员', '程序错误：详情只写入日志，答复中不透露任何内部信息'),
  // A PackLoadError's code: the pack's own diagnostics are its details. Exit 1: the pack is the officer's input.
  'E-PACK-INVALID': entry('internal', '规则包有 {count} 处错误，未启用', '规则包未通过校验：命令行退出码 1，就绪检查答复 503 并列出每处错误的文件、行、列', { status: 503, exit: 1 }),
  'E-PACK-LOAD': entry('internal', '加载规则包失败：{detail}', '重新加载规则包时发生校验之外的错误（如文件无法读取）', { status: 503 }),
  'E-PUBLISH-FAILED': entry('internal', '发布失败，规则包保持原样：{detail}', '写入规则包文件时出错（磁盘已满、无权限等）；已写入的部分已撤回，规则包保持发布前的状态', { status: 500 }),
} as const satisfies Record<string, CatalogueEntry>;
