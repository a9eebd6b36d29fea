/**
 * Sleep, wake and the network feed the engine's schedule. Electron has no online event in
 * main, so the online state is sampled; the engine also notices a timer that fired far too
 * late, for Linux desktops where powerMonitor stays silent.
 */
import { net, powerMonitor } from 'electron';
import type { EngineApi } from '../core/engine-api.js';
import type { Timers } from '../core/ports.js';

export const ONLINE_SAMPLE_MS = 30_000;

export function watchPower(engine: EngineApi, timers: Timers): () => void {
  const onSuspend = () => engine.suspend();
  const onResume = () => engine.wake('resume');
  const onUnlock = () => engine.wake('unlock');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);

  let online = net.isOnline();
  engine.setOnline(online);
  let timer = timers.setTimeout(sample, ONLINE_SAMPLE_MS);
  function sample(): void {
    const now = net.isOnline();
    if (now !== online) {
      online = now;
      engine.setOnline(now);
      if (now) engine.wake('online');
    }
    timer = timers.setTimeout(sample, ONLINE_SAMPLE_MS);
  }

  return () => {
    timers.clearTimeout(timer);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('resume', onResume);
    powerMonitor.off('unlock-screen', onUnlock);
  };
}
