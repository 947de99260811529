/**
 * Masking of personal data for anything shown outside the office (办结公告, 投诉处理结果, the
 * board) and in the CLI: complainants, applicants, ID numbers and phone numbers never appear whole.
 */
import type { PackData } from '../pack/index.ts';

/** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 320102199001011234 → 3201**********1234: the region prefix and the last four stay. */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim());
  if (chars.length <= 8) return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length <= 7) return chars.length <= 4 ? '*'.repeat(chars.length) : `${'*'.repeat(chars.length - 4)}${chars.slice(-4).join('')}`;
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
}

export interface Contact {
  readonly name?: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
}

/** A contact with every field masked; the address is never shown. */
export function maskContact(c: Contact): { name?: string; idNumber?: string; phone?: string } {
  return {
    ...(c.name ? { name: maskName(c.name) } : {}),
    ...(c.idNumber ? { idNumber: maskIdNumber(c.idNumber) } : {}),
    ...(c.phone ? { phone: maskPhone(c.phone) } : {}),
  };
}

// 18-digit resident ID (last may be X) and 11-digit mainland mobile numbers, not inside longer digit
// runs, as people type them: in groups split by a space or a dash (6-8-4 for an ID, 3-4-4 for a
// mobile), with a +86 prefix, in full-width digits. The one detection every public check uses.
const SEP = '[- \\t]{0,3}';
const ID_NUMBER = new RegExp(`(?<![0-9A-Za-z])[1-9]\\d{5}${SEP}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])${SEP}\\d{3}[\\dXx](?![0-9A-Za-z])`, 'g');
const MOBILE = new RegExp(`(?<!\\d)(?<prefix>\\+?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}(?!\\d)`, 'g');

/**
 * Full-width digits, letters X and x, plus sign, dashes and the ideographic space as their ASCII
 * forms, one UTF-16 unit for one, so that an index into the result is an index into `text`.
 */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0B\uFF0D\u2010-\u2015\u2212\u3000]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
    if (code === 0xff38) return 'X';
    if (code === 0xff58) return 'x';
    if (code === 0xff0b) return '+';
    if (code === 0x3000) return ' ';
    return '-';
  });
}

export interface UnmaskedFinding {
  readonly kind: 'idNumber' | 'phone';
  readonly index: number;
  readonly text: string;
}

interface Found extends UnmaskedFinding {
  /** Length of a +86 prefix of a phone (kept when masking). */
  readonly prefix: number;
}

function scan(text: string, allowed: readonly string[]): Found[] {
  const digits = (s: string): string => halfWidth(s).replace(/\D/g, '');
  const ok = new Set(allowed.map(digits));
  const plain = halfWidth(text);
  const out: Found[] = [];
  for (const m of plain.matchAll(ID_NUMBER)) out.push({ kind: 'idNumber', index: m.index, text: text.slice(m.index, m.index + m[0].length), prefix: 0 });
  for (const m of plain.matchAll(MOBILE)) {
    const national = digits(m[0].slice(m.groups?.prefix?.length ?? 0));
    if (!ok.has(digits(m[0])) && !ok.has(national)) out.push({ kind: 'phone', index: m.index, text: text.slice(m.index, m.index + m[0].length), prefix: m.groups?.prefix?.length ?? 0 });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Whole ID numbers and mobile numbers in a text meant for the public. `allowed` lists numbers
 * that may appear (the center's own published phones).
 */
export function findUnmasked(text: string, allowed: readonly string[] = []): UnmaskedFinding[] {
  return scan(text, allowed).map(({ kind, index, text: t }) => ({ kind, index, text: t }));
}

/**
 * Free text made fit for the public: every number `findUnmasked` finds in it is masked in place
 * (320102199001011234 → 3201**********1234, 139-0000-1111 → 139******1111, a +86 prefix kept);
 * the rest of the text, and the `allowed` numbers, are left as they are.
 */
export function maskUnmasked(text: string, allowed: readonly string[] = []): string {
  const found = scan(text, allowed);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    if (f.index < at) continue;
    const masked = f.kind === 'idNumber' ? maskIdNumber(f.text) : f.text.slice(0, f.prefix) + maskPhone(f.text.slice(f.prefix));
    out += text.slice(at, f.index) + masked;
    at = f.index + f.text.length;
  }
  return out + text.slice(at);
}

/** What a finding is, in the words of an error message: 身份证号 or 手机号. */
export function unmaskedKindLabel(kind: UnmaskedFinding['kind']): string {
  return kind === 'idNumber' ? '身份证号' : '手机号';
}

/**
 * The numbers a pack publishes on purpose, which public text may show whole: the center's phones,
 * each item's consultation phone (in every version) and the phones of the organs it refers people to.
 */
export function publishedPhones(pack: PackData): readonly string[] {
  // A pack never changes once loaded: its list is made once, not on every masked answer.
  let known = phonesOf.get(pack);
  if (!known) {
    known = Object.freeze(collectPhones(pack));
    phonesOf.set(pack, known);
  }
  return known;
}

const phonesOf = new WeakMap<PackData, readonly string[]>();

function collectPhones(pack: PackData): string[] {
  const out = new Set<string>(Object.values(pack.center.center.phones).filter((p): p is string => typeof p === 'string'));
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'phone' && typeof x === 'string') out.add(x);
        else walk(x);
      }
    }
  };
  for (const { data } of pack.items.values()) walk(data);
  for (const { data } of pack.referrals.values()) if (data.phone) out.add(data.phone);
  return [...out];
}
