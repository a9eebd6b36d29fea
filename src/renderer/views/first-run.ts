/** No account yet: say what the app needs and where to find it, with the form right there. */
import type { ViewContext } from '../context.js';
import { h } from '../dom.js';
import { accountForm } from './account-form.js';

export function firstRunView(ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  return h(
    'section',
    { class: 'view view-first-run', 'data-view': 'first-run' },
    h('div', { class: 'view-head' }, h('h1', {}, t('window.firstRun.title'))),
    h('p', { class: 'lead' }, t('window.firstRun.intro')),
    accountForm(ctx, {
      account: null,
      cancellable: false,
      onSaved: (added) => ctx.accountAdded(added),
      onCancel: () => undefined,
    }),
  );
}
