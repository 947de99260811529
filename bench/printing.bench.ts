// Printing (issue 18 point 8, issue 17 "large prints"), each figure beside its peer in the same run:
// - a notice PDF through the service (real HTTP on 127.0.0.1): the first (the browser starts),
//   then notices not yet printed (warm browser, uncached; target ≤ 1 s), then one printed again
//   (cached); beside them today's one-shot print that starts a browser per PDF;
// - the board binder of 500 items printed in one piece and in chunks, and 2,000 items in chunks
//   (time per page: linear or not; BENCH_PDF_WHOLE_LARGE=1 prints the 2,000 in one piece too);
// - window posters: the documented CLI `bianmin board --layout window` as one whole process, and 17
//   poster prints through one browser (a CLI run's) beside 17 one-shot prints.
// The load average is printed with each group: this 2-core machine is often shared.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { CHUNKS_END, CHUNKS_START, PdfRenderer, htmlToPdf, renderBoard, renderNotice, memorySequence, numbering, type BoardRenderOptions } from '../src/documents/index.ts';
import { loadPack } from '../src/index.ts';
import type { LoadedItem, PackData } from '../src/pack/model.ts';
import { buildServer } from '../src/server/app.ts';
import buildDist from '../test/cli/build-dist.ts';
import { median, type BenchResult } from './types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RULES = path.join(ROOT, 'rules');
const BIN = path.join(ROOT, 'bin', 'bianmin.js');
const SMALL = Number(process.env.BENCH_PDF_ITEMS ?? 500);
const LARGE = Number(process.env.BENCH_PDF_LARGE ?? 2000);
const NOTICES = Number(process.env.BENCH_PDF_NOTICES ?? 7);
const CLERK = 'bench-clerk-token-aaaaaaaaaaaa';

const load = (): string => os.loadavg()[0]!.toFixed(1);

/** The board with the cuts a chunked template has (added here only if the template has none yet). */
function withCuts(html: string): string {
  if (html.includes(CHUNKS_START)) return html;
  return html
    .replace('<main class="sheet">', `<main class="sheet">${CHUNKS_START}`)
    .replace(/<section class="(item|page)"/g, '<!--bianmin:chunk-->$&')
    .replace('</main>', `${CHUNKS_END}</main>`);
}

function withoutCuts(html: string): string {
  return html.replace(CHUNKS_START, '').replace(CHUNKS_END, '').replace(/<!--bianmin:chunk[^>]*-->/g, '');
}

function bigPack(pack: PackData, n: number): PackData {
  const base = [...pack.items.values()];
  const items = new Map<string, LoadedItem>();
  for (let i = 0; i < n; i++) {
    const src = base[i % base.length]!;
    const code = `GEN-${String(i + 1).padStart(4, '0')}`;
    items.set(code, { file: `items/gen-${i + 1}.yaml`, data: { ...src.data, code, name: `${src.data.name}（${i + 1}）` } });
  }
  return { ...pack, items };
}

