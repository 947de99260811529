import { loadPackData, type LoadOptions } from './pack/load.ts';
import type { PackData } from './pack/model.ts';

/**
 * A loaded rule pack: its validated data, and (as later stages land) the compiled engine,
 * calendar and documents that work on it. Immutable: reloading makes a new Pack.
 */
export class Pack {
  readonly data: PackData;

  constructor(data: PackData) {
    this.data = data;
    Object.freeze(this);
  }
}

/** Reads, validates and compiles the pack in `dir`. */
export async function loadPack(dir: string, options: LoadOptions = {}): Promise<Pack> {
  return new Pack(await loadPackData(dir, options));
}
