// `eiot-balance demo` on a clean data folder: readings appear without any setup. The binary
// shows the first reading and stops cleanly on SIGTERM; the next reading, which comes one
// tick (6 s) later, is shown in-process through the same `main` with the tick's interval
// timer and the engine's clock moved on, instead of waiting those seconds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TICK_MS } from '../../src/main/cli/commands/demo.js';
import { runMain } from './in-process.js';
import { childEnv, exited, spawnCli, waitForLines } from './run-cli.js';

const READING = /^Demo account: USD [\d,]+\.\d\d \(fetched /;

afterEach(() => {
  vi.useRealTimers();
});

describe('demo', () => {
  it('prints a reading from the simulator at once and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const child = spawnCli(['demo'], childEnv());
    try {
      const [line] = await waitForLines(child, READING, 1);
      expect(line).toMatch(/USD 150\.00/);
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('prints a new reading at every tick', { timeout: 60_000 }, async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let moved = 0;
    const stop = new AbortController();
    const waiting: Array<{ count: number; resolve: (lines: string[]) => void }> = [];
    let readings: string[] = [];
    const run = runMain(['demo'], {
      env: childEnv(),
      clock: { now: () => Date.now() + moved },
      interrupt: stop.signal,
      onStdout: (stdout) => {
        readings = stdout.split('\n').filter((line) => READING.test(line));
        for (const wait of waiting) if (readings.length >= wait.count) wait.resolve(readings);
      },
    });
    const until = (count: number) =>
      new Promise<string[]>((resolve, reject) => {
        if (readings.length >= count) resolve(readings);
        else waiting.push({ count, resolve });
        void run.then((ended) => reject(new Error(`demo ended: ${ended.stderr}`)));
      });
    try {
      expect((await until(1))[0]).toMatch(/USD 150\.00/);
      moved += DEMO_TICK_MS;
      vi.advanceTimersByTime(DEMO_TICK_MS);
      expect((await until(2))[1]).toMatch(/USD 140\.25/);
    } finally {
      stop.abort();
    }
    expect((await run).status).toBe(0);
  });
});
