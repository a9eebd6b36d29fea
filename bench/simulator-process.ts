/** The simulator alone, for benchmarks that must keep its CPU out of the measured process. */
import { startSimulator } from '../src/main/simulator/index.js';
import { BENCH_ACCOUNT } from './account.js';

const simulator = await startSimulator({ accounts: [BENCH_ACCOUNT], balance: { start: '1000.00' } });
process.stdout.write(`listening ${simulator.port}\n`);
