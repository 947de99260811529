import type { Command } from 'commander';
import { formatDiagnostic } from '../../pack/diagnostics.ts';
import { validatePack } from '../../pack/load.ts';
import { EXIT } from '../exit.ts';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('校验规则包：YAML 语法、格式、引用关系，列出全部错误和警告（含文件、行、列）')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出 {ok, errors, warnings}')
    .action(async (opts: { rules: string; json?: boolean }) => {
      const result = await validatePack(opts.rules);
      if (opts.json) {
        const strip = ({ file, line, column, path, code, message }: (typeof result.errors)[number]) => ({ file, line, column, path, code, message });
        process.stdout.write(JSON.stringify({ ok: result.ok, errors: result.errors.map(strip), warnings: result.warnings.map(strip) }, null, 2) + '\n');
      } else {
        for (const d of result.errors) process.stdout.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
        for (const d of result.warnings) process.stdout.write(`警告 ${formatDiagnostic(d, opts.rules)}\n`);
        const items = result.pack ? `，${result.pack.items.size} 个事项` : '';
        process.stdout.write(
          result.ok
            ? `规则包 ${opts.rules} 校验通过${items}（${result.warnings.length} 条警告）\n`
            : `规则包 ${opts.rules} 校验未通过：${result.errors.length} 处错误，${result.warnings.length} 条警告\n`,
        );
      }
      process.exitCode = result.ok ? EXIT.ok : EXIT.invalid;
    });
}
