/**
 * Exit codes of the commands' own outcomes. An error's exit code comes from the catalogue
 * (`BianminError.exitCode`); these are for results that are not errors, such as a failed scenario.
 * One convention for every command, documented in the README's table (checked by test/cli/exit-codes.test.ts).
 */
export const EXIT = {
  ok: 0,
  /** The input is invalid (pack errors, failed scenarios …). */
  invalid: 1,
  /** The command line itself is wrong, or a test file is broken. */
  usage: 2,
  internal: 3,
} as const;

/** What each exit code means, in Chinese, for every command: the README's table. */
export const EXIT_MEANINGS: ReadonlyArray<{ readonly code: number; readonly meaning: string; readonly examples: string }> = [
  { code: EXIT.ok, meaning: '成功', examples: '校验通过（可以有警告）、作出了决定、全部场景通过、文书已生成' },
  {
    code: EXIT.invalid,
    meaning: '输入或规则包有误，或检查未通过',
    examples: '规则包有错误、申请文件有误、规则包中没有该事项（decide、deadline、guide 等相同）、有场景未通过、route 没有匹配、登记簿拒绝该操作',
  },
  {
    code: EXIT.usage,
    meaning: '命令行用法错误，或场景文件写错',
    examples: '未知命令或选项、缺少选项或取值、时间和日期选项的取值无效（所有命令的 --at、--date 等相同）、命令行指定的文件无法读取、场景文件有错误',
  },
  { code: EXIT.internal, meaning: '内部错误', examples: '程序错误或运行环境问题（如未编译 dist/），不是输入的问题' },
];

/** The README's table of exit codes, as Markdown. */
export function exitCodeTable(): string {
  const rows = EXIT_MEANINGS.map((e) => `| ${e.code} | ${e.meaning} | ${e.examples} |`);
  return ['| 退出码 | 含义 | 例如 |', '| --- | --- | --- |', ...rows].join('\n');
}
