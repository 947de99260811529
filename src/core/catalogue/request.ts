/** Codes of kind `request`: anything in an HTTP request besides the application itself. */
import { entry, type CatalogueEntry } from './entry.ts';

export const REQUEST = {
  'E-NOT-ACCEPTABLE': entry('request', '无法提供 Accept 所要求的格式；可提供：{offers}', 'Accept 请求头要求的格式本接口都不能提供', { status: 406 }),
  'E-NOT-FOUND': entry('request', '没有这个接口：{method} {url}；全部接口见 /docs', '请求的地址或方法没有对应的接口', { status: 404 }),
  'E-PACK-RELOADING': entry('request', '规则包文件已修改，正在重新加载；此期间继续使用上一版（{version}）', '就绪检查：规则包正在重新加载，服务继续按上一版答复', { status: 503 }),
  'E-RATE-LIMIT': entry('request', '请求过于频繁：每个地址每 {seconds} 秒内最多 {max} 次，请在 {after}后再试', '同一地址的请求超过频率限制；Retry-After 说明何时可以再试', { status: 429 }),
  'E-REQ-EMPTY': entry('request', '不能为空{detail}', '请求中必须有内容的文字、列表或对象为空'),
  'E-REQ-EMPTY-BODY': entry('request', '请求体为空：Content-Type 为 application/json 时须提供 JSON 内容', '声明了 JSON 内容类型却没有请求体'),
  'E-REQ-ENUM': entry('request', '取值 {value} 不在允许范围内；可选：{allowed}', '请求中的取值不在接口允许的选项之内'),
  'E-REQ-FORBIDDEN-KEY': entry('request', '请求体含有不允许的键 __proto__ 或 constructor.prototype', '请求体含有可用于原型污染的键，整个请求被拒绝'),
  'E-REQ-FORMAT': entry('request', '格式不正确：{detail}', '请求中的文字不符合规定的格式（日期、时间、期间、暂停计时等）'),
  'E-REQ-HEADERS-TOO-LARGE': entry('request', '请求头过大', '请求头超过服务允许的大小', { status: 431 }),
  'E-REQ-HTTP': entry('request', '请求不符合 HTTP 协议', '请求行或请求头无法解析'),
  'E-REQ-INVALID': entry('request', '请求无效', '其他无法处理的请求错误'),
  'E-REQ-JSON': entry('request', '请求体不是有效的 JSON{where}', '请求体不是有效的 JSON（附出错的行和列）'),
  'E-REQ-LENGTH': entry('request', '请求体长度与 Content-Length 不符', '请求体的实际长度与 Content-Length 请求头不一致'),
  'E-REQ-MEDIA-TYPE': entry('request', '不支持的内容类型 {type}：请求体须为 JSON，Content-Type: application/json', '请求体不是 JSON，或 Content-Type 请求头格式不正确', { status: 415 }),
  'E-REQ-RANGE': entry('request', '超出允许的范围：{detail}', '数值、文字长度、列表项数或字段个数超出接口允许的范围'),
  'E-REQ-REQUIRED': entry('request', '缺少必填字段 {field}', '请求缺少必填的字段或参数'),
  'E-REQ-SCHEMA': entry('request', '请求不符合接口格式{detail}', '请求以其他方式不符合接口格式'),
  'E-REQ-TOO-LARGE': entry('request', '请求体过大：不得超过 {limit}', '请求体超过服务允许的大小', { status: 413 }),
  'E-REQ-TYPE': entry('request', '应为{expected}，实际是{actual}', '请求中的字段或参数类型不对'),
  'E-REQ-UNKNOWN-KEY': entry('request', '未知字段 {key}{hint}', '请求含有接口未定义的字段或参数（多为拼写错误，附最相近的名称）'),
  'E-REQ-URL': entry('request', '请求地址无效：{detail}', '请求地址中的百分号编码不正确，或无法匹配路由'),
  'E-REQ-URL-TOO-LONG': entry('request', '请求地址中的参数过长', '请求地址中的路径参数超过允许的长度', { status: 414 }),
} as const satisfies Record<string, CatalogueEntry>;
