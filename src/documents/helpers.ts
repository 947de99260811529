/**
 * The helpers a document template may call, with the kind of argument each takes so that the
 * template checker can refuse a wrong call before anything is printed. Every helper returns plain
 * text, which Handlebars escapes: no helper can inject markup.
 */
import { chineseDate, chineseDateTime, chineseMonth, chineseWeekday } from './dates.ts';
import { formatDuration } from './duration.ts';
import { DocumentError } from './errors.ts';
import { label, type LabelSet } from './labels.ts';
import { maskIdNumber, maskName, maskPhone } from '../records/index.ts';
import { formatMoney } from './money.ts';

/** What a helper argument must be: a string, a number, or a duration object {amount, unit}. */
export type ParamKind = 'string' | 'number' | 'duration';

export interface HelperSpec {
  readonly params: readonly ParamKind[];
  readonly description: string;
  /** `test` helpers answer yes/no and may only be used inside {{#if (…)}} / {{#unless (…)}}. */
  readonly returns?: 'text' | 'test';
  readonly run: (...args: never[]) => string | boolean;
}

const labelHelper = (set: LabelSet, description: string): HelperSpec => ({
  params: ['string'],
  description,
  run: (code: string) => label(set, code),
});

export const HELPERS: Readonly<Record<string, HelperSpec>> = {
  date: { params: ['string'], description: '日期：2026年11月21日', run: chineseDate },
  datetime: { params: ['string'], description: '日期时间：2026年11月21日 09:30', run: chineseDateTime },
  month: { params: ['string'], description: '月份：2026年12月', run: chineseMonth },
  weekday: { params: ['string'], description: '星期：星期一', run: chineseWeekday },
  money: { params: ['number'], description: '金额：10.00元', run: formatMoney },
  duration: { params: ['duration'], description: '时限：10个工作日', run: formatDuration },
  necessity: labelHelper('necessity', '材料必要性：主件/必要/容缺/可选'),
  mode: labelHelper('mode', '办理方式：即办件/承诺件/上报件/联办件/信访件'),
  kind: labelHelper('kind', '决定分类：咨询件/补正件/退回件/不予受理/受理件'),
  form: labelHelper('form', '材料形式：原件/复印件/原件和复印件'),
  medium: labelHelper('medium', '载体：纸质/电子/纸质或电子'),
  problem: labelHelper('problem', '缺件问题：未提交/形式不符/份数不足'),
  channel: labelHelper('channel', '投诉方式：口头/电话/书面'),
  maskName: { params: ['string'], description: '姓名脱敏：张*三', run: maskName },
  maskId: { params: ['string'], description: '证件号码脱敏：3201**********1234', run: maskIdNumber },
  maskPhone: { params: ['string'], description: '电话脱敏：138****5678', run: maskPhone },
  seq: { params: ['number'], description: '序号：{{seq @index}} 从 1 开始', run: (i: number) => String(i + 1) },
  eq: { params: ['string', 'string'], returns: 'test', description: '相等判断：{{#if (eq medium "paper")}}', run: (a: string, b: string) => a === b },
};

/** Built-in block helpers a template may use; every other Handlebars built-in is refused. */
export const BLOCKS = ['if', 'unless', 'each', 'with'] as const;

/** The helper functions as Handlebars calls them (arguments, then the options hash), checked at run time too. */
export function handlebarsHelpers(): Record<string, (...args: unknown[]) => string | boolean> {
  const out: Record<string, (...args: unknown[]) => string | boolean> = {};
  for (const [name, spec] of Object.entries(HELPERS)) {
    const run = spec.run as (...a: unknown[]) => string | boolean;
    const arity = spec.params.length;
    out[name] = function (...args: unknown[]) {
      // The last argument is Handlebars' options hash.
      if (args.length - 1 !== arity) throw new DocumentError('E-DOC-DATA', `帮助函数 ${name} 需要 ${arity} 个参数，实际 ${args.length - 1} 个`);
      for (let i = 0; i < arity; i++) {
        const p = args[i];
        const kind = spec.params[i]!;
        const ok =
          kind === 'string' ? typeof p === 'string' : kind === 'number' ? typeof p === 'number' : typeof p === 'object' && p !== null && 'amount' in p && 'unit' in p;
        if (!ok) throw new DocumentError('E-DOC-DATA', `帮助函数 ${name} 的第 ${i + 1} 个参数应为${kindName(kind)}，实际是 ${p === null || p === undefined ? '空值' : JSON.stringify(p)}`);
      }
      return arity === 1 ? run(args[0]) : run(...args.slice(0, arity));
    };
  }
  return out;
}

export function kindName(kind: ParamKind): string {
  return kind === 'string' ? '文字' : kind === 'number' ? '数字' : '时限（{amount, unit}）';
}
