/** serve's refusals that carry data, worded in the user's language (the English message is the fallback). */
import type { Translate } from '../../shared/i18n/index.js';
import type { AmbiguousSecretsError } from '../serve/secrets.js';

export function ambiguousSecretsText(t: Translate, error: AmbiguousSecretsError): string {
  const lines = error.ambiguities.map(({ source, accounts, fromEnv }) =>
    t(fromEnv ? 'cli.serve.ambiguousEnv' : 'cli.serve.ambiguousFile', {
      name: source,
      accounts: accounts.map((account) => `"${account.label}" (${account.id})`).join(', '),
    }),
  );
  return t('cli.serve.ambiguous', { lines: lines.join('\n') });
}
