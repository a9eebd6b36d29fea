/**
 * The EIOTCLUB signature rule (shared/reference/eiotclub-api.md): drop `sign` and empty
 * values, stringify, sort by name in byte order, join as k=v&..., append &secret=S, SHA-1,
 * upper-case hex. No URL-encoding anywhere.
 */
import { createHash } from 'node:crypto';

export type SignableValue = string | number | boolean | null | undefined | object;

function stringify(value: Exclude<SignableValue, null | undefined>): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Byte order, not locale order: 'Z' < 'a' and CJK sorts last. JavaScript's own string order
 * compares UTF-16 code units, which equals UTF-8 byte order except where a surrogate pair
 * meets a character from U+E000 up; only then are the bytes compared.
 */
const SURROGATE = /[\uD800-\uDFFF]/;
function byteOrder(a: string, b: string): number {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The exact string that gets hashed; exposed for tests and for the simulator's checks. */
export function stringToSign(params: Readonly<Record<string, SignableValue>>, secret: string): string {
  const pairs = Object.keys(params)
    .filter((name) => name !== 'sign')
    .flatMap((name) => {
      const value = params[name];
      if (value === null || value === undefined || value === '') return [];
      return [[name, stringify(value)] as const];
    })
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([name, value]) => `${name}=${value}`);
  pairs.push(`secret=${secret}`);
  return pairs.join('&');
}

export function sign(params: Readonly<Record<string, SignableValue>>, secret: string): string {
  return createHash('sha1').update(stringToSign(params, secret), 'utf8').digest('hex').toUpperCase();
}
