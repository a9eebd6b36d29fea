/** Credentials shared by the benchmark and its simulator process (test data, not a user's). */
export const BENCH_ACCOUNT = { appkey: 'bench-engine', secret: 'bench-engine-secret' };
