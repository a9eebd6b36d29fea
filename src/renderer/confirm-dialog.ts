/**
 * A modal question in the page (a native <dialog>), instead of window.confirm: it is
 * translated, styled, keyboard-trapped by the browser, and Escape means "no".
 */
import type { Translate } from '../shared/i18n/index.js';
import type { ConfirmRequest } from './context.js';
import { h, uniqueId } from './dom.js';

export function askConfirmation(request: ConfirmRequest, t: Translate): Promise<boolean> {
  const titleId = uniqueId('confirm-title');
  const bodyId = uniqueId('confirm-body');
  const cancel = h('button', { type: 'button', class: 'button', autofocus: true }, t('window.action.cancel'));
  const confirm = h('button', { type: 'button', class: 'button button-danger' }, request.confirm);
  const dialog = h(
    'dialog',
    { class: 'confirm', 'aria-labelledby': titleId, 'aria-describedby': bodyId },
    h('h2', { id: titleId }, request.title),
    h('p', { id: bodyId }, request.body),
    h('div', { class: 'actions' }, cancel, confirm),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    cancel.addEventListener('click', () => dialog.close('cancel'));
    confirm.addEventListener('click', () => dialog.close('confirm'));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'confirm');
      dialog.remove();
    });
    dialog.showModal();
  });
}
