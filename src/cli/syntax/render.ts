import type { Command } from 'commander';
import type { NOTICE_TYPES as NoticeTypes } from '../../documents/index.ts';
import type { Run } from '../context.ts';

// The documents' list, restated so that --help loads no renderer; the type ties it to theirs.
const NOTICE_TYPES: typeof NoticeTypes = ['consultation', 'supplement', 'correctable', 'accepted', 'immediate', 'returned', 'rejected'];
export const RENDER_TYPES = [...NOTICE_TYPES, 'announcement', 'complaint-result', 'commitment', 'bundle-notice'] as const;

export interface RenderFlags {
  doc: string;
  input?: string;
  schema?: boolean;
  out?: string;
  application?: string;
  handler?: string;
  date?: string;
  number?: string;
  data: string;
  rules: string;
}

export function renderSyntax(program: Command, run: Run): void {
  program
    .command('render')
    .description('生成文书（可打印的 HTML 或 PDF）：一次性告知单、补正材料通知书、受理通知书、即办件回执、退回件通知书、不予受理通知书、办结公告、投诉处理结果通报、告知承诺书（commitment：决定中有以承诺代替的材料时）')
    .requiredOption('--doc <类型>', `文书类型：${RENDER_TYPES.join(' | ')}`)
    .option('--input <文件>', '输入：决定（bianmin decide --json 的输出，或 {decision, applicant}）；办结公告为 {entries}；投诉通报为 {complaints, period}')
    .option('--schema', '不生成文书，输出该类文书（含 guide、board）模板可用的数据格式（JSON Schema），供编写模板参考')
    .option('--out <文件>', '输出文件：.html 或 .pdf（不写则把 HTML 输出到标准输出）')
    .option('--application <文件>', '申请文件（取申请人姓名，用于抬头）')
    .option('--handler <标识>', '经办人（center.yaml 中工作人员的标识），默认为受理窗口的 A岗')
    .option('--date <日期>', '出具日期 YYYY-MM-DD，默认今天（北京时间）')
    .option('--number <编号>', '使用指定的文书编号（补打时），不再取新号')
    .option('--data <目录>', '数据目录（登记簿）：新文书编号从其中的文书编号序列取号（与登记办件共用一个序列；用 --number 时不需要）', 'data')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action((opts: RenderFlags) => run(async (ctx) => (await import('../commands/render.ts')).render(ctx, opts)));
}
