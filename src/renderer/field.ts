/**
 * One labelled form control with its hint and its error line, wired for assistive
 * technology: the label names the control, hint and error describe it, aria-invalid marks it.
 */
import { h, uniqueId, type Attrs } from './dom.js';

export interface FieldHandle {
  wrapper: HTMLElement;
  control: HTMLInputElement;
  setError(message: string | null): void;
}

export interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  /** Shown after the control, e.g. the currency of a threshold. */
  suffix?: string;
  attrs?: Attrs;
}

export function textField(options: FieldOptions): FieldHandle {
  const id = uniqueId(`field-${options.name}`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control = h('input', {
    id,
    name: options.name,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    ...options.attrs,
  });
  control.value = options.value ?? '';
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const hint = options.hint ? h('p', { id: hintId, class: 'field-hint' }, options.hint) : null;
  const describe = () => [hint ? hintId : null, error.hidden ? null : errorId].filter(Boolean).join(' ');
  const sync = () => {
    const describedBy = describe();
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
  };
  sync();
  const wrapper = h(
    'div',
    { class: 'field', 'data-field': options.name },
    h('label', { for: id }, options.label),
    h('div', { class: 'control-row' }, control, options.suffix ? h('span', { class: 'suffix', 'aria-hidden': 'true' }, options.suffix) : null),
    hint,
    error,
  );
  return {
    wrapper,
    control,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      if (message === null) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
      sync();
    },
  };
}

export function checkboxField(options: { name: string; label: string; checked: boolean; hint?: string }): FieldHandle {
  const id = uniqueId(`field-${options.name}`);
  const hintId = `${id}-hint`;
  const control = h('input', { id, name: options.name, type: 'checkbox', 'aria-describedby': options.hint ? hintId : null });
  control.checked = options.checked;
  const error = h('p', { class: 'field-error', hidden: true });
  const wrapper = h(
    'div',
    { class: 'field field-check', 'data-field': options.name },
    control,
    h('label', { for: id }, options.label),
    options.hint ? h('p', { id: hintId, class: 'field-hint' }, options.hint) : null,
    error,
  );
  return {
    wrapper,
    control,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = message === null;
    },
  };
}
