// `serve --concurrency N` as a process: a bad value is refused before anything starts (exit 2).
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

describe('serve --concurrency', () => {
  it.each(['0', 'abc', '-3', '2.5', '257'])('refuses --concurrency %s with exit 2', async (value) => {
    const run = await runCli(['serve', '--port', '0', '--concurrency', value]);
    expect(run.stderr).toMatch(/--concurrency must be a whole number from 1 to 256/);
    expect(run.status).toBe(2);
  });
});
