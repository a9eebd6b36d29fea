/**
 * "Refresh" for one account, with feedback that matches what happened: the engine answers
 * once the check is done, and the snapshot says whether it produced a reading or a failure.
 * A check the platform refused must never be reported as "was checked".
 */
import { describeFailure } from '../../shared/failure-text.js';
import type { AccountSnapshot } from '../../shared/types.js';
import { BridgeCallError, unwrap } from '../bridge.js';
import { whileBusy } from '../busy.js';
import type { ViewContext } from '../context.js';

export async function refreshAccount(
  ctx: ViewContext,
  account: AccountSnapshot,
  button: HTMLButtonElement,
): Promise<void> {
  const { t } = ctx;
  try {
    await whileBusy(button, async () => {
      const before = Date.now();
      await unwrap(ctx.bridge.refresh({ accountId: account.id }));
      const state = await unwrap(ctx.bridge.getState({}));
      const after = state.accounts.find((a) => a.id === account.id);
      const failure = after?.lastFailure;
      const read = after?.lastReading?.fetchedAt ?? 0;
      if (failure && failure.at >= before && failure.at >= read) {
        ctx.announce(
          t('window.overview.checkFailed', { label: account.label, reason: describeFailure(failure, t) }),
          'alert',
        );
      } else {
        ctx.announce(t('window.overview.checked', { label: account.label }));
      }
    });
  } catch (error) {
    if (error instanceof BridgeCallError) ctx.announceError(error.error);
    else throw error;
  }
}
