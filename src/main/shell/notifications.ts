/**
 * The engine's notices as native notifications: one on screen per account, a newer one
 * replacing the older (an episode escalating from low to critical is one conversation, not a
 * stack). The map also keeps each Notification referenced: one that is garbage-collected
 * loses its click handler.
 */
import { Notification } from 'electron';
import { translator, type Locale } from '../../shared/i18n/index.js';
import type { AppSettings, Notice } from '../../shared/types.js';
import { noticeText } from '../../shared/notice-text.js';

export interface NotificationOptions {
  settings(): AppSettings;
  locale(): Locale;
  /** The user clicked a notification: show that account. */
  onClick(accountId: string): void;
}

export interface Notifications {
  show(notice: Notice): void;
  /** Withdraws everything still on screen (at quit). */
  dispose(): void;
}

export function createNotifications({ settings, locale, onClick }: NotificationOptions): Notifications {
  const shown = new Map<string, Notification>();
  return {
    show(notice) {
      if (!settings().notifications || !Notification.isSupported()) return;
      const current = locale();
      const { title, body } = noticeText(notice, translator(current), current);
      const notification = new Notification({ title, body });
      const previous = shown.get(notice.accountId);
      shown.set(notice.accountId, notification);
      previous?.close();
      notification.on('click', () => onClick(notice.accountId));
      notification.on('close', () => {
        if (shown.get(notice.accountId) === notification) shown.delete(notice.accountId);
      });
      notification.show();
    },
    dispose() {
      for (const notification of [...shown.values()]) notification.close();
      shown.clear();
    },
  };
}
