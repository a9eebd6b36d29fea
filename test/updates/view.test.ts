import { describe, expect, it } from 'vitest';
import { updateMenuItems, updateNotification, withUpdateItems } from '../../src/main/shell/updater/view.js';
import { catalogs, translator, type MessageKey } from '../../src/shared/i18n/index.js';
import { describeUpdate, type UpdateFailureReason, type UpdateStatus } from '../../src/shared/update-status.js';
import type { MenuItemModel } from '../../src/main/shell/tray-view.js';

const en = translator('en');
const zh = translator('zh-CN');
const at = Date.UTC(2026, 0, 5);
const labels = (items: MenuItemModel[]) => items.map((item) => (item.type === 'separator' ? '—' : item.label));

describe('update menu items', () => {
  it('always offers "Check for updates…"', () => {
    expect(labels(updateMenuItems({ state: 'idle', mode: 'auto' }, en))).toEqual(['Check for updates…']);
    expect(labels(updateMenuItems({ state: 'up-to-date', mode: 'auto', version: '1.2.0', at }, zh))).toEqual([
      '检查更新…',
    ]);
  });

  it('offers "Restart to update" once a download is ready', () => {
    const items = updateMenuItems({ state: 'downloaded', mode: 'auto', version: '1.3.0', at }, en);
    expect(labels(items)).toEqual(['Restart to update (1.3.0)', 'Check for updates…']);
    expect(items[0]).toMatchObject({ action: { type: 'update', command: 'install' } });
    expect(items[1]).toMatchObject({ action: { type: 'update', command: 'check' } });
  });

  it('offers the download page in manual mode, and nothing to install while downloading', () => {
    const manual: UpdateStatus = {
      state: 'available',
      mode: 'manual',
      version: '1.3.0',
      at,
      downloadUrl: 'https://github.com/o/r/releases/latest',
    };
    expect(labels(updateMenuItems(manual, en))).toEqual(['Download version 1.3.0…', 'Check for updates…']);
    expect(updateMenuItems(manual, en)[0]).toMatchObject({ action: { type: 'update', command: 'open-download' } });
    expect(labels(updateMenuItems({ state: 'available', mode: 'auto', version: '1.3.0', at }, en))).toEqual([
      'Check for updates…',
    ]);
  });

  it('go into their own group just before Quit', () => {
    const tray: MenuItemModel[] = [
      { type: 'normal', label: 'Refresh now', action: { type: 'refresh' } },
      { type: 'separator' },
      { type: 'normal', label: 'Quit', action: { type: 'quit' } },
    ];
    const items = updateMenuItems({ state: 'downloaded', mode: 'auto', version: '1.3.0', at }, en);
    const view = { icon: 'ok' as const, tooltip: 't', title: '', menu: tray };
    expect(labels(withUpdateItems(view, items).menu)).toEqual([
      'Refresh now',
      '—',
      'Restart to update (1.3.0)',
      'Check for updates…',
      '—',
      'Quit',
    ]);
  });
});

describe('update notification', () => {
  it('says the update is ready and how it gets installed', () => {
    const status: UpdateStatus = { state: 'downloaded', mode: 'auto', version: '1.3.0', at };
    expect(updateNotification(status, en)).toEqual({
      title: 'Update ready',
      body: 'EIOT Balance 1.3.0 has been downloaded. It is installed when you quit, or now with "Restart to update" in the tray menu.',
    });
    expect(updateNotification(status, zh)?.title).toBe('更新已就绪');
  });

  it('in manual mode says where to get it', () => {
    const status: UpdateStatus = { state: 'available', mode: 'manual', version: '1.3.0', at };
    expect(updateNotification(status, en)?.body).toBe(
      'EIOT Balance 1.3.0 is available. On this system updates are installed by hand: download it from the Releases page.',
    );
  });

  it('is silent for everything else', () => {
    const quiet: UpdateStatus[] = [
      { state: 'idle', mode: 'auto' },
      { state: 'checking', mode: 'auto' },
      { state: 'up-to-date', mode: 'auto', version: '1.2.0', at },
      { state: 'available', mode: 'auto', version: '1.3.0', at },
      { state: 'failed', mode: 'auto', reason: 'network', at },
    ];
    for (const status of quiet) expect(updateNotification(status, en)).toBeNull();
  });
});

describe('update status line', () => {
  it.each([
    [{ state: 'up-to-date', mode: 'auto', version: '1.2.0', at }, 'EIOT Balance 1.2.0 is up to date.'],
    [{ state: 'available', mode: 'auto', version: '1.3.0', at }, 'Version 1.3.0 is available and is being downloaded.'],
    [
      { state: 'failed', mode: 'auto', reason: 'checksum', at },
      'Could not check for updates: the downloaded file did not match its checksum and was discarded.',
    ],
    [{ state: 'checking', mode: 'manual' }, 'Checking for updates…'],
  ] as [UpdateStatus, string][])('%o', (status, text) => {
    expect(describeUpdate(status, en)).toBe(text);
  });

  it('has a reason in both languages for every failure', () => {
    const reasons: UpdateFailureReason[] = [
      'offline',
      'network',
      'feed',
      'not-found',
      'checksum',
      'signature',
      'other',
    ];
    for (const reason of reasons) {
      const key = `update.reason.${reason}` as MessageKey;
      expect(catalogs.en[key]).toBeTruthy();
      expect(catalogs['zh-CN'][key]).toBeTruthy();
      expect(describeUpdate({ state: 'failed', mode: 'auto', reason, at }, zh)).toContain(catalogs['zh-CN'][key]);
    }
  });
});
