import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BianminError, type Problem } from '../../core/index.ts';
import { DEFAULT_OFFICE_HOURS, parseSource, scaffoldPack, type InitAnswers, type SourceFile } from '../../pack/index.ts';
import type { Context, TextSource } from '../context.ts';
import { EXIT } from '../exit.ts';
import { segmentsOf } from '../json-path.ts';
import type { InitFlags } from '../syntax/init.ts';
import { dateFlag } from '../time-flags.ts';
import { UsageError } from '../usage-error.ts';

/** The package's schemas/: from src/cli/commands/ and from dist/cli/commands/ alike, three levels up. */
const SCHEMAS_DIR = fileURLToPath(new URL('../../../schemas/', import.meta.url));

export async function init(ctx: Context, dir: string, opts: InitFlags): Promise<number> {
  const today = opts.date === undefined ? new Date() : new Date(dateFlag(opts.date, '--date') * 86_400_000 + 4 * 3600_000);
  const target = ctx.file(dir);
  refuseNonEmpty(target, dir);

  let answers: unknown;
  let source: { file: string; source: SourceFile | null } | null = null;
  const given = flagAnswers(opts);
  if (opts.answers !== undefined) {
    const read = readAnswers(ctx, opts.answers);
    source = { file: opts.answers, source: read.source };
    answers = overlay(read.data, given);
  } else if (given !== null) {
    answers = overlay({}, given);
  } else {
    answers = await ask(ctx);
  }

  const schemaBase = opts.schemaBase ?? defaultSchemaBase(target);
  let files: Map<string, string>;
  try {
    files = scaffoldPack(answers as InitAnswers, { schemaBase, today });
  } catch (err) {
    if (err instanceof BianminError && err.code === 'E-USAGE-ANSWER' && source) throw locateIn(err, source.file, source.source);
    throw err;
  }
  for (const [rel, text] of files) {
    const file = path.join(target, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  }
  const items = [...files.keys()].filter((f) => f.startsWith('items/')).length;
  ctx.stdout.write(
    [
      `已在 ${dir} 新建规则包：${files.size} 个文件（${items} 个示例事项，每种办理方式一个；今明两年节假日；场景测试 tests/examples.yaml）`,
      `格式说明（编辑器据此提示和检查）：${schemaBase}${isRelative(schemaBase) ? '（相对于规则包目录）' : ''}`,
      '下一步：',
      `  bianmin validate --rules ${dir}   # 校验（应为 0 处错误）`,
      `  bianmin test --rules ${dir}       # 运行场景测试`,
      '  按本中心的实际情况修改 center.yaml（职务、职级、服务承诺）和 items/ 中的示例事项。',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

function isRelative(base: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(base) && !path.isAbsolute(base);
}

/** Never writes over anything: DIR must not exist, or be an empty directory. */
function refuseNonEmpty(target: string, dir: string): void {
  const s = statSync(target, { throwIfNoEntry: false });
  if (!s) return;
  if (!s.isDirectory()) throw new UsageError('E-USAGE-DIR', `${dir} 已存在且不是目录`);
  const entries = readdirSync(target);
  if (entries.length > 0) throw new UsageError('E-USAGE-DIR', `${dir} 不是空目录（已有 ${entries.slice(0, 3).join('、')}${entries.length > 3 ? ' 等' : ''}），不会覆盖；请换一个新目录`);
}

/** The installed package's schemas/ as seen from the new pack's directory (relative when that is possible). */
function defaultSchemaBase(target: string): string {
  const rel = path.relative(target, SCHEMAS_DIR);
  const usable = rel !== '' && !path.isAbsolute(rel) ? rel : SCHEMAS_DIR;
  return usable.split(path.sep).join('/').replace(/\/+$/, '');
}

function readAnswers(ctx: Context, file: string): { data: unknown; source: SourceFile | null } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(ctx.file(file));
  } catch {
    throw new UsageError('E-USAGE-FILE', `无法读取回答文件 ${file}`);
  }
  // The pack's own YAML reader takes JSON too, and locates any syntax error.
  const parsed = parseSource(path.basename(file), bytes);
  if (!parsed.ok) {
    const details: Problem[] = parsed.errors.map((d) => ({ code: d.code, message: d.message, file, line: d.line, column: d.column }));
    const [first] = details;
    throw new BianminError('E-USAGE-ANSWER', first?.message ?? '回答文件无法读取', { file, line: first?.line ?? 0, column: first?.column ?? 0 }, details);
  }
  return { data: parsed.source.data, source: parsed.source };
}

/** The scaffold's problems at their line and column in the answers file. */
function locateIn(err: BianminError, file: string, source: SourceFile | null): BianminError {
  const at = (p: Problem): Problem => {
    if (!source || p.path === undefined) return { ...p, file };
    const where = source.locate(segmentsOf(p.path), false);
    return { ...p, file, line: where.line, column: where.column };
  };
  const details = err.details.map(at);
  const [first] = details;
  return new BianminError(err.code, err.detail, first ? { file: first.file, line: first.line, column: first.column, path: first.path } : { file }, details);
}

// ---- Flags

interface FlagAnswers {
  center: Record<string, unknown>;
  phones: Record<string, unknown>;
  windows: InitAnswers['windows'] | null;
  staff: Array<Record<string, unknown>> | null;
}

/** The answers given as flags, or null when there is none. */
function flagAnswers(opts: InitFlags): FlagAnswers | null {
  const center: Record<string, unknown> = {};
  if (opts.name !== undefined) center.name = opts.name;
  if (opts.code !== undefined) center.code = opts.code;
  if (opts.address !== undefined) center.address = opts.address;
  if (opts.hours.length > 0) center.officeHours = opts.hours.flatMap((h) => h.split(/[\s,，、]+/)).filter((h) => h !== '');
  const phones: Record<string, unknown> = {};
  if (opts.consultPhone !== undefined) phones.consult = opts.consultPhone;
  if (opts.complaintPhone !== undefined) phones.complaint = opts.complaintPhone;
  if (opts.reportPhone !== undefined) phones.report = opts.reportPhone;
  const windows = opts.window.length > 0 ? opts.window.map(windowFlag) : null;
  const staff = opts.staff.length > 0 ? opts.staff.map(staffFlag) : null;
  if (Object.keys(center).length === 0 && Object.keys(phones).length === 0 && !windows && !staff) return null;
  return { center, phones, windows, staff };
}

function windowFlag(text: string): { id: string; name: string } {
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  if (!m) throw new UsageError('E-USAGE-OPTION', `--window 的值 '${text}' 应写成“标识=名称”，例如 --window minzheng-window=民政窗口`);
  return { id: (m[1] ?? '').trim(), name: (m[2] ?? '').trim() };
}

function staffFlag(text: string): Record<string, unknown> {
  const m = /^([^=]+)=([^@]+)@([^:]+)(?::(.*))?$/.exec(text.trim());
  if (!m) throw new UsageError('E-USAGE-OPTION', `--staff 的值 '${text}' 应写成“标识=姓名@窗口”（末尾可加 :A 或 :B），例如 --staff chen-li=陈丽@minzheng-window:A`);
  const post = m[4]?.trim().toUpperCase();
  return { id: (m[1] ?? '').trim(), name: (m[2] ?? '').trim(), window: (m[3] ?? '').trim(), ...(post ? { post } : {}) };
}

/** Flags over the file's answers: a flag replaces the field (a repeated flag, the whole list). */
function overlay(data: unknown, flags: FlagAnswers | null): unknown {
  if (!flags) return data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const base = data as Record<string, unknown>;
  const center = base.center !== null && typeof base.center === 'object' && !Array.isArray(base.center) ? (base.center as Record<string, unknown>) : {};
  const phones = center.phones !== null && typeof center.phones === 'object' && !Array.isArray(center.phones) ? (center.phones as Record<string, unknown>) : {};
  return {
    ...base,
    center: { ...center, ...flags.center, phones: { ...phones, ...flags.phones } },
    ...(flags.windows ? { windows: flags.windows } : {}),
    ...(flags.staff ? { staff: flags.staff } : {}),
  };
}

// ---- Questions

/** Reads one answer a line at a time; the end of input before an answer is a usage error. */
class Questions {
  private readonly lines: AsyncIterator<string>;

  constructor(
    private readonly ctx: Context,
    input: TextSource,
  ) {
    const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
    this.lines = rl[Symbol.asyncIterator]();
    this.echo = input.isTTY !== true;
    this.close = () => rl.close();
  }

  readonly close: () => void;
  /** Piped answers are not shown by a terminal: repeat each after its question, so a transcript reads well. */
  private readonly echo: boolean;

  /** `prompt（直接回车为 “默认”）：`; the default when the answer is empty. */
  async ask(prompt: string, fallback?: string, required = true): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt++) {
      this.ctx.stdout.write(`${prompt}${fallback !== undefined && fallback !== '' ? `（直接回车为“${fallback}”）` : ''}：`);
      const next = await this.lines.next();
      if (next.done) {
        this.ctx.stdout.write('\n');
        throw new UsageError('E-USAGE-ANSWER', `输入在回答“${prompt}”之前结束`);
      }
      const answer = next.value.trim();
      if (this.echo) this.ctx.stdout.write(`${answer}\n`);
      if (answer !== '') return answer;
      if (fallback !== undefined) return fallback;
      if (!required) return '';
      this.ctx.stdout.write('  此项必须填写。\n');
    }
    throw new UsageError('E-USAGE-ANSWER', `“${prompt}”连续三次没有填写`);
  }
}

