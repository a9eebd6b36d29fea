/**
 * Cold start of a one-shot `eiot-balance check` (the direct form: appkey on the command line,
 * secret on standard input, so no keychain is involved) against a bare Node script making
 * the same signed request with Node's own fetch. Both are whole processes, timed from spawn
 * to exit, alternated run by run so drift in machine load hits both alike; medians.
 * Node's fetch is the stricter baseline for the ratio: it is Node's own copy of undici, whose
 * compiled code ships inside the node binary, while the CLI has to compile the undici it bundles.
 * Two more figures, information only: a script making the same request with undici's request()
 * from node_modules (the CLI's own library, loaded the usual way), and node:http, which loads
 * no undici at all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { BALANCE_PATH } from '../src/main/simulator/index.js';
import { BENCH_ACCOUNT } from './account.js';
import { CLI_BIN, median, simulatorProcess } from './processes.js';

export interface ColdStartBench {
  cli_cold_start_ratio: number;
  cli_cold_start_ms: number;
  bare_fetch_ms: number;
  cli_vs_node_http_ratio: number;
  bare_node_http_ms: number;
  cli_vs_bare_undici_ratio: number;
  bare_undici_ms: number;
}

// The signature rule of shared/reference/eiotclub-api.md for these three fields, written out.
const SIGNED = `
import { hash } from 'node:crypto';
const [url, appkey, secret] = process.argv.slice(2);
const timestamp = Math.floor(Date.now() / 1000);
const nonce = 10000 + Math.floor(Math.random() * 90000);
const sign = hash('sha1', \`appkey=\${appkey}&nonce=\${nonce}&timestamp=\${timestamp}&secret=\${secret}\`, 'hex').toUpperCase();
const body = JSON.stringify({ appkey, timestamp, nonce, sign });
`;
const BARE_FETCH = `${SIGNED}
const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const answer = JSON.parse(await response.text());
if (answer.code !== '200') process.exit(1);
process.stdout.write(answer.data.balance + '\\n');
`;
const bareUndici = (undiciUrl: string) => `${SIGNED}
const { request } = await import(${JSON.stringify(undiciUrl)});
const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const answer = JSON.parse(await response.body.text());
if (answer.code !== '200') process.exit(1);
process.stdout.write(answer.data.balance + '\\n');
`;
const BARE_HTTP = `${SIGNED}
import { request } from 'node:http';
request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
  let text = '';
  res.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => {
    const answer = JSON.parse(text);
    if (answer.code !== '200') process.exit(1);
    process.stdout.write(answer.data.balance + '\\n');
  });
}).end(body);
`;

function timedRun(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(stdin);
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve(ms);
      else reject(new Error(`${path.basename(args[0] ?? '')} exited ${code}: ${stderr.slice(0, 300)}`));
    });
  });
}

export async function benchColdStart(runs = 11): Promise<ColdStartBench> {
  const simulator = await simulatorProcess();
  const folder = mkdtempSync(path.join(tmpdir(), 'eiot-bench-cold-'));
  const bareFetch = path.join(folder, 'bare-fetch.mjs');
  const bareHttp = path.join(folder, 'bare-http.mjs');
  writeFileSync(bareFetch, BARE_FETCH);
  writeFileSync(bareHttp, BARE_HTTP);
  const bareUndiciFile = path.join(folder, 'bare-undici.mjs');
  writeFileSync(bareUndiciFile, bareUndici(pathToFileURL(createRequire(import.meta.url).resolve('undici')).href));
  const env: NodeJS.ProcessEnv = { ...process.env, EIOT_BALANCE_HOME: folder, LANG: 'C' };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const url = `${simulator.url}${BALANCE_PATH}`;
  const { appkey, secret } = BENCH_ACCOUNT;
  const cli = () =>
    timedRun([CLI_BIN, 'check', '--appkey', appkey, '--base-url', simulator.url, '--secret-stdin'], env, `${secret}\n`);
  const fetchRun = () => timedRun([bareFetch, url, appkey, secret], env);
  const httpRun = () => timedRun([bareHttp, url, appkey, secret], env);
  const undiciRun = () => timedRun([bareUndiciFile, url, appkey, secret], env);
  const times = { cli: [] as number[], fetch: [] as number[], http: [] as number[], undici: [] as number[] };
  try {
    // One unmeasured round warms the disk cache for all three.
    await cli();
    await fetchRun();
    await httpRun();
    await undiciRun();
    for (let i = 0; i < runs; i += 1) {
      // Rotating the order so none always runs right after another.
      const order = [
        ['cli', cli],
        ['fetch', fetchRun],
        ['http', httpRun],
        ['undici', undiciRun],
      ] as const;
      for (let j = 0; j < order.length; j += 1) {
        const [name, run] = order[(i + j) % order.length]!;
        times[name].push(await run());
      }
    }
  } finally {
    simulator.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  const cliMs = median(times.cli);
  const fetchMs = median(times.fetch);
  const httpMs = median(times.http);
  const undiciMs = median(times.undici);
  return {
    cli_cold_start_ratio: Number((cliMs / fetchMs).toFixed(3)),
    cli_cold_start_ms: Math.round(cliMs),
    bare_fetch_ms: Math.round(fetchMs),
    cli_vs_node_http_ratio: Number((cliMs / httpMs).toFixed(3)),
    bare_node_http_ms: Math.round(httpMs),
    cli_vs_bare_undici_ratio: Number((cliMs / undiciMs).toFixed(3)),
    bare_undici_ms: Math.round(undiciMs),
  };
}
