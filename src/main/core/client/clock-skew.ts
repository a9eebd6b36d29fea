/**
 * The platform refuses a request whose timestamp is minutes away from its own clock, and
 * says only "timestamp expired": the user needs to hear that their clock is wrong. The
 * server's Date header is the one clock reading the answer carries.
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

/** Adds the offset to a refusal of the timestamp; any other result passes unchanged. */
export function withClockOffset(
  result: FetchResult,
  dateHeader: string | string[] | undefined,
  localNowMs: number,
): FetchResult {
  if (result.ok || result.failure.kind !== 'api' || !TIMESTAMP_REJECTED_WORDS.test(result.failure.message)) {
    return result;
  }
  const offset = clockOffsetMs(dateHeader, localNowMs);
  return offset === undefined ? result : { ok: false, failure: { ...result.failure, clockOffsetMs: offset } };
}
