/**
 * An account's state as icon + word. The colour helps, but the shape and the text carry the
 * meaning, so it reads the same to someone who cannot tell red from green.
 */
import type { Translate } from '../shared/i18n/index.js';
import type { AccountStatus } from '../shared/types.js';
import { h, s } from './dom.js';

/** One 16x16 path per state, each a different shape. */
const ICONS: Record<AccountStatus, string> = {
  ok: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-1.2 10.2L3.6 8l1.2-1.2 2 2 4.4-4.4 1.2 1.2z',
  low: 'M8 1 15 14H1zm-.9 4.5v4h1.8v-4zm0 5.3v1.8h1.8v-1.8z',
  critical: 'M5 1h6l4 4v6l-4 4H5l-4-4V5zm2.1 3v5h1.8V4zm0 6.3v1.8h1.8v-1.8z',
  error:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM5.2 4 8 6.8 10.8 4 12 5.2 9.2 8l2.8 2.8-1.2 1.2L8 9.2 5.2 12 4 10.8 6.8 8 4 5.2z',
  stale:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.8a5.2 5.2 0 1 1 0 10.4A5.2 5.2 0 0 1 8 2.8zM7.1 4v4.6l3.4 2 .9-1.5-2.5-1.5V4z',
  paused: 'M3 2h3.5v12H3zm6.5 0H13v12H9.5z',
  loading: 'M2 7h3v2H2zm4.5 0h3v2h-3zM11 7h3v2h-3z',
  unconfigured:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.9 10h1.8v1.8H7.1zM8 3.5c1.7 0 3 1.1 3 2.6 0 1.2-.8 1.8-1.5 2.3-.5.3-.6.5-.6 1v.3H7.1v-.4c0-1 .5-1.5 1.1-1.9.5-.3.9-.6.9-1.2 0-.6-.5-1-1.1-1s-1.2.5-1.2 1.2H5c0-1.7 1.3-2.9 3-2.9z',
};

export function statusBadge(status: AccountStatus, t: Translate): HTMLElement {
  return h(
    'span',
    { class: `status status-${status}`, 'data-status': status },
    s(
      'svg',
      { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' },
      s('path', { d: ICONS[status] }),
    ),
    h('span', { class: 'status-text' }, t(`status.${status}`)),
  );
}
