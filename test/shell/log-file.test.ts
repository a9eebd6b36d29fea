/** The log file: what it records, that it rotates, and that no secret reaches it. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openLogFile } from '../../src/main/shell/log-file.js';
import { noticeLogLine, pollLogLines } from '../../src/main/shell/poll-log.js';
import { createRedactor } from '../../src/main/shell/redact.js';
import type { Snapshot } from '../../src/shared/types.js';
import { account, reading } from './fake-engine.js';

const SECRET = 'S3CRET-in-an-error-7f1e';
const folders: string[] = [];
const folder = () => {
  const made = mkdtempSync(path.join(tmpdir(), 'eiot-log-'));
  folders.push(made);
  return made;
};
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

describe('the log file', () => {
  test('a secret-bearing error is written redacted, with its message otherwise intact', () => {
    const log = openLogFile({ folder: folder() });
    log.redactor.remember(SECRET);
    const cause = new Error(`keychain refused ${SECRET}`);
    log.error('adding an account failed', new Error(`request with secret=${SECRET} failed`, { cause }));
    log.info(`retrying for appkey k1 with ${SECRET}`);
    const text = readFileSync(log.path, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('adding an account failed: Error: request with secret=*** failed');
    expect(text).toContain('caused by: Error: keychain refused ***');
    expect(text).toContain('retrying for appkey k1 with ***');
  });

  test('a secret never seen is still masked where it is named', () => {
    const redact = createRedactor().redact;
    expect(redact('GET /balance?appkey=k1&sign=abcdef0123&ts=1')).toBe('GET /balance?appkey=k1&sign=***&ts=1');
    expect(redact('{"secret":"hunter22-long","label":"Main"}')).toBe('{"secret":"***","label":"Main"}');
    expect(redact('Authorization: Bearer xyz123')).toBe('Authorization: ***');
    expect(redact('password = pw123456')).toBe('password = ***');
  });

  test('rotates to main.old.log when it outgrows its size', () => {
    const dir = folder();
    const log = openLogFile({ folder: dir, maxBytes: 2_000 });
    for (let i = 0; i < 60; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    expect(existsSync(path.join(dir, 'main.old.log'))).toBe(true);
    expect(readFileSync(log.path, 'utf8').length).toBeLessThanOrEqual(2_200);
    expect(readFileSync(log.path, 'utf8')).toContain('line 59');
  });
});

describe('poll lines', () => {
  const at = Date.UTC(2026, 0, 5, 14, 0);
  const snapshot = (accounts: Snapshot['accounts']): Snapshot => ({ at, aggregate: 'ok', accounts });

  test('a new reading and a failure, each with when and why the next check comes', () => {
    const first = account({ id: 'a', label: 'Main', lastReading: reading(12_345), nextCheckAt: at + 300_000 });
    const before = snapshot([first]);
    expect(pollLogLines(null, before)).toEqual([
      `poll Main [a]: ok ${first.lastReading?.balance} USD; next check 2026-01-05T14:05:00.000Z (interval)`,
    ]);
    expect(pollLogLines(before, before)).toEqual([]);
    const failed = {
      ...first,
      lastFailure: { kind: 'http' as const, retryable: true, status: 503, message: 'HTTP 503', at },
      failureStreak: 2,
      nextCheckAt: at + 60_000,
    };
    expect(pollLogLines(before, snapshot([failed]))).toEqual([
      'poll Main [a]: failed (http 503; 2 in a row); next check 2026-01-05T14:01:00.000Z (retry after failure)',
    ]);
  });

  test('a notice is one line', () => {
    expect(noticeLogLine({ accountId: 'a', label: 'Main', kind: 'low', at })).toBe('notice low for Main [a]');
  });
});
