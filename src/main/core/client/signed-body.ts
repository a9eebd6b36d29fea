/** The request body: the system parameters plus any extra ones, all signed; never the secret. */
import { sign } from '../signer.js';

export interface SigningInput {
  appkey: string;
  secret: string;
  nowMs: number;
  /** In [0, 1). */
  random: number;
  extraParams?: Readonly<Record<string, string | number>>;
}

/** 10000..99999 inclusive, as the platform requires. */
export function nonceFrom(random: number): number {
  return Math.min(99_999, 10_000 + Math.floor(random * 90_000));
}

export function signedBody(input: SigningInput): string {
  const params: Record<string, string | number> = {
    ...input.extraParams,
    appkey: input.appkey,
    timestamp: Math.floor(input.nowMs / 1000),
    nonce: nonceFrom(input.random),
  };
  // Added in place rather than spread into a copy (one object fewer per poll). sign() skips
  // any `sign` key, so it is computed before this one is set, and a `sign` among the extra
  // parameters keeps its place but takes the new value, exactly as a spread would give.
  params.sign = sign(params, input.secret);
  return JSON.stringify(params);
}
