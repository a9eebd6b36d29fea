/**
 * What the tray menu and the notification say about updates, as pure functions of the status,
 * so the wording is a table test. The items are appended to the tray's own menu before Quit.
 */
import type { Translate } from '../../../shared/i18n/index.js';
import type { UpdateStatus } from '../../../shared/update-status.js';
import type { MenuItemModel, TrayAction, TrayView } from '../tray-view.js';

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

/** The tray's view with the update items in their own group just before the last one (Quit). */
export function withUpdateItems(view: TrayView, items: MenuItemModel[]): TrayView {
  const { menu } = view;
  const lastSeparator = menu.map((entry) => entry.type).lastIndexOf('separator');
  const at = lastSeparator < 0 ? menu.length : lastSeparator;
  return { ...view, menu: [...menu.slice(0, at), { type: 'separator' }, ...items, ...menu.slice(at)] };
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
