/**
 * The write-only secret. The window never receives a stored secret, only `hasSecret`: once
 * stored the field says where it lives and offers Replace and Remove, never the value.
 */
import type { AccountSnapshot } from '../shared/types.js';
import { BridgeCallError, unwrap } from './bridge.js';
import type { ViewContext } from './context.js';
import { h, uniqueId } from './dom.js';
import { textField, type FieldHandle } from './field.js';

export interface SecretFieldHandle {
  wrapper: HTMLElement;
  /** What the user typed; empty when they kept the stored one. */
  value(): string;
  /** A secret is stored or typed: enough for a test call. */
  available(): boolean;
  setError(message: string | null): void;
  focus(): void;
  onInput(listener: () => void): void;
}

export function secretField(ctx: ViewContext, account: AccountSnapshot | null): SecretFieldHandle {
  const { t } = ctx;
  let stored = account?.hasSecret ?? false;
  let replacing = false;
  let input: FieldHandle | null = null;
  let pendingError: string | null = null;
  const inputListeners: (() => void)[] = [];
  const wrapper = h('div', { class: 'secret' });

  const storedWhere = () => (account?.secretSessionOnly ? t('window.secret.sessionOnly') : t('window.secret.stored'));

  function render(focus: 'input' | 'replace' | null): void {
    input = null;
    if (stored && !replacing) {
      const labelId = uniqueId('secret-label');
      const replace = h(
        'button',
        { type: 'button', class: 'button', 'data-action': 'replace-secret' },
        t('window.secret.replace'),
      );
      const remove = h(
        'button',
        { type: 'button', class: 'button button-danger-quiet', 'data-action': 'remove-secret' },
        t('window.secret.remove'),
      );
      replace.addEventListener('click', () => {
        replacing = true;
        render('input');
      });
      remove.addEventListener('click', () => void removeStored());
      wrapper.replaceChildren(
        h(
          'div',
          { class: 'field', 'data-field': 'secret', role: 'group', 'aria-labelledby': labelId },
          h('span', { id: labelId, class: 'label' }, t('window.form.secret')),
          h('p', { class: 'secret-stored' }, storedWhere()),
          h('div', { class: 'actions' }, replace, remove),
        ),
      );
      if (focus === 'replace') replace.focus();
      return;
    }
    input = textField({
      name: 'secret',
      label: replacing ? t('window.secret.new') : t('window.form.secret'),
      hint: t('window.secret.hint'),
      attrs: { type: 'password', autocomplete: 'new-password' },
    });
    input.control.addEventListener('input', () => inputListeners.forEach((listener) => listener()));
    input.setError(pendingError);
    const children: Node[] = [input.wrapper];
    if (replacing) {
      const keep = h(
        'button',
        { type: 'button', class: 'button button-quiet', 'data-action': 'keep-secret' },
        t('window.secret.keep'),
      );
      keep.addEventListener('click', () => {
        replacing = false;
        render('replace');
      });
      children.push(h('div', { class: 'actions' }, keep));
    }
    wrapper.replaceChildren(...children);
    if (focus === 'input') input.control.focus();
  }

  async function removeStored(): Promise<void> {
    if (!account) return;
    const confirmed = await ctx.confirm({
      title: t('window.secret.removeTitle'),
      body: t('window.secret.removeBody', { label: account.label }),
      confirm: t('window.secret.remove'),
    });
    if (!confirmed) return;
    try {
      await unwrap(ctx.bridge.removeSecret({ accountId: account.id }));
      stored = false;
      render('input');
      ctx.announce(t('window.secret.removed'));
    } catch (error) {
      if (error instanceof BridgeCallError) ctx.announceError(error.error);
      else throw error;
    }
  }

  render(null);
  return {
    wrapper,
    value: () => input?.control.value ?? '',
    available: () => (input?.control.value ?? '') !== '' || stored,
    setError(message) {
      pendingError = message;
      input?.setError(message);
    },
    focus() {
      if (input) input.control.focus();
      else wrapper.querySelector<HTMLButtonElement>('button')?.focus();
    },
    onInput(listener) {
      inputListeners.push(listener);
    },
  };
}
