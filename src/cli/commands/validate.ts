import { formatDiagnostic, isCatalogueDir, plainDiagnostic, type Diagnostic } from '../../pack/index.ts';
import { validateWithScenarios } from '../../scenarios/index.ts';
import { checkPack } from '../../check/index.ts';
import { Pack } from '../../engine/index.ts';
import { performance } from 'node:perf_hooks';
import { finding, printFindings, summary } from './check.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { ValidateFlags } from '../syntax/validate.ts';
import { UsageError } from '../usage-error.ts';

export async function validate(ctx: Context, opts: ValidateFlags): Promise<number> {
  if (opts.rules.trim() === '') throw new UsageError('E-USAGE-OPTION', "选项 '--rules <目录>' 不能为空");
  // A base catalogue (区/县 事项基本目录) rather than a pack: checked on its own.
  if (await isCatalogueDir(ctx.file(opts.rules))) return (await import('./validate-catalogue.ts')).validateCatalogueDir(ctx, opts);
  // Templates and the pack's scenarios too: the one validation check and the workbench also use.
  const result = await validateWithScenarios(ctx.file(opts.rules));
  // --deep: a valid pack is also checked statically (a pack with errors cannot be compiled to check).
  const started = performance.now();
  const deep = opts.deep && result.ok && result.pack ? await checkPack(new Pack(result.pack)) : null;
  const seconds = (performance.now() - started) / 1000;
  const ok = result.ok && (deep?.errors.length ?? 0) === 0;
  if (opts.json) {
    const json = {
      ok,
      errors: [...result.errors.map(plainDiagnostic), ...(deep?.errors.map(finding) ?? [])],
      warnings: [...result.warnings.map(plainDiagnostic), ...(deep?.warnings.map(finding) ?? [])],
      ...(deep ? { stats: deep.stats } : {}),
    };
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
    if (deep) {
      printFindings(ctx, deep, opts.rules);
      ctx.stdout.write(`${summary(deep, opts.rules, seconds)}\n`);
    }
  }
  return ok ? EXIT.ok : EXIT.invalid;
}

/** Exactly the documented fields, in the documented order. */
