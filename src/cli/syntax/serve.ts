import type { Command } from 'commander';
import type { Run } from '../context.ts';

/** The server's DEFAULT_RATE_LIMIT.max, restated so that --help loads no server (a test ties them). */
export const DEFAULT_RATE_LIMIT_MAX = 1200;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ServeFlags {
  rules: string;
  data: string;
  workdir?: string;
  host: string;
  port: string;
  tokensFile?: string;
  rateLimit: string;
  rateLimitAllow?: string;
  trustProxy?: boolean;
  corsOrigin?: string;
  publicUrl?: string;
  logLevel: string;
}

export function serveSyntax(program: Command, run: Run): void {
  program
    .command('serve')
    .description('启动决策服务：HTTP 接口、政务公开栏和接口文档；规则包修改后自动校验并重新加载')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--data <目录或数据库>', '登记簿：数据目录（同一时间只能由一个服务写入），或 PostgreSQL 地址 postgres://用户@主机:端口/库名[?schema=名称]（可多个服务副本共用）', 'data')
    .option('--workdir <目录>', '工作台文件（草稿、规则包历史、本机管理令牌）所在目录；默认为数据目录，登记簿在数据库中时默认 bianmin-work')
    .option('--host <地址>', '监听地址（对局域网开放用 0.0.0.0）', '127.0.0.1')
    .option('--port <端口>', '监听端口', '8080')
    .option('--tokens-file <文件>', '令牌文件：每行 名称:令牌 或 名称:令牌:admin（也可用环境变量 BIANMIN_TOKENS，逗号分隔）')
    .option('--rate-limit <次数>', '公开接口每个地址每分钟最多请求次数，0 为不限（持令牌的请求不受限）', String(DEFAULT_RATE_LIMIT_MAX))
    .option('--rate-limit-allow <地址>', '不限流的地址，逗号分隔（例如反向代理、压测机）')
    .option('--trust-proxy', '信任反向代理的 X-Forwarded-For（按真实客户端地址限流）')
    .option('--cors-origin <来源>', '允许跨域调用接口的网页来源，逗号分隔（例如 https://oa.example.gov.cn；* 为任何来源）；不写则不允许跨域')
    .option('--public-url <网址>', '本服务的对外网址（例如 https://bm.example.gov.cn）：自助服务页面、办事指南和公开栏上的二维码指向它；不写则不提供二维码')
    .option('--log-level <级别>', `日志级别：${LOG_LEVELS.join('、')}`, 'info')
    .action((opts: ServeFlags) => run(async (ctx) => (await import('../commands/serve.ts')).serve(ctx, opts)));
}
