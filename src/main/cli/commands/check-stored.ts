/** `check [--account A]`: the stored accounts, each with its keychain secret, checked together. */
import type { AccountConfig } from '../../../shared/types.js';
import type { OptionValues } from '../args.js';
import { CliError, worstExit } from '../exit.js';
import type { CommandContext } from '../io.js';
import { reportConfigProblem, reportResult } from '../report.js';
import { keychainError, openStored, requireAccount } from '../stored.js';
import { packageVersion } from '../version.js';
import type { CHECK_OPTIONS } from './check.js';

export async function checkStored(
  context: CommandContext,
  values: OptionValues<typeof CHECK_OPTIONS>,
): Promise<number> {
  const { t } = context;
  const all = openStored(context).accounts();
  const chosen: AccountConfig[] =
    values.account !== undefined
      ? [requireAccount(context, all, values.account)]
      : all.filter((account) => account.enabled);
  if (chosen.length === 0) throw new CliError(t('cli.error.noAccounts'));

  const keychain = context.services.keychain();
  const secrets = await Promise.all(chosen.map((account) => keychain.get(account))).catch((error: unknown) =>
    keychainError(context, error),
  );
  const client = context.services.createClient({ version: packageVersion(), env: { ...context.env } });
  const json = values.json === true;
  try {
    const results = await Promise.all(
      chosen.map((account, index) => {
        const secret = secrets[index];
        return secret ? client.fetchBalance(account, secret, { signal: context.interrupt }) : null;
      }),
    );
    // Printed in the stored order once all are back, so the output does not depend on timing.
    const statuses = chosen.map((account, index) => {
      const result = results[index];
      if (!result)
        return reportConfigProblem(
          context,
          t('cli.error.noStoredSecret', { label: account.label }),
          account.label,
          json,
        );
      return reportResult(context, result, account.label, json);
    });
    return worstExit(statuses);
  } finally {
    await client.close();
  }
}
