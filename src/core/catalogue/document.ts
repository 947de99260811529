/**
 * Codes of kind `document`: document templates (located at file:line:column, reported by
 * `bianmin validate`), the data and input files a document is made from, and printing.
 */
import { entry, type CatalogueEntry } from './entry.ts';

export const DOCUMENT = {
  'E-DOC-BOARD-OPTION': entry('document', '公开栏选项有误：{detail}', '公开栏的版式、纸张、窗口等选项不能这样组合（如窗口只用于窗口海报，办事指南汇编只印 A4、显示屏页面只有汇编版式）', { status: 400, exit: 2 }),
  'E-DOC-DATA': entry('document', '文书数据有误：{detail}', '出具文书的数据不完整或格式不对（日期、金额、时限、取值、缺件不在材料清单中……）'),
  'E-DOC-INPUT': entry('document', '输入文件 {file} 无效：{detail}', 'bianmin render、board 的输入文件无法读取，或不是有效的决定、申请、办结记录或投诉处理记录（附文件、行、列）'),
  'E-DOC-ITEM': entry('document', '事项 {code} 不在规则包中{hint}', '要出具文书或办事指南的事项不在规则包中', { status: 404 }),
  'E-DOC-MISMATCH': entry('document', '该决定是{kind}，不能出具{title}；应出具{expected}', '所选的文书与决定不符（如给受理件出具补正通知书），或决定中没有出具所需的办结期限'),
  'E-DOC-NUMBER': entry('document', '文书编号有误：{detail}', '出具文书需要文书编号而没有编号来源，或编号的年份无效'),
  'E-DOC-OUTPUT': entry('document', '输出文件 {file} 的扩展名应为 .html 或 .pdf', '--out 指定的输出文件扩展名不是 .html、.htm 或 .pdf'),
  'E-DOC-RENDER': entry('document', '生成文书时出错（模板 {template}）：{detail}', '按模板生成文书时出错（如数据中缺少模板要用的值）'),
  'E-DOC-TEMPLATE-INVALID': entry('document', '文书模板有 {count} 处错误，无法生成文书：', '规则包的文书模板有错误（每处错误附文件和行号），不能生成文书'),
  'E-DOC-TEMPLATE-UNKNOWN': entry('document', '没有名为 {name} 的文书模板', '要用的模板不存在，或没有登记为该类文书的模板'),
  'E-DOC-UNMASKED': entry('document', '公开文书不得显示完整的身份证号或手机号：{detail}', '公开文书（办事指南、公开栏、办结公告、投诉处理结果）中由模板本身写出了完整的身份证号或手机号，拒绝生成'),
  'E-DOC-WINDOW': entry('document', '没有窗口 {id}{hint}', '要生成海报的窗口（--window、window=）不在 center.yaml 中；附最相近的窗口和已声明的全部窗口', { status: 404, exit: 2 }),
  'E-NOTICE-NOT-FOUND': entry('document', '没有文号为 {number} 的文书', '按文号补打文书：登记簿中没有这个文号的文书', { status: 404 }),
  'E-NOTICE-UNAVAILABLE': entry('document', '办件 {id} 的文书无法按现行规则包出具：{detail}', '办件的文书无法按现行规则包出具（如事项已从规则包中删除）', { status: 409 }),
  'E-PDF-BUSY': entry('document', '正在生成的 PDF 过多，请稍后再试（或先查看 HTML 版本）', '排队生成的 PDF 过多，请稍后再试或先看 HTML 版本', { status: 429 }),
  'E-PDF-UNAVAILABLE': entry('document', '暂时无法生成 PDF：{detail}；HTML 版本可正常查看', '找不到或无法启动 Chromium，不能生成 PDF（HTML 版本不受影响）', { status: 503 }),
  'E-TEMPLATE-BLOCK': entry('document', '块写法有误：{detail}', '{{#if}}、{{#each}}、{{#with}} 等块的写法或参数不对'),
  'E-TEMPLATE-EXTERNAL': entry('document', '引用了外部资源（{resource}）：文书必须自包含，样式和图片都要内嵌', '模板引用了外部资源（网址、外部样式或图片）'),
  'E-TEMPLATE-FIELD': entry('document', '字段有误：{detail}', '模板用了该类文书数据中没有的字段（附“是否应为 …？”）或不能在此处用的数据变量'),
  'E-TEMPLATE-HELPER': entry('document', '帮助函数有误：{detail}', '未知的帮助函数，或帮助函数的参数个数、写法不对'),
  'E-TEMPLATE-MAYBE-EMPTY': entry('document', '`{owner}` 可能为空（null），使用 `{field}` 前请先用 {{#if {owner}}} 判断', '可能为空的值没有先用 {{#if}} 判断就使用'),
  'E-TEMPLATE-PARSE': entry('document', '模板语法错误：{detail}', '模板语法错误（{{ }} 不成对、块的开头和结尾不匹配……）'),
  'E-TEMPLATE-PARTIAL': entry('document', '局部模板有误：{detail}', '局部模板 {{> _名称}} 不存在、递归引用自己，或上下文写法不对'),
  'E-TEMPLATE-READ': entry('document', '无法读取模板（{reason}）', '模板文件无法读取（失效的快捷方式、没有权限……）'),
  'E-TEMPLATE-TYPE': entry('document', '类型不符：{detail}', '值的类型与用法不符（如把对象直接显示、对文字用 {{#each}}、帮助函数的参数类型不对）'),
  'E-TEMPLATE-UNESCAPED': entry('document', '不允许用 {{{ }}} 或 {{& }} 输出不转义的内容：申请人填写的内容可能含有 HTML 代码，必须转义后显示', '用 {{{ }}} 或 {{& }} 输出不转义的内容'),
  'E-TEMPLATE-UNMASKED': entry('document', '模板中写有完整的{kind}（{text}）：文书模板不得含个人的身份证号或手机号；中心公布的电话请写在 center.yaml 或事项的 phone 中', '文书模板的文字中写有完整的身份证号或手机号（规则包中公布的电话除外）'),
  'E-TEMPLATE-UNSUPPORTED': entry('document', '不支持的模板写法（{detail}）', '不支持的模板写法（如 {{#> 局部模板}} 块、装饰器）'),
  'W-TEMPLATE-UNUSED': entry('document', '模板 {name} 没有被使用：文书模板应命名为 {names} 之一，或由事项的 documents 引用；局部模板以 _ 开头', '规则包 templates/ 中的模板没有被任何文书使用', { severity: 'warning' }),
  'E-DOC-COMMITMENT': entry('document', '决定中没有以告知承诺代替的材料（committed）{detail}，无需出具告知承诺书', '要出具告知承诺书，而决定没有以承诺代替的材料（申请未写 commitments，或申请人不适用告知承诺）'),
} as const satisfies Record<string, CatalogueEntry>;
