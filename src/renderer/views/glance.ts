/**
 * Every account at once, most in need of attention first. With several accounts the heading
 * is the answer to "is anything in trouble?"; arrow keys move between cards, Enter opens one.
 */
import { byAttention, needingAttention } from '../../shared/attention.js';
import type { ViewContext } from '../context.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { icon } from '../icons.js';
import { accountCard } from './account-card.js';

export function glanceView(ctx: ViewContext, nowMs: number): HTMLElement {
  const { t, locale } = ctx;
  const accounts = byAttention(ctx.snapshot.accounts, locale);
  const attention = needingAttention(accounts);
  const several = accounts.length > 1;
  const heading = several
    ? attention > 0
      ? plural(locale, 'window.glance.attention', attention)
      : plural(locale, 'window.glance.allFine', accounts.length)
    : t('window.glance.title');
  const list = h(
    'ul',
    { class: 'cards', 'aria-label': t('window.glance.list'), 'aria-describedby': 'glance-keys' },
    accounts.map((account) => h('li', {}, accountCard(ctx, account, nowMs))),
  );
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const cards = [...list.querySelectorAll<HTMLElement>('[data-card]')];
    const current = cards.findIndex((card) => card.contains(document.activeElement));
    if (current === -1) return;
    // Typing in a field would never happen here, but a focused button keeps its arrows for us too.
    event.preventDefault();
    const next = cards[Math.max(0, Math.min(cards.length - 1, current + (event.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  });

  const add = h(
    'button',
    { type: 'button', class: 'button button-quiet', 'data-action': 'add-account', 'data-focus-key': 'glance-add' },
    icon('plus'),
    h('span', {}, t('window.card.addAccount')),
  );
  add.addEventListener('click', () => ctx.navigate({ view: 'accounts', editing: 'new' }));
  const quit = h(
    'button',
    { type: 'button', class: 'button button-quiet', 'data-action': 'quit', 'data-focus-key': 'glance-quit' },
    t('window.card.quit'),
  );
  quit.addEventListener('click', () => void confirmQuit(ctx));
  return h(
    'section',
    { class: 'view view-glance', 'data-view': 'overview', 'data-attention': attention },
    h('h1', { class: several ? 'glance-summary' : 'visually-hidden', 'data-testid': 'aggregate' }, heading),
    h('p', { id: 'glance-keys', class: 'visually-hidden' }, t('window.glance.keys')),
    list,
    h('div', { class: 'glance-foot' }, add, quit),
  );
}

/** Quitting ends monitoring: asked first, as the tray menu's Quit is one deliberate step away. */
async function confirmQuit(ctx: ViewContext): Promise<void> {
  const { t } = ctx;
  const confirmed = await ctx.confirm({
    title: t('window.quit.title'),
    body: t('window.quit.body'),
    confirm: t('window.quit.confirm'),
  });
  if (confirmed) await ctx.bridge.quitApp({});
}
