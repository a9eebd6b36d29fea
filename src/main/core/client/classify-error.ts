/**
 * Turns a thrown transport error into a network failure that says which one. undici and
 * Node put the useful `code` on the error or somewhere down its `cause` chain. The message
 * is ours, never the error's text, so nothing the stack saw can leak through it.
 */
import type { FetchFailure, NetworkReason } from '../../../shared/types.js';
import { ProxySettingError } from './dispatchers.js';

const BY_CODE: Record<string, NetworkReason> = {
  UND_ERR_CONNECT_TIMEOUT: 'timeout-connect',
  ETIMEDOUT: 'timeout-connect',
  UND_ERR_HEADERS_TIMEOUT: 'timeout-headers',
  UND_ERR_BODY_TIMEOUT: 'timeout-body',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
};

const MESSAGES: Record<NetworkReason, string> = {
  'timeout-connect': 'timed out connecting to the server',
  'timeout-headers': 'timed out waiting for the server to answer',
  'timeout-body': 'timed out reading the answer',
  deadline: 'no complete answer within the overall time limit',
  aborted: 'cancelled',
  refused: 'connection refused',
  reset: 'the connection was closed before a complete answer',
  dns: 'the server name could not be resolved',
  tls: 'the secure connection failed (TLS or certificate)',
  other: 'network error',
};

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

function isTls(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|UND_ERR_PRX_TLS)/.test(code);
}

export interface AbortState {
  /** The caller's signal fired. */
  aborted: boolean;
  /** The overall deadline passed. */
  deadline: boolean;
}

export function networkFailure(reason: NetworkReason, at: number, detail?: string): FetchFailure {
  const retryable = reason !== 'aborted' && reason !== 'tls';
  const message = detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason];
  return { kind: 'network', reason, retryable, message, at };
}

export function transportFailure(error: unknown, state: AbortState, at: number): FetchFailure {
  if (state.aborted) return networkFailure('aborted', at);
  if (state.deadline) return networkFailure('deadline', at);
  if (error instanceof ProxySettingError) return { ...networkFailure('other', at, error.message), retryable: false };
  const codes = codesOf(error);
  for (const code of codes) {
    const reason = BY_CODE[code] ?? (isTls(code) ? 'tls' : undefined);
    if (reason) return networkFailure(reason, at);
  }
  // Only a code (e.g. EHOSTUNREACH) goes into the message: it is ours to show, unlike free text.
  const code = codes.find((candidate) => /^[A-Z0-9_]{2,40}$/.test(candidate));
  return networkFailure('other', at, code);
}
