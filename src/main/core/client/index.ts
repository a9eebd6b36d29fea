/**
 * The signed balance call over undici. Every request outcome resolves to a FetchResult;
 * only a configuration the client refuses to use (a base URL outside the policy, an empty
 * appkey or secret) rejects, before anything is sent.
 */
import { baseUrlProblem, normaliseBaseUrl, type BaseUrlProblem } from '../../../shared/base-url.js';
import type { FetchFailure, FetchResult } from '../../../shared/types.js';
import { ConfigurationError } from '../errors.js';
import { systemClock, systemTimers, type Clock, type FetchBalance, type Random, type Timers } from '../ports.js';
import { BALANCE_PATH } from './protocol.js';
import { abortScope } from './abort-scope.js';
import { readCapped } from './body.js';
import { answerResult, httpFailure, invalid } from './classify-answer.js';
import { withClockOffset } from './clock-skew.js';
import { networkFailure, transportFailure } from './classify-error.js';
import { Dispatchers } from './dispatchers.js';

export { proxyFor } from './proxy.js';
import { signedBody } from './signed-body.js';

export interface ClientTimeouts {
  connectMs: number;
  /** From sending the request to the answer's headers. */
  headersMs: number;
  /** Longest silence while the body arrives. */
  bodyMs: number;
  /** The whole call, whatever stage it is in. */
  deadlineMs: number;
}

export const DEFAULT_TIMEOUTS: ClientTimeouts = {
  connectMs: 10_000,
  headersMs: 10_000,
  bodyMs: 10_000,
  deadlineMs: 30_000,
};

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface BalanceClientOptions {
  /** For the User-Agent header: eiot-balance/<version>. */
  version: string;
  timeouts?: Partial<ClientTimeouts>;
  /** Default 64 KiB. */
  maxBodyBytes?: number;
  clock?: Clock;
  /** Runs the overall deadline. */
  timers?: Timers;
  random?: Random;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read; default process.env. */
  env?: Record<string, string | undefined>;
  /** Extra business parameters, sent and signed with the system ones. */
  extraParams?: Record<string, string | number>;
}

export interface BalanceClient {
  fetchBalance: FetchBalance;
  close(): Promise<void>;
}

const PROBLEM_MESSAGES: Record<BaseUrlProblem, string> = {
  invalid: 'the base URL is not a valid URL',
  scheme: 'the base URL must start with https://',
  insecure: 'the base URL must use https:// (plain http:// is allowed only for this computer)',
  credentials: 'the base URL must not contain a user name or password',
  query: 'the base URL must not contain a query or fragment',
};

/**
 * The balance URL and the origin and path undici needs, split once: undici's top-level
 * request(url) re-derives both from the URL and copies the options on every call.
 */
interface Endpoint {
  url: URL;
  origin: string;
  path: string;
}

/** Throws ConfigurationError; the messages never echo the URL (it may hold credentials). */
function endpointOf(baseUrl: string): Endpoint {
  const problem = baseUrlProblem(baseUrl);
  if (problem) throw new ConfigurationError(PROBLEM_MESSAGES[problem], problem);
  const url = new URL(`${normaliseBaseUrl(baseUrl)}${BALANCE_PATH}`);
  return { url, origin: url.origin, path: `${url.pathname}${url.search}` };
}

/** Parsing and checking a base URL on every poll is waste: an app has a handful of them. */
function endpointCache(): (baseUrl: string) => Endpoint {
  const known = new Map<string, Endpoint>();
  return (baseUrl) => {
    let endpoint = known.get(baseUrl);
    if (!endpoint) {
      endpoint = endpointOf(baseUrl);
      if (known.size >= 64) known.clear();
      known.set(baseUrl, endpoint);
    }
    return endpoint;
  };
}

/** Belt and braces: the server never sees the secret, but it must not come back even if echoed. */
function redact(result: FetchResult, secret: string): FetchResult {
  if (result.ok || !result.failure.message.includes(secret)) return result;
  const failure: FetchFailure = { ...result.failure, message: result.failure.message.split(secret).join('[redacted]') };
  return { ok: false, failure };
}

export function createBalanceClient(options: BalanceClientOptions): BalanceClient {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const endpointFor = endpointCache();
  // eslint-disable-next-line no-restricted-globals -- the default for callers that pass no env; tests pass their own
  const dispatchers = new Dispatchers(timeouts, options.env ?? process.env);
  const headers = {
    'content-type': 'application/json;charset=utf-8',
    accept: 'application/json',
    'user-agent': `eiot-balance/${options.version}`,
  };

  async function call(endpoint: Endpoint, body: string, signal: AbortSignal | undefined): Promise<FetchResult> {
    if (signal?.aborted) return { ok: false, failure: networkFailure('aborted', clock.now()) };
    const scope = abortScope(timers, timeouts.deadlineMs, signal);
    try {
      // The dispatcher's own request(): what undici's top-level request() ends up calling.
      const response = await dispatchers.for(endpoint.url).request({
        origin: endpoint.origin,
        path: endpoint.path,
        method: 'POST',
        headers,
        body,
        signal: scope.signal,
      });
      if (response.statusCode < 200 || response.statusCode >= 300) {
        // Drain a little so the connection can be reused; dump() destroys it past the limit.
        await response.body.dump({ limit: maxBodyBytes }).catch(() => undefined);
        const at = clock.now();
        const failure = httpFailure(response.statusCode, response.headers['retry-after'], at);
        return withClockOffset({ ok: false, failure }, response.headers.date, at);
      }
      const text = await readCapped(response.body, maxBodyBytes, response.headers['content-length']);
      if (text === null) return { ok: false, failure: invalid('too-large', clock.now()) };
      const now = clock.now();
      return withClockOffset(answerResult(text, now), response.headers.date, now);
    } catch (error) {
      return { ok: false, failure: transportFailure(error, scope.state, clock.now()) };
    } finally {
      scope.end();
    }
  }

  return {
    async fetchBalance(account, secret, callOptions) {
      const endpoint = endpointFor(account.baseUrl);
      if (account.appkey.trim() === '') throw new ConfigurationError('the appkey is empty', 'appkey');
      if (secret === '') throw new ConfigurationError('the secret is empty', 'secret');
      const body = signedBody({
        appkey: account.appkey,
        secret,
        nowMs: clock.now(),
        random: random(),
        extraParams: options.extraParams,
      });
      return redact(await call(endpoint, body, callOptions?.signal), secret);
    },
    close() {
      return dispatchers.close();
    },
  };
}
