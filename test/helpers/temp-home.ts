import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh data folder (EIOT_BALANCE_HOME) for one test. */
export function tempHome(): string {
  return mkdtempSync(path.join(tmpdir(), 'eiot-cli-test-'));
}
