/**
 * Turns what the server said into a reading or a typed failure: the HTTP status first, then
 * the JSON envelope `{code, message, data: {balance, currency}}`.
 */
import { canonicalAmount } from '../../../shared/money.js';
import { cleanServerText } from '../../../shared/server-text.js';
import type { FetchFailure, FetchResult, InvalidReason } from '../../../shared/types.js';
import { CREDENTIALS_REJECTED_WORDS, SUCCESS_CODE } from './protocol.js';
import { retryAfterMs } from './retry-after.js';

const INVALID_MESSAGES: Record<InvalidReason, string> = {
  'not-json': 'the answer is not JSON',
  shape: 'the answer does not have the expected fields',
  balance: 'the balance in the answer is not a decimal amount',
  'too-large': 'the answer is larger than the size limit',
  empty: 'the answer was empty',
};

/** A cut-off or HTML answer is usually a passing proxy hiccup; a wrong shape will not fix itself soon. */
export function invalid(reason: InvalidReason, at: number): FetchFailure {
  const retryable = reason === 'not-json' || reason === 'empty';
  return { kind: 'invalid-response', reason, retryable, message: INVALID_MESSAGES[reason], at };
}

/** 408, 425, 429 and 5xx are worth retrying; other 4xx mean our request or URL is wrong. */
export function httpFailure(status: number, retryAfter: string | string[] | undefined, at: number): FetchFailure {
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  const wait = retryAfterMs(retryAfter, at);
  return {
    kind: 'http',
    status,
    retryable,
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    message: `HTTP ${status}`,
    at,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const CURRENCY = /^[A-Za-z0-9]{1,16}$/;

export function answerResult(text: string, at: number): FetchResult {
  if (text.trim() === '') return { ok: false, failure: invalid('empty', at) };
  const answer = parse(text);
  if (answer === undefined) return { ok: false, failure: invalid('not-json', at) };
  if (!isRecord(answer) || (typeof answer.code !== 'string' && typeof answer.code !== 'number')) {
    return { ok: false, failure: invalid('shape', at) };
  }
  const code = cleanServerText(String(answer.code), 32);
  if (code !== SUCCESS_CODE) {
    // Cleaned here, once, so every output downstream shows only printable, short text.
    const message = typeof answer.message === 'string' ? cleanServerText(answer.message) : '';
    const auth = CREDENTIALS_REJECTED_WORDS.test(message);
    return { ok: false, failure: { kind: 'api', code, message, retryable: !auth, ...(auth ? { auth } : {}), at } };
  }
  const data = answer.data;
  // A numeric balance has been through a float somewhere: refuse it rather than guess.
  if (
    !isRecord(data) ||
    typeof data.balance !== 'string' ||
    typeof data.currency !== 'string' ||
    !CURRENCY.test(data.currency)
  ) {
    return { ok: false, failure: invalid('shape', at) };
  }
  const balance = canonicalAmount(data.balance);
  if (balance === null) return { ok: false, failure: invalid('balance', at) };
  return { ok: true, reading: { currency: data.currency, balance, fetchedAt: at } };
}
