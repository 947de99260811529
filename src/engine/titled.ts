/** A document name in title marks 《》, once: names written as 《居民户口簿》 in the pack stay as they are. */
export function titled(name: string): string {
  return name.startsWith('《') ? name : `《${name}》`;
}
