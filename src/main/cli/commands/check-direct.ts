/** `check --appkey K [--base-url U]`: one account given on the command line, secret from env/stdin. */
import { baseUrlProblem, type BaseUrlProblem } from '../../../shared/base-url.js';
import { PRODUCTION_BASE_URL } from '../../../shared/types.js';
import { ConfigurationError } from '../../core/errors.js';
import { integerOption, type OptionValues } from '../args.js';
import { CliError } from '../exit.js';
import type { CommandContext } from '../io.js';
import { clientOf } from '../client.js';
import { reportResult } from '../report.js';
import { userSecret } from '../secret-input.js';
import { packageVersion } from '../version.js';
import type { CHECK_OPTIONS } from './check.js';

/** Ten minutes: longer than any answer worth waiting for from a balance endpoint. */
const MAX_TIMEOUT_MS = 600_000;

function baseUrlError(context: CommandContext, problem: BaseUrlProblem): CliError {
  return new CliError(context.t('cli.error.baseUrl', { reason: context.t(`account.error.baseUrl.${problem}`) }));
}

export async function checkDirect(
  context: CommandContext,
  values: OptionValues<typeof CHECK_OPTIONS>,
): Promise<number> {
  const { t } = context;
  const appkey = values.appkey?.trim() ?? '';
  if (appkey === '') throw new CliError(t('cli.error.missingAppkey'));
  const baseUrl = values['base-url'] ?? PRODUCTION_BASE_URL;
  const problem = baseUrlProblem(baseUrl.trim());
  if (problem) throw baseUrlError(context, problem);
  const timeoutMs = integerOption(t, '--timeout', values.timeout, { min: 1, max: MAX_TIMEOUT_MS });
  const secret = await userSecret(context, values['secret-stdin'] === true);

  const client = clientOf(context, {
    version: packageVersion(),
    env: { ...context.env },
    ...(timeoutMs === undefined
      ? {}
      : { timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs, deadlineMs: timeoutMs } }),
  });
  try {
    const result = await client.fetchBalance({ baseUrl: baseUrl.trim(), appkey }, secret, {
      signal: context.interrupt,
    });
    return reportResult(context, result, null, values.json === true);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    if (error.problem === 'appkey') throw new CliError(t('cli.error.missingAppkey'));
    if (error.problem === 'secret') throw new CliError(t('cli.error.missingSecret'));
    throw baseUrlError(context, error.problem);
  } finally {
    await client.close();
  }
}
