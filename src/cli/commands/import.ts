import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BianminError, renderMessage } from '../../core/index.ts';
import { formatDiagnostic, importNational } from '../../pack/index.ts';
import type { Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import type { ImportFlags } from '../syntax/import.ts';
import { UsageError } from '../usage-error.ts';
import { checkFormat, packData } from './export.ts';

export async function importItems(ctx: Context, opts: ImportFlags): Promise<number> {
  checkFormat(opts.format);
  let text: string;
  try {
    text = await readFile(ctx.file(opts.input), 'utf8');
  } catch (e) {
    throw new UsageError('E-USAGE-FILE', `无法读取交换文件 ${opts.input}：${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = jsonWhere(text, (e as Error).message);
    throw new BianminError('E-USAGE-NATIONAL-JSON', renderMessage('E-USAGE-NATIONAL-JSON', { detail: `${at.text}（请检查引号、逗号和括号）` }), { file: opts.input, ...at.location });
  }
  const pack = await packData(ctx, opts.rules);
  if (!pack) return EXIT.invalid;
  const result = await importNational(pack, value);
  if (result.problems.length > 0) {
    const code = 'E-USAGE-NATIONAL-SHAPE' as const;
    const detail = renderMessage(code, { detail: `${result.problems.length} 处问题，未写入任何文件` });
    const details = result.problems.map((p) => ({ code, message: p.message, file: opts.input, path: p.path }));
    throw new BianminError(code, detail, { file: opts.input }, [{ code, message: detail, file: opts.input }, ...details]);
  }
  if (result.errors.length > 0) {
    for (const d of result.errors) ctx.stderr.write(`错误 ${formatDiagnostic(d, opts.rules)}\n`);
    ctx.stderr.write(`导入后的规则包有 ${result.errors.length} 处错误，未写入任何文件\n`);
    return EXIT.invalid;
  }
  for (const f of result.files) await writeFile(path.join(pack.dir, f.file), f.text, 'utf8');
  const created = result.files.filter((f) => f.created).length;
  for (const f of result.files) ctx.stdout.write(`${f.created ? '新建' : '更新'} ${path.join(opts.rules, f.file)}\n`);
  ctx.stdout.write(`已导入 ${opts.input}：更新 ${result.files.length - created} 个事项文件，新建 ${created} 个，其余不变\n`);
  return EXIT.ok;
}

/** Where JSON.parse stopped (its message gives the offset), in Chinese. */
function jsonWhere(text: string, message: string): { text: string; location: { line?: number; column?: number } } {
  const m = /position (\d+)/.exec(message);
  if (!m) return { text: text.trim() === '' ? '文件是空的' : 'JSON 在文件末尾不完整', location: {} };
  const offset = Number(m[1]);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const found = text[offset];
  return { text: `语法错误${found === undefined ? '' : `（此处是 ${JSON.stringify(found)}）`}`, location: { line, column } };
}
