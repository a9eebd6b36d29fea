/**
 * The id and label of each account, as one array kept while they stay the same: serve's
 * secret store reads it on every lookup, and a new array of a thousand refs per lookup was
 * most of a fresh service's garbage (the heap it grew stayed).
 */
export interface AccountRef {
  readonly id: string;
  readonly label: string;
}

type Runtimes = () => Iterable<{ config: AccountRef }>;

/** `runtimes` is called again for a new array: an iterator can be read only once. */
export function cachedAccountRefs(): (runtimes: Runtimes) => readonly AccountRef[] {
  let refs: readonly AccountRef[] = [];
  return (runtimes) => {
    let i = 0;
    let same = true;
    for (const { config } of runtimes()) {
      const ref = refs[i];
      i += 1;
      if (ref === undefined || ref.id !== config.id || ref.label !== config.label) {
        same = false;
        break;
      }
    }
    if (same && i === refs.length) return refs;
    refs = Object.freeze([...runtimes()].map(({ config: { id, label } }) => Object.freeze({ id, label })));
    return refs;
  };
}
