/**
 * The ways a real endpoint (or a proxy in front of it) misbehaves, scriptable per call so a
 * test can say "the 3rd call answers 429". `FAULTS` holds ready-made ones.
 */
export type Fault =
  /** Any HTTP status, optionally with Retry-After and a body (e.g. an HTML error page). */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string; contentType?: string }
  /** HTTP 200 with a platform failure code. */
  | { kind: 'api'; code: string; message: string }
  | { kind: 'truncated-json' }
  /** HTTP 200 with an HTML page. */
  | { kind: 'not-json' }
  /** Valid JSON of the wrong shape: numeric balance, missing currency. */
  | { kind: 'wrong-types' }
  | { kind: 'not-decimal' }
  | { kind: 'empty' }
  /** The connection is destroyed before any answer. */
  | { kind: 'reset' }
  /** A body of `bytes` (default 1 MiB), chunked unless `declareLength`. */
  | { kind: 'oversized'; bytes?: number; declareLength?: boolean }
  /** Never answers: the client's headers timeout or deadline must fire. */
  | { kind: 'hang' }
  /** Sends the headers and a little of the body, then nothing: the body timeout must fire. */
  | { kind: 'stall-body' };

/** A fault per call number (1-based, counted from when the script was set), or none. */
export type FaultScript = Readonly<Record<number, Fault>> | ((call: number) => Fault | undefined);

export function faultAt(script: FaultScript | undefined, call: number): Fault | undefined {
  if (!script) return undefined;
  return typeof script === 'function' ? script(call) : script[call];
}

export const BAD_GATEWAY_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

export const FAULTS = {
  rateLimited: (retryAfterSec = 7): Fault => ({ kind: 'status', status: 429, retryAfter: String(retryAfterSec) }),
  unavailable: (retryAfter?: string): Fault => ({ kind: 'status', status: 503, ...(retryAfter ? { retryAfter } : {}) }),
  serverError: { kind: 'status', status: 500, body: '{"error":"internal"}' },
  badGatewayHtml: { kind: 'status', status: 502, body: BAD_GATEWAY_PAGE, contentType: 'text/html' },
  truncatedJson: { kind: 'truncated-json' },
  notJson: { kind: 'not-json' },
  wrongTypes: { kind: 'wrong-types' },
  notDecimal: { kind: 'not-decimal' },
  empty: { kind: 'empty' },
  reset: { kind: 'reset' },
  oversized: { kind: 'oversized' },
  hang: { kind: 'hang' },
  stallBody: { kind: 'stall-body' },
} satisfies Record<string, Fault | ((...args: never[]) => Fault)>;
