/** The undici balance client, or the stand-in a test put in the context. */
import { createBalanceClient, type BalanceClient, type BalanceClientOptions } from '../core/client/index.js';
import type { CommandContext } from './io.js';

export function clientOf(
  context: CommandContext,
  options: BalanceClientOptions,
): Pick<BalanceClient, 'fetchBalance' | 'close'> {
  return (context.services.createClient ?? createBalanceClient)(options);
}