async function notices(): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-bench-pdf-'));
  const app = await buildServer({ rules: RULES, data: path.join(dir, 'data'), log: false, watch: 'off', rateLimit: false, tokens: [{ name: 'bench', token: CLERK, role: 'clerk' }] });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const hrefs: string[] = [];
    for (let i = 0; i <= NOTICES; i++) {
      const res = await fetch(`${base}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CLERK}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          item: 'MZ-004',
          intent: 'apply',
          applicant: { type: 'person', name: `申请人${i}`, age: 80 + i, hukouLocal: true, forDependant: false },
          materials: ['id-card', 'household-register', 'application'],
          receivedAt: '2026-11-23T09:30:00+08:00',
          record: true,
          staff: 'chen-li',
        }),
      });
      if (res.status !== 201) throw new Error(`登记失败 ${res.status}: ${await res.text()}`);
      hrefs.push(((await res.json()) as { notice: { href: string } }).notice.href);
    }
    const pdf = async (href: string): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${base}${href}`, { headers: { authorization: `Bearer ${CLERK}`, accept: 'application/pdf' } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`PDF ${res.status}`);
      await PDFDocument.load(bytes);
      return ms;
    };
    const before = load();
    const first = await pdf(hrefs[0]!);
    const uncached: number[] = [];
    for (const href of hrefs.slice(1)) uncached.push(await pdf(href));
    const cached: number[] = [];
    for (let i = 0; i < 5; i++) cached.push(await pdf(hrefs[1]!));

    // Today's path beside it: a browser started for each PDF.
    const pack = await loadPack(RULES);
    const decision = await pack.decide({
      item: 'MZ-004',
      intent: 'apply',
      applicant: { type: 'person', age: 85, hukouLocal: true, forDependant: false },
      materials: ['id-card', 'household-register', 'application'],
      receivedAt: '2026-11-23T09:30:00+08:00',
    });
    const html = (await renderNotice(pack.data, decision, { numbering: numbering(pack.data.center.center.code, memorySequence()), date: '2026-11-23', applicant: { name: '张三' } })).html;
    const oneShot: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await htmlToPdf(html);
      oneShot.push(performance.now() - t0);
    }
    const warm = median(uncached);
    return [
      { name: `通知书 PDF 经服务，第一份（启动浏览器）（负载 ${before}）`, value: first, unit: 'ms' },
      { name: `通知书 PDF 经服务，未缓存、浏览器已热（${uncached.length} 份中位数）`, value: warm, unit: 'ms', target: '≤ 1 s', ok: warm <= 1000 },
      { name: '通知书 PDF 经服务，已缓存（5 次中位数）', value: median(cached), unit: 'ms' },
      { name: `对照：每份 PDF 启动一个浏览器（原 htmlToPdf，3 次中位数，负载 ${load()}）`, value: median(oneShot), unit: 'ms' },
    ];
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function binder(): Promise<BenchResult[]> {
  const pack = (await loadPack(RULES)).data;
  const renderer = await PdfRenderer.open({ warm: true });
  try {
    const print = async (n: number, chunked: boolean): Promise<{ ms: number; pages: number; chunks: number }> => {
      const html = renderBoard(bigPack(pack, n), { date: '2026-12-01' }).html;
      const t0 = performance.now();
      const result = await renderer.printDocument(chunked ? withCuts(html) : withoutCuts(html));
      return { ms: performance.now() - t0, pages: result.pages, chunks: result.chunkPages.length };
    };
    const before = load();
    const chunked = await print(SMALL, true);
    const whole = await print(SMALL, false);
    const large = await print(LARGE, true);
    // The large board in one piece too, when asked (minutes: the superlinear case chunking avoids).
    const largeWhole = process.env.BENCH_PDF_WHOLE_LARGE === '1' ? await print(LARGE, false) : null;
    return [
      { name: `汇编 ${SMALL} 个事项，分块打印（${chunked.chunks} 块，${chunked.pages} 页）（负载 ${before}）`, value: chunked.ms, unit: 'ms' },
      { name: `汇编 ${SMALL} 个事项，整份打印（${whole.pages} 页）`, value: whole.ms, unit: 'ms' },
      { name: `汇编 ${LARGE} 个事项，分块打印（${large.chunks} 块，${large.pages} 页）（负载 ${load()}）`, value: large.ms, unit: 'ms' },
      ...(largeWhole ? [{ name: `汇编 ${LARGE} 个事项，整份打印（${largeWhole.pages} 页）（负载 ${load()}）`, value: largeWhole.ms, unit: 'ms' }] : []),
      {
        name: `每页用时：${SMALL} 项分块 / 整份 / ${LARGE} 项分块${largeWhole ? ' / 整份' : ''}`,
        value: chunked.ms / chunked.pages,
        unit: `ms（${(whole.ms / whole.pages).toFixed(1)} / ${(large.ms / large.pages).toFixed(1)}${largeWhole ? ` / ${(largeWhole.ms / largeWhole.pages).toFixed(1)}` : ''}）`,
      },
    ];
  } finally {
    await renderer.close();
  }
}

async function posters(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  // The documented CLI, one whole process for every window's poster.
  buildDist();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bianmin-bench-posters-'));
  try {
    const out = path.join(dir, 'posters.pdf');
    const before = load();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'board', '--layout', 'window', '--paper', 'A3', '--public-url', 'https://bm.example.gov.cn', '--pdf', out, '--rules', RULES], { cwd: ROOT, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status === 0) {
      const pages = (await PDFDocument.load(await import('node:fs/promises').then((fs) => fs.readFile(out)))).getPageCount();
      results.push({ name: `bianmin board --layout window --paper A3（整个进程，${pages} 张海报）（负载 ${before}）`, value: ms, unit: 'ms', target: '≤ 10 s', ok: ms <= 10_000 });
    } else {
      results.push({ name: `bianmin board --layout window：命令失败（${(r.stderr.split('\n')[0] ?? '').slice(0, 80)}）`, value: ms, unit: 'ms', ok: false });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // 17 poster prints through one browser, beside 17 one-shot prints.
  const pack = (await loadPack(RULES)).data;
  const windows = pack.center.windows.map((w) => w.id);
  const docs: string[] = [];
  for (let i = 0; i < 17; i++) {
    const options: BoardRenderOptions = { date: '2026-12-01', layout: 'window', window: windows[i % windows.length]!, paper: 'A3', publicUrl: 'https://bm.example.gov.cn' };
    docs.push(renderBoard(pack, options).html);
  }
  const before = load();
  const t0 = performance.now();
  // As a CLI run opens it (src/cli/printing.ts): one page per core, up to 4.
  const renderer = await PdfRenderer.open({ concurrency: Math.max(1, Math.min(4, os.availableParallelism())) });
  await renderer.printMany(docs);
  await renderer.close();
  const pooled = performance.now() - t0;
  const t1 = performance.now();
  for (const html of docs) await htmlToPdf(html);
  const oneShot = performance.now() - t1;
  results.push(
    { name: `17 张窗口海报（A3），一个浏览器、${Math.min(4, os.availableParallelism())} 页并行（含启动）（负载 ${before}）`, value: pooled, unit: 'ms', target: '≤ 10 s', ok: pooled <= 10_000 },
    { name: `对照：17 张各启动一个浏览器（负载 ${load()}）`, value: oneShot, unit: 'ms' },
  );
  return results;
}

export default async function (): Promise<BenchResult[]> {
  const only = process.env.BENCH_PDF_ONLY;
  const groups: Array<[string, () => Promise<BenchResult[]>]> = [
    ['notices', notices],
    ['posters', posters],
    ['binder', binder],
  ];
  const results: BenchResult[] = [];
  for (const [name, run] of groups) if (!only || only.split(',').includes(name)) results.push(...(await run()));
  return results;
}
