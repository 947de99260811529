import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';
import { EXIT } from './exit.ts';
import { CHINESE_HELP } from './help.ts';

const program = new Command();
program
  .name('bianmin')
  .description('便民：政务服务中心规则与政策引擎')
  .version('0.1.0', '-V, --version', '显示版本号')
  .helpOption('-h, --help', '显示帮助')
  .configureHelp(CHINESE_HELP)
  .addHelpCommand('help [命令]', '显示某个命令的帮助')
  .showHelpAfterError('（使用 --help 查看用法）')
  .configureOutput({ outputError: (str, write) => write(translateCommanderError(str)) })
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    const ok = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
    process.exit(ok ? EXIT.ok : EXIT.usage);
  }
  // Anything unexpected is still reported in Chinese, without a stack trace.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`bianmin：内部错误：${message}\n`);
  process.exit(EXIT.internal);
}

/** Commander's own usage errors, in Chinese. */
function translateCommanderError(str: string): string {
  return str
    .replace(/^error: unknown option '(.+)'/m, "错误：未知选项 '$1'")
    .replace(/^error: unknown command '(.+)'/m, "错误：未知命令 '$1'")
    .replace(/^error: missing required argument '(.+)'/m, "错误：缺少参数 '$1'")
    .replace(/^error: option '(.+)' argument missing/m, "错误：选项 '$1' 缺少取值")
    .replace(/^error: required option '(.+)' not specified/m, "错误：必须提供选项 '$1'")
    .replace(/^error: too many arguments.*$/m, '错误：参数过多')
    .replace(/\(Did you mean (.+)\?\)/, '（是否应为 $1？）')
    .replace(/^error: /m, '错误：');
}
