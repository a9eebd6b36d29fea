// --secret-stdin at a terminal: a prompt, echo off, and the secret never in what the
// terminal shows. `script` gives the command a real pseudo-terminal and records it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { BIN, childEnv } from './run-cli.js';

const APPKEY = 'tty-appkey';
const SECRET = 'tty-S3CRET-must-not-echo';
let simulator: Simulator;
const noScript = spawnSync('sh', ['-c', 'command -v script'], { stdio: 'ignore' }).status !== 0;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appkey: APPKEY, secret: SECRET }], balance: { values: ['42.00'] } });
});
afterAll(() => simulator.close());

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Runs the command under `script`, types `input` once the prompt shows, returns the terminal's recording. */
function underTerminal(args: string[], input: string): Promise<{ log: string; status: number | null }> {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'eiot-tty-')), 'typescript');
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn('script', ['-q', '-e', '-c', command, log], { env: childEnv(), stdio: 'pipe' });
  let seen = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    seen += chunk;
    // Typing only after the prompt: before it, the terminal's echo is still on.
    if (!typed && seen.includes('Secret (typing is hidden)')) {
      typed = true;
      child.stdin.write(input);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ log: readFileSync(log, 'utf8'), status }));
  });
}

describe.skipIf(noScript && process.env.CI !== 'true')('secret at a terminal', () => {
  it('prompts, reads with echo off, and the secret never appears on the terminal', async () => {
    const run = await underTerminal(
      ['check', '--base-url', simulator.url, '--appkey', APPKEY, '--secret-stdin'],
      `${SECRET}\r`,
    );
    expect(run.log).toContain('Secret (typing is hidden): ');
    expect(run.log).toContain('USD 42.00');
    expect(run.log).not.toContain(SECRET);
    expect(run.log).not.toContain(SECRET.slice(0, 8));
    expect(run.status).toBe(0);
  });

  it('backspace erases what was typed', async () => {
    const run = await underTerminal(
      ['check', '--base-url', simulator.url, '--appkey', APPKEY, '--secret-stdin'],
      `${SECRET}x\u007f\r`,
    );
    expect(run.log).toContain('USD 42.00');
    expect(run.status).toBe(0);
  });
});
