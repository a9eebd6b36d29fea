// Help, usage errors and unknown commands, answered by `main` in this process: the same code
// the binary runs, without a Node start-up per case. basics.test.ts keeps what only the built
// binary can show (the version read from package.json beside dist/, exit statuses).
import { describe, expect, it } from 'vitest';
import { runMain } from './in-process.js';
import { tempHome } from '../helpers/temp-home.js';

const env = (extra: Record<string, string> = {}) => ({ LANG: 'C', EIOT_BALANCE_HOME: tempHome(), ...extra });
const run = (argv: string[], extra?: Record<string, string>) => runMain(argv, { env: env(extra) });

const COMMANDS = ['check', 'accounts', 'watch', 'history', 'simulate', 'demo', 'serve'];

describe('eiot-balance help and usage', () => {
  it('lists the commands with --help', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command);
  });

  it('prints the command list and exits 2 when no command is given', async () => {
    const result = await run([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('check');
  });

  it.each(COMMANDS)('has --help for %s', async (command) => {
    const result = await run([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage/);
  });

  it('translates help under a zh locale', async () => {
    const result = await run(['check', '--help'], { LC_ALL: 'zh_CN.UTF-8' });
    expect(result.stdout).toMatch(/^用法/);
  });

  it('serve refuses to start without accounts (exit 2)', async () => {
    const result = await run(['serve', '--port', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no accounts/);
  });

  it('serve names a bad --port (exit 2)', async () => {
    const result = await run(['serve', '--port', 'http']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port/);
  });

  it('exits 2 naming an unknown command', async () => {
    const result = await run(['balance']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "balance"/);
  });
});
