import { PackLoadError, validatePack, type LoadOptions } from '../pack/index.ts';
import { Pack } from '../engine/index.ts';
import { withTemplateChecks } from './templates.ts';

/**
 * Reads, validates and compiles the pack in `dir`, its document templates included, so a pack
 * that `bianmin validate` refuses is never served. Rejects with PackLoadError.
 */
export async function loadPack(dir: string, options: LoadOptions = {}): Promise<Pack> {
  const result = withTemplateChecks(await validatePack(dir, options));
  if (!result.pack) throw new PackLoadError(result.errors, result.warnings);
  return new Pack(result.pack);
}
