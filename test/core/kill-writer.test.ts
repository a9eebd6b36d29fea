// kill -9 against a process writing settings and state in a loop: whenever it dies, every
// file parses and passes the schema, the lock it held is taken over, and the next start
// leaves no temp file behind. `npm test` kills it a few times at spread-out moments;
// `npm run test:stress` (CI) fifteen times.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/core/engine.js';
import { systemClock, systemTimers } from '../../src/main/core/ports.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { parseDocument } from '../../src/main/core/settings/schema.js';
import { stressRounds } from '../helpers/stress.js';

const KILLS = stressRounds(5, 15);
let work: string;
let writer: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'eiot-kill-'));
  writer = path.join(work, 'writer.mjs');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, '..', 'fixtures', 'settings-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    // conf's dependencies use require(); give the bundle one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runUntilKilled(dir: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended on its own: ${stderr}`)),
    );
  });
}

function temps(dir: string): string[] {
  return ['', 'state', 'history']
    .map((folder) => path.join(dir, folder))
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder).filter((name) => name.includes('.tmp-')));
}

describe('kill -9 during writes', () => {
  it(`leaves every file whole, ${KILLS} times, and the next start removes the leftovers`, async () => {
    const dir = path.join(work, 'data');
    for (let kill = 0; kill < KILLS; kill++) {
      await runUntilKilled(dir, 20 + ((kill * 37) % 150));
      const settings = path.join(dir, 'config.json');
      if (existsSync(settings)) expect(() => parseDocument(JSON.parse(readFileSync(settings, 'utf8')))).not.toThrow();
      const state = path.join(dir, 'state', 'a.json');
      if (existsSync(state)) expect(JSON.parse(readFileSync(state, 'utf8'))).toHaveProperty('alerts');
    }
    const engine = createEngine({
      clock: systemClock,
      timers: systemTimers,
      random: () => 0.5,
      fetchBalance: async () => ({
        ok: false,
        failure: { kind: 'network', reason: 'other', retryable: true, message: 'offline', at: Date.now() },
      }),
      secrets: new MemorySecretStore(),
      store: openConfStore(dir),
      dataDir: dir,
    });
    // The writer may have died holding the lock: start takes it over once stale (2 s).
    await engine.start();
    expect(temps(dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'config.lock'))).toBe(false);
    expect(engine.snapshot().accounts.map((a) => a.id)).toEqual(['a']);
    await engine.stop();
  }, 120_000);
});
