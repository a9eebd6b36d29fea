/**
 * The signature as the platform computes it, written apart from the client's signer on
 * purpose: if both shared one implementation, a mistake in it would sign and verify alike
 * and no test against the simulator could catch it. Straightforward rather than fast: the
 * rule of shared/reference/eiotclub-api.md, step by step.
 */
import { createHash } from 'node:crypto';

export type PlatformValue = string | number | boolean | null | undefined | object;

function text(value: Exclude<PlatformValue, null | undefined>): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function platformSign(params: Readonly<Record<string, PlatformValue>>, secret: string): string {
  const pairs = Object.entries(params)
    .filter(([name, value]) => name !== 'sign' && value !== null && value !== undefined && value !== '')
    .map(([name, value]) => ({ name: Buffer.from(name, 'utf8'), line: `${name}=${text(value as object)}` }))
    .sort((a, b) => Buffer.compare(a.name, b.name))
    .map((pair) => pair.line);
  return createHash('sha1')
    .update([...pairs, `secret=${secret}`].join('&'), 'utf8')
    .digest('hex')
    .toUpperCase();
}
