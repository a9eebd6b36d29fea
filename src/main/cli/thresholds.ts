/**
 * Thresholds worth suggesting from a first balance: low at a fifth of it, critical at a
 * tenth, cut to whole cents. A rule of thumb for someone who has not thought about it yet,
 * printed as a suggestion and never applied by itself.
 */
import { compareAmounts, multiplyAmounts } from '../../shared/money.js';

function toCents(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export function suggestedThresholds(balance: string): { low: string; critical: string } | null {
  if (compareAmounts(balance, '1') < 0) return null;
  return { low: toCents(multiplyAmounts(balance, '0.2')), critical: toCents(multiplyAmounts(balance, '0.1')) };
}
