import { beforeEach, describe, expect, test, vi } from 'vitest';
import { contextBridge, ipcRenderer } from '../fakes/electron.js';
import { bridgeEvents, bridgeMethods, BRIDGE_KEY, type Bridge } from '../../src/shared/ipc.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

// The preload runs once, as in a real page load; the tests share what it exposed.
beforeEach(() => {
  ipcRenderer.invoked = [];
});

async function exposed(): Promise<Bridge> {
  await import('../../src/main/preload/index.js');
  const bridge = contextBridge.exposed.get(BRIDGE_KEY) as Bridge | undefined;
  if (!bridge) throw new Error('nothing exposed');
  return bridge;
}

describe('preload bridge', () => {
  test('exposes exactly the contract’s named methods and subscriptions, never ipcRenderer', async () => {
    const bridge = await exposed();
    expect([...contextBridge.exposed.keys()]).toEqual([BRIDGE_KEY]);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(bridgeMethods), ...Object.keys(bridgeEvents)].sort());
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
    }
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  test('each method invokes its channel with the request only', async () => {
    const bridge = await exposed();
    await bridge.refresh({ accountId: 'a' });
    await bridge.setSettings({ patch: { notifications: false } });
    expect(ipcRenderer.invoked).toEqual([
      { channel: 'refresh', args: [{ accountId: 'a' }] },
      { channel: 'settings:set', args: [{ patch: { notifications: false } }] },
    ]);
  });

  test('listeners get the payload only, not the IPC event, and can unsubscribe', async () => {
    const bridge = await exposed();
    const received: unknown[][] = [];
    const off = bridge.onNavigate((...args: unknown[]) => received.push(args));
    ipcRenderer.emit('navigate', { sender: 'the-ipc-event' }, { view: 'settings' });
    off();
    ipcRenderer.emit('navigate', { sender: 'the-ipc-event' }, { view: 'accounts' });
    expect(received).toEqual([[{ view: 'settings' }]]);
    expect(ipcRenderer.listenerCount('navigate')).toBe(0);
  });
});
