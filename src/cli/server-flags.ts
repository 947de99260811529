/**
 * Flags the service itself parses (`--public-url`, `--cors-origin`): the service's parser is the one
 * source of what is valid; here its located error becomes a usage error naming the flag (exit 2).
 */
import { BianminError } from '../core/index.ts';
import { parseCorsOrigins, parsePublicUrl } from '../server/index.ts';
import { UsageError } from './usage-error.ts';

function asUsage<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof BianminError)) throw err;
    throw new UsageError('E-USAGE-OPTION', `${flag}：${err.detail}`);
  }
}

/** `--public-url`: the service's public address, as QR codes print it. */
export function publicUrlFlag(value: string | undefined): string | undefined {
  return value === undefined ? undefined : asUsage('--public-url', () => parsePublicUrl(value));
}

/** `--cors-origin`: the origins whose pages may call the API. */
export function corsOriginFlag(value: string | undefined): string[] {
  return asUsage('--cors-origin', () => parseCorsOrigins(value ?? ''));
}
