/**
 * The EIOTCLUB signature rule (shared/reference/eiotclub-api.md): drop `sign` and empty
 * values, stringify, sort by name in byte order, join as k=v&..., append &secret=S, SHA-1,
 * upper-case hex. No URL-encoding anywhere.
 */
import { hash } from 'node:crypto';

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
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byteOrder(a: string, b: string): number {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return codeUnitOrder(a, b);
}

/**
 * The exact string that gets hashed; exposed for tests and for the simulator's checks.
 * Plain loops over the names rather than filter/flatMap/sort/map: this runs on every poll,
 * and the intermediate arrays and tuples were a measurable share of a call's own cost.
 */
export function stringToSign(params: Readonly<Record<string, SignableValue>>, secret: string): string {
  const names: string[] = [];
  let astral = false;
  for (const name of Object.keys(params)) {
    if (name === 'sign') continue;
    const value = params[name];
    if (value === null || value === undefined || value === '') continue;
    names.push(name);
    if (!astral && SURROGATE.test(name)) astral = true;
  }
  // The byte comparison is only needed when some name has a surrogate (see byteOrder).
  names.sort(astral ? byteOrder : codeUnitOrder);
  let text = '';
  for (const name of names) {
    text += `${name}=${stringify(params[name] as Exclude<SignableValue, null | undefined>)}&`;
  }
  return `${text}secret=${secret}`;
}

/** One-shot crypto.hash (Node >= 20.12, strings hashed as UTF-8): half the cost of a Hash object per call. */
export function sign(params: Readonly<Record<string, SignableValue>>, secret: string): string {
  return hash('sha1', stringToSign(params, secret), 'hex').toUpperCase();
}
