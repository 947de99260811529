/**
 * YAML folded scalars (`>-`) join lines with a space, which in Chinese prose shows as a stray gap
 * (“60日内 向县政府…”). Spaces between two Chinese characters or punctuation marks are dropped;
 * spaces next to Latin letters and digits stay.
 */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’]';
const GAP = new RegExp(`(?<=${CJK})[ \\t\\r\\n]+(?=${CJK})`, 'gu');

export function tidyText(text: string): string {
  return text.replace(GAP, '').trim();
}

export function tidyOrNull(text: string | undefined | null): string | null {
  return text === undefined || text === null ? null : tidyText(text);
}
