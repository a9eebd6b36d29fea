/**
 * `check [--account A] [--json|--nagios]`: the stored accounts, each with its keychain
 * secret, checked together. Each good reading is recorded in the account's history, and
 * each account's state (ok, low, critical, error) is shown against its thresholds.
 */
import type { AccountConfig, AccountStatus, FetchResult } from '../../../shared/types.js';
import { thresholdsOf } from '../../core/account-runtime.js';
import { dataDir } from '../../core/data-dir.js';
import { openHistory } from '../../core/history/file-store.js';
import { isAtOrBelow } from '../../core/status.js';
import type { OptionValues } from '../args.js';
import { CliError, EXIT, exitFor, worstExit } from '../exit.js';
import { failureLine, failureReason, jsonFailure, jsonLine, jsonReading, localTime, money } from '../format.js';
import type { CommandContext } from '../io.js';
import { clientOf } from '../client.js';
import { keychainOf } from '../keychain.js';
import { nagiosReport } from '../nagios.js';
import { reportConfigProblem } from '../report.js';
import { keychainError, openStored, requireAccount } from '../stored.js';
import { packageVersion } from '../version.js';
import type { CHECK_OPTIONS } from './check.js';

/** The state of one account after this check: a one-shot check has no streak to wait for. */
function stateOf(account: AccountConfig, result: FetchResult | null): AccountStatus {
  if (result === null) return 'unconfigured';
  if (!result.ok) return 'error';
  const { low, critical } = thresholdsOf(account);
  if (isAtOrBelow(result.reading.balance, critical)) return 'critical';
  if (isAtOrBelow(result.reading.balance, low)) return 'low';
  return 'ok';
}

/** Appends to the account's history file; a history that cannot be written is reported, not fatal. */
async function record(context: CommandContext, account: AccountConfig, result: FetchResult): Promise<void> {
  if (!result.ok) return;
  const now = context.clock.now();
  const { log, setAside } = await openHistory(dataDir(context.env), account.id, now);
  if (setAside) {
    context.stderr.write(`${context.t('cli.history.setAside', { label: account.label, path: setAside })}\n`);
  }
  log.append(result.reading);
  await log.flush(now);
}

export async function checkStored(
  context: CommandContext,
  values: OptionValues<typeof CHECK_OPTIONS>,
): Promise<number> {
  const { t, locale } = context;
  const all = openStored(context).accounts();
  const chosen: AccountConfig[] =
    values.account !== undefined
      ? [requireAccount(context, all, values.account)]
      : all.filter((account) => account.enabled);
  if (chosen.length === 0) throw new CliError(t('cli.error.noAccounts'));

  const keychain = keychainOf(context);
  const secrets = await Promise.all(chosen.map((account) => keychain.get(account))).catch((error: unknown) =>
    keychainError(context, error),
  );
  const client = clientOf(context, { version: packageVersion(), env: { ...context.env } });
  let results: Array<FetchResult | null>;
  try {
    results = await Promise.all(
      chosen.map((account, index) => {
        const secret = secrets[index];
        return secret ? client.fetchBalance(account, secret, { signal: context.interrupt }) : null;
      }),
    );
  } finally {
    await client.close();
  }
  await Promise.all(
    chosen.map((account, index) => {
      const result = results[index];
      return result ? record(context, account, result) : undefined;
    }),
  );

  const states = chosen.map((account, index) => stateOf(account, results[index] ?? null));
  if (values.nagios === true) {
    const report = nagiosReport(
      chosen.map((account, index) => {
        const result = results[index] ?? null;
        return {
          label: account.label,
          state: states[index] as AccountStatus,
          reading: result?.ok ? result.reading : null,
          failure:
            result === null
              ? t('cli.error.noStoredSecretKeep', { label: account.label })
              : result.ok
                ? null
                : failureReason(t, result.failure),
          ...thresholdsOf(account),
        };
      }),
    );
    context.stdout.write(`${report.line}\n`);
    return report.status;
  }

  const json = values.json === true;
  // Printed in the stored order once all are back, so the output does not depend on timing.
  const statuses = chosen.map((account, index) => {
    const result = results[index];
    const state = states[index] as AccountStatus;
    const { label } = account;
    if (!result) return reportConfigProblem(context, t('cli.error.noStoredSecretKeep', { label }), label, json);
    if (!result.ok) {
      if (json) context.stdout.write(jsonLine({ ...jsonFailure(result.failure, label), state }));
      context.stderr.write(`${failureLine(t, result.failure, label)}\n`);
      return exitFor(result.failure);
    }
    const { reading } = result;
    context.stdout.write(
      json
        ? jsonLine({ ...jsonReading(reading, label), state })
        : `${t('cli.readingState', {
            label,
            money: money(reading.balance, reading.currency, locale),
            state: t(`status.${state}`),
            time: localTime(reading.fetchedAt),
          })}\n`,
    );
    return EXIT.ok;
  });
  return worstExit(statuses);
}
