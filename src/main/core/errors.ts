/**
 * Errors the core throws on purpose. Each carries what the user needs and never a secret;
 * the shell maps them to IPC errors, the CLI to exit status 2.
 */
import type { FieldError } from '../../shared/ipc.js';
import type { BaseUrlProblem } from '../../shared/base-url.js';

/** Input that breaks the account or settings rules; `fields` says where. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message);
  }
}

/** A base URL the client refuses before making any request. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    message: string,
    readonly problem: BaseUrlProblem | 'secret' | 'appkey',
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * No OS keychain (Linux without a Secret Service): the message says what to install.
 * The engine then keeps the secret for this session only.
 */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
  /**
   * 'no-module': this build has no keychain support (keytar, an optional dependency, is not
   * installed or not built); 'no-service': the module loads but the system has no usable
   * keychain. The fixes differ, so the messages do.
   */
  readonly reason: 'no-module' | 'no-service';
  constructor(message: string, options: ErrorOptions & { reason?: 'no-module' | 'no-service' } = {}) {
    super(message, options);
    this.reason = options.reason ?? 'no-service';
  }
}
