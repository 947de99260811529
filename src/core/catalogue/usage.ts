/** Codes of kind `usage`: the command line. The CLI words each case itself; the templates give the general form. */
import { entry, type CatalogueEntry } from './entry.ts';

export const USAGE = {
  'E-USAGE-OPTION': entry('usage', '选项有误：{detail}', '命令行选项有误：未知选项、选项缺少取值、缺少必须提供的选项、取值无效，或几个选项不能同时使用'),
  'E-USAGE-ARGUMENT': entry('usage', '参数有误：{detail}', '命令的参数有误：缺少参数、参数过多，或参数的取值无效'),
  'E-USAGE-COMMAND': entry('usage', '未知命令：{detail}', '未知命令（bianmin --help 列出全部命令）'),
  'E-USAGE-FILE': entry('usage', '无法读取输入文件：{detail}', '命令行指定的输入文件无法读取：不存在、无权限，或不是文件'),
  'E-USAGE-ANSWER': entry('usage', '新建规则包的回答有误：{detail}', 'bianmin init（或工作台“新建规则包”）的回答缺项或有误：中心名称、电话、办公时段、窗口和工作人员，定位到回答的 JSON 路径'),
  'E-USAGE-DIR': entry('usage', '目录不能用于新建规则包：{detail}', 'bianmin init 的目标目录不是空目录（或是文件），不会覆盖已有的文件'),
  'E-USAGE-EXCHANGE-FORMAT': entry('usage', '不支持的交换格式：{detail}', 'bianmin export / import 的 --format 不是支持的交换格式（目前只有 national 国家实施清单交换格式）'),
  'E-USAGE-NATIONAL-JSON': entry('usage', '交换文件不是有效的 JSON：{detail}', 'bianmin import --format national 读入的文件不是 JSON（指出行列）', { exit: 1 }),
  'E-USAGE-NATIONAL-SHAPE': entry('usage', '交换文件的内容有误：{detail}', 'bianmin import --format national 读入的事项不符合国家实施清单交换格式：不是数组、字段类型不对、未知字段、缺少必填字段、新事项缺少本地编码等，定位到 JSON 路径', { exit: 1 }),
} as const satisfies Record<string, CatalogueEntry>;
