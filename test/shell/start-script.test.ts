/**
 * `npm start` where Electron cannot be had: one paragraph naming the cause and the CLI demo,
 * no stack trace, exit 1. Run as `node scripts/start.mjs` (npm adds nothing to it).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

async function start(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function expectOneClearParagraph(result: { code: number; stdout: string; stderr: string }, cause: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(cause);
  expect(result.stderr).toContain('npx eiot-balance demo');
  // No stack frames, no raw download chatter.
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at /m);
  expect(result.stdout).not.toContain('Downloading');
  expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(6);
  // Wrapped to fit a terminal, the first line too.
  expect(result.stderr.split('\n').filter((line) => line.length > 96)).toEqual([]);
}

const binaryInstalled = existsSync('node_modules/electron/path.txt');

describe('npm start without Electron', () => {
  test('the runtime is missing: says so, suggests the demo, exits 1', async () => {
    const result = await start({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist' });
    expectOneClearParagraph(result, /the Electron runtime is missing/);
  });

  test.skipIf(binaryInstalled)(
    `the download fails: names the cause${binaryInstalled ? ' (skipped: the Electron binary is installed here)' : ''}`,
    async () => {
      // A closed loopback port as the mirror: the download fails at once, and nothing leaves the machine.
      const result = await start({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: '' });
      expectOneClearParagraph(result, /could not be downloaded \(fetch failed\)/);
    },
  );
});
