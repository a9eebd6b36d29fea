/**
 * Prints what a running engine learns, as it learns it: a line per new reading or failure
 * (told apart from a repeated snapshot by its timestamp) and a line per notice. Shared by
 * `watch` and `demo`, so the demo shows exactly what watching real accounts looks like.
 * The engine raises a poll's notices just before the snapshot that carries its reading;
 * notices wait for that snapshot so "balance low" follows the balance it is about.
 * A reading fetched before printing began is the one remembered from history: it is
 * marked "last-known" rather than passed off as a new reading.
 */
import type { Notice, Snapshot } from '../../shared/types.js';
import type { EngineApi } from '../core/engine-api.js';
import { failureLine, jsonFailure, jsonLine, jsonReading, localTime, money, readingLine } from './format.js';
import type { CommandContext } from './io.js';
import { noticeJson, noticeLine } from './notice-text.js';

export function printLive(context: CommandContext, engine: EngineApi, json: boolean): () => void {
  const { t, locale, stdout } = context;
  const seen = new Map<string, { reading: number | null; failure: number | null }>();
  const startedAt = context.clock.now();
  const pending: Notice[] = [];
  const flushNotices = (): void => {
    for (const notice of pending.splice(0)) {
      stdout.write(json ? jsonLine(noticeJson(notice)) : `${noticeLine(t, locale, notice)}\n`);
    }
  };

  const onSnapshot = (snapshot: Snapshot): void => {
    for (const account of snapshot.accounts) {
      const last = seen.get(account.id) ?? { reading: null, failure: null };
      const reading = account.lastReading;
      if (reading && reading.fetchedAt !== last.reading) {
        last.reading = reading.fetchedAt;
        const remembered = reading.fetchedAt < startedAt;
        const params = {
          label: account.label,
          money: money(reading.balance, reading.currency, locale),
          time: localTime(reading.fetchedAt),
        };
        stdout.write(
          json
            ? jsonLine({ event: remembered ? 'last-known' : 'reading', ...jsonReading(reading, account.label) })
            : `${remembered ? t('cli.watch.lastKnown', params) : readingLine(t, locale, reading, account.label)}\n`,
        );
      }
      const failure = account.lastFailure;
      if (failure && failure.at !== last.failure && failure.at >= (reading?.fetchedAt ?? 0)) {
        last.failure = failure.at;
        stdout.write(
          json
            ? jsonLine({ event: 'failure', ...jsonFailure(failure, account.label) })
            : `${failureLine(t, failure, account.label)}\n`,
        );
      }
      seen.set(account.id, last);
    }
    flushNotices();
  };

  const unsubscribe = engine.subscribe(onSnapshot);
  const offNotice = engine.onNotice((notice) => {
    pending.push(notice);
    // In case no snapshot follows, a notice is never held back longer than this tick.
    setImmediate(flushNotices);
  });
  return () => {
    unsubscribe();
    offNotice();
    flushNotices();
  };
}
