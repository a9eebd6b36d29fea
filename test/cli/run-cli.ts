/**
 * Runs the built `eiot-balance` as a child process, the way a user does. Each test gets
 * its own data folder (EIOT_BALANCE_HOME) and an environment without the developer's
 * secret, language or session bus, unless the test passes them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempHome } from '../helpers/temp-home.js';

export const BIN = fileURLToPath(new URL('../../bin/eiot-balance.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export { tempHome };

const STRIPPED = [
  'EIOT_SECRET',
  'LANG',
  'LC_ALL',
  'LC_MESSAGES',
  'DBUS_SESSION_BUS_ADDRESS',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'https_proxy',
  'http_proxy',
];

export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !STRIPPED.includes(name)) env[name] = value;
  }
  return { ...env, LANG: 'C', EIOT_BALANCE_HOME: tempHome(), ...extra };
}

export function spawnCli(args: readonly string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { env, stdio: 'pipe' });
}

export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliRun> {
  const child = spawnCli(args, options.env ?? childEnv());
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Resolves with everything printed once `count` lines match, or rejects when the child ends first. */
export function waitForLines(child: ChildProcessWithoutNullStreams, pattern: RegExp, count: number): Promise<string[]> {
  let text = '';
  let errors = '';
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const lines = text.split('\n').filter((line) => pattern.test(line));
      if (lines.length >= count) resolve(lines);
    });
    child.on('close', (status) => reject(new Error(`exited ${status} early; stdout:\n${text}\nstderr:\n${errors}`)));
  });
}

export function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('close', (status) => resolve(status)));
}
