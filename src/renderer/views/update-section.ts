/**
 * The Updates part of Settings: automatic checks, the channel, and one status line that
 * reports what a check found (up to date, available, failed and why). Self-contained: it asks
 * main for the status and follows `update:changed` while it is on screen.
 */
import type { AppSettings, UpdateChannel } from '../../shared/types.js';
import { describeUpdate, type UpdateStatus } from '../../shared/update-status.js';
import { unwrap } from '../bridge.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';
import { checkboxField } from '../field.js';

export function updateSection(ctx: ViewContext, save: (patch: Partial<AppSettings>) => Promise<void>): HTMLElement {
  const { t, settings, bridge } = ctx;
  const auto = checkboxField({
    name: 'autoUpdate',
    label: t('update.settings.autoUpdate'),
    hint: t('update.settings.autoUpdateHint'),
    checked: settings.autoUpdate,
  });
  auto.control.setAttribute('data-focus-key', 'setting-autoUpdate');
  auto.control.addEventListener('change', () => void save({ autoUpdate: auto.control.checked }));

  const channelId = uniqueId('update-channel');
  const channel = h(
    'select',
    { id: channelId, name: 'updateChannel', 'data-focus-key': 'setting-updateChannel' },
    h('option', { value: 'latest', selected: settings.updateChannel === 'latest' }, t('update.settings.channelLatest')),
    h('option', { value: 'beta', selected: settings.updateChannel === 'beta' }, t('update.settings.channelBeta')),
  );
  channel.addEventListener('change', () => void save({ updateChannel: channel.value as UpdateChannel }));

  const line = h('p', { class: 'update-status', role: 'status', 'data-update-state': '' });
  const checkNow = h(
    'button',
    { type: 'button', class: 'button', 'data-action': 'check-updates' },
    t('update.settings.checkNow'),
  );
  const download = h(
    'button',
    { type: 'button', class: 'button', 'data-action': 'open-update-download', hidden: true },
    t('update.settings.download'),
  );
  const show = (status: UpdateStatus) => {
    line.textContent = describeUpdate(status, t);
    line.setAttribute('data-update-state', status.state);
    checkNow.disabled = status.state === 'checking' || status.state === 'unsupported';
    download.hidden = !(status.state === 'available' && status.downloadUrl);
  };
  checkNow.addEventListener('click', () => {
    show({ state: 'checking', mode: 'auto' });
    void unwrap(bridge.checkForUpdates({})).then(show, () => undefined);
  });
  download.addEventListener('click', () => void bridge.openUpdateDownload({}));
  void unwrap(bridge.getUpdateStatus({})).then(show, () => undefined);
  const off = bridge.onUpdateChanged((status) => {
    // The view is rebuilt on navigation and language changes: a detached line stops listening.
    if (!line.isConnected) return off();
    show(status);
  });

  return h(
    'div',
    { class: 'settings-updates', 'data-field': 'updates' },
    h('h2', {}, t('update.settings.heading')),
    auto.wrapper,
    h(
      'div',
      { class: 'field', 'data-field': 'updateChannel' },
      h('label', { for: channelId }, t('update.settings.channel')),
      channel,
    ),
    line,
    h('div', { class: 'control-row' }, checkNow, download),
  );
}
