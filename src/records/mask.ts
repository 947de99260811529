/**
 * Masking of personal data for anything shown outside the office (办结公告, 投诉处理结果, the
 * board) and in the CLI: complainants, applicants, ID numbers and phone numbers never appear whole.
 */

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

// 18-digit resident ID (last may be X) and 11-digit mainland mobile numbers, not inside longer digit runs.
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;

export interface UnmaskedFinding {
  readonly kind: 'idNumber' | 'phone';
  readonly index: number;
  readonly text: string;
}

/**
 * Whole ID numbers and mobile numbers in a text meant for the public. `allowed` lists numbers
 * that may appear (the center's own published phones).
 */
export function findUnmasked(text: string, allowed: readonly string[] = []): UnmaskedFinding[] {
  const digits = (s: string): string => s.replace(/\D/g, '');
  const ok = new Set(allowed.map(digits));
  const out: UnmaskedFinding[] = [];
  for (const m of text.matchAll(ID_NUMBER)) out.push({ kind: 'idNumber', index: m.index, text: m[0] });
  for (const m of text.matchAll(MOBILE)) if (!ok.has(digits(m[0]))) out.push({ kind: 'phone', index: m.index, text: m[0] });
  return out.sort((a, b) => a.index - b.index);
}
