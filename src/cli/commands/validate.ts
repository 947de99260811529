import { formatDiagnostic, plainDiagnostic, validatePack, type Diagnostic } from '../../pack/index.ts';
import { withTemplateChecks } from '../../documents/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { ValidateFlags } from '../syntax/validate.ts';
import { UsageError } from '../usage-error.ts';

export async function validate(ctx: Context, opts: ValidateFlags): Promise<number> {
  if (opts.rules.trim() === '') throw new UsageError('E-USAGE-OPTION', "选项 '--rules <目录>' 不能为空");
  // Document templates are checked too: a pack that cannot print its notices is not valid.
  const result = withTemplateChecks(await validatePack(ctx.file(opts.rules)));
  if (opts.json) {
    const json = { ok: result.ok, errors: result.errors.map(plainDiagnostic), warnings: result.warnings.map(plainDiagnostic) };
    ctx.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const d of result.errors) ctx.stdout.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
    for (const d of result.warnings) ctx.stdout.write(`警告 ${formatDiagnostic(d, opts.rules)}\n`);
    const items = result.pack ? `，${result.pack.items.size} 个事项` : '';
    ctx.stdout.write(
      result.ok
        ? `规则包 ${opts.rules} 校验通过${items}（${result.warnings.length} 条警告）\n`
        : `规则包 ${opts.rules} 校验未通过：${result.errors.length} 处错误，${result.warnings.length} 条警告\n`,
    );
  }
  return result.ok ? EXIT.ok : EXIT.invalid;
}

/** Exactly the documented fields, in the documented order. */
