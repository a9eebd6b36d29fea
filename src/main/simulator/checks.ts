/**
 * What the platform checks on a balance request, in its order: JSON body, required
 * parameters, nonce range, timestamp window, known appkey, signature, replay. Pure apart
 * from the replay cache, which remembers a request only once everything else passed (so a
 * forged request cannot burn a real client's nonce).
 */
import { platformSign, type PlatformValue } from './platform-sign.js';
import { REJECTIONS, TIMESTAMP_WINDOW_SEC, type Rejection } from './codes.js';
import type { ReplayCache } from './replay.js';

export type CheckOutcome = { ok: true; appkey: string } | { ok: false; rejection: Rejection };

export interface CheckContext {
  /** appkey -> secret */
  secrets: ReadonlyMap<string, string>;
  nowSec: number;
  replay: ReplayCache;
}

const REQUIRED = ['appkey', 'timestamp', 'nonce', 'sign'] as const;

function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
}

function parseObject(body: string): Record<string, PlatformValue> | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return parsed as Record<string, PlatformValue>;
  } catch {
    return null;
  }
}

const reject = (rejection: Rejection): CheckOutcome => ({ ok: false, rejection });

export function checkRequest(body: string, context: CheckContext): CheckOutcome {
  const params = parseObject(body);
  if (!params) return reject(REJECTIONS.badJson);
  if (REQUIRED.some((name) => params[name] === undefined || params[name] === null || params[name] === '')) {
    return reject(REJECTIONS.missingParam);
  }
  const { appkey, sign: given } = params;
  if (typeof appkey !== 'string' || typeof given !== 'string') return reject(REJECTIONS.missingParam);

  const nonce = integer(params.nonce);
  if (nonce === null || nonce < 10_000 || nonce > 99_999) return reject(REJECTIONS.badNonce);

  const timestamp = integer(params.timestamp);
  if (
    timestamp === null ||
    String(timestamp).length !== 10 ||
    Math.abs(timestamp - context.nowSec) > TIMESTAMP_WINDOW_SEC
  ) {
    return reject(REJECTIONS.badTimestamp);
  }

  const secret = context.secrets.get(appkey);
  if (secret === undefined) return reject(REJECTIONS.unknownAppkey);
  if (platformSign(params, secret) !== given) return reject(REJECTIONS.badSign);

  if (!context.replay.remember(appkey, timestamp, nonce, context.nowSec)) return reject(REJECTIONS.replay);
  return { ok: true, appkey };
}
