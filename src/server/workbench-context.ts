/**
 * The one Workbench of a service (shared by the pack and draft routes), and the crash recovery of
 * an interrupted publish: the files are rolled forward before the pack is loaded
 * (`recoverAtStart`, called by buildServer), the publication recorded once the records are open.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServerOptions, ServiceContext } from './app.ts';
import { isDatabaseUrl } from '../records/index.ts';
import { PackBlobs } from './pack-blobs.ts';
import { recoverPublish, type Recovered } from './publish.ts';
import { Workbench } from './workbench.ts';

/** Recovered publications by pack and data directory (the options object itself may be copied on the way). */
const pending = new Map<string, Recovered>();
/** The workbench's folder when the records are in a database and no --workdir is given. */
export const DEFAULT_WORK_DIR = 'bianmin-work';
const keyOf = (o: Pick<ServerOptions, 'rules' | 'data' | 'work'>): string => `${path.resolve(o.rules)}\u0000${workDirOf(o)}`;

/** Where the workbench keeps its files: `work`, else the data directory, else (records in a database) ./bianmin-work. */
export function workDirOf(o: Pick<ServerOptions, 'data' | 'work'>): string {
  return path.resolve(o.work ?? (isDatabaseUrl(o.data) ? DEFAULT_WORK_DIR : o.data));
}
const instances = new WeakMap<ServiceContext, Promise<Workbench>>();

/** Completes (or clears away) a publish interrupted by a crash. Before the pack is loaded. */
export async function recoverAtStart(options: ServerOptions): Promise<void> {
  const work = workDirOf(options);
  const recovered = await recoverPublish(options.rules, work, new PackBlobs(work));
  if (recovered) pending.set(keyOf(options), recovered);
}

export function workbenchOf(app: FastifyInstance): Promise<Workbench> {
  const ctx = app.bianmin;
  let found = instances.get(ctx);
  if (!found) {
    found = (async () => {
      const wb = new Workbench(ctx.options.rules, workDirOf(ctx.options), ctx.packs);
      const recovered = pending.get(keyOf(ctx.options));
      if (recovered) {
        await ctx.records.use((r) => r.packPublications.add(recovered.record));
        await recovered.done();
        pending.delete(keyOf(ctx.options));
        app.log.warn({ event: 'publish-recovered', publication: recovered.record.id }, `上次发布（${recovered.record.id}）中途中断，已在启动时完成`);
      }
      return wb;
    })();
    instances.set(ctx, found);
  }
  return found;
}
