/**
 * The simulator alone, for benchmarks that must keep its CPU out of the measured process.
 * `simulator.js N` also knows N accounts `bench-serve-<i>` (secret `bench-serve-secret-<i>`).
 */
import { startSimulator } from '../src/main/simulator/index.js';
import { BENCH_ACCOUNT } from './account.js';
import { serveAccounts } from './serve-accounts.js';

const count = Number(process.argv[2] ?? 0);
const simulator = await startSimulator({
  accounts: [BENCH_ACCOUNT, ...serveAccounts(count)],
  balance: { start: '1000.00' },
});
process.stdout.write(`listening ${simulator.port}\n`);
