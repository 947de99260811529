/**
 * What a draft would do: its scenarios run (the JSON of `bianmin test --coverage --json`), its
 * documents rendered (一次性告知单, guide, the board's item page, decision notices) and what it
 * changes — a unified diff per file and the what-if comparison of `bianmin diff --data --json`,
 * the draft as new and the live pack as old.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { formatInstant } from '../calendar/index.ts';
import { NOTICE_TYPES, renderBoard, renderGuide, renderNotice, type NoticeType } from '../documents/index.ts';
import type { Pack } from '../engine/index.ts';
import type { Application, Decision } from '../pack/index.ts';
import { coverageOf, loadScenarios, runSuite, testRunJson, TESTS_DIR, whatIf, type TestRun } from '../scenarios/index.ts';
import type { DraftRecord, DraftState } from './drafts-store.ts';
import { HttpError } from './http-error.ts';
import { decideOrReject } from './register.ts';
import { unknownItem } from './unknown-item.ts';
import type { Workbench } from './workbench.ts';

/** The number shown on previewed notices: a draft never draws from the document-number series. */
export const PREVIEW_NUMBER = '（草稿预览，未编号）';

/**
 * The draft's tests/ in a scratch directory (the pack's scenario files, with the draft's own in
 * their place), since scenarios are read from a directory; removed afterwards.
 */
async function withTestsDir<T>(wb: Workbench, record: DraftState, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-draft-tests-'));
  try {
    const tests = path.join(dir, TESTS_DIR);
    await mkdir(tests);
    const names = await readdir(path.join(wb.rules, TESTS_DIR)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith('.') || record.overlay.has(`${TESTS_DIR}/${name}`)) continue;
      await cp(path.join(wb.rules, TESTS_DIR, name), path.join(tests, name), { dereference: false }).catch(() => undefined);
    }
    for (const [rel, file] of record.overlay) {
      const m = /^tests\/([^/]+)$/.exec(rel);
      if (m && file !== null) await cp(file, path.join(tests, m[1]!));
    }
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface TestRequest {
  readonly files?: readonly string[];
  readonly name?: string;
}

/** Runs the draft's scenarios; `json` is what `bianmin test --coverage --json` prints. */
export async function testDraft(wb: Workbench, record: DraftState, request: TestRequest = {}): Promise<{ run: TestRun; json: Record<string, unknown> }> {
  const pack = await wb.packOf(record);
  return withTestsDir(wb, record, async (dir) => {
    const files = request.files && request.files.length > 0 ? request.files : undefined;
    const suite = await loadScenarios(dir, pack, { ...(files ? { files } : {}), ...(request.name !== undefined ? { name: request.name } : {}) });
    const run = await runSuite(suite, pack);
    return { run, json: testRunJson(run, wb.rules, pack ? coverageOf(pack, run.results) : null) };
  });
}

export interface RenderRequest {
  readonly doc: string;
  readonly item?: string;
  readonly application?: Application;
  readonly decision?: Decision;
}

export const RENDER_DOCS = ['guide', 'board-item', ...NOTICE_TYPES] as const;

/** The HTML of a document as the draft would print it. */
export async function renderDraft(pack: Pack, request: RenderRequest): Promise<string> {
  const code = request.item ?? request.application?.item ?? request.decision?.item;
  if (request.doc === 'guide' || request.doc === 'board-item') {
    if (!code) throw new HttpError('E-REQ-REQUIRED', '请写明事项编码 item', '$.item');
    const loaded = pack.data.items.get(code);
    if (!loaded) throw unknownItem(pack, code, '$.item');
    if (request.doc === 'guide') return renderGuide(pack.data, code).html;
    // The board's page of this one item: the board of a pack holding only it.
    return renderBoard({ ...pack.data, items: new Map([[code, loaded]]) }).html;
  }
  if (!(NOTICE_TYPES as readonly string[]).includes(request.doc)) {
    throw HttpError.of('E-DRAFT-DOC', { detail: `不认识的文书种类 ${JSON.stringify(request.doc).slice(0, 40)}；可选：${RENDER_DOCS.join('、')}` }, { path: '$.doc' });
  }
  const type = request.doc as NoticeType;
  let decision = request.decision;
  if (!decision) {
    if (!code) throw new HttpError('E-REQ-REQUIRED', '请写明事项编码 item，或提供申请 application 或决定 decision', '$.item');
    if (!pack.data.items.has(code)) throw unknownItem(pack, code, '$.item');
    const base: Application = request.application ?? { item: code, intent: type === 'consultation' ? 'consult' : 'apply', applicant: { type: 'person' }, receivedAt: formatInstant(Date.now()) };
    const application: Application = { ...base, item: code, ...(type === 'consultation' ? { intent: 'consult' as const } : {}), receivedAt: base.receivedAt ?? formatInstant(Date.now()) };
    decision = await decideOrReject(pack, application, request.application ? '$.application' : '$');
  }
  return (await renderNotice(pack.data, decision, { type, number: PREVIEW_NUMBER })).html;
}

export interface FileDiff {
  readonly path: string;
  readonly state: 'changed' | 'added' | 'deleted';
  readonly unified: string;
}

/** The unified diff of every file the draft changes (live as a/, draft as b/). */
export async function fileDiffs(wb: Workbench, record: DraftRecord): Promise<FileDiff[]> {
  const out: FileDiff[] = [];
  for (const [rel, file] of record.overlay) {
    const old = await readFile(path.join(wb.rules, rel), 'utf8').catch(() => null);
    const now = file === null ? null : await readFile(file, 'utf8');
    const state = now === null ? 'deleted' : old === null ? 'added' : 'changed';
    out.push({ path: rel, state, unified: unified(rel, old, now) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export function unified(rel: string, old: string | null, now: string | null): string {
  return createTwoFilesPatch(old === null ? '/dev/null' : `a/${rel}`, now === null ? '/dev/null' : `b/${rel}`, old ?? '', now ?? '', undefined, undefined, { context: 3 });
}

/** Changed cases a draft's what-if lists on the page (the rest are counted): a browser table of a large hall's month stays readable. */
const DRAFT_LIST = 200;

/** `bianmin diff --data --json --limit 200` of the draft (new) against the live pack (old), over the scenarios and the register's recent applications. */
export async function whatIfDraft(wb: Workbench, record: DraftRecord, live: Pack, liveVersion: string, days = 30): Promise<Record<string, unknown>> {
  const current = await wb.packOf(record);
  return withTestsDir(wb, record, async (dir) => {
    const suite = await loadScenarios(dir, current);
    const report = await whatIf({ base: live, current, suite, data: { dir: wb.dataDir, days, now: formatInstant(Date.now()), list: DRAFT_LIST } });
    return { base: `现行规则包 ${liveVersion}`, rules: `草稿 ${record.meta.id}`, ...report };
  });
}
