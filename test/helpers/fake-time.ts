/**
 * A clock and timers the test moves by hand. `advance` fires due timers in order, letting
 * promises settle between them, so async code driven by timers runs as it would for real.
 * `jump` moves the clock without firing anything first: a machine that slept.
 */
import type { Clock, TimerHandle, Timers } from '../../src/main/core/ports.js';

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

export class FakeTime implements Clock, Timers {
  private current: number;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), callback };
    this.pending.push(timer);
    return { id: timer.id };
  }

  clearTimeout(handle: TimerHandle): void {
    const { id } = handle as { id: number };
    this.pending = this.pending.filter((timer) => timer.id !== id);
  }

  /** When the earliest timer is due, or null. */
  nextAt(): number | null {
    return this.pending.reduce<number | null>((min, t) => (min === null || t.at < min ? t.at : min), null);
  }

  get timerCount(): number {
    return this.pending.length;
  }

  /** Moves time forward by ms, firing every timer that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (;;) {
      const due = this.pending.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
      await settle();
    }
    this.current = end;
    await settle();
  }

  /** Moves the clock without firing timers: the process was frozen (sleep). */
  jump(ms: number): void {
    this.current += ms;
  }

  /** Fires the earliest timer now, however late that is. */
  async fireNext(): Promise<void> {
    const due = [...this.pending].sort((a, b) => a.at - b.at || a.id - b.id)[0];
    if (!due) return;
    this.pending = this.pending.filter((t) => t !== due);
    this.current = Math.max(this.current, due.at);
    due.callback();
    await settle();
  }
}

/** Lets pending promise callbacks run (several turns: chains of awaits). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
