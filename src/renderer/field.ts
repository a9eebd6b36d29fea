/**
 * One labelled form control with its hint and its error line, wired for assistive
 * technology: the label names the control, hint and error describe it, aria-invalid marks it.
 */
import { h, uniqueId, type Attrs } from './dom.js';

export interface FieldHandle<C extends HTMLInputElement | HTMLSelectElement = HTMLInputElement> {
  wrapper: HTMLElement;
  control: C;
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

/**
 * The hint and error lines of a control: both describe it (aria-describedby), and an error
 * also marks it invalid. Returns the two elements to place and the error setter.
 */
function describedBy(control: HTMLInputElement | HTMLSelectElement, id: string, hintText?: string) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const hint = hintText ? h('p', { id: hintId, class: 'field-hint' }, hintText) : null;
  const sync = () => {
    const ids = [hint ? hintId : null, error.hidden ? null : errorId].filter(Boolean).join(' ');
    if (ids) control.setAttribute('aria-describedby', ids);
    else control.removeAttribute('aria-describedby');
  };
  sync();
  const setError = (message: string | null) => {
    error.textContent = message ?? '';
    error.hidden = message === null;
    if (message === null) control.removeAttribute('aria-invalid');
    else control.setAttribute('aria-invalid', 'true');
    sync();
  };
  return { hint, error, setError };
}

export function textField(options: FieldOptions): FieldHandle {
  const id = uniqueId(`field-${options.name}`);
  const control = h('input', {
    id,
    name: options.name,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    ...options.attrs,
  });
  control.value = options.value ?? '';
  const { hint, error, setError } = describedBy(control, id, options.hint);
  const wrapper = h(
    'div',
    { class: 'field', 'data-field': options.name },
    h('label', { for: id }, options.label),
    h(
      'div',
      { class: 'control-row' },
      control,
      options.suffix ? h('span', { class: 'suffix', 'aria-hidden': 'true' }, options.suffix) : null,
    ),
    hint,
    error,
  );
  return { wrapper, control, setError };
}

export function checkboxField(options: { name: string; label: string; checked: boolean; hint?: string }): FieldHandle {
  const id = uniqueId(`field-${options.name}`);
  const control = h('input', { id, name: options.name, type: 'checkbox' });
  control.checked = options.checked;
  const { hint, error, setError } = describedBy(control, id, options.hint);
  const wrapper = h(
    'div',
    { class: 'field field-check', 'data-field': options.name },
    control,
    h('label', { for: id }, options.label),
    hint,
    error,
  );
  return { wrapper, control, setError };
}

/** A choice from a short list (the check interval), with the same label, hint and error wiring. */
export function selectField(options: {
  name: string;
  label: string;
  value: string;
  choices: readonly { value: string; label: string }[];
  hint?: string;
}): FieldHandle<HTMLSelectElement> {
  const id = uniqueId(`field-${options.name}`);
  const control = h(
    'select',
    { id, name: options.name },
    options.choices.map((choice) =>
      h('option', { value: choice.value, selected: choice.value === options.value }, choice.label),
    ),
  );
  const { hint, error, setError } = describedBy(control, id, options.hint);
  const wrapper = h(
    'div',
    { class: 'field', 'data-field': options.name },
    h('label', { for: id }, options.label),
    control,
    hint,
    error,
  );
  return { wrapper, control, setError };
}
