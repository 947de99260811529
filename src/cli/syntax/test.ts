import type { Command } from 'commander';
import type { Run } from '../context.ts';
import { helpNote } from '../help.ts';

export interface TestFlags {
  rules: string;
  name?: string;
  json?: boolean;
  coverage?: boolean;
}

export function testSyntax(program: Command, run: Run): void {
  program
    .command('test')
    .description('运行规则包的场景测试（tests/*.yaml）：逐个场景比对期望与实际的处理结果；最后一行为 “N passed, N failed”')
    .argument('[场景文件...]', '只运行这些场景文件（相对于当前目录或规则包目录，须在规则包之内），默认 tests/ 下的全部文件')
    .option('--name <模式>', '只运行名称包含该文字的场景（不分大小写，* 代表任意文字），例如 --name 高龄津贴')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--json', '以 JSON 输出结果（汇总行 “N passed, N failed” 改写到标准错误）')
    .option('--coverage', '列出没有任何场景检验到的事项、材料、受理条件、责任追究规则和考评等级')
    .addHelpText('after', helpNote('退出码：0 全部通过；1 有场景未通过（或规则包无法加载）；2 场景文件有错误（给出文件:行:列），或命令行有误（如指定的文件不存在、--name 没有匹配的场景）。'))
    .action((files: string[], opts: TestFlags) => run(async (ctx) => (await import('../commands/test.ts')).test(ctx, files, opts)));
}
