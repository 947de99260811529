/**
 * Deep-freezes plain data in place and returns it. Iterative, so a deeply nested value cannot
 * overflow the stack; an object already frozen is taken as frozen all the way down (every caller
 * freezes only through here).
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) for (const child of v) stack.push(child);
    else for (const key in v) stack.push((v as Record<string, unknown>)[key]);
  }
  return value;
}
