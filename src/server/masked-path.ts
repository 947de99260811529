/**
 * A request path as it may be logged or repeated in a 404: percent-decoded where possible, control
 * characters replaced, ID and mobile numbers masked (`findUnmasked`), and long digit runs masked
 * too, so that a mistyped path holding an ID number never reaches the log whole.
 */
import { findUnmasked, maskIdNumber, maskPhone } from '../records/index.ts';

const MAX_SHOWN = 200;
/** Eleven digits or more in a row: as long as a mobile number, so masked whatever they are. */
const LONG_DIGITS = /\d{11,}/g;

export function maskedPath(url: string): string {
  const raw = (url.split('?')[0] ?? '').slice(0, MAX_SHOWN * 3);
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Malformed encoding somewhere: decode the ASCII escapes, which is what a number would be written with.
    text = raw.replace(/%([0-7][0-9A-Fa-f])/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  text = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return mask(Array.from(mask(text)).slice(0, MAX_SHOWN).join(''));
}

/** `text` with every ID and mobile number (and any run of 11 or more digits) masked. */
export function mask(text: string): string {
  let out = text;
  for (const f of findUnmasked(out).reverse()) {
    out = out.slice(0, f.index) + (f.kind === 'idNumber' ? maskIdNumber(f.text) : maskPhone(f.text)) + out.slice(f.index + f.text.length);
  }
  return out.replace(LONG_DIGITS, (digits) => maskIdNumber(digits));
}
