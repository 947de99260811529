import { formatDiagnostic, plainDiagnostic, validateCatalogue } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { ValidateFlags } from '../syntax/validate.ts';

/**
 * `bianmin validate --rules DIR` where DIR is a base catalogue (catalogue.yaml, no center.yaml):
 * its catalogue.yaml and items are checked by their schemas. Facts, windows and the rest are the
 * township's: each township that extends the catalogue checks the items it adopts in full.
 */
export async function validateCatalogueDir(ctx: Context, opts: ValidateFlags): Promise<number> {
  const { catalogue, errors } = await validateCatalogue(ctx.file(opts.rules));
  const ok = errors.length === 0 && catalogue !== null;
  if (opts.json) {
    ctx.stdout.write(JSON.stringify({ ok, errors: errors.map(plainDiagnostic), warnings: [] }, null, 2) + '\n');
  } else {
    for (const d of errors) ctx.stdout.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
    ctx.stdout.write(
      ok
        ? `基础目录 ${opts.rules}（${catalogue.info.name}，版本 ${catalogue.info.version}）校验通过，${catalogue.items.size} 个事项；采用它的规则包校验时再检查所采用事项的事实、部门和窗口\n`
        : `基础目录 ${opts.rules} 校验未通过：${errors.length} 处错误\n`,
    );
  }
  return ok ? EXIT.ok : EXIT.invalid;
}
