/**
 * The platform refuses a request whose timestamp is minutes away from its own clock, and
 * says only "timestamp expired": the user needs to hear that their clock is wrong. The
 * server's Date header is the one clock reading the answer carries.
 *
 * A refusal at the HTTP level (401/403, no JSON envelope, so no message naming the time) gets
 * the offset too, but only when it is large: shared/reference/ does not say how far off the
 * platform lets a timestamp be, nor that it ever answers so, and naming a small offset would
 * send the user after their clock when their credentials are wrong.
 */
import type { FetchResult } from '../../../shared/types.js';
import { TIMESTAMP_REJECTED_WORDS } from './protocol.js';

/** This computer's clock minus the server's, in ms (positive: ours is ahead); undefined without a usable Date. */
export function clockOffsetMs(dateHeader: string | string[] | undefined, localNowMs: number): number | undefined {
  const text = Array.isArray(dateHeader) ? dateHeader[0] : dateHeader;
  if (text === undefined || text === '') return undefined;
  const serverMs = Date.parse(text);
  return Number.isNaN(serverMs) ? undefined : localNowMs - serverMs;
}

/** Five minutes: the window of common signed-API designs, and of our simulator. */
export const HTTP_REFUSAL_SKEW_MS = 5 * 60_000;
const REFUSED_STATUSES: ReadonlySet<number> = new Set([401, 403]);

/**
 * Adds the offset to a refusal of the timestamp, or to an HTTP 401/403 while the clocks are
 * at least HTTP_REFUSAL_SKEW_MS apart; any other result passes unchanged.
 */
export function withClockOffset(
  result: FetchResult,
  dateHeader: string | string[] | undefined,
  localNowMs: number,
): FetchResult {
  if (result.ok) return result;
  const { failure } = result;
  const timeRefused = failure.kind === 'api' && TIMESTAMP_REJECTED_WORDS.test(failure.message);
  const httpRefused = failure.kind === 'http' && REFUSED_STATUSES.has(failure.status ?? 0);
  if (!timeRefused && !httpRefused) return result;
  const offset = clockOffsetMs(dateHeader, localNowMs);
  if (offset === undefined || (httpRefused && Math.abs(offset) < HTTP_REFUSAL_SKEW_MS)) return result;
  return { ok: false, failure: { ...failure, clockOffsetMs: offset } };
}
