/** The accounts of the serve benchmark, known to its simulator process (test data, not a user's). */
export function serveAccounts(count: number): Array<{ id: string; appkey: string; secret: string }> {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    appkey: `bench-serve-${i}`,
    secret: `bench-serve-secret-${i}`,
  }));
}
