/**
 * Time that the benchmark loop moves itself: `fireNext` jumps the clock to the earliest due
 * timer and fires it, so polls a minute apart run back to back.
 */
import type { Clock, TimerHandle, Timers } from '../src/main/core/ports.js';

export class ManualTime implements Clock, Timers {
  private pending = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + ms, callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending.delete((handle as { id: number }).id);
  }

  /** false when nothing is pending. */
  fireNext(): boolean {
    let first: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of this.pending) if (!first || entry[1].at < first[1].at) first = entry;
    if (!first) return false;
    this.pending.delete(first[0]);
    this.current = Math.max(this.current, first[1].at);
    first[1].callback();
    return true;
  }
}
