/**
 * What the engine hands out again and again for a thousand accounts is reused while it has
 * not changed: serve's secret store asks for the account refs on every lookup, and every
 * update snapshots every account. New objects each time were most of a fresh service's
 * garbage, which grew a heap it then kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileStateStore } from '../../src/main/core/state/state-files.js';
import { stopTestSimulators, TEST_ACCOUNT } from '../helpers/simulator.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await stopTestSimulators();
});

describe('engine reuse', () => {
  it('are the same array until an account is added, relabelled or removed', async () => {
    harness = await startHarness({});
    const a = await harness.engine.addAccount(harness.input({ label: 'A' }), TEST_ACCOUNT.secret);
    const first = harness.engine.accountRefs();
    expect(first).toEqual([{ id: a.id, label: 'A' }]);
    expect(harness.engine.accountRefs()).toBe(first);

    const b = await harness.engine.addAccount(harness.input({ label: 'B' }), TEST_ACCOUNT.secret);
    const second = harness.engine.accountRefs();
    expect(second).toEqual([
      { id: a.id, label: 'A' },
      { id: b.id, label: 'B' },
    ]);
    expect(harness.engine.accountRefs()).toBe(second);

    await harness.engine.updateAccount(b.id, harness.input({ label: 'B2' }));
    expect(harness.engine.accountRefs()).toEqual([
      { id: a.id, label: 'A' },
      { id: b.id, label: 'B2' },
    ]);
    await harness.engine.removeAccount(a.id);
    expect(harness.engine.accountRefs()).toEqual([{ id: b.id, label: 'B2' }]);
  });

  it('gives the same account snapshot until something about the account changed', async () => {
    harness = await startHarness({ balance: { values: ['200.00', '150.00'] } });
    const a = await harness.engine.addAccount(
      harness.input({ label: 'A', lowThreshold: '100.00' }),
      TEST_ACCOUNT.secret,
    );
    await harness.engine.addAccount(harness.input({ label: 'B' }), TEST_ACCOUNT.secret);
    const [first] = harness.engine.snapshot().accounts;
    expect(harness.engine.snapshot().accounts[0]).toBe(first);

    await harness.poll();
    const [second] = harness.engine.snapshot().accounts;
    expect(second).not.toBe(first);
    expect(second?.lastReading?.balance).toBe('200.00');
    expect(harness.engine.snapshot().accounts[0]).toBe(second);

    await harness.engine.updateAccount(a.id, harness.input({ label: 'A', lowThreshold: '300.00' }));
    const [third] = harness.engine.snapshot().accounts;
    expect(third).not.toBe(second);
    expect(third?.status).toBe('low');
  });

  /** An engine whose state files are real and whose writes are counted. */
  async function countingWrites(balance: string): Promise<string[]> {
    const writes: string[] = [];
    harness = await startHarness({ balance: { start: balance } }, (dataDir) => {
      const files = fileStateStore(dataDir);
      return {
        state: {
          ...files,
          write: (id, alerts) => {
            writes.push(id);
            files.write(id, alerts);
          },
        },
      };
    });
    return writes;
  }

  it('does not write an alert state again that the files already hold (a thousand fsyncs after each restart)', async () => {
    // Below the threshold: the low notice goes out and the file remembers it.
    const writes = await countingWrites('80.00');
    const a = await harness.engine.addAccount(harness.input({ lowThreshold: '100.00' }), TEST_ACCOUNT.secret);
    await harness.poll();
    expect(writes).toEqual([a.id]);
    await harness.restart();
    writes.length = 0;
    await harness.poll();
    expect(harness.engine.snapshot().accounts[0]?.lastReading?.balance).toBe('80.00');
    expect(writes).toEqual([]);

    // A change of state is still written: topped up, the low notice is re-armed.
    harness.simulator.setScenario({ balance: { start: '200.00' } });
    await harness.poll();
    expect(writes).toEqual([a.id]);
  });

  it('writes no state file until there is something to remember (a fresh folder of a thousand accounts)', async () => {
    const writes = await countingWrites('200.00');
    const a = await harness.engine.addAccount(harness.input({ lowThreshold: '100.00' }), TEST_ACCOUNT.secret);
    await harness.poll();
    expect(harness.engine.snapshot().accounts[0]?.status).toBe('ok');
    // Nothing notified: a missing file reads back as exactly this state.
    expect(writes).toEqual([]);

    harness.simulator.setScenario({ balance: { start: '80.00' } });
    await harness.poll();
    expect(writes).toEqual([a.id]);
    // Remembered across a restart: the low notice is not raised again.
    await harness.restart();
    writes.length = 0;
    await harness.poll();
    expect(writes).toEqual([]);
    expect(harness.notices.filter((notice) => notice.kind === 'low')).toHaveLength(1);
  });
});
