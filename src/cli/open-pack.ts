import type { Pack } from '../engine/index.ts';
import { loadPack } from '../documents/index.ts';
import { formatDiagnostic, PackLoadError } from '../pack/index.ts';
import type { Context } from './context.ts';

/**
 * Loads the pack for a command; prints every diagnostic and gives null (exit 1) when it is invalid.
 * With `--json` the PackLoadError goes on to the reporter, which prints it (each diagnostic a detail).
 */
export async function openPack(ctx: Context, dir: string): Promise<Pack | null> {
  try {
    return await loadPack(ctx.file(dir));
  } catch (err) {
    if (!(err instanceof PackLoadError) || ctx.output.json) throw err;
    for (const d of err.errors) ctx.stderr.write(`错误 ${formatDiagnostic(d, d.file === dir || d.file === ctx.file(dir) ? '' : dir)}\n`);
    ctx.stderr.write(`规则包 ${dir} 无法加载：${err.errors.length} 处错误（运行 bianmin validate --rules ${dir} 查看详情）\n`);
    return null;
  }
}
