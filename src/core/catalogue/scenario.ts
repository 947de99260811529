/**
 * Codes of kind `scenario`: a scenario test file under rules/tests/ that is written wrong, located
 * at file:line:column (`bianmin test` exits 2), and a base pack `bianmin diff --base` cannot use.
 */
import { entry, type CatalogueEntry } from './entry.ts';

export const SCENARIO = {
  'E-SCENARIO-ACTION': entry('scenario', '处理“{action}”未在 policy.yaml 的 discipline.actions 中声明{hint}', '期望的责任追究处理不在 policy.yaml 的处理措施中，附建议'),
  'E-SCENARIO-BASE': entry('scenario', '无法使用基准规则包：{detail}', 'bianmin diff --base 的基准既不是目录，也不是规则包所在 git 仓库中的版本，或无法从 git 取出'),
  'E-SCENARIO-COMPLAINT': entry('scenario', '须写明被投诉的工作人员 `staff` 或窗口 `window`（至少一项）', '历史记录中的投诉既没有写被投诉的工作人员，也没有写窗口'),
  'E-SCENARIO-DUPLICATE': entry('scenario', '重复：{detail}', '同一文件内场景名称重复，或同一工作人员以标识和姓名各写了一次'),
  'E-SCENARIO-FACT': entry('scenario', '申请人事实 `{fact}` 未在 facts.yaml 中声明{hint}', '申请人事实未在 facts.yaml 中声明，附建议'),
  'E-SCENARIO-GRADE': entry('scenario', '{what}“{grade}”未声明；可选：{allowed}', '期望的考评等级或历史中的评价等级不在 policy.yaml 中'),
  'E-SCENARIO-ITEM': entry('scenario', '事项编码“{code}”在规则包中不存在{hint}', '事项编码不在规则包中（或是转办目录中不归本中心办理的事项），附建议'),
  'E-SCENARIO-MATERIAL': entry('scenario', '材料“{id}”不在事项 {item} 的材料清单中{hint}', '期望的缺件或容缺材料不在事项的材料清单中，或写了任选其一材料中的一项而不是整组'),
  'E-SCENARIO-NO-ITEM': entry('scenario', '写了 `{key}` 就必须写 `item`（事项编码）', '写了申请内容（材料、申请人、收件时间……）或受理结果的期望，却没有写事项 item'),
  'E-SCENARIO-NOW': entry('scenario', '期望 `{key}` 是某一时刻的结果：请在场景中写 `now`（例如 2026-12-04 10:00）', '期望预警、责任追究或考评等级，或写了历史记录，却没有写统计时刻 now'),
  'E-SCENARIO-PHRASE': entry('scenario', '服务忌语有误：{detail}', '使用服务忌语的记录没有写原话，或原话中没有 policy.yaml 所列的忌语'),
  'E-SCENARIO-REASON': entry('scenario', '理由“{reason}”须写明种类：{hint}', '期望的理由只写了标识，没有写种类前缀（condition:、material:、mode:、referral:），附应写的形式'),
  'E-SCENARIO-RECEIVED': entry('scenario', '写了 `item` 就必须写收件时间 `received`（例如 2026-11-23 09:30），否则结果会随运行的日子变化', '写了事项却没有写收件时间 received'),
  'E-SCENARIO-RULE': entry('scenario', '“{rule}”不是事项 {item} 可给出的理由（condition:受理条件、material:材料、mode:办理方式分支、referral:转办事项）{hint}', '期望的理由不是事项的受理条件、材料、办理方式分支或转办事项，附建议'),
  'E-SCENARIO-STAFF': entry('scenario', '工作人员“{staff}”未在 center.yaml 中声明{hint}', '工作人员（标识或姓名）未在 center.yaml 中声明，附建议'),
  'E-SCENARIO-TIME': entry('scenario', '时间“{value}”不是真实存在的日期或时刻，例如 2026-11-23 09:30', '时间不存在，或先后颠倒（受理早于收件、now 早于收件、历史记录晚于 now、办结早于受理）'),
  'E-SCENARIO-WINDOW': entry('scenario', '窗口“{window}”未在 center.yaml 中声明{hint}', '历史记录中的窗口未在 center.yaml 中声明，附建议'),
  'W-SCENARIO-MATERIAL': entry('scenario', '材料“{id}”不在事项 {item} 的材料清单中{hint}', '提交的材料不在事项的材料清单中（当作多余的材料，不影响判断）', { severity: 'warning' }),
} as const satisfies Record<string, CatalogueEntry>;
