import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { formatDiagnostic, PackLoadError } from '../../pack/index.ts';
import { RecordsError } from '../../records/index.ts';
import { buildServer, DEFAULT_RATE_LIMIT } from '../../server/index.ts';
import { TokenConfigError, tokensFrom } from '../../server/index.ts';
import { EXIT } from '../exit.ts';

interface ServeFlags {
  rules: string;
  data: string;
  host: string;
  port: string;
  tokensFile?: string;
  rateLimit: string;
  rateLimitAllow?: string;
  trustProxy?: boolean;
  logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动决策服务：HTTP 接口、政务公开栏和接口文档；规则包修改后自动校验并重新加载')
    .option('--rules <目录>', '规则包目录', 'rules')
    .option('--data <目录>', '登记簿数据目录（同一时间只能由一个服务写入）', 'data')
    .option('--host <地址>', '监听地址（对局域网开放用 0.0.0.0）', '127.0.0.1')
    .option('--port <端口>', '监听端口', '8080')
    .option('--tokens-file <文件>', '令牌文件：每行 名称:令牌 或 名称:令牌:admin（也可用环境变量 BIANMIN_TOKENS，逗号分隔）')
    .option('--rate-limit <次数>', '公开接口每个地址每分钟最多请求次数，0 为不限（持令牌的请求不受限）', String(DEFAULT_RATE_LIMIT.max))
    .option('--rate-limit-allow <地址>', '不限流的地址，逗号分隔（例如反向代理、压测机）')
    .option('--trust-proxy', '信任反向代理的 X-Forwarded-For（按真实客户端地址限流）')
    .option('--log-level <级别>', `日志级别：${LOG_LEVELS.join('、')}`, 'info')
    .action(async (opts: ServeFlags, cmd: Command) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port < 0 || port > 65535) cmd.error(`错误：端口 ${opts.port} 无效，应为 0–65535 的整数`, { exitCode: EXIT.usage });
      const rate = Number(opts.rateLimit);
      if (!/^\d+$/.test(opts.rateLimit)) cmd.error(`错误：--rate-limit 应为非负整数，实际是 ${opts.rateLimit}`, { exitCode: EXIT.usage });
      if (!LOG_LEVELS.includes(opts.logLevel)) cmd.error(`错误：日志级别 ${opts.logLevel} 无效；可选：${LOG_LEVELS.join('、')}`, { exitCode: EXIT.usage });

      let tokens;
      try {
        tokens = tokensFrom(process.env.BIANMIN_TOKENS, opts.tokensFile);
      } catch (err) {
        if (!(err instanceof TokenConfigError)) throw err;
        cmd.error(`错误：${err.message}`, { exitCode: EXIT.usage });
        return;
      }

      let app: FastifyInstance;
      try {
        app = await buildServer({
          rules: opts.rules,
          data: opts.data,
          tokens,
          log: { level: opts.logLevel },
          rateLimit: rate === 0 ? false : { max: rate, allowList: (opts.rateLimitAllow ?? '').split(',').map((s) => s.trim()).filter(Boolean) },
          trustProxy: opts.trustProxy === true,
        });
      } catch (err) {
        if (err instanceof PackLoadError) {
          for (const d of err.errors) process.stderr.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
          process.stderr.write(`规则包 ${opts.rules} 有 ${err.errors.length} 处错误，服务未启动（运行 bianmin validate --rules ${opts.rules} 查看详情）\n`);
          process.exitCode = EXIT.invalid;
          return;
        }
        if (err instanceof RecordsError) {
          process.stderr.write(`错误：数据目录 ${opts.data} 无法打开，服务未启动：${err.message}\n`);
          process.exitCode = EXIT.invalid;
          return;
        }
        throw err;
      }

      try {
        await app.listen({ host: opts.host, port });
      } catch (err) {
        await app.close();
        const code = (err as NodeJS.ErrnoException).code;
        const where = `${opts.host}:${port}`;
        const message =
          code === 'EADDRINUSE'
            ? `端口 ${port} 已被占用（${where}）：可能已有一个便民服务或其他程序在运行；请先停止它，或用 --port 指定其他端口`
            : code === 'EACCES'
              ? `无权限监听 ${where}：1024 以下的端口需要管理员权限，请改用 --port 8080 等端口`
              : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
                ? `本机没有地址 ${opts.host}：请用 --host 127.0.0.1（本机）或 0.0.0.0（所有网卡）`
                : `无法监听 ${where}：${err instanceof Error ? err.message : String(err)}`;
        process.stderr.write(`错误：${message}\n`);
        process.exitCode = EXIT.invalid;
        return;
      }

      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      const base = `http://${shownHost}:${actualPort}`;
      const { packs } = app.bianmin;
      process.stdout.write(
        [
          `便民决策服务已启动：${base}`,
          `  政务公开栏：${base}/board（大厅显示屏：${base}/board?screen=1，打印版 PDF：${base}/board.pdf）`,
          `  接口文档：  ${base}/docs（OpenAPI：${base}/openapi.json）`,
          `  规则包：${opts.rules}（${packs.served.pack.data.items.size} 个事项，修改后自动重新加载），数据目录：${opts.data}`,
          tokens.length > 0
            ? `  令牌：${tokens.length} 个（登记办件、投诉等写入操作和内部查询需认证）`
            : '  未配置令牌（BIANMIN_TOKENS 或 --tokens-file）：公开查询可用，登记办件、投诉等写入操作已停用',
          opts.host === '0.0.0.0' || opts.host === '::' ? '  已对所有网卡开放，局域网内用本机 IP 地址访问' : '',
          '按 Ctrl+C 停止服务。',
        ]
          .filter(Boolean)
          .join('\n') + '\n',
      );

      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) process.exit(EXIT.internal);
        stopping = true;
        process.stdout.write(`收到 ${signal}，正在停止服务（完成进行中的请求、保存登记簿）…\n`);
        app.close().then(
          () => process.exit(EXIT.ok),
          (e: unknown) => {
            process.stderr.write(`错误：停止服务时出错：${e instanceof Error ? e.message : String(e)}\n`);
            process.exit(EXIT.internal);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
