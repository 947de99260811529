import { writeFile } from 'node:fs/promises';
import { exportNational, formatDiagnostic, validatePack, type PackData } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { ExportFlags } from '../syntax/export.ts';
import { UsageError } from '../usage-error.ts';

/** The exchange formats `export` and `import` know. */
export function checkFormat(format: string): void {
  if (format !== 'national') throw new UsageError('E-USAGE-EXCHANGE-FORMAT', `--format ${JSON.stringify(format)}：目前只支持 national（国家实施清单交换格式）`);
}

/** The pack's data, or null (errors printed) when it has errors. */
export async function packData(ctx: Context, dir: string): Promise<PackData | null> {
  const result = await validatePack(ctx.file(dir));
  if (result.pack) return result.pack;
  for (const d of result.errors) ctx.stderr.write(`错误 ${formatDiagnostic(d, dir)}\n`);
  ctx.stderr.write(`规则包 ${dir} 无法加载：${result.errors.length} 处错误（运行 bianmin validate --rules ${dir} 查看详情）\n`);
  return null;
}

export async function exportItems(ctx: Context, opts: ExportFlags): Promise<number> {
  checkFormat(opts.format);
  const pack = await packData(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const tasks = exportNational(pack);
  try {
    await writeFile(ctx.file(opts.out), JSON.stringify(tasks, null, 2) + '\n', 'utf8');
  } catch (e) {
    throw new UsageError('E-USAGE-OPTION', `--out ${opts.out} 无法写入：${(e as Error).message}`);
  }
  ctx.stdout.write(`已导出 ${tasks.length} 个事项到 ${opts.out}（国家实施清单交换格式）\n`);
  return EXIT.ok;
}
