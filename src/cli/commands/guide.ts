import { renderGuide } from '../../documents/index.ts';
import type { Context } from '../context.ts';
import { emit } from '../emit.ts';
import { EXIT } from '../exit.ts';
import { openPack } from '../open-pack.ts';
import type { GuideFlags } from '../syntax/guide.ts';
import { publicUrlFlag } from '../server-flags.ts';
import { dateFlag } from '../time-flags.ts';

export async function guide(ctx: Context, opts: GuideFlags): Promise<number> {
  if (opts.date !== undefined) dateFlag(opts.date, '--date');
  const publicUrl = publicUrlFlag(opts.publicUrl);
  const pack = await openPack(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  await emit(ctx, renderGuide(pack.data, opts.item, { ...(opts.date ? { date: opts.date } : {}), ...(publicUrl ? { publicUrl } : {}) }), opts.out);
  return EXIT.ok;
}
