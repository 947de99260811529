import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { CheckFlags } from '../syntax/check.ts';

/** Scaffold: the command lands with src/check/. */
export async function check(ctx: Context, opts: CheckFlags): Promise<number> {
  void opts;
  ctx.stdout.write('bianmin check：尚未实现\n');
  return EXIT.ok;
}
