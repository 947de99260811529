/**
 * Documents: the papers a window hands out (一次性告知单, 补正材料通知书, 受理通知书/承诺件通知书,
 * 即办件回执, 退回件通知书, 不予受理通知书), the service guide, the public board and the published
 * announcements, as self-contained printable HTML (and PDF through the system Chromium).
 */
export { renderCommitment } from './documents.ts';
export type { CommitmentOptions } from './views/commitment.ts';
export { renderNotice, renderGuide, renderBoard, boardOptionProblem, renderAnnouncement, renderComplaintResult } from './documents.ts';
export { BOARD_LAYOUTS, guideUrl, type BoardLayout, type BoardReviewsInput } from './views/board.ts';
export type { RenderedDocument, PublicationOptions, BoardRenderOptions, NumberedOptions } from './documents.ts';
export { noticeTypeOf, NOTICE_TITLES, type NoticeOptions, type ApplicantInfo } from './views/notice.ts';
export { renderBundleNotice, bundleNoticeData, bundleDecisionFrom, applicantOf, type BundleNoticeOptions } from './views/bundle.ts';
export { checkTemplates, withTemplateChecks, templatesFor, DEFAULT_TEMPLATES, BUILTIN_TEMPLATE_DIR, type CompiledTemplates } from './templates.ts';
export { documentSchema, DOCUMENT_TYPES, NOTICE_TYPES, PAPERS, type DocumentType, type NoticeType, type DocumentData } from './shapes.ts';
export { numbering, memorySequence, formatDocumentNumber, type DocumentNumbering, type SequenceStore } from './numbering.ts';
export { parseAnnouncementInput, parseComplaintsInput, type AnnouncementInput, type ComplaintsInput, type CompletionRecord, type ComplaintRecord } from './inputs.ts';
export { htmlToPdf, PdfRenderer, PdfUnavailableError, CHROMIUM_PATH, splitChunks, CHUNKS_START, CHUNKS_END, type ChunkedDocument, type Paper as PdfPaper, type PrintOptions, type PrintProgress, type PrintResult } from './pdf.ts';
export { DocumentError } from './errors.ts';
export { loadPack } from './load-pack.ts';
export { applicantFromApplication, decisionFrom, readInputFile } from './input-file.ts';
export { writeDocument, type WriteOptions } from './output.ts';
export { maskPublicData } from './public.ts';
export { qrSvg, qrDataUri, type QrOptions } from './qr.ts';
/** The Chinese words documents and the CLI print for the engine's codes (necessity, form, kind …). */
export { LABELS } from './labels.ts';
