import type { Command } from 'commander';
import { formatDiagnostic, type Diagnostic } from '../../pack/index.ts';
import { validatePack } from '../../pack/index.ts';
import { withTemplateChecks } from '../../documents/index.ts';
import { EXIT } from '../exit.ts';

/**
 * `bianmin validate [--rules DIR] [--json]`: every problem of the pack, located. Exit 0 when valid
 * (warnings allowed), 1 when the pack has errors — including a DIR that is missing or not a
 * directory, reported like any other pack problem — and 2 for a wrong command line.
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('校验规则包：YAML 语法、格式、引用关系，列出全部错误和警告（含文件、行、列）')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出 {"ok", "errors", "warnings"}，每条含 file、line、column、path、code、message')
    .action(async (opts: { rules: string; json?: boolean }, command: Command) => {
      if (opts.rules.trim() === '') command.error("错误：选项 '--rules <目录>' 不能为空", { exitCode: EXIT.usage });
      // Document templates are checked too: a pack that cannot print its notices is not valid.
      const result = withTemplateChecks(await validatePack(opts.rules));
      if (opts.json) {
        const json = { ok: result.ok, errors: result.errors.map(plain), warnings: result.warnings.map(plain) };
        process.stdout.write(JSON.stringify(json, null, 2) + '\n');
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

/** Exactly the documented fields, in the documented order. */
function plain({ file, line, column, path, code, message }: Diagnostic): Diagnostic {
  return { file, line, column, path, code, message };
}
