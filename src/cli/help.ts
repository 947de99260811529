import type { HelpConfiguration, Option } from 'commander';

/** East Asian wide characters: CJK ideographs and full-width punctuation. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Commander's English headings, in Chinese. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/**
 * Makes commander's generated help Chinese: headings, the `[options]` / `[command]` placeholders
 * and the "(default: …)" note. Set on the program before commands are added, so they inherit it.
 */
export const CHINESE_HELP: HelpConfiguration = {
  // Chinese characters take two columns in a terminal: count them so that columns line up.
  displayWidth: (text: string) => {
    let width = 0;
    for (const ch of text.replace(/\x1b\[\d*(;\d+)*m/g, '')) width += WIDE.test(ch) ? 2 : 1;
    return width;
  },
  styleTitle: (title: string) => TITLES[title] ?? title,
  styleOptionText: (text: string) => (text === '[options]' ? '[选项]' : text),
  styleSubcommandText: (text: string) => (text === '[command]' ? '[命令]' : text),
  optionDescription: (option: Option) => {
    const notes: string[] = [];
    if (option.argChoices) notes.push(`可选：${option.argChoices.join('、')}`);
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      notes.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
    }
    return notes.length > 0 ? `${option.description}（${notes.join('；')}）` : option.description;
  },
};
