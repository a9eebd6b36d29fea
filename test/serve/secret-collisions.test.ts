// `serve` as a process: an EIOT_SECRET_<NAME> (or a secrets-file entry) that fits two
// accounts, by one's label and the other's id or by two labels, is refused at start with
// both accounts named, instead of quietly handing one account the other's secret. The first
// case through the built binary, the others through the same `main` in-process.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli/in-process.js';
import { childEnv, runCli, tempHome } from '../cli/run-cli.js';

interface Account {
  id: string;
  label: string;
}

function homeWith(accounts: Account[]): string {
  const home = tempHome();
  const stored = accounts.map((account) => ({
    ...account,
    appkey: `key-${account.id}`,
    baseUrl: 'http://127.0.0.1:9',
    pollIntervalSec: 300,
    enabled: true,
  }));
  writeFileSync(path.join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, accounts: stored }));
  return home;
}

function serve(home: string, env: Record<string, string>, args: string[] = [], run = runMain) {
  return run(['serve', '--port', '0', ...args], { env: childEnv({ EIOT_BALANCE_HOME: home, ...env }) });
}

describe('serve refuses a secret name that fits two accounts', () => {
  it("when one account's label gives another account's id name", async () => {
    const home = homeWith([
      { id: 'shop', label: 'Main store' },
      { id: 'b2', label: 'Shop' },
    ]);
    const run = await serve(home, { EIOT_SECRET_SHOP: 'sekret-one-1', EIOT_SECRET_B2: 'sekret-two-2' }, [], runCli);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('EIOT_SECRET_SHOP');
    expect(run.stderr).toMatch(/"Main store" \(shop\)/);
    expect(run.stderr).toMatch(/"Shop" \(b2\)/);
    expect(run.stdout).not.toMatch(/listening/);
    expect(run.stdout + run.stderr).not.toContain('sekret');
  });

  it('says so in Chinese under a zh locale', async () => {
    const home = homeWith([
      { id: 'shop', label: 'Main store' },
      { id: 'b2', label: 'Shop' },
    ]);
    const run = await serve(home, { EIOT_SECRET_SHOP: 'sekret-one-1', LC_ALL: 'zh_CN.UTF-8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/拒绝启动/);
    expect(run.stderr).toMatch(/EIOT_SECRET_SHOP 对应 "Main store" \(shop\), "Shop" \(b2\)/);
  });

  it('when two labels give the same name', async () => {
    const home = homeWith([
      { id: 'a1', label: 'Shop EU' },
      { id: 'a2', label: 'shop-eu' },
    ]);
    const run = await serve(home, { EIOT_SECRET_SHOP_EU: 'sekret-eu-1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('EIOT_SECRET_SHOP_EU');
    expect(run.stderr).toMatch(/"Shop EU" \(a1\)/);
    expect(run.stderr).toMatch(/"shop-eu" \(a2\)/);
  });

  it("when a secrets-file entry is one account's id and another's label", async () => {
    const home = homeWith([
      { id: 'shop', label: 'Main store' },
      { id: 'b2', label: 'shop' },
    ]);
    const secretsFile = path.join(home, 'secrets');
    writeFileSync(secretsFile, 'shop=sekret-file-1\nb2=sekret-file-2\n', { mode: 0o600 });
    const run = await serve(home, {}, ['--secrets-file', secretsFile]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/"shop"/);
    expect(run.stderr).toMatch(/"Main store" \(shop\)/);
    expect(run.stderr).toMatch(/"shop" \(b2\)/);
    expect(run.stdout + run.stderr).not.toContain('sekret');
  });
});
