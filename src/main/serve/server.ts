/**
 * The HTTP face of the headless service: /metrics, /healthz, /api/status. Plain node:http,
 * everything it serves is passed in. When a token is set it guards every path but /healthz,
 * so an orchestrator's liveness probe needs no credential. Without a token, only requests
 * naming this machine in `Host` are answered: a web page cannot read the loopback status
 * through DNS rebinding (its requests carry the attacker's host name).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { Snapshot } from '../../shared/types.js';
import { METRICS_CONTENT_TYPE } from './exposition.js';
import type { MetricsBody } from './metrics.js';

export interface ServerDeps {
  /** The current /metrics body; cheap to call, it changes only with the engine. */
  metrics(): MetricsBody;
  snapshot(): Snapshot;
  /** True from the engine's start until shutdown begins. */
  running(): boolean;
  /** Bearer token required on every path but /healthz; none when undefined. */
  token?: string;
  /** Secrets that must never leave in a body: a last guard, snapshots carry none. */
  knownSecrets?: () => readonly string[];
  log?: (line: string) => void;
  /** The address the service listens on: a name a request may use in `Host`. */
  host?: string;
  maxConnections?: number;
}

/** Slow-header clients are dropped after this; Node's default would hold them for a minute. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

function hostnameOf(header: string): string {
  const bracketed = /^(\[[^\]]*\])(?::\d+)?$/.exec(header);
  if (bracketed) return (bracketed[1] as string).toLowerCase();
  return header.replace(/:\d+$/, '').toLowerCase();
}

/**
 * Loopback names, the configured host, and (when listening on every address) any IP
 * literal: DNS rebinding needs a domain name, so an address typed as such is safe.
 */
export function hostAllowed(header: string | undefined, configured: string | undefined): boolean {
  if (header === undefined || header === '') return false;
  const name = hostnameOf(header);
  const configuredName = configured?.toLowerCase();
  const allowed = [
    'localhost',
    '127.0.0.1',
    '[::1]',
    configuredName,
    configuredName ? `[${configuredName}]` : undefined,
  ];
  if (allowed.includes(name)) return true;
  return configured !== undefined && WILDCARDS.has(configured) && isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}

/** What /api/status shows: the state of each account, not how to call the API as it. */
export function publicSnapshot(snapshot: Snapshot): unknown {
  return {
    ...snapshot,
    accounts: snapshot.accounts.map(({ appkey: _appkey, baseUrl: _baseUrl, ...account }) => account),
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time on equal-length digests, so neither content nor length leaks through timing. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given !== '';
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(body);
}

const TEXT = 'text/plain; charset=utf-8';

/** Shortest secret checked: shorter strings would match innocent text by chance. */
const MIN_GUARDED_LENGTH = 6;

/**
 * Whether `Accept-Encoding` takes gzip (Prometheus sends `gzip`): a body of a thousand
 * accounts shrinks some tenfold. `gzip;q=0` refuses it; `*` accepts it.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    quality.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (quality.get('gzip') ?? quality.get('*') ?? 0) > 0;
}

export function leaksSecret(body: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length >= MIN_GUARDED_LENGTH && body.includes(secret));
}

async function route(deps: ServerDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method !== 'GET') {
    send(response, 405, TEXT, 'method not allowed\n', { Allow: 'GET' });
    return;
  }
  if (deps.token === undefined && !hostAllowed(request.headers.host, deps.host)) {
    send(response, 403, TEXT, 'forbidden: unknown Host\n');
    return;
  }
  if (path === '/healthz') {
    if (deps.running()) send(response, 200, TEXT, 'ok\n');
    else send(response, 503, TEXT, 'stopping\n');
    return;
  }
  if (deps.token !== undefined && !tokenMatches(request.headers.authorization, deps.token)) {
    send(response, 401, TEXT, 'unauthorized\n', { 'WWW-Authenticate': 'Bearer realm="eiot-balance"' });
    return;
  }
  if (path === '/metrics') {
    const body = deps.metrics();
    // Vary: a cache between scraper and service must not hand gzip to a client that did not ask.
    if (acceptsGzip(request.headers['accept-encoding'])) {
      send(response, 200, METRICS_CONTENT_TYPE, await body.gzipped(), {
        'Content-Encoding': 'gzip',
        Vary: 'Accept-Encoding',
      });
    } else {
      send(response, 200, METRICS_CONTENT_TYPE, body.text, { Vary: 'Accept-Encoding' });
    }
  } else if (path === '/api/status') {
    const body = JSON.stringify(publicSnapshot(deps.snapshot()));
    if (leaksSecret(body, deps.knownSecrets?.() ?? [])) {
      deps.log?.('refused to serve /api/status: the snapshot contained a secret (a bug, please report it)');
      send(response, 500, TEXT, 'internal error\n');
      return;
    }
    send(response, 200, 'application/json; charset=utf-8', body);
  } else {
    send(response, 404, TEXT, 'not found\n');
  }
}

export function createStatusServer(deps: ServerDeps): Server {
  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    (request, response) => {
      route(deps, request, response).catch((error: unknown) => {
        deps.log?.(`request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) send(response, 500, TEXT, 'internal error\n');
        else response.destroy();
      });
    },
  );
  if (deps.maxConnections !== undefined) server.maxConnections = deps.maxConnections;
  return server;
}
