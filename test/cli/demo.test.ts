// `eiot-balance demo` on a clean data folder: readings appear without any setup.
import { describe, expect, it } from 'vitest';
import { childEnv, exited, spawnCli, waitForLines } from './run-cli.js';

describe('demo', () => {
  it(
    'prints readings from the simulator every few seconds and stops cleanly on SIGTERM',
    { timeout: 60_000 },
    async () => {
      const child = spawnCli(['demo'], childEnv());
      try {
        const lines = await waitForLines(child, /^Demo account: USD [\d,]+\.\d\d \(fetched /, 2);
        expect(lines[0]).toMatch(/USD 150\.00/);
        expect(lines[1]).toMatch(/USD 140\.25/);
        child.kill('SIGTERM');
        expect(await exited(child)).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
    },
  );
});
