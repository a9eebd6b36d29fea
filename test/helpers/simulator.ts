/**
 * Starts the endpoint simulator on a free loopback port for a test, and stops every one
 * started that way. Usage: `const sim = await startTestSimulator({ faults: {...} })`, then
 * `afterEach(stopTestSimulators)`.
 */
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/main/simulator/index.js';

/** Credentials the test simulator knows. The secret is distinctive so leak checks can search for it. */
export const TEST_ACCOUNT = { appkey: 'test-appkey-01', secret: 'S3CRET-never-leaks-7f3a' } as const;

const running = new Set<Simulator>();

export async function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const simulator = await startSimulator({ accounts: [TEST_ACCOUNT], ...options, host: '127.0.0.1', port: 0 });
  running.add(simulator);
  return simulator;
}

export async function stopTestSimulators(): Promise<void> {
  const all = [...running];
  running.clear();
  await Promise.all(all.map((simulator) => simulator.close()));
}

/** The account object fetchBalance takes, pointing at a simulator. */
export function accountFor(simulator: Simulator): { baseUrl: string; appkey: string } {
  return { baseUrl: simulator.url, appkey: TEST_ACCOUNT.appkey };
}
