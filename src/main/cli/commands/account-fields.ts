/**
 * The account fields `accounts add` and `accounts edit` both take, in one place so the two
 * commands cannot drift apart, and so `edit` does not load `add` (and its client) to get them.
 */
import { POLL_INTERVAL } from '../../../shared/types.js';

export const ACCOUNT_FIELD_OPTIONS = {
  label: { type: 'string' },
  appkey: { type: 'string' },
  'base-url': { type: 'string' },
  low: { type: 'string' },
  critical: { type: 'string' },
  interval: { type: 'string' },
} as const;

/** "300" -> 300; anything else NaN, which the account rules report with their bounds. */
export function seconds(text: string | undefined, fallback: number = POLL_INTERVAL.defaultSec): number {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}
