/**
 * How many times a stress test repeats. `npm test` runs the quick count, enough to catch a
 * broken lock or merge on every run; `npm run test:stress` (EIOT_STRESS_ROUNDS=full, run by CI
 * after `npm test`) runs the full count that also catches a race seen one time in ten. A
 * number instead of `full` runs that many (to hunt a flaky failure locally).
 */
export function stressRounds(quick: number, full: number, env: NodeJS.ProcessEnv = process.env): number {
  const wanted = env.EIOT_STRESS_ROUNDS?.trim();
  if (wanted === undefined || wanted === '') return quick;
  if (wanted === 'full') return full;
  const count = Number(wanted);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`EIOT_STRESS_ROUNDS must be "full" or a whole number above 0, not "${wanted}"`);
  }
  return count;
}
