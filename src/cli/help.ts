import type { AddHelpTextContext, Help, HelpConfiguration, Option } from 'commander';

/** East Asian wide characters: CJK ideographs and full-width punctuation. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** A line never ends with one of these (an opening bracket or quote keeps its text with it). */
const OPENING = new Set([...'（《「『【〔〈“‘([{<']);
/** A line never starts with one of these (closing brackets and the punctuation that follows a word). */
const CLOSING = new Set([...'），。、；：！？」』】〕〉》”’…—)]}>,.;:!?%']);

/** Commander's English headings, in Chinese. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Columns `text` takes in a terminal: wide characters two, colour codes none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[\d*(;\d+)*m/g, '')) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** One unbreakable piece of a line: an ASCII word, or a single wide character, with the spaces before it. */
interface Atom {
  readonly space: string;
  readonly text: string;
}

function atomsOf(line: string): Atom[] {
  const atoms: Atom[] = [];
  // Spaces, then either one wide character or a run of anything that is neither space nor wide.
  for (const m of line.matchAll(/(\s*)([\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+)/gu)) {
    atoms.push({ space: m[1] ?? '', text: m[2] ?? '' });
  }
  return atoms;
}

/**
 * May a line break before `next`? At a space always; between characters only where one side is a
 * wide character (never inside an ASCII word), and never after an opening bracket or before a
 * closing punctuation mark.
 */
function breakable(prev: Atom, next: Atom): boolean {
  if (next.space !== '') return true;
  const last = [...prev.text].at(-1) ?? '';
  const first = [...next.text][0] ?? '';
  if (OPENING.has(last) || CLOSING.has(first)) return false;
  return WIDE.test(last) || WIDE.test(first);
}

/**
 * `text` wrapped to `width` columns by display width: Chinese characters count two columns and a
 * line may break between them; an ASCII word is never split (a word longer than the line stays
 * whole), an opening bracket stays with what follows it and a closing mark with what precedes it.
 * Existing line breaks and each line's indentation are kept.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const atoms = atomsOf(line.slice(indent.length));
  if (atoms.length === 0) return line.trimEnd();
  const out: string[] = [];
  let start = 0;
  while (start < atoms.length) {
    // Take atoms while they fit; remember the last place a break is allowed.
    let used = displayWidth(indent) + displayWidth(atoms[start]?.text ?? '');
    let end = start + 1;
    let lastBreak = -1;
    while (end < atoms.length) {
      const a = atoms[end] as Atom;
      const prev = atoms[end - 1] as Atom;
      const can = breakable(prev, a);
      const w = displayWidth(a.space) + displayWidth(a.text);
      if (used + w > width) {
        if (can) lastBreak = end;
        if (lastBreak > start) break;
        // No allowed break yet: the line runs long rather than splitting a word.
      } else if (can) {
        lastBreak = end;
      }
      used += w;
      end += 1;
    }
    const stop = end >= atoms.length && used <= width ? atoms.length : lastBreak > start ? lastBreak : end;
    out.push(indent + atoms.slice(start, stop).map((a, i) => (i === 0 ? a.text : a.space + a.text)).join(''));
    start = stop;
  }
  return out.join('\n');
}

/** `（可选：a、b；默认：rules）`, leaving out what would be empty. */
function notesOf(option: Option): string[] {
  const notes: string[] = [];
  if (option.argChoices && option.argChoices.length > 0) notes.push(`可选：${option.argChoices.join('、')}`);
  if (option.defaultValue !== undefined && (option.required || option.optional)) {
    const shown = option.defaultValueDescription ?? (Array.isArray(option.defaultValue) ? option.defaultValue.join('、') : String(option.defaultValue));
    if (shown.trim() !== '') notes.push(`默认：${shown}`);
  }
  return notes;
}

/**
 * Makes commander's generated help Chinese: headings, the `[options]` / `[command]` placeholders,
 * the "(default: …)" note (left out when the default is empty), and wrapping by display width.
 * Set on the program before commands are added, so they inherit it.
 */
export const CHINESE_HELP: HelpConfiguration = {
  // Chinese characters take two columns in a terminal: count them so that columns line up.
  displayWidth,
  // Chinese wraps well in a narrow column: wrap down to 20 columns (commander stops at 40).
  minWidthToWrap: 20,
  // Commander wraps only at spaces; Chinese has none, so its lines ran long and ragged.
  boxWrap(this: Help, text: string, width: number): string {
    return width < this.minWidthToWrap ? text : wrapText(text, width);
  },
  styleTitle: (title: string) => TITLES[title] ?? title,
  styleOptionText: (text: string) => (text === '[options]' ? '[选项]' : text),
  styleSubcommandText: (text: string) => (text === '[command]' ? '[命令]' : text),
  optionDescription: (option: Option) => {
    const notes = notesOf(option);
    return notes.length > 0 ? `${option.description}（${notes.join('；')}）` : option.description;
  },
};

/** A paragraph after a command's help (`addHelpText('after', helpNote(…))`), wrapped like the rest. */
export function helpNote(text: string): (context: AddHelpTextContext) => string {
  return ({ command, error }) => {
    const out = command.configureOutput();
    const width = (error ? out.getErrHelpWidth : out.getOutHelpWidth)?.() ?? 80;
    return `\n${wrapText(text, width)}`;
  };
}
