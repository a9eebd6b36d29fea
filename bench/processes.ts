/** Child processes for the benchmarks that measure a real process: start, wait, measure, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Resident memory of a process, in MB (Linux /proc; 0 where there is none). */
export function rssMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resolves with the first line matching pattern on the child's stdout; rejects if it exits first. */
export async function firstLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  if (!child.stdout) throw new Error('child has no stdout pipe');
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const match = pattern.exec(line);
    if (match) return match;
  }
  throw new Error(`process exited before printing ${pattern}`);
}

/** The simulator as a child process (dist/bench/simulator.js, built beside this bundle). */
export async function simulatorProcess(accounts = 0): Promise<{ url: string; stop(): void }> {
  const script = fileURLToPath(new URL('./simulator.js', import.meta.url));
  const child = spawn(process.execPath, [script, String(accounts)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const match = await firstLine(child, /^listening (\d+)$/);
  return { url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill() };
}

/** bin/eiot-balance.js of this checkout (the bench runs from dist/bench/). */
export const CLI_BIN = fileURLToPath(new URL('../../bin/eiot-balance.js', import.meta.url));
