/**
 * Pieces of a decision that depend only on the pack (an item version, a condition, a material, a
 * fact's definition, a policy's limits), made once, deep-frozen and shared by every decision that
 * contains them. The server writes a frozen piece's JSON once and copies its bytes afterwards
 * (src/server/json-bytes.ts). Frozen, a shared piece cannot be changed through one decision and
 * seen in another; what depends on the application (instants, which facts are missing) is either
 * made fresh or is one of the few variants of a piece named by pack identifiers only.
 */
import { deepFreeze } from '../core/index.ts';

/**
 * A pack object's variants of one piece (e.g. a condition's "undecided" trace entry for each set
 * of missing facts), made on first use. The keys are texts made from the pack's own labels and
 * ids, so there are few; past `MAX_VARIANTS` a variant is made fresh each time instead, so that no
 * input can grow the memory held.
 */
export class Variants<T extends object> {
  private readonly made = new Map<string, T>();

  get(key: string, make: () => T): T {
    const found = this.made.get(key);
    if (found !== undefined) return found;
    const piece = deepFreeze(make());
    if (this.made.size < MAX_VARIANTS) this.made.set(key, piece);
    return piece;
  }
}

const MAX_VARIANTS = 64;

/** Variants kept beside objects not made here (compiled branches, situations, limits): they live as long as those. */
export class VariantsOf<K extends object, T extends object> {
  private readonly of = new WeakMap<K, Variants<T>>();

  get(owner: K, key: string, make: () => T): T {
    let v = this.of.get(owner);
    if (v === undefined) this.of.set(owner, (v = new Variants<T>()));
    return v.get(key, make);
  }
}
