/**
 * The id and label of each account, as one array kept while they stay the same: serve's
 * secret store reads it on every lookup, and a new array of a thousand refs per lookup was
 * most of a fresh service's garbage (the heap it grew stayed).
 */
export interface AccountRef {
  readonly id: string;
  readonly label: string;
}

/** `configs` is called again for a new array: an iterator could be read only once. */
export function cachedAccountRefs(): (configs: () => Iterable<AccountRef>) => readonly AccountRef[] {
  let refs: readonly AccountRef[] = [];
  return (configs) => {
    let i = 0;
    let same = true;
    for (const { id, label } of configs()) {
      const ref = refs[i];
      i += 1;
      if (ref?.id !== id || ref.label !== label) {
        same = false;
        break;
      }
    }
    if (same && i === refs.length) return refs;
    refs = Object.freeze([...configs()].map(({ id, label }) => Object.freeze({ id, label })));
    return refs;
  };
}
