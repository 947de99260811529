/** Codes of kind `auth`: bearer tokens and roles. */
import { entry, type CatalogueEntry } from './entry.ts';

export const AUTH = {
  'E-AUTH-CONFIG': entry('auth', '令牌配置有误：{detail}', '启动服务时 BIANMIN_TOKENS 或令牌文件的格式、角色、长度或名称有误；服务不启动', { status: 500 }),
  'E-AUTH-FORBIDDEN': entry('auth', '令牌 {name} 无权执行此操作：需要管理员（admin）令牌', '令牌有效但角色不够：核实投诉、查看工作人员的责任追究记录须用管理员令牌', { status: 403 }),
  'E-AUTH-INVALID': entry('auth', '令牌无效{detail}', 'Authorization 请求头格式不是 “Bearer 令牌”，或令牌不在本服务的令牌表中'),
  'E-AUTH-MISSING': entry('auth', '此操作需要身份认证：请在 Authorization 请求头中提供 “Bearer 令牌”{hint}', '写入和内部查询须带 Authorization: Bearer 令牌；未配置令牌时写入操作停用'),
} as const satisfies Record<string, CatalogueEntry>;
