/**
 * Forbidden-phrase check (服务忌语) of a text against the pack's list. Spacing and punctuation
 * are ignored on both sides, so "我不管, 问别人去" (as the seeds print it) matches "我不管，问别人去".
 */

export interface PhraseMatch {
  /** The phrase as listed in policy.yaml. */
  readonly phrase: string;
  /** Where it starts in the checked text (UTF-16 index) and the text as written there. */
  readonly index: number;
  readonly excerpt: string;
}

const IGNORED = /[\s\p{P}\p{S}]/u;

/** Text without spaces and punctuation, with each kept character's index in the original. */
function normalize(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (!IGNORED.test(ch)) {
      chars += ch.toLowerCase();
      for (let k = 0; k < ch.length; k++) at.push(i + k);
    }
    i += ch.length;
  }
  return { chars, at };
}

/** Every occurrence of every listed phrase in `text`, in order of position. */
export function findForbiddenPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const hay = normalize(text);
  const out: PhraseMatch[] = [];
  for (const phrase of phrases) {
    const needle = normalize(phrase).chars;
    if (needle === '') continue;
    for (let i = hay.chars.indexOf(needle); i !== -1; i = hay.chars.indexOf(needle, i + needle.length)) {
      const start = hay.at[i]!;
      const end = hay.at[i + needle.length - 1]! + 1;
      out.push({ phrase, index: start, excerpt: text.slice(start, end) });
    }
  }
  // A longer phrase containing a shorter one (我不管，问别人去 / 找别人去) reports both: each is listed.
  return out.sort((a, b) => a.index - b.index || b.excerpt.length - a.excerpt.length);
}
