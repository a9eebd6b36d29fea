import { describe, expect, it } from 'vitest';
import { createStateKeeper, RETRY_FIRST_MS } from '../../src/main/core/engine/state-keeper.js';
import type { StateStore } from '../../src/main/core/ports.js';
import { FakeTime } from '../helpers/fake-time.js';

function flakyStore() {
  const files = new Map<string, string>();
  const store: StateStore & { down: boolean; writes: number } = {
    down: false,
    writes: 0,
    read: (id) => (files.has(id) ? JSON.parse(files.get(id) ?? 'null') : undefined),
    has: (id) => files.has(id),
    remove: (id) => void files.delete(id),
    write(id, alerts) {
      store.writes++;
      if (store.down) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      files.set(id, JSON.stringify(alerts));
    },
  };
  return store;
}

describe('the state keeper', () => {
  it('retries on a timer with back-off until the disk takes the write, reporting each run of failures once', async () => {
    const time = new FakeTime(0);
    const store = flakyStore();
    const errors: unknown[] = [];
    const recovered: string[] = [];
    const keeper = createStateKeeper({
      store,
      timers: time,
      onError: (_id, error) => errors.push(error),
      onRecovered: (id) => recovered.push(id),
    });
    store.down = true;
    keeper.save('a', { lowNotified: true });
    expect(errors).toHaveLength(1);
    await time.advance(RETRY_FIRST_MS);
    await time.advance(2 * RETRY_FIRST_MS);
    expect(store.writes).toBe(3);
    expect(errors).toHaveLength(1);
    expect(keeper.pending('a')).toEqual({ lowNotified: true });
    store.down = false;
    await time.advance(4 * RETRY_FIRST_MS);
    expect(store.read('a')).toEqual({ lowNotified: true });
    expect(recovered).toEqual(['a']);
    expect(keeper.pending('a')).toBeUndefined();
  });

  it('writes only what changed, and never for an account it was told to forget', () => {
    const time = new FakeTime(0);
    const store = flakyStore();
    const keeper = createStateKeeper({ store, timers: time, onError: () => undefined });
    keeper.save('a', { lowNotified: true });
    keeper.save('a', { lowNotified: true });
    expect(store.writes).toBe(1);
    store.down = true;
    keeper.save('b', { lowNotified: true });
    keeper.forget('b');
    store.down = false;
    keeper.retry();
    expect(store.has('b')).toBe(false);
  });
});
