/**
 * One line a user can act on for a failed balance check, in their language. The API's own
 * code and message are shown verbatim (the platform's list of codes is unpublished).
 */
import type { MessageKey, Translate } from './i18n/index.js';
import type { FetchFailure, InvalidReason, NetworkReason } from './types.js';

const NETWORK: Record<NetworkReason, MessageKey> = {
  'timeout-connect': 'failure.network.timeout-connect',
  'timeout-headers': 'failure.network.timeout-headers',
  'timeout-body': 'failure.network.timeout-body',
  deadline: 'failure.network.deadline',
  aborted: 'failure.network.aborted',
  refused: 'failure.network.refused',
  reset: 'failure.network.reset',
  dns: 'failure.network.dns',
  tls: 'failure.network.tls',
  other: 'failure.network.other',
};

const INVALID: Record<InvalidReason, MessageKey> = {
  'not-json': 'failure.invalid.not-json',
  shape: 'failure.invalid.shape',
  balance: 'failure.invalid.balance',
  'too-large': 'failure.invalid.too-large',
  empty: 'failure.invalid.empty',
};

function withRetryAfter(text: string, failure: FetchFailure, t: Translate): string {
  if (failure.retryAfterMs === undefined) return text;
  return t('failure.retry-after', { text, seconds: Math.ceil(failure.retryAfterMs / 1000) });
}

/** Whole minutes, at least 1: a refused timestamp is never "0 minutes off". */
function clockParams(offsetMs: number, t: Translate): { minutes: number; direction: string } {
  const minutes = Math.max(1, Math.round(Math.abs(offsetMs) / 60_000));
  return { minutes, direction: t(offsetMs > 0 ? 'failure.clock.ahead' : 'failure.clock.behind') };
}

function clockLine(offsetMs: number, detail: string, t: Translate): string {
  const params = clockParams(offsetMs, t);
  return t(params.minutes === 1 ? 'failure.clock.one' : 'failure.clock.other', { ...params, detail });
}

/** An HTTP refusal says nothing of the time: the clock is the likely reason, not a certain one. */
function httpClockLine(offsetMs: number, status: number | string, t: Translate): string {
  const params = clockParams(offsetMs, t);
  return t(params.minutes === 1 ? 'failure.http.clock.one' : 'failure.http.clock.other', { ...params, status });
}

function mainLine(failure: FetchFailure, t: Translate): string {
  switch (failure.kind) {
    case 'api': {
      const detail = [failure.code, failure.message].filter(Boolean).join(' ');
      if (failure.clockOffsetMs !== undefined) return clockLine(failure.clockOffsetMs, detail, t);
      return t(failure.auth ? 'failure.api.auth' : 'failure.api', { detail });
    }
    case 'http':
      if (failure.clockOffsetMs !== undefined) return httpClockLine(failure.clockOffsetMs, failure.status ?? '?', t);
      return failure.status === 429 ? t('failure.http.429') : t('failure.http', { status: failure.status ?? '?' });
    case 'network':
      return t(NETWORK[failure.reason as NetworkReason] ?? 'failure.network.other', { message: failure.message });
    case 'invalid-response':
      return t(INVALID[failure.reason as InvalidReason] ?? 'failure.invalid.shape');
  }
}

export function describeFailure(failure: FetchFailure, t: Translate): string {
  return withRetryAfter(mainLine(failure, t), failure, t);
}
