import { dataLocation } from '../records-context.ts';
import {
  numbering,
  parseAnnouncementInput,
  parseComplaintsInput,
  renderAnnouncement,
  renderComplaintResult,
  renderNotice,
  renderCommitment,
  documentSchema,
  DOCUMENT_TYPES,
  type DocumentType,
  type NoticeType,
  type RenderedDocument,
  type SequenceStore,
} from '../../documents/index.ts';
import { applicantFromApplication, applicantOf, bundleDecisionFrom, decisionFrom, readInputFile, renderBundleNotice } from '../../documents/index.ts';
import { openRecords, type Records } from '../../records/index.ts';
import type { Context } from '../context.ts';
import { emit } from '../emit.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import { RENDER_TYPES as TYPES, type RenderFlags } from '../syntax/render.ts';
import { dateFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

export async function render(ctx: Context, opts: RenderFlags): Promise<number> {
  if (opts.date !== undefined) dateFlag(opts.date, '--date');
  if (opts.schema && (DOCUMENT_TYPES as readonly string[]).includes(opts.doc)) {
    ctx.stdout.write(JSON.stringify(documentSchema(opts.doc as DocumentType), null, 2) + '\n');
    return EXIT.ok;
  }
  if (!(TYPES as readonly string[]).includes(opts.doc)) {
    throw new UsageError('E-USAGE-OPTION', `未知的文书类型 ${opts.doc}；可选：${TYPES.join('、')}（办事指南用 bianmin guide，政务公开栏用 bianmin board）`);
  }
  if (!opts.input) throw new UsageError('E-USAGE-OPTION', "必须提供选项 '--input <文件>'");
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  // The data directory is opened (as its writer) only when a new number is actually taken.
  const opened: { records?: Records } = {};
  const series: SequenceStore = {
    next: async (prefix, year) => {
      if (!opened.records) {
        opened.records = await openRecords(dataLocation(ctx, opts.data), pack);
        for (const w of opened.records.warnings) ctx.stderr.write(`警告：${w}\n`);
      }
      return opened.records.sequences.next(prefix, year);
    },
  };
  try {
    const input = await readInputFile(ctx.file(opts.input));
    const numbers = numbering(pack.data.center.center.code, series);
    const common = { ...(opts.date ? { date: opts.date } : {}), ...(opts.number ? { number: opts.number } : { numbering: numbers }) };
    let doc: RenderedDocument;
    if (opts.doc === 'announcement') {
      doc = await renderAnnouncement(pack.data, parseAnnouncementInput(input.data, `${opts.input} `), common);
    } else if (opts.doc === 'complaint-result') {
      doc = await renderComplaintResult(pack.data, parseComplaintsInput(input.data, `${opts.input} `), common);
    } else if (opts.doc === 'bundle-notice') {
      // 一件事: the one notice of a bundle decision (bianmin decide --bundle --json); the application's applicant heads it.
      const { decision, applicant } = bundleDecisionFrom(input);
      const application = opts.application ? (await readInputFile(ctx.file(opts.application))).data : null;
      const fromApplication = application !== null && typeof application === 'object' ? applicantOf((application as { applicant?: unknown }).applicant) : null;
      doc = await renderBundleNotice(pack.data, decision, { ...common, applicant: fromApplication ?? applicant, ...(opts.handler ? { handler: opts.handler } : {}) });
    } else if (opts.doc === 'commitment') {
      const { decision, applicant } = decisionFrom(input);
      const fromApplication = opts.application ? applicantFromApplication(await readInputFile(ctx.file(opts.application))) : null;
      doc = renderCommitment(pack.data, decision, { ...(opts.date ? { date: opts.date } : {}), applicant: fromApplication ?? applicant });
    } else {
      const { decision, applicant } = decisionFrom(input);
      const fromApplication = opts.application ? applicantFromApplication(await readInputFile(ctx.file(opts.application))) : null;
      doc = await renderNotice(pack.data, decision, {
        ...common,
        type: opts.doc as NoticeType,
        applicant: fromApplication ?? applicant,
        ...(opts.handler ? { handler: opts.handler } : {}),
      });
    }
    await emit(ctx, doc, opts.out);
    return EXIT.ok;
  } finally {
    await opened.records?.close();
  }
}
