// The demo says when its alerts come, so someone who stops it early knows why they saw none.
// The times are read from the demo's own script and checked here against that script played
// through the simulator and the engine's own rule for an alert.
import { describe, expect, it } from 'vitest';
import { isAtOrBelow } from '../../src/main/core/status.js';
import { startSimulator } from '../../src/main/simulator/index.js';
import { DEMO_CRITICAL, DEMO_LOW, demoCallsUntil, startDemo } from '../../src/main/wiring/demo.js';
import { createBalanceClient } from '../../src/main/core/client/index.js';
import { DEMO_TICK_MS } from '../../src/main/cli/commands/demo.js';
import { runMain } from './in-process.js';
import { tempHome } from '../helpers/temp-home.js';

describe('demo timing', () => {
  it('names the request that first reaches each threshold, as the simulator plays it', async () => {
    const setup = await startDemo((options) => startSimulator(options));
    const client = createBalanceClient({ version: 'test' });
    try {
      let credentials: { appkey: string; secret: string } | null = null;
      await setup.addAccount(
        {
          snapshot: () => ({ at: 0, aggregate: 'ok', accounts: [] }),
          addAccount: async (account: { appkey: string }, secret: string) => {
            credentials = { appkey: account.appkey, secret };
          },
        } as unknown as Parameters<typeof setup.addAccount>[0], // only the two calls addAccount makes
        'Demo',
      );
      if (!credentials) throw new Error('the demo added no account');
      const { appkey, secret } = credentials;
      const balances: string[] = [];
      for (let call = 1; call <= 14; call++) {
        const result = await client.fetchBalance({ appkey, baseUrl: setup.simulator.url }, secret);
        if (!result.ok) throw new Error(result.failure.message);
        balances.push(result.reading.balance);
      }
      const firstAtOrBelow = (threshold: string) => balances.findIndex((b) => isAtOrBelow(b, threshold)) + 1;
      expect(demoCallsUntil(DEMO_LOW)).toBe(firstAtOrBelow(DEMO_LOW));
      expect(demoCallsUntil(DEMO_CRITICAL)).toBe(firstAtOrBelow(DEMO_CRITICAL));
      expect(demoCallsUntil(DEMO_LOW)).toBeGreaterThan(1);
    } finally {
      await client.close();
      await setup.close();
    }
  });

  it('says it in the intro', async () => {
    const controller = new AbortController();
    const run = runMain(['demo'], {
      env: { LC_ALL: 'C', EIOT_BALANCE_HOME: tempHome() },
      interrupt: controller.signal,
    });
    // The intro is written before the demo waits for Ctrl-C: stopping at once still shows it.
    controller.abort();
    const { stderr } = await run;
    const tick = DEMO_TICK_MS / 1000;
    expect(stderr).toContain(
      `low alert (USD 100.00) comes after about ${((demoCallsUntil(DEMO_LOW) ?? 0) - 1) * tick} s`,
    );
  });
});
