import type { Command } from 'commander';
import {
  DocumentError,
  fileSequence,
  numbering,
  parseAnnouncementInput,
  parseComplaintsInput,
  renderAnnouncement,
  renderComplaintResult,
  renderNotice,
  NOTICE_TYPES,
  documentSchema,
  DOCUMENT_TYPES,
  type DocumentType,
  type NoticeType,
  type RenderedDocument,
} from '../../documents/index.ts';
import { applicantFromApplication, decisionFrom, readInputFile } from '../../documents/index.ts';
import { writeDocument } from '../../documents/index.ts';
import { EXIT } from '../exit.ts';
import { openPack } from './calendar.ts';

const TYPES = [...NOTICE_TYPES, 'announcement', 'complaint-result'] as const;

interface RenderFlags {
  doc: string;
  input?: string;
  schema?: boolean;
  out?: string;
  application?: string;
  handler?: string;
  date?: string;
  number?: string;
  numbers: string;
  rules: string;
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('生成文书（可打印的 HTML 或 PDF）：一次性告知单、补正材料通知书、受理通知书、即办件回执、退回件通知书、不予受理通知书、办结公告、投诉处理结果通报')
    .requiredOption('--doc <类型>', `文书类型：${TYPES.join(' | ')}`)
    .option('--input <文件>', '输入：决定（bianmin decide --json 的输出，或 {decision, applicant}）；办结公告为 {entries}；投诉通报为 {complaints, period}')
    .option('--schema', '不生成文书，输出该类文书（含 guide、board）模板可用的数据格式（JSON Schema），供编写模板参考')
    .option('--out <文件>', '输出文件：.html 或 .pdf（不写则把 HTML 输出到标准输出）')
    .option('--application <文件>', '申请文件（取申请人姓名，用于抬头）')
    .option('--handler <标识>', '经办人（center.yaml 中工作人员的标识），默认为受理窗口的 A岗')
    .option('--date <日期>', '出具日期 YYYY-MM-DD，默认今天（北京时间）')
    .option('--number <编号>', '使用指定的文书编号（补打时），不再取新号')
    .option('--numbers <文件>', '文书编号计数文件', 'data/document-numbers.json')
    .option('--rules <目录>', '规则包目录', 'rules')
    .action(async (opts: RenderFlags, cmd: Command) => {
      if (opts.schema && (DOCUMENT_TYPES as readonly string[]).includes(opts.doc)) {
        process.stdout.write(JSON.stringify(documentSchema(opts.doc as DocumentType), null, 2) + '\n');
        return;
      }
      if (!(TYPES as readonly string[]).includes(opts.doc)) {
        cmd.error(`错误：未知的文书类型 ${opts.doc}；可选：${TYPES.join('、')}（办事指南用 bianmin guide，政务公开栏用 bianmin board）`, { exitCode: EXIT.usage });
      }
      if (!opts.input) cmd.error("错误：必须提供选项 '--input <文件>'", { exitCode: EXIT.usage });
      const pack = await openPack(opts.rules);
      if (!pack) return;
      try {
        const input = await readInputFile(opts.input!);
        const numbers = numbering(pack.data.center.center.code, fileSequence(opts.numbers));
        const common = { ...(opts.date ? { date: opts.date } : {}), ...(opts.number ? { number: opts.number } : { numbering: numbers }) };
        let doc: RenderedDocument;
        if (opts.doc === 'announcement') {
          doc = await renderAnnouncement(pack.data, parseAnnouncementInput(input.data, `${opts.input} `), common);
        } else if (opts.doc === 'complaint-result') {
          doc = await renderComplaintResult(pack.data, parseComplaintsInput(input.data, `${opts.input} `), common);
        } else {
          const { decision, applicant } = decisionFrom(input);
          const fromApplication = opts.application ? applicantFromApplication(await readInputFile(opts.application)) : null;
          doc = await renderNotice(pack.data, decision, {
            ...common,
            type: opts.doc as NoticeType,
            applicant: fromApplication ?? applicant,
            ...(opts.handler ? { handler: opts.handler } : {}),
          });
        }
        await emit(doc, opts.out);
        process.exitCode = EXIT.ok;
      } catch (err) {
        if (!(err instanceof DocumentError)) throw err;
        process.stderr.write(`错误：${err.message}\n`);
        process.exitCode = EXIT.invalid;
      }
    });
}

/** Writes the document to `out` (HTML or PDF by extension), or its HTML to stdout. */
export async function emit(doc: RenderedDocument, out: string | undefined): Promise<void> {
  if (!out) {
    process.stdout.write(doc.html);
    return;
  }
  const kind = await writeDocument(out, doc.html);
  process.stderr.write(`已生成${doc.title}${doc.number ? ` ${doc.number}` : ''}（${kind.toUpperCase()}）：${out}\n`);
}
