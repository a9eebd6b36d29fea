/** The core's validation problems, one line per field, named as the command's options. */
import type { Translate } from '../../shared/i18n/index.js';
import type { FieldError } from '../../shared/ipc.js';

const OPTION_OF: Readonly<Record<string, string>> = {
  label: '--label',
  appkey: '--appkey',
  baseUrl: '--base-url',
  pollIntervalSec: '--interval',
  lowThreshold: '--low',
  criticalThreshold: '--critical',
  secret: 'secret',
};

export function fieldErrorsText(t: Translate, fields: readonly FieldError[]): string {
  return fields
    .map((problem) =>
      t('cli.error.field', {
        field: OPTION_OF[problem.field] ?? problem.field,
        message: t(problem.key, problem.params),
      }),
    )
    .join('\n');
}
