/**
 * `serve` as a real process watching 1,000 accounts against the simulator (another process),
 * scraped back to back by two clients: its resident memory and the p99 of /metrics. Each
 * figure comes with a baseline measured in the same run: the RSS of a bare Node process, and
 * the p99 of a trivial Node HTTP server answering a body of the same size under the same load.
 * Every account starts with a day of history, so /metrics carries all its series from the
 * first scrape (as after any restart); polls run meanwhile (interval 60 s, spread over it).
 * serve runs as shipped, with SERVE_NODE_FLAGS. The scrapers first take the plain text (the
 * figure the trivial server is compared with), then gzip as Prometheus asks for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeHistory } from '../src/main/core/history/format.js';
import { SCHEMA_VERSION } from '../src/main/core/settings/schema-version.js';
import { SERVE_NODE_FLAGS } from '../src/main/serve/node-flags.js';
import { CLI_BIN, firstLine, percentile, rssMb, simulatorProcess } from './processes.js';
import { serveAccounts } from './serve-accounts.js';

export interface ServeBench {
  serve_rss_mb_1000_accounts: number;
  bare_node_rss_mb: number;
  serve_rss_ratio: number;
  metrics_p99_ms_1000_accounts: number;
  trivial_http_p99_ms: number;
  metrics_p99_ratio: number;
  metrics_body_kb: number;
  metrics_gzip_p99_ms_1000_accounts: number;
  metrics_gzip_body_kb: number;
}

export interface ServeBenchOptions {
  accounts?: number;
  seconds?: number;
  scrapers?: number;
}

function get(agent: Agent, port: number, gzip: boolean): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
  // The compressed bytes are counted as they arrive; Prometheus unzips them after.
  if (gzip) headers['Accept-Encoding'] = 'gzip';
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/metrics', agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`/metrics answered ${res.statusCode}`));
        else resolve({ ms: performance.now() - start, bytes });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** `scrapers` clients scraping back to back for `seconds`; samples the server's RSS meanwhile. */
async function scrapeLoad(
  port: number,
  pid: number,
  seconds: number,
  scrapers: number,
  gzip = false,
): Promise<{ p99: number; rss: number; bytes: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: scrapers });
  const latencies: number[] = [];
  let rss = 0;
  let bytes = 0;
  const until = performance.now() + seconds * 1000;
  const sampler = setInterval(() => (rss = Math.max(rss, rssMb(pid))), 250);
  try {
    await Promise.all(
      Array.from({ length: scrapers }, async () => {
        while (performance.now() < until) {
          const answer = await get(agent, port, gzip);
          latencies.push(answer.ms);
          bytes = answer.bytes;
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    agent.destroy();
  }
  rss = Math.max(rss, rssMb(pid));
  return { p99: percentile(latencies, 99), rss, bytes };
}

function stderrTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (tail = (tail + chunk).slice(-2000)));
  return () => tail;
}

function prepareHome(count: number, baseUrl: string): { home: string; secretsFile: string } {
  const home = mkdtempSync(path.join(tmpdir(), 'eiot-bench-serve-'));
  const accounts = serveAccounts(count);
  const config = {
    schemaVersion: SCHEMA_VERSION,
    accounts: accounts.map((account, i) => ({
      id: account.id,
      label: `Bench ${i}`,
      appkey: account.appkey,
      baseUrl,
      pollIntervalSec: 60,
      lowThreshold: '100.00',
      criticalThreshold: '50.00',
      enabled: true,
    })),
  };
  writeFileSync(path.join(home, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  mkdirSync(path.join(home, 'history'), { recursive: true, mode: 0o700 });
  const now = Date.now();
  for (const account of accounts) {
    const entry = { firstAt: now - 86_400_000, lastAt: now - 30_000, balance: '1000.00', currency: 'USD' };
    writeFileSync(path.join(home, 'history', `${account.id}.json`), encodeHistory([entry]), { mode: 0o600 });
  }
  const secretsFile = path.join(home, 'secrets.env');
  writeFileSync(secretsFile, accounts.map((account) => `${account.id}=${account.secret}\n`).join(''), {
    mode: 0o600,
  });
  return { home, secretsFile };
}

/** A Node HTTP server answering every request with `bytes` bytes: the floor any /metrics could reach. */
const TRIVIAL_SERVER = `
const body = Buffer.alloc(Number(process.argv[1]), 'a');
require('node:http').createServer((req, res) => res.end(body)).listen(0, '127.0.0.1', function () {
  process.stdout.write('listening ' + this.address().port + '\\n');
});`;

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function benchServe(options: ServeBenchOptions = {}): Promise<ServeBench> {
  const { accounts = 1_000, seconds = 20, scrapers = 2 } = options;
  const simulator = await simulatorProcess(accounts);
  const { home, secretsFile } = prepareHome(accounts, simulator.url);
  // No keychain: every secret is in the file, and no D-Bus session is reached for.
  const env: Record<string, string | undefined> = { ...process.env, EIOT_BALANCE_HOME: home, LANG: 'C' };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  for (const name of Object.keys(env)) if (name.startsWith('EIOT_SECRET_')) delete env[name];
  const serve = spawn(
    process.execPath,
    [...SERVE_NODE_FLAGS, CLI_BIN, 'serve', '--port', '0', '--secrets-file', secretsFile],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const serveErrors = stderrTail(serve);
  const children: ChildProcess[] = [serve];
  try {
    const listening = await firstLine(serve, /listening on http:\/\/127\.0\.0\.1:(\d+)\/metrics/).catch(() => {
      throw new Error(`serve did not start: ${serveErrors()}`);
    });
    const port = Number(listening[1]);
    // A few seconds for the start-up garbage to be collected and the first polls to land.
    await sleep(3_000);
    const measured = await scrapeLoad(port, serve.pid ?? 0, seconds, scrapers);
    const zipped = await scrapeLoad(port, serve.pid ?? 0, Math.min(seconds, 10), scrapers, true);

    const bare = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(bare);
    await sleep(1_000);
    const bareRss = rssMb(bare.pid ?? 0);

    const trivial = spawn(process.execPath, ['-e', TRIVIAL_SERVER, String(measured.bytes)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(trivial);
    const trivialPort = Number((await firstLine(trivial, /^listening (\d+)$/))[1]);
    const baseline = await scrapeLoad(trivialPort, trivial.pid ?? 0, Math.min(seconds, 10), scrapers);

    const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
    return {
      serve_rss_mb_1000_accounts: round(Math.max(measured.rss, zipped.rss)),
      bare_node_rss_mb: round(bareRss),
      serve_rss_ratio: round(Math.max(measured.rss, zipped.rss) / bareRss, 2),
      metrics_p99_ms_1000_accounts: round(measured.p99, 2),
      trivial_http_p99_ms: round(baseline.p99, 2),
      metrics_p99_ratio: round(measured.p99 / baseline.p99, 1),
      metrics_body_kb: round(measured.bytes / 1024),
      metrics_gzip_p99_ms_1000_accounts: round(zipped.p99, 2),
      metrics_gzip_body_kb: round(zipped.bytes / 1024),
    };
  } finally {
    await Promise.all(children.map(stop));
    simulator.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
