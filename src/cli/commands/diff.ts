import { existsSync } from 'node:fs';
import { dataLocation } from '../records-context.ts';
import { formatInstant } from '../../calendar/index.ts';
import { PackLoadError, formatDiagnostic } from '../../pack/index.ts';
import type { Pack } from '../../engine/index.ts';
import { loadPack } from '../../documents/index.ts';
import { RecordsError } from '../../records/index.ts';
import { diffJson, diffText, loadScenarios, resolveBase, whatIf } from '../../scenarios/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import { writeText } from '../emit.ts';
import { progressLine } from '../printing.ts';
import { instantFlag } from '../time-flags.ts';
import type { DiffFlags } from '../syntax/diff.ts';
import { UsageError } from '../usage-error.ts';

export async function diff(ctx: Context, opts: DiffFlags): Promise<number> {
  if (opts.catalogue) return (await import('./diff-catalogue.ts')).diffCatalogue(ctx, opts);
  if (opts.base === undefined) throw new UsageError('E-USAGE-OPTION', '缺少 --base <目录或git版本>（与基准规则包对比），或用 --catalogue 对照基础目录');
  const baseArg = opts.base;
  const days = Number(opts.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new UsageError('E-USAGE-OPTION', `--days 应为 1 到 3660 之间的整数，实际是 ${JSON.stringify(opts.days)}`);
  }
  const list = listLimit(opts);
  const now = formatInstant(opts.at === undefined ? Date.now() : instantFlag(opts.at, '--at'));
  const current = await openPack(ctx, opts.rules);
  if (!current) return EXIT.invalid;
  // --base is a directory (relative to the working directory) or else a git revision.
  const base = await resolveBase(existsSync(ctx.file(baseArg)) ? ctx.file(baseArg) : baseArg, ctx.file(opts.rules));
  try {
    const basePack = await openBase(ctx, base.dir, base.label);
    if (!basePack) return EXIT.invalid;
    const suite = await loadScenarios(ctx.file(opts.rules), current);
    for (const d of suite.errors) ctx.stderr.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
    if (suite.errors.length > 0) ctx.stderr.write(`场景文件有 ${suite.errors.length} 处错误，相应场景不参加对比（运行 bianmin test 查看）\n`);
    let report;
    // On a terminal (not with --json): how far the replay of the register has got, 5 times a second at most.
    const progress = opts.data && !opts.json ? progressLine(ctx, '重放', { everyMs: 200, text: ({ done }) => `重放 ${done.toLocaleString('en-US')} 件登记的申请…` }) : null;
    try {
      const data = opts.data
        ? { dir: dataLocation(ctx, opts.data), days, now, list, packDirs: { base: base.dir, current: ctx.file(opts.rules) }, ...(progress ? { onProgress: (n: number) => progress.update({ done: n, total: Infinity }) } : {}) }
        : undefined;
      report = await whatIf({ base: basePack, current, suite, ...(data ? { data } : {}) });
    } catch (e) {
      if (!(e instanceof RecordsError) || ctx.output.json) throw e;
      // The register's messages name the data directory or file themselves.
      ctx.stderr.write(`错误：${e.message}\n`);
      return EXIT.invalid;
    } finally {
      progress?.end();
    }
    await writeText(ctx.stdout, opts.json ? jsonLine(diffJson({ base: base.label, rules: opts.rules }, report)) : diffText(report, { base: base.label, baseDir: base.dir, rulesDir: opts.rules }));
    return suite.errors.length > 0 ? EXIT.usage : EXIT.ok;
  } finally {
    await base.cleanup();
  }
}

/** Text reports list the first cases (for people); JSON lists every one (for programs) unless told. */
const TEXT_LIST = 100;

function listLimit(opts: DiffFlags): number {
  if (opts.all && opts.limit !== undefined) throw new UsageError('E-USAGE-OPTION', '--all 与 --limit 不能同用');
  if (opts.all) return Infinity;
  if (opts.limit === undefined) return opts.json ? Infinity : TEXT_LIST;
  const n = Number(opts.limit);
  if (!/^\d+$/.test(opts.limit) || !Number.isSafeInteger(n)) throw new UsageError('E-USAGE-OPTION', `--limit 应为 0 或正整数（件数），实际是 ${JSON.stringify(opts.limit)}`);
  return n;
}

/** The base pack, or null (errors printed, exit 1) when it does not load. */
async function openBase(ctx: Context, dir: string, label: string): Promise<Pack | null> {
  try {
    return await loadPack(dir);
  } catch (err) {
    if (!(err instanceof PackLoadError) || ctx.output.json) throw err;
    for (const d of err.errors) ctx.stderr.write(`错误 ${formatDiagnostic(d, dir)}\n`);
    ctx.stderr.write(`基准规则包（${label}）无法加载：${err.errors.length} 处错误\n`);
    return null;
  }
}

/** The JSON text, then the newline that ends the output. */
function* jsonLine(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}
