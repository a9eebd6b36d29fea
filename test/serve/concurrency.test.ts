// `serve --concurrency N`: a bad value is refused before anything starts (exit 2). The first
// through the built binary, the other values through the same `main` in-process.
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli/in-process.js';
import { childEnv, runCli } from '../cli/run-cli.js';

describe('serve --concurrency', () => {
  it.each(['0', 'abc', '-3', '2.5', '257'])('refuses --concurrency %s with exit 2', async (value) => {
    const run = await (value === '0' ? runCli : runMain)(['serve', '--port', '0', '--concurrency', value], {
      env: childEnv(),
    });
    expect(run.stderr).toMatch(/--concurrency must be a whole number from 1 to 256/);
    expect(run.status).toBe(2);
  });
});
