/** Codes of kind `application`: an application to decide, as the window clerk or a client sends it. */
import { entry, type CatalogueEntry } from './entry.ts';

export const APPLICATION = {
  'E-APP-EMPTY': entry('application', '{field}不能为空', '申请中必须有内容的文字或列表为空'),
  'E-APP-ENUM': entry('application', '取值 {value} 不在允许范围内；可选：{allowed}', '申请中的取值不在允许的选项之内（如 intent 只能是 consult 或 apply）'),
  'E-APP-FACT': entry('application', '申请人事实“{label}”{problem}', '申请人事实的类型或取值与 facts.yaml 的声明不符'),
  'E-APP-PARTY': entry('application', '材料 {id}（{name}）{problem}', '每一方各需一份的材料（perParty）提交时没有写明是哪一方的（party），或写的不是该材料所列的一方'),
  'E-APP-RANGE': entry('application', '超出允许的范围：{detail}', '数值、文字长度、列表项数或字段个数超出申请格式允许的范围'),
  'E-APP-REQUIRED': entry('application', '缺少必填字段 {field}', '申请缺少必填字段（item、intent、applicant 等）'),
  'E-APP-SCHEMA': entry('application', '不符合申请格式：{detail}', '申请不是对象，或以其他方式不符合申请格式'),
  'E-APP-TIME': entry('application', "{what} '{value}' {reason}，例如 {example}", '收件时间或判断时间不是真实存在的时刻，或超出可计算期限的范围'),
  'E-APP-TYPE': entry('application', '应为{expected}，实际是{actual}', '申请中的字段类型不对（如年龄写成文字、材料写成数字）'),
  'E-APP-UNKNOWN-ITEM': entry('application', '事项编码 {code} 不存在{hint}', '申请的事项编码不在规则包中；附最相近的事项、转办机关和窗口', { status: 404 }),
  'E-APP-UNKNOWN-KEY': entry('application', '未知字段 {key}{hint}', '申请含有申请格式之外的字段（多为拼写错误，附最相近的字段名）'),
  'E-APPLICATION': entry('application', '申请文件 {file} 无效：{detail}', '登记办件时所附的申请文件不能判断（每处问题附 JSON 路径）'),
  'E-ITEM-UNKNOWN': entry('application', '没有事项 {code}{hint}', '请求的事项编码不在规则包中；附最相近的事项、转办机关和窗口', { status: 404 }),
  'E-APP-COMMITMENT': entry('application', '材料 {id}{name}{problem}', '申请以告知承诺代替（commitments）的材料不在事项的材料清单中，或该材料不接受告知承诺（事项中没有写 commitment）'),
  'E-APP-UNKNOWN-BUNDLE': entry('application', '“一件事”编码 {code} 不存在{hint}', '申请的“一件事”编码不在规则包的 bundles/ 中；附最相近的编码', { status: 404 }),
  'E-APP-BUNDLE-COMMITMENT': entry('application', '以承诺代替的材料 {id} 不在“一件事”{bundle}任何事项的材料清单中{hint}', '“一件事”申请的 commitments 中有哪个事项都没有的材料标识'),
  'E-APP-BUNDLE-MATERIAL': entry('application', '材料 {id} 写的事项 {code} 不在“一件事”{bundle}中{hint}', '“一件事”申请的材料写成 事项编码/标识，而该事项不在这件“一件事”中'),
} as const satisfies Record<string, CatalogueEntry>;
