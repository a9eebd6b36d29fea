/**
 * The balance the simulator reports on its n-th call (1-based, counted from when the script
 * was set). Amounts are decimal strings and the arithmetic is exact.
 */
import { addAmounts, isAmount, multiplyAmounts, subtractAmounts } from '../../shared/money.js';

export interface TopUp {
  atCall: number;
  amount: string;
}

export type BalanceScript =
  /** `start`, minus `fallBy` per call after the first, plus every top-up due by then. */
  | { start: string; fallBy?: string; topUps?: readonly TopUp[] }
  /** One value per call; the last one repeats. */
  | { values: readonly string[] }
  | ((call: number) => string);

function minor(text: string): string {
  if (!isAmount(text)) throw new RangeError(`not a decimal amount: ${text}`);
  return text;
}

/** Throws early (at setup, not mid-test) when an amount in the script is not a decimal. */
export function validateBalanceScript(script: BalanceScript): void {
  if (typeof script === 'function') return;
  if ('values' in script) {
    if (script.values.length === 0) throw new RangeError('a balance list needs at least one value');
    script.values.forEach(minor);
    return;
  }
  minor(script.start);
  if (script.fallBy !== undefined) minor(script.fallBy);
  script.topUps?.forEach((topUp) => minor(topUp.amount));
}

export function balanceAt(script: BalanceScript, call: number): string {
  if (typeof script === 'function') return script(call);
  if ('values' in script) return script.values[Math.min(call, script.values.length) - 1] ?? '0.00';
  const fallen = multiplyAmounts(minor(script.fallBy ?? '0'), String(Math.max(0, call - 1)));
  const toppedUp = (script.topUps ?? [])
    .filter((topUp) => topUp.atCall <= call)
    .reduce((sum, topUp) => addAmounts(sum, minor(topUp.amount)), '0');
  return addAmounts(subtractAmounts(minor(script.start), fallen), toppedUp);
}