/** Asks the questions on stdin (a terminal, or a script piped in), in Chinese, defaults shown. */
async function ask(ctx: Context): Promise<InitAnswers> {
  const q = new Questions(ctx, ctx.stdin());
  try {
    ctx.stdout.write('新建规则包：请回答以下问题（括号中是例子；直接回车使用所示的默认值）。\n\n');
    const name = await q.ask('中心名称（例如 青石镇便民服务中心）');
    const code = await q.ask('文书编号前缀，即中心简称（例如 青便）', `${[...name][0] ?? ''}便`);
    const address = await q.ask('中心地址');
    const hours = await q.ask('办公时间（各时段用空格分隔）', DEFAULT_OFFICE_HOURS.join(' '));
    const consult = await q.ask('咨询电话');
    const complaint = await q.ask('投诉电话');
    const report = await q.ask('举报电话', complaint);
    ctx.stdout.write('\n窗口：逐个填写，名称处直接回车结束。\n');
    const windows: InitAnswers['windows'] = [];
    for (let n = 1; n <= 50; n++) {
      const wname = await q.ask(`第 ${n} 个窗口的名称（例如 民政窗口）${n > 1 ? '，直接回车结束' : ''}`, undefined, n === 1);
      if (wname === '') break;
      const id = await q.ask('  窗口标识（小写字母、数字和连字符）', `window-${n}`);
      windows.push({ id, name: wname });
    }
    ctx.stdout.write('\n工作人员：每个窗口填写姓名，用空格或“、”分隔，第一位为A岗、第二位为B岗。\n');
    const staff: InitAnswers['staff'] = [];
    for (const w of windows) {
      const names = (await q.ask(`“${w.name}”的工作人员`)).split(/[\s,，、]+/).filter((s) => s !== '');
      names.forEach((person, i) => {
        staff.push({ id: `staff-${staff.length + 1}`, name: person, window: w.id, ...(i === 0 ? { post: 'A' as const } : i === 1 ? { post: 'B' as const } : {}) });
      });
    }
    ctx.stdout.write('\n工作人员标识依次为 staff-1、staff-2……，可在 center.yaml 中改为拼音等便于辨认的标识。\n\n');
    return {
      center: { name, code, address, officeHours: hours.split(/[\s,，、]+/).filter((h) => h !== ''), phones: { consult, complaint, report } },
      windows,
      staff,
    };
  } finally {
    q.close();
  }
}
