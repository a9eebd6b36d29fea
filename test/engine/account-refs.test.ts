/**
 * serve's secret store asks for the account refs on every lookup, a thousand lookups at the
 * start of a thousand accounts: an unchanged list must come back as the same array, not a
 * new one each time (its garbage grew the heap of a fresh service by tens of MB).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stopTestSimulators, TEST_ACCOUNT } from '../helpers/simulator.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await stopTestSimulators();
});

describe('engine account refs', () => {
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
});
