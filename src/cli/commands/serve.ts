import type { FastifyInstance } from 'fastify';
import { dataLocation } from '../records-context.ts';
import { formatDiagnostic, PackLoadError } from '../../pack/index.ts';
import { isDatabaseUrl, RecordsError, shownDataLocation } from '../../records/index.ts';
import { buildServer, DEFAULT_WORK_DIR, localAdminToken, TokenConfigError, tokensFrom } from '../../server/index.ts';
import { corsOriginFlag, publicUrlFlag } from '../server-flags.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { LOG_LEVELS, type ServeFlags } from '../syntax/serve.ts';
import { UsageError } from '../usage-error.ts';

/**
 * Starts the service and resolves once it listens; the process then runs until SIGINT or SIGTERM,
 * which this command handles itself (it is the one long-running command).
 */
export async function serve(ctx: Context, opts: ServeFlags): Promise<number> {
  const port = Number(opts.port);
  if (!/^\d+$/.test(opts.port) || port < 0 || port > 65535) throw new UsageError('E-USAGE-OPTION', `端口 ${opts.port} 无效，应为 0–65535 的整数`);
  const rate = Number(opts.rateLimit);
  if (!/^\d+$/.test(opts.rateLimit)) throw new UsageError('E-USAGE-OPTION', `--rate-limit 应为非负整数，实际是 ${opts.rateLimit}`);
  if (!LOG_LEVELS.includes(opts.logLevel)) throw new UsageError('E-USAGE-OPTION', `日志级别 ${opts.logLevel} 无效；可选：${LOG_LEVELS.join('、')}`);

  const corsOrigin = corsOriginFlag(opts.corsOrigin);
  const publicUrl = publicUrlFlag(opts.publicUrl);

  let tokens;
  try {
    tokens = tokensFrom(ctx.env.BIANMIN_TOKENS, opts.tokensFile === undefined ? undefined : ctx.file(opts.tokensFile));
  } catch (err) {
    if (!(err instanceof TokenConfigError)) throw err;
    throw new UsageError('E-USAGE-OPTION', err.message);
  }
  // No token configured: a local admin token (made once, reused) so the workbench can publish; only its file is printed.
  const work = opts.workdir ?? (isDatabaseUrl(opts.data) ? DEFAULT_WORK_DIR : opts.data);
  const local = tokens.length === 0 ? await localAdminToken(ctx.file(work)) : null;
  if (local) tokens = [local.entry];

  let app: FastifyInstance;
  try {
    app = await buildServer({
      rules: ctx.file(opts.rules),
      data: dataLocation(ctx, opts.data),
      work: ctx.file(work),
      tokens,
      log: { level: opts.logLevel },
      rateLimit: rate === 0 ? false : { max: rate, allowList: (opts.rateLimitAllow ?? '').split(',').map((s) => s.trim()).filter(Boolean) },
      trustProxy: opts.trustProxy === true,
      corsOrigin,
      ...(publicUrl === undefined ? {} : { publicUrl }),
    });
  } catch (err) {
    if (err instanceof PackLoadError) {
      for (const d of err.errors) ctx.stderr.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
      ctx.stderr.write(`规则包 ${opts.rules} 有 ${err.errors.length} 处错误，服务未启动（运行 bianmin validate --rules ${opts.rules} 查看详情）\n`);
      return EXIT.invalid;
    }
    if (err instanceof RecordsError) {
      ctx.stderr.write(`错误：${isDatabaseUrl(opts.data) ? '数据库' : '数据目录'} ${shownDataLocation(opts.data)} 无法打开，服务未启动：${err.message}\n`);
      return EXIT.invalid;
    }
    const errno = (err as NodeJS.ErrnoException).code;
    if (errno === 'ENOSPC' || errno === 'EDQUOT') {
      ctx.stderr.write(`错误：磁盘空间已满，服务未启动（数据目录 ${opts.data}）；请清理磁盘空间后重试\n`);
      return EXIT.invalid;
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
    ctx.stderr.write(`错误：${message}\n`);
    return EXIT.invalid;
  }

  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const base = `http://${shownHost}:${actualPort}`;
  const { packs } = app.bianmin;
  ctx.stdout.write(
    [
      `便民决策服务已启动：${base}`,
      `  政务公开栏：${base}/board（大厅显示屏：${base}/board?screen=1，打印版 PDF：${base}/board.pdf）`,
      `  接口文档：  ${base}/docs（OpenAPI：${base}/openapi.json）`,
      `  规则包：${opts.rules}（${packs.served.pack.data.items.size} 个事项，修改后自动重新加载），${isDatabaseUrl(opts.data) ? '数据库' : '数据目录'}：${shownDataLocation(opts.data)}`,
      local
        ? `  未配置令牌：${local.created ? '已生成' : '沿用'}本机管理员令牌（${local.entry.name}，工作台发布用），保存在 ${local.file}（仅本机用户可读）`
        : tokens.length > 0
        ? `  令牌：${tokens.length} 个（登记办件、投诉等写入操作和内部查询需认证）`
        : '  未配置令牌（BIANMIN_TOKENS 或 --tokens-file）：公开查询可用，登记办件、投诉等写入操作已停用',
      opts.host === '0.0.0.0' || opts.host === '::' ? '  已对所有网卡开放，局域网内用本机 IP 地址访问' : '',
      corsOrigin.length > 0 ? `  允许跨域调用的网页来源：${corsOrigin.join('、')}` : '',
      `  窗口受理：${base}/window（用工作人员本人的令牌登录：令牌名称即 center.yaml 中的工作人员标识）；规则工作台：${base}/workbench`,
      `  自助服务：${base}/kiosk（${publicUrl === undefined ? '未配置对外网址 --public-url，不显示二维码' : `二维码指向对外网址 ${publicUrl}`}）`,
      '按 Ctrl+C 停止服务。',
    ]
      .filter(Boolean)
      .join('\n') + '\n',
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) process.exit(EXIT.internal);
    stopping = true;
    ctx.stdout.write(`收到 ${signal}，正在停止服务（完成进行中的请求、保存登记簿）…\n`);
    app.close().then(
      () => process.exit(EXIT.ok),
      (e: unknown) => {
        ctx.stderr.write(`错误：停止服务时出错：${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(EXIT.internal);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return EXIT.ok;
}
