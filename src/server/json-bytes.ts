/**
 * `JSON.stringify(value)` as UTF-8 bytes, byte for byte, made cheaply for the large answers of the
 * decision service. Most of a decision is shared with every other decision of its item version:
 * the engine deep-freezes what it shares (notice materials, trace entries, fees, versions). A
 * frozen object whose properties are all data properties and whose children are all frozen the
 * same way can never change again (freezing cannot be undone), so its bytes are written once and
 * copied from then on; they live as long as the object (a WeakMap), i.e. as long as its pack. The
 * rest is walked on every call, and any part holding nothing frozen is left to JSON.stringify
 * whole. The bytes go into shared 64 KB slabs (allocating a buffer per answer costs more than
 * writing it), and the answer is a view of its slab: nothing is copied, encoded or measured again
 * on the way to the socket.
 */

const SLAB = 64 * 1024;
/** Deeper than any answer: beyond it (or in a cycle), JSON.stringify decides, and throws as it would. */
const MAX_DEPTH = 64;
/** Quoted keys, `,"name":`, kept for the few hundred property names answers use. */
const MAX_KEYS = 10_000;

const frozenBytes = new WeakMap<object, Buffer>();
const keyBytes = new Map<string, Buffer>();

let slab = Buffer.allocUnsafeSlow(SLAB);
/** Where the answer being written starts in `slab`, and where its next byte goes. */
let start = 0;
let pos = 0;
/** Set by every writeObject: whether what it wrote is of deep-frozen data (and may be kept). */
let deepFrozen = false;
/** A toJSON calling back in while an answer is being written gets bytes of its own. */
let busy = false;

/** The bytes of `JSON.stringify(value)`; throws where it throws (cycles, BigInt). */
export function jsonBytes(value: unknown): Buffer {
  if (busy || typeof value !== 'object' || value === null) return Buffer.from(JSON.stringify(value) ?? '');
  busy = true;
  start = pos;
  try {
    writeObject(value, 0);
  } catch (err) {
    pos = start;
    throw err;
  } finally {
    busy = false;
  }
  const out = slab.subarray(start, pos);
  // The next answer starts 8-aligned after this one; a full slab is left to the answers in it.
  pos = (pos + 7) & ~7;
  if (pos > SLAB - 1024) {
    slab = Buffer.allocUnsafeSlow(SLAB);
    pos = 0;
  }
  return out;
}

function room(n: number): void {
  if (pos + n <= slab.length) return;
  // The answer outgrows the slab: it moves to a new one, big enough, alone.
  const bigger = Buffer.allocUnsafeSlow(Math.max(SLAB, 2 * (pos - start + n)));
  slab.copy(bigger, 0, start, pos);
  pos -= start;
  start = 0;
  slab = bigger;
}

function text(s: string): void {
  room(s.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 unit
  pos += slab.write(s, pos, 'utf8');
}

function bytes(b: Buffer): void {
  room(b.length);
  slab.set(b, pos);
  pos += b.length;
}

function byte(b: number): void {
  room(1);
  slab[pos++] = b;
}

function key(k: string, first: boolean): void {
  let b = keyBytes.get(k);
  if (b === undefined) {
    b = Buffer.from(`,${JSON.stringify(k)}:`);
    if (keyBytes.size < MAX_KEYS) keyBytes.set(k, b);
  }
  if (first) bytes(b.subarray(1));
  else bytes(b);
}

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

function writeObject(o: object, depth: number): void {
  const frozen = Object.isFrozen(o);
  if (frozen) {
    const kept = frozenBytes.get(o);
    if (kept !== undefined) {
      bytes(kept);
      deepFrozen = true;
      return;
    }
  }
  const proto: unknown = Object.getPrototypeOf(o);
  // Class instances, toJSON (Date) and anything exotic: JSON.stringify's own rules, never kept.
  const plain = proto === OBJECT_PROTO || proto === ARRAY_PROTO || proto === null;
  if (!plain || depth > MAX_DEPTH || typeof (o as { toJSON?: unknown }).toJSON === 'function' || (!frozen && !holdsFrozen(o, 2))) {
    text(JSON.stringify(o));
    deepFrozen = false;
    return;
  }
  const at = pos - start;
  let deep = frozen;
  if (Array.isArray(o)) {
    byte(0x5b);
    for (let i = 0; i < o.length; i++) {
      if (i > 0) byte(0x2c);
      const x: unknown = o[i];
      if (typeof x === 'object' && x !== null) {
        writeObject(x, depth + 1);
        deep &&= deepFrozen;
      } else if (!primitive(x)) text('null');
    }
    byte(0x5d);
  } else {
    byte(0x7b);
    let first = true;
    for (const k of Object.keys(o)) {
      const x: unknown = (o as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null) {
        key(k, first);
        writeObject(x, depth + 1);
        deep &&= deepFrozen;
      } else if (x === undefined || typeof x === 'function' || typeof x === 'symbol') {
        continue;
      } else {
        key(k, first);
        primitive(x);
      }
      first = false;
    }
    byte(0x7d);
  }
  if (deep && dataOnly(o)) frozenBytes.set(o, Buffer.from(slab.subarray(start + at, pos)));
  deepFrozen = deep;
}

/** Writes a string, number, boolean or null as JSON does; false for what JSON leaves out of objects. */
function primitive(x: unknown): boolean {
  switch (typeof x) {
    case 'string':
      text(JSON.stringify(x));
      return true;
    case 'number':
      text(Number.isFinite(x) ? String(x) : 'null');
      return true;
    case 'boolean':
      text(x ? 'true' : 'false');
      return true;
    case 'bigint':
      text(JSON.stringify(x)); // throws, as JSON.stringify does
      return true;
    case 'object':
      text('null');
      return true;
    default:
      return false;
  }
}

/**
 * Whether a frozen object sits among the children or grandchildren of `o`, where the engine puts
 * what it shares (a decision's lists); if not, JSON.stringify writes `o` whole, faster than a walk.
 * Only a choice of speed: either way the bytes are JSON.stringify's.
 */
function holdsFrozen(o: object, levels: number): boolean {
  const values: readonly unknown[] = Array.isArray(o) ? o : Object.values(o);
  for (const x of values) {
    if (typeof x === 'object' && x !== null && (Object.isFrozen(x) || (levels > 1 && holdsFrozen(x, levels - 1)))) return true;
  }
  return false;
}

/** No getters or setters: a frozen object with a getter may still answer differently each time. */
function dataOnly(o: object): boolean {
  const descriptors = Object.getOwnPropertyDescriptors(o);
  for (const k of Object.keys(descriptors)) {
    const d = descriptors[k]!;
    if (d.get !== undefined || d.set !== undefined) return false;
  }
  return true;
}
