/** The accounts list, and the add/edit form in its place when one is being edited. */
import { formatMoney } from '../../shared/money.js';
import type { AccountSnapshot } from '../../shared/types.js';
import { BridgeCallError, unwrap } from '../bridge.js';
import type { ViewContext } from '../context.js';
import { h } from '../dom.js';
import { statusBadge } from '../status-badge.js';
import { accountForm } from './account-form.js';

export function accountsView(ctx: ViewContext, editing: string | undefined): HTMLElement {
  const { t } = ctx;
  if (editing) {
    const account = editing === 'new' ? null : (ctx.snapshot.accounts.find((a) => a.id === editing) ?? null);
    if (editing === 'new' || account) {
      return h(
        'section',
        { class: 'view view-accounts', 'data-view': 'account-form' },
        accountForm(ctx, {
          account,
          cancellable: true,
          onSaved: (saved) => (account ? ctx.navigate({ view: 'accounts' }) : ctx.accountAdded(saved)),
          onCancel: () => ctx.navigate({ view: 'accounts' }),
        }),
      );
    }
  }
  const add = h(
    'button',
    { type: 'button', class: 'button button-primary', 'data-action': 'add-account', 'data-focus-key': 'add-account' },
    t('window.accounts.add'),
  );
  add.addEventListener('click', () => ctx.navigate({ view: 'accounts', editing: 'new' }));
  const list =
    ctx.snapshot.accounts.length === 0
      ? h('p', {}, t('window.accounts.none'))
      : h(
          'ul',
          { class: 'account-list' },
          ctx.snapshot.accounts.map((account) => accountRow(ctx, account)),
        );
  return h(
    'section',
    { class: 'view view-accounts', 'data-view': 'accounts' },
    h('div', { class: 'view-head' }, h('h1', {}, t('window.nav.accounts')), add),
    list,
  );
}

function accountRow(ctx: ViewContext, account: AccountSnapshot): HTMLElement {
  const { t } = ctx;
  const reading = account.lastReading;
  const edit = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'aria-label': t('window.accounts.editNamed', { label: account.label }),
      'data-focus-key': `edit-${account.id}`,
    },
    t('window.accounts.edit'),
  );
  const remove = h(
    'button',
    {
      type: 'button',
      class: 'button button-danger-quiet',
      'aria-label': t('window.accounts.removeNamed', { label: account.label }),
      'data-focus-key': `remove-${account.id}`,
    },
    t('window.accounts.remove'),
  );
  edit.addEventListener('click', () => ctx.navigate({ view: 'accounts', editing: account.id }));
  remove.addEventListener('click', () => void removeAccount(ctx, account));
  return h(
    'li',
    { class: 'account-row', 'data-account': account.id },
    h(
      'div',
      { class: 'account-main' },
      h('h2', { class: 'account-label' }, account.label),
      h('p', { class: 'account-meta' }, account.appkey),
    ),
    statusBadge(account.status, t),
    h(
      'p',
      { class: 'account-balance' },
      reading ? formatMoney(reading.balance, reading.currency, ctx.locale) : t('window.overview.noReading'),
    ),
    h('div', { class: 'actions' }, edit, remove),
  );
}

export async function removeAccount(ctx: ViewContext, account: AccountSnapshot): Promise<void> {
  const { t } = ctx;
  const confirmed = await ctx.confirm({
    title: t('window.accounts.removeTitle', { label: account.label }),
    body: t('window.accounts.removeBody'),
    confirm: t('window.accounts.remove'),
  });
  if (!confirmed) return;
  try {
    await unwrap(ctx.bridge.removeAccount({ id: account.id }));
    ctx.announce(t('window.accounts.removed', { label: account.label }));
    ctx.navigate({ view: 'accounts' });
  } catch (error) {
    if (error instanceof BridgeCallError) ctx.announceError(error.error);
    else throw error;
  }
}
