/**
 * What the tray menu and the notification say about updates, as pure functions of the status,
 * so the wording is a table test. The items are appended to the tray's own menu before Quit.
 */
import type { Translate } from '../../../shared/i18n/index.js';
import type { UpdateStatus } from '../../../shared/update-status.js';
import type { MenuItemModel, TrayAction } from '../tray-view.js';

export type UpdateCommand = Extract<TrayAction, { type: 'update' }>['command'];

export function updateMenuItems(status: UpdateStatus, t: Translate): MenuItemModel[] {
  const item = (label: string, command: UpdateCommand): MenuItemModel => ({
    type: 'normal',
    label,
    action: { type: 'update', command },
  });
  const items: MenuItemModel[] = [];
  if (status.state === 'downloaded') items.push(item(t('update.menu.restart', { version: status.version }), 'install'));
  if (status.state === 'available' && status.downloadUrl) {
    items.push(item(t('update.menu.download', { version: status.version }), 'open-download'));
  }
  items.push(item(t('update.menu.check'), 'check'));
  return items;
}

/** The tray's menu with the update items inserted just before the last group (Quit). */
export function withUpdateItems(menu: MenuItemModel[], items: MenuItemModel[]): MenuItemModel[] {
  const lastSeparator = menu.map((entry) => entry.type).lastIndexOf('separator');
  if (lastSeparator < 0) return [...menu, { type: 'separator' }, ...items];
  return [...menu.slice(0, lastSeparator), { type: 'separator' }, ...items, ...menu.slice(lastSeparator)];
}

export interface NotificationText {
  title: string;
  body: string;
}

/** The one notification for a version: ready to install, or waiting to be downloaded by hand. */
export function updateNotification(status: UpdateStatus, t: Translate): NotificationText | null {
  if (status.state === 'downloaded') {
    return {
      title: t('update.notification.readyTitle'),
      body: t('update.notification.readyBody', { version: status.version }),
    };
  }
  if (status.state === 'available' && status.mode === 'manual') {
    return {
      title: t('update.notification.manualTitle'),
      body: t('update.notification.manualBody', { version: status.version }),
    };
  }
  return null;
}
