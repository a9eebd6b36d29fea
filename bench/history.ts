/**
 * History size on disk after a simulated year of one-minute polls: a small spend about every
 * 30 minutes and a weekly top-up, the slowly changing balance the collapse is built for.
 * Target: under 1 MB.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyPath, openHistory } from '../src/main/core/history/file-store.js';
import { formatAmount } from '../src/shared/money.js';

const cents = (minor: number): string => formatAmount({ digits: BigInt(minor), scale: 2 });

const MINUTE = 60_000;
const YEAR_MINUTES = 365 * 24 * 60;

/** A small deterministic generator, so every run measures the same year. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function benchHistory(): Promise<{ history_bytes_one_year: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'eiot-bench-history-'));
  try {
    const random = seeded(42);
    const start = Date.UTC(2025, 0, 1);
    const { log } = await openHistory(dir, 'bench', start);
    let balance = 500_000;
    for (let minute = 0; minute < YEAR_MINUTES; minute++) {
      if (minute % (7 * 24 * 60) === 0 && minute > 0) balance += 200_000;
      else if (random() < 1 / 30) balance -= 1 + Math.floor(random() * 500);
      log.append({ currency: 'USD', balance: cents(balance), fetchedAt: start + minute * MINUTE });
    }
    await log.flush(start + YEAR_MINUTES * MINUTE);
    const { size } = await stat(historyPath(dir, 'bench'));
    return { history_bytes_one_year: size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
