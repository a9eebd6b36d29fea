/**
 * Configuration the service cannot start with. The CLI words it in the user's language
 * through `text`; `message` is the English wording, for logs and for callers without a
 * language (tests, the desktop app never runs serve).
 */
import { translator, type Translate } from '../../shared/i18n/index.js';

export class ServeConfigError extends Error {
  override readonly name = 'ServeConfigError';

  constructor(readonly text: (t: Translate) => string) {
    super(text(translator('en')));
  }
}
