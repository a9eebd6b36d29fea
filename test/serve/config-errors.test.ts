// `serve` as a process: the refusals at start (a bad option, a token file others can read,
// an account without a secret) are worded in the terminal's language, and still exit 2
// before listening.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, runCli, tempHome } from '../cli/run-cli.js';

const ZH = { LC_ALL: 'zh_CN.UTF-8' };

function homeWithAccount(): string {
  const home = tempHome();
  const account = {
    id: 'shop',
    label: 'Main store',
    appkey: 'key-shop',
    baseUrl: 'http://127.0.0.1:9',
    pollIntervalSec: 300,
    enabled: true,
  };
  writeFileSync(path.join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, accounts: [account] }));
  return home;
}

function serve(args: string[], env: Record<string, string>, home = tempHome()) {
  return runCli(['serve', ...args], { env: childEnv({ EIOT_BALANCE_HOME: home, ...env }) });
}

describe("serve's start-up refusals in Chinese", () => {
  it('a bad --port', async () => {
    const run = await serve(['--port', '99999'], ZH);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--port 必须是 0 到 65535 之间的整数，而不是 "99999"');
    expect(run.stdout).toBe('');
  });

  it('a token file other users can read', async () => {
    const home = homeWithAccount();
    const token = path.join(home, 'token');
    writeFileSync(token, 'tok-123456\n', { mode: 0o644 });
    const run = await serve(['--port', '0', '--token-file', token], { ...ZH, EIOT_SECRET_SHOP: 'sekret-1' }, home);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`令牌文件 ${token} 的权限是 0644`);
    expect(run.stderr).toContain(`chmod 600 ${token}`);
    expect(run.stdout).not.toMatch(/listening/);
  });

  it('an account without a secret, naming where it could come from', async () => {
    const run = await serve(['--port', '0'], ZH, homeWithAccount());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/没有密钥/);
    expect(run.stderr).toContain('"Main store" (shop)');
    expect(run.stderr).toContain('EIOT_SECRET_SHOP');
    expect(run.stdout).not.toMatch(/listening/);
  });

  it('stays English without a Chinese locale', async () => {
    const run = await serve(['--port', '99999'], {});
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--port must be a whole number from 0 to 65535, not "99999"');
  });
});
