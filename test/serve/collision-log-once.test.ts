// The collision log in-process: one warning per new collision, none for one present at start
// (that one is refused there), none while the accounts stay the same.
import { describe, expect, it } from 'vitest';
import { logSecretCollisions } from '../../src/main/serve/collision-log.js';
import type { Ambiguity } from '../../src/main/serve/secrets.js';
import type { Snapshot } from '../../src/shared/types.js';

function setUp(initial: Ambiguity[]) {
  let refs = [{ id: 'a', label: 'A' }];
  let found = initial;
  let listener = (): void => {};
  const warnings: Array<Record<string, unknown>> = [];
  const engine = {
    accountRefs: () => refs,
    subscribe: (next: (snapshot: Snapshot) => void) => {
      // The collision log reads accountRefs(), not the snapshot it is handed.
      listener = () => next({} as Snapshot);
      return () => (listener = () => {});
    },
  };
  const stop = logSecretCollisions(
    engine,
    { ambiguities: () => found },
    { warn: (fields) => void warnings.push(fields) },
    (name) => name.startsWith('EIOT_SECRET_'),
  );
  const update = (accounts: typeof refs, ambiguities: Ambiguity[]): void => {
    refs = accounts;
    found = ambiguities;
    listener();
  };
  return { warnings, update, stop };
}

const shop: Ambiguity = {
  source: 'EIOT_SECRET_SHOP',
  accounts: [
    { id: 'shop', label: 'Main store' },
    { id: 'b2', label: 'Shop' },
  ],
};

describe('logSecretCollisions', () => {
  it('warns once for a new collision, again only after it went away and came back', () => {
    const { warnings, update } = setUp([]);
    const two = [
      { id: 'shop', label: 'Main store' },
      { id: 'b2', label: 'Shop' },
    ];
    update(two, [shop]);
    update([...two], [shop]);
    update([...two, { id: 'c', label: 'C' }], [shop]);
    expect(warnings).toEqual([
      expect.objectContaining({ event: 'secret-name-ambiguous', name: 'EIOT_SECRET_SHOP', from: 'env' }),
    ]);
    update([{ id: 'shop', label: 'Main store' }], []);
    update(two, [shop]);
    expect(warnings).toHaveLength(2);
  });

  it('leaves a collision present at start to the refusal there, and names a file key as such', () => {
    const fileKey: Ambiguity = { source: 'shop', accounts: shop.accounts };
    const { warnings, update } = setUp([shop]);
    update([{ id: 'x', label: 'X' }], [shop, fileKey]);
    expect(warnings).toEqual([expect.objectContaining({ name: 'shop', from: 'secrets-file' })]);
  });
});
