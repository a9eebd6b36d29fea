/**
 * Signing rate, and what fetchBalance costs over a bare undici request carrying an
 * equivalent pre-signed body, both keep-alive to the same in-process simulator. The two
 * run in many small alternating batches (ABBA order) so drift in machine load hits both
 * alike, and the figures are medians over batch pairs so a burst of load elsewhere on a
 * shared machine skews one pair, not the result.
 */
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { createBalanceClient } from '../src/main/core/client/index.js';
import { sign } from '../src/main/core/signer.js';
import { BALANCE_PATH, startSimulator } from '../src/main/simulator/index.js';

export interface ClientBench {
  sign_ops_per_s: number;
  client_overhead_ratio: number;
  client_ms_per_call: number;
  bare_undici_ms_per_call: number;
}

export interface ClientBenchOptions {
  signOps?: number;
  batches?: number;
  callsPerBatch?: number;
}

const ACCOUNT = { appkey: 'bench-appkey', secret: 'bench-secret' };
/** The simulator refuses a replayed (timestamp, nonce): each side cycles through its own half of the range. */
const HALF = 45_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function signRate(ops: number): number {
  const params = { appkey: ACCOUNT.appkey, timestamp: 1_764_300_000, nonce: 10_000 };
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < ops; i += 1) {
    params.nonce = 10_000 + (i % 90_000);
    sink += sign(params, ACCOUNT.secret).length;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink === 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return Math.round(ops / seconds);
}

export async function benchClient(options: ClientBenchOptions = {}): Promise<ClientBench> {
  const { signOps = 200_000, batches = 80, callsPerBatch = 50 } = options;
  if (batches * callsPerBatch + 500 > HALF) throw new RangeError('too many calls for distinct nonces');
  const sign_ops_per_s = signRate(signOps);

  const simulator = await startSimulator({ accounts: [ACCOUNT] });
  let clientNonce = 0;
  const client = createBalanceClient({
    version: 'bench',
    env: {},
    // The +0.5 keeps floor(random * 90000) from rounding down onto the previous nonce.
    random: () => ((clientNonce++ % HALF) + 0.5) / 90_000,
  });
  const agent = new Agent();
  const account = { baseUrl: simulator.url, appkey: ACCOUNT.appkey };
  const url = `${simulator.url}${BALANCE_PATH}`;
  const headers = { 'content-type': 'application/json;charset=utf-8', 'user-agent': 'eiot-balance/bench' };

  // Signed before the clock starts: the bare side measures the HTTP round trip alone.
  const nowSec = Math.floor(Date.now() / 1000);
  const bodies = Array.from({ length: batches * callsPerBatch + 500 }, (_, i) => {
    const params = { appkey: ACCOUNT.appkey, timestamp: nowSec, nonce: 10_000 + HALF + i };
    return JSON.stringify({ ...params, sign: sign(params, ACCOUNT.secret) });
  });
  let nextBody = 0;

  const viaClient = async (): Promise<void> => {
    const result = await client.fetchBalance(account, ACCOUNT.secret);
    if (!result.ok) throw new Error(`bench call failed: ${result.failure.kind} ${result.failure.message}`);
  };
  // The same low-level call the client makes (dispatcher.request with origin and path): the
  // ratio then measures the client's own work (signing, capped reading, validation), not a
  // difference between undici's entry points.
  const target = new URL(url);
  const bare = async (): Promise<void> => {
    const response = await agent.request({
      origin: target.origin,
      path: target.pathname,
      method: 'POST',
      headers,
      body: bodies[nextBody++],
    });
    const answer = JSON.parse(await response.body.text()) as { code?: unknown };
    if (answer.code !== '200') throw new Error(`bare call failed: ${String(answer.code)}`);
  };
  const timed = async (call: () => Promise<void>, count: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < count; i += 1) await call();
    return performance.now() - start;
  };

  try {
    await timed(viaClient, 250);
    await timed(bare, 250);
    const clientMs: number[] = [];
    const bareMs: number[] = [];
    for (let batch = 0; batch < batches; batch += 1) {
      if (batch % 2 === 0) {
        clientMs.push(await timed(viaClient, callsPerBatch));
        bareMs.push(await timed(bare, callsPerBatch));
      } else {
        bareMs.push(await timed(bare, callsPerBatch));
        clientMs.push(await timed(viaClient, callsPerBatch));
      }
    }
    const ratio = median(clientMs.map((ms, i) => ms / bareMs[i]!));
    return {
      sign_ops_per_s,
      client_overhead_ratio: Number(ratio.toFixed(3)),
      client_ms_per_call: Number((median(clientMs) / callsPerBatch).toFixed(4)),
      bare_undici_ms_per_call: Number((median(bareMs) / callsPerBatch).toFixed(4)),
    };
  } finally {
    await Promise.all([client.close(), agent.close(), simulator.close()]);
  }
}
