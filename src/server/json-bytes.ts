/**
 * `JSON.stringify(value)` as UTF-8 bytes, byte for byte, made cheaply for the large answers of the
 * decision service. Most of a decision is shared with every other decision of its item version:
 * the engine deep-freezes what it shares (notice materials, trace entries, fees, versions). A
 * frozen object whose properties are all data properties and whose children are all frozen the
 * same way can never change again (freezing cannot be undone), so its bytes are written once and
 * copied from then on; they live as long as the object (a WeakMap), i.e. as long as its pack. A
 * frozen object found otherwise (a getter, a mutable child) is remembered as such. The
 * rest is walked on every call, and any part holding nothing frozen is left to JSON.stringify
 * whole. The walked text is gathered as a string and encoded once per run between kept parts
 * (each Buffer write is a call into C++; one per value cost more than the walk itself). The bytes
 * go into shared 64 KB slabs (allocating a buffer per answer costs more than writing it), and the
 * answer is a view of its slab: nothing is copied, encoded or measured again on the way to the
 * socket.
 */

const SLAB = 64 * 1024;
/** Deeper than any answer: beyond it (or in a cycle), JSON.stringify decides, and throws as it would. */
const MAX_DEPTH = 64;
/** Quoted keys, `,"name":`, kept for the few hundred property names answers use. */
const MAX_KEYS = 10_000;
/**
 * How far below a fresh object a frozen one is looked for before the object is walked (see
 * holdsFrozen): the answer's root holds the decision, which holds its lists, which hold the frozen
 * entries (three levels); below the root, two.
 */
const ROOT_LEVELS = 3;
const LEVELS = 2;
/** Text at least this long goes to the slab at once (see writeObject). */
const DIRECT = 256;

const frozenBytes = new WeakMap<object, Buffer>();
/** Frozen objects found not to be deep-frozen data (a mutable child, a getter): walked every time. */
const notKept = new WeakSet<object>();
const keyText = new Map<string, string>();

let slab = Buffer.allocUnsafeSlow(SLAB);
/** Where the answer being written starts in `slab`, and where its next byte goes. */
let start = 0;
let pos = 0;
/** Text walked but not yet encoded into `slab`. */
let pending = '';
/** A toJSON or getter calling back in while an answer is being written gets bytes of its own. */
let busy = false;

