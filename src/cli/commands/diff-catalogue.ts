import path from 'node:path';
import { formatWhere } from '../../core/index.ts';
import { formatDiagnostic, plainDiagnostic, quoteCatalogueValue, validatePack, type CatalogueComparison } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { DiffFlags } from '../syntax/diff.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `bianmin diff --catalogue`: a township pack against the base catalogue it extends — per adopted
 * item, every place where it writes a unified element differently (the W-CATALOGUE-DIVERGES
 * warnings of validate, with both values); the township's own items; catalogue items not adopted.
 */
export async function diffCatalogue(ctx: Context, opts: DiffFlags): Promise<number> {
  if (opts.base !== undefined) throw new UsageError('E-USAGE-OPTION', '--catalogue 对照基础目录，不能与 --base 同用');
  if (opts.data !== undefined) throw new UsageError('E-USAGE-OPTION', '--catalogue 对照基础目录，不能与 --data 同用');
  const result = await validatePack(ctx.file(opts.rules));
  if (!result.ok) {
    if (opts.json) {
      ctx.stdout.write(JSON.stringify({ ok: false, rules: opts.rules, errors: result.errors.map(plainDiagnostic) }, null, 2) + '\n');
    } else {
      for (const d of result.errors) ctx.stderr.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
      ctx.stderr.write(`规则包 ${opts.rules} 无法加载：${result.errors.length} 处错误，无法对照基础目录\n`);
    }
    return EXIT.invalid;
  }
  const compared = result.catalogue;
  if (!compared) throw new UsageError('E-USAGE-OPTION', `规则包 ${opts.rules} 的 center.yaml 没有用 extends 指明基础目录，无从对照`);
  ctx.stdout.write(opts.json ? JSON.stringify({ ok: true, rules: opts.rules, ...compared }, null, 2) + '\n' : renderComparison(compared, opts.rules));
  return EXIT.ok;
}

export function renderComparison(c: CatalogueComparison, rules: string): string {
  const lines: string[] = [];
  const diverging = c.adopted.filter((a) => a.divergences.length > 0);
  const count = diverging.reduce((n, a) => n + a.divergences.length, 0);
  lines.push(`规则包 ${rules} 对照基础目录“${c.name}”（${c.level}，${c.region}，版本 ${c.version}，${inPack(rules, c.where)}）`);
  lines.push(
    `采用目录事项 ${c.adopted.length} 个，其中 ${diverging.length} 个与目录的统一要素不一致（${count} 处）；本中心自有事项 ${c.own.length} 个；目录中未采用的事项 ${c.notAdopted.length} 个`,
  );
  for (const item of diverging) {
    lines.push('', `${item.code} ${item.name}（${rules}/${item.file}，目录 ${inPack(rules, item.catalogueFile)}）`);
    for (const d of item.divergences) {
      lines.push(`  ${formatWhere(d.at, rules)}  ${d.what}${d.kind === 'added' ? '（目录中没有）' : ''}`);
      lines.push(`    目录：${quoteCatalogueValue(d.catalogue)}（${formatWhere({ ...d.catalogueAt, file: inPack(rules, d.catalogueAt.file) })}）`);
      lines.push(`    本中心：${quoteCatalogueValue(d.township)}`);
    }
  }
  const same = c.adopted.filter((a) => a.divergences.length === 0);
  if (same.length > 0) lines.push('', `与目录一致（${same.length} 个）：${same.map((a) => `${a.code} ${a.name}`).join('、')}`);
  if (c.own.length > 0) lines.push('', `本中心自有事项（不在目录中，${c.own.length} 个）：${c.own.map((o) => `${o.code}（${o.file}）`).join('、')}`);
  if (c.notAdopted.length > 0) lines.push('', `目录中未采用的事项（${c.notAdopted.length} 个）：${c.notAdopted.map((n) => `${n.code} ${n.name}`).join('、')}`);
  return lines.join('\n') + '\n';
}

/** A catalogue file as the officer would open it from the working directory (a git catalogue's label as it is). */
function inPack(rules: string, file: string): string {
  return file.includes('@') ? file : path.posix.normalize(`${rules.split(path.sep).join('/')}/${file}`);
}
