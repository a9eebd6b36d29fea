/**
 * A real HTTP server of the balance endpoint, for tests, the CLI's `simulate` and `demo`.
 * It checks requests as the platform does (see checks.ts) and plays a scripted balance and
 * scripted faults, counted per call.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { balanceAt, validateBalanceScript } from './balance-script.js';
import { checkRequest } from './checks.js';
import { BALANCE_PATH, SUCCESS } from './codes.js';
import { faultAt } from './faults.js';
import { ReplayCache } from './replay.js';
import { sendFault, sendJson, sendText } from './respond.js';
import { scenarioOptions, type ScenarioName, type SimulatorScript } from './scenarios.js';

export { BALANCE_PATH, REJECTIONS, TIMESTAMP_WINDOW_SEC } from './codes.js';
export type { Rejection, RejectionName } from './codes.js';
export type { BalanceScript, TopUp } from './balance-script.js';
export { BAD_GATEWAY_PAGE, FAULTS, type Fault, type FaultScript } from './faults.js';
export { SCENARIOS, isScenarioName, scenarioOptions, type ScenarioName, type SimulatorScript } from './scenarios.js';

/** Its idea of now, in epoch milliseconds; tests pass fake time. */
export interface SimulatorClock {
  now(): number;
}

/** Only for the scripted latency; tests pass fake timers. */
export interface SimulatorTimers {
  setTimeout(callback: () => void, ms: number): unknown;
}

const systemClock: SimulatorClock = { now: () => Date.now() };
const systemTimers: SimulatorTimers = { setTimeout: (callback, ms) => setTimeout(callback, ms) };

export interface SimulatorAccount {
  appkey: string;
  secret: string;
}

export interface SimulatorOptions extends SimulatorScript {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  accounts: readonly SimulatorAccount[];
  /** Its idea of now, for the timestamp window and the Date header. */
  clock?: SimulatorClock;
  /** Added to the clock: a server whose clock differs from this computer's. */
  clockSkewMs?: number;
  timers?: SimulatorTimers;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Tells connections apart: two calls on one keep-alive socket share it. */
  remotePort: number;
  body: string;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly port: number;
  /** Every request received, whatever the answer. */
  readonly calls: number;
  /** The latest requests (at most 100), oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Replaces the given parts of the script; call numbers restart at 1 from here. */
  setScenario(change: ScenarioName | SimulatorScript): void;
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 64 * 1024;
const MAX_RECORDED = 100;

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const baseClock = options.clock ?? systemClock;
  const skew = options.clockSkewMs ?? 0;
  const clock: SimulatorClock = { now: () => baseClock.now() + skew };
  const timers = options.timers ?? systemTimers;
  const secrets = new Map(options.accounts.map((account) => [account.appkey, account.secret]));
  const replay = new ReplayCache();
  const script: Required<Omit<SimulatorScript, 'faults'>> & Pick<SimulatorScript, 'faults'> = {
    balance: { start: '1234.56' },
    currency: 'USD',
    latencyMs: 0,
  };
  let calls = 0;
  let scriptFrom = 0;
  const requests: RecordedRequest[] = [];

  const apply = (change: SimulatorScript): void => {
    if (change.balance !== undefined) validateBalanceScript(change.balance);
    if (change.balance !== undefined) script.balance = change.balance;
    if (change.currency !== undefined) script.currency = change.currency;
    if (change.latencyMs !== undefined) script.latencyMs = change.latencyMs;
    if (change.faults !== undefined) script.faults = change.faults;
    scriptFrom = calls;
  };
  apply(options);

  const answer = (request: IncomingMessage, response: ServerResponse, body: string | null, call: number): void => {
    if (response.destroyed) return;
    // Node's own Date header is the real time; the platform's comes from its (skewed) clock.
    response.setHeader('date', new Date(clock.now()).toUTCString());
    const path = (request.url ?? '').split('?')[0];
    if (path !== BALANCE_PATH) return sendText(response, 404, 'Not Found');
    if (request.method !== 'POST') return sendText(response, 405, 'Method Not Allowed', { allow: 'POST' });
    if (body === null) return sendText(response, 413, 'Payload Too Large', { connection: 'close' });
    const fault = faultAt(script.faults, call);
    if (fault) return sendFault(request, response, fault, script.currency);
    const outcome = checkRequest(body, { secrets, nowSec: Math.floor(clock.now() / 1000), replay });
    if (!outcome.ok) return sendJson(response, 200, { ...outcome.rejection, data: null });
    const balance = balanceAt(script.balance, call);
    sendJson(response, 200, { ...SUCCESS, data: { balance, currency: script.currency } });
  };

  const server = createServer((request, response) => {
    calls += 1;
    const call = calls - scriptFrom;
    response.on('error', () => undefined);
    readBody(request).then(
      (body) => {
        requests.push({
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          remotePort: request.socket.remotePort ?? 0,
          body: body ?? '',
        });
        if (requests.length > MAX_RECORDED) requests.shift();
        if (script.latencyMs > 0) timers.setTimeout(() => answer(request, response, body, call), script.latencyMs);
        else answer(request, response, body, call);
      },
      () => request.socket.destroy(),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: urlOf(options.host ?? '127.0.0.1', port),
    port,
    get calls() {
      return calls;
    },
    get requests() {
      return requests;
    },
    setScenario(change) {
      apply(typeof change === 'string' ? scenarioOptions(change) : change);
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging requests and idle keep-alive sockets would hold close() open forever.
        server.closeAllConnections();
      });
    },
  };
}