/** The bytes of `JSON.stringify(value)`; throws where it throws (cycles, BigInt). */
export function jsonBytes(value: unknown): Buffer {
  if (busy || typeof value !== 'object' || value === null) return Buffer.from(JSON.stringify(value) ?? '');
  busy = true;
  start = pos;
  try {
    writeObject(value, 0);
    flush();
  } catch (err) {
    pos = start;
    throw err;
  } finally {
    pending = '';
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

/** The pending text, encoded into the slab. */
function flush(): void {
  const s = pending;
  if (s.length === 0) return;
  pending = '';
  // A single character between kept parts (`,`, `]`) is always ASCII: no encoder call.
  if (s.length === 1) {
    room(1);
    slab[pos++] = s.charCodeAt(0);
    return;
  }
  room(s.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 unit
  pos += slab.write(s, pos, 'utf8');
}

function bytes(b: Buffer): void {
  flush();
  room(b.length);
  slab.set(b, pos);
  pos += b.length;
}

function key(k: string, first: boolean): string {
  let t = keyText.get(k);
  if (t === undefined) {
    t = `,${JSON.stringify(k)}:`;
    if (keyText.size < MAX_KEYS) keyText.set(k, t);
  }
  return first ? t.slice(1) : t;
}

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

function isPlain(o: object): boolean {
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === OBJECT_PROTO || proto === ARRAY_PROTO || proto === null;
}

function writeObject(o: object, depth: number): void {
  // An empty list (a decision has half a dozen: missing, reasons, warnings…) is `[]` whatever else holds.
  if (Array.isArray(o) && o.length === 0 && Object.getPrototypeOf(o) === ARRAY_PROTO && typeof (o as { toJSON?: unknown }).toJSON !== 'function') {
    pending += '[]';
    return;
  }
  const frozen = Object.isFrozen(o);
  if (frozen) {
    const kept = frozenBytes.get(o);
    if (kept !== undefined) {
      bytes(kept);
      return;
    }
    if (!notKept.has(o)) {
      if (deepFrozenData(o, depth)) {
        const b = Buffer.from(JSON.stringify(o));
        frozenBytes.set(o, b);
        bytes(b);
        return;
      }
      notKept.add(o);
    }
  }
  // Class instances, toJSON (Date) and anything exotic: JSON.stringify's own rules, never kept. A
  // frozen object not kept (a getter, a mutable child) is walked: its getters are read once, as JSON.stringify reads them.
  if (!isPlain(o) || depth > MAX_DEPTH || typeof (o as { toJSON?: unknown }).toJSON === 'function' || (!frozen && !holdsFrozen(o, depth === 0 ? ROOT_LEVELS : LEVELS))) {
    const json = JSON.stringify(o);
    // A long run is encoded as it is: appended, it would be copied again when the pending text is flattened.
    if (json.length < DIRECT) pending += json;
    else {
      flush();
      pending = json;
      flush();
    }
    return;
  }
  if (Array.isArray(o)) {
    pending += '[';
    for (let i = 0; i < o.length; i++) {
      if (i > 0) pending += ',';
      const x: unknown = o[i];
      if (typeof x === 'object' && x !== null) writeObject(x, depth + 1);
      else pending += primitive(x) ?? 'null';
    }
    pending += ']';
  } else {
    pending += '{';
    let first = true;
    for (const k of Object.keys(o)) {
      const x: unknown = (o as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null) {
        pending += key(k, first);
        writeObject(x, depth + 1);
      } else {
        const t = primitive(x);
        if (t === undefined) continue;
        pending += key(k, first) + t;
      }
      first = false;
    }
    pending += '}';
  }
}

/** A string, number, boolean or null as JSON writes it; undefined for what JSON leaves out of objects. */
function primitive(x: unknown): string | undefined {
  switch (typeof x) {
    case 'string':
      return JSON.stringify(x);
    case 'number':
      return Number.isFinite(x) ? String(x) : 'null';
    case 'boolean':
      return x ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(x); // throws, as JSON.stringify does
    case 'object':
      return 'null';
    default:
      return undefined;
  }
}

/**
 * Whether `o` (frozen) can never serialize differently: plain, no toJSON, only data properties,
 * and every object below it the same. Asked once per frozen object (the answer is kept either way).
 */
function deepFrozenData(o: object, depth: number): boolean {
  if (!Object.isFrozen(o) || !isPlain(o) || depth > MAX_DEPTH || typeof (o as { toJSON?: unknown }).toJSON === 'function') return false;
  if (frozenBytes.has(o)) return true;
  const descriptors = Object.getOwnPropertyDescriptors(o);
  for (const k of Object.keys(descriptors)) {
    const d = descriptors[k]!;
    // A getter may answer differently each time, frozen or not.
    if (d.get !== undefined || d.set !== undefined) return false;
    const x: unknown = d.value;
    if (typeof x === 'object' && x !== null && !deepFrozenData(x, depth + 1)) return false;
  }
  return true;
}

/**
 * Whether a frozen object sits within `levels` levels below `o`, where the engine puts what it
 * shares (a decision's lists); if not, JSON.stringify writes `o` whole, faster than a walk.
 * Only a choice of speed: either way the bytes are JSON.stringify's.
 */
function holdsFrozen(o: object, levels: number): boolean {
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) if (frozenWithin(o[i], levels)) return true;
    return false;
  }
  // for…in, not Object.values: no array per object (the prototype is a plain one, without enumerable properties).
  for (const k in o) if (frozenWithin((o as Record<string, unknown>)[k], levels)) return true;
  return false;
}

function frozenWithin(x: unknown, levels: number): boolean {
  return typeof x === 'object' && x !== null && (Object.isFrozen(x) || (levels > 1 && holdsFrozen(x, levels - 1)));
}
