/**
 * Add or edit one account. The shared rules (validateAccount) run as the user types, so
 * problems show beside the field before main is asked; main checks again and any field
 * errors it returns land in the same places.
 */
import { validateAccount, validateSecret } from '../../shared/account-rules.js';
import { normaliseBaseUrl } from '../../shared/base-url.js';
import { describeFailure } from '../../shared/failure-text.js';
import type { AccountInput, FieldError } from '../../shared/ipc.js';
import { formatMoney } from '../../shared/money.js';
import { POLL_INTERVAL, PRODUCTION_BASE_URL, type AccountSnapshot } from '../../shared/types.js';
import { BridgeCallError, unwrap } from '../bridge.js';
import { whileBusy } from '../busy.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';
import { checkboxField, selectField, textField, type FieldHandle } from '../field.js';
import { plural } from '../format.js';
import { INTERVAL_CHOICES, suggestThresholds } from '../suggest-thresholds.js';
import type { Locale } from '../../shared/i18n/index.js';
import { secretField } from '../secret-field.js';

type InputField = Exclude<keyof AccountInput, 'enabled'>;
type FormField = InputField | 'enabled' | 'secret';

export interface AccountFormOptions {
  /** null: a new account. */
  account: AccountSnapshot | null;
  /** First run has nowhere to go back to. */
  cancellable: boolean;
  onSaved(account: AccountSnapshot): void;
  onCancel(): void;
}

export function accountForm(ctx: ViewContext, options: AccountFormOptions): HTMLElement {
  const { t, bridge } = ctx;
  const { account } = options;
  const currency = () => account?.lastReading?.currency ?? testedCurrency;
  let testedCurrency: string | undefined;

  const label = textField({
    name: 'label',
    label: t('window.form.label'),
    hint: t('window.form.labelHint'),
    value: account?.label ?? '',
    attrs: { maxlength: 64 },
  });
  const appkey = textField({
    name: 'appkey',
    label: t('window.form.appkey'),
    hint: t('window.form.appkeyHint'),
    value: account?.appkey ?? '',
    attrs: { required: true, maxlength: 128 },
  });
  const secret = secretField(ctx, account);
  const currentInterval = account?.pollIntervalSec ?? POLL_INTERVAL.defaultSec;
  const intervals: number[] = [...INTERVAL_CHOICES];
  // An interval set another way (the CLI, an older version) stays selectable as it is.
  if (!intervals.includes(currentInterval)) intervals.push(currentInterval);
  const interval = selectField({
    name: 'pollIntervalSec',
    label: t('window.form.interval'),
    value: String(currentInterval),
    choices: intervals
      .sort((a, b) => a - b)
      .map((seconds) => ({ value: String(seconds), label: intervalLabel(seconds, ctx.locale) })),
  });
  const thresholdAttrs = { inputmode: 'decimal', maxlength: 18 };
  const low = textField({
    name: 'lowThreshold',
    label: t('window.form.low'),
    hint: t('window.form.lowHint'),
    value: account?.lowThreshold ?? '',
    suffix: currency(),
    attrs: thresholdAttrs,
  });
  const critical = textField({
    name: 'criticalThreshold',
    label: t('window.form.critical'),
    hint: t('window.form.criticalHint'),
    value: account?.criticalThreshold ?? '',
    suffix: currency(),
    attrs: thresholdAttrs,
  });
  const enabled = checkboxField({
    name: 'enabled',
    label: t('window.form.enabled'),
    checked: account?.enabled ?? true,
  });
  const baseUrl = textField({
    name: 'baseUrl',
    label: t('window.form.baseUrl'),
    hint: t('window.form.baseUrlHint', { url: PRODUCTION_BASE_URL }),
    value: account?.baseUrl ?? PRODUCTION_BASE_URL,
    attrs: { type: 'url', maxlength: 2048 },
  });
  const advanced = h('details', { class: 'advanced' }, h('summary', {}, t('window.form.advanced')), baseUrl.wrapper);
  if (account && account.baseUrl !== PRODUCTION_BASE_URL) advanced.open = true;

  const thresholdsHint = () =>
    currency()
      ? t('window.form.thresholdsIn', { currency: currency() as string })
      : t('window.form.thresholdsUnknownCurrency');
  const thresholdsHintText = h('p', { class: 'field-hint', id: uniqueId('thresholds-hint') }, thresholdsHint());
  const fields: Record<FormField, Pick<FieldHandle, 'setError'> | FieldHandle<HTMLSelectElement>> = {
    label,
    appkey,
    secret,
    pollIntervalSec: interval,
    lowThreshold: low,
    criticalThreshold: critical,
    enabled,
    baseUrl,
  };
  const focusOf: Partial<Record<FormField, () => void>> = { secret: () => secret.focus() };

  const testResult = h('div', {
    class: 'test-result',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'test-result',
  });
  const testButton = h('button', { type: 'button', class: 'button', 'data-action': 'test' }, t('window.form.test'));
  const saveButton = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-action': 'save' },
    account ? t('window.form.save') : t('window.form.add'),
  );
  const cancelButton = options.cancellable
    ? h('button', { type: 'button', class: 'button button-quiet', 'data-action': 'cancel' }, t('window.action.cancel'))
    : null;
  const headingId = uniqueId('form-title');
  const form = h(
    'form',
    { class: 'account-form', 'aria-labelledby': headingId, novalidate: true },
    h(
      'h2',
      { id: headingId },
      account ? t('window.form.editTitle', { label: account.label }) : t('window.form.addTitle'),
    ),
    h('div', { class: 'form-row' }, label.wrapper, appkey.wrapper),
    secret.wrapper,
    h(
      'fieldset',
      { class: 'thresholds', 'aria-describedby': thresholdsHintText.id },
      h('legend', {}, t('window.form.thresholds')),
      thresholdsHintText,
      h('div', { class: 'form-row' }, low.wrapper, critical.wrapper),
    ),
    h('div', { class: 'form-row form-row-end' }, interval.wrapper, enabled.wrapper),
    advanced,
    h('div', { class: 'actions' }, testButton, saveButton, cancelButton),
    testResult,
  );

  // Errors show for a field once the user has left it (or pressed Save), then follow every keystroke.
  const shown = new Set<FormField>();
  let serverErrors: FieldError[] = [];

  function readInput(): AccountInput {
    const text = (field: FieldHandle | FieldHandle<HTMLSelectElement>) => field.control.value.trim();
    const input: AccountInput = {
      label: text(label) || text(appkey),
      appkey: text(appkey),
      baseUrl: normaliseBaseUrl(baseUrl.control.value),
      pollIntervalSec: text(interval) === '' ? Number.NaN : Number(text(interval)),
      enabled: enabled.control.checked,
    };
    if (text(low)) input.lowThreshold = text(low);
    if (text(critical)) input.criticalThreshold = text(critical);
    return input;
  }

  function problems(): FieldError[] {
    const otherLabels = ctx.snapshot.accounts.filter((other) => other.id !== account?.id).map((other) => other.label);
    // An empty name falls back to the appkey, so "required" belongs to the appkey alone.
    const errors = validateAccount(readInput(), { otherLabels }).filter(
      (error) =>
        !(error.field === 'label' && error.key === 'account.error.required' && label.control.value.trim() === ''),
    );
    const typed = secret.value();
    if (typed) errors.push(...validateSecret(typed));
    return errors;
  }

  function showErrors(errors: readonly FieldError[]): void {
    const byField = new Map<FormField, FieldError>();
    for (const error of [...serverErrors, ...errors]) {
      const field = error.field as FormField;
      if (field in fields && shown.has(field) && !byField.has(field)) byField.set(field, error);
    }
    for (const [name, field] of Object.entries(fields) as [FormField, FieldHandle][]) {
      const error = byField.get(name);
      field.setError(error ? t(error.key, error.params) : null);
    }
    if (byField.has('baseUrl')) advanced.open = true;
  }

  function focusFirst(errors: readonly FieldError[]): void {
    const order: FormField[] = [
      'label',
      'appkey',
      'secret',
      'pollIntervalSec',
      'lowThreshold',
      'criticalThreshold',
      'enabled',
      'baseUrl',
    ];
    const first = order.find((name) => errors.some((error) => error.field === name));
    if (!first) return;
    const focus = focusOf[first];
    if (focus) focus();
    else (fields[first] as FieldHandle).control.focus();
  }

  const revalidate = (name: FormField) => {
    serverErrors = serverErrors.filter((error) => error.field !== name);
    const errors = problems();
    showErrors(errors);
    // "Some fields need attention" is only true while some do.
    if (errors.length === 0 && serverErrors.length === 0) ctx.clearAlert();
  };
  let thresholdsTouched = Boolean(account?.lowThreshold || account?.criticalThreshold);
  for (const field of [low, critical]) field.control.addEventListener('input', () => (thresholdsTouched = true));
  for (const [name, field] of Object.entries(fields) as [FormField, FieldHandle][]) {
    if (name === 'secret') continue;
    field.control.addEventListener('input', () => revalidate(name));
    field.control.addEventListener('blur', () => {
      shown.add(name);
      revalidate(name);
    });
  }
  secret.onInput(() => {
    shown.add('secret');
    revalidate('secret');
  });

  function showSuffix(field: FieldHandle, text: string): void {
    const existing = field.wrapper.querySelector('.suffix');
    if (existing) existing.textContent = text;
    else field.control.after(h('span', { class: 'suffix', 'aria-hidden': 'true' }, text));
  }

  async function testConnection(): Promise<void> {
    const input = readInput();
    const needed = problems().filter((error) => error.field === 'appkey' || error.field === 'baseUrl');
    if (!secret.available()) needed.push({ field: 'secret', key: 'window.form.secretNeeded' });
    if (needed.length > 0) {
      for (const error of needed) shown.add(error.field as FormField);
      showErrors(needed);
      focusFirst(needed);
      return;
    }
    testResult.className = 'test-result';
    testResult.textContent = t('window.form.testing');
    try {
      const typed = secret.value();
      const request = {
        baseUrl: input.baseUrl,
        appkey: input.appkey,
        ...(typed ? { secret: typed } : { accountId: account?.id }),
      };
      const result = await unwrap(bridge.testConnection(request));
      if (result.ok) {
        testedCurrency = result.reading.currency;
        for (const field of [low, critical]) showSuffix(field, result.reading.currency);
        thresholdsHintText.textContent = thresholdsHint();
        const suggested = thresholdsTouched ? null : suggestThresholds(result.reading.balance);
        if (suggested) {
          low.control.value = suggested.low;
          critical.control.value = suggested.critical;
          thresholdsHintText.textContent = `${thresholdsHint()} ${t('window.form.suggested')}`;
          showErrors(problems());
        }
        ctx.clearAlert();
        testResult.className = 'test-result test-ok';
        testResult.textContent = t('window.form.testOk', {
          balance: formatMoney(result.reading.balance, result.reading.currency, ctx.locale),
        });
      } else {
        testResult.className = 'test-result test-failed';
        testResult.textContent = t('window.form.testFailed', { reason: describeFailure(result.failure, t) });
      }
    } catch (error) {
      testResult.className = 'test-result test-failed';
      testResult.textContent =
        error instanceof BridgeCallError
          ? t(error.error.key ?? 'error.internal', error.error.params)
          : t('error.internal');
      if (error instanceof BridgeCallError && error.error.fields) {
        serverErrors = error.error.fields;
        showErrors([]);
      }
    }
  }

  async function save(): Promise<void> {
    for (const name of Object.keys(fields) as FormField[]) shown.add(name);
    serverErrors = [];
    const errors = problems();
    showErrors(errors);
    if (errors.length > 0) {
      ctx.announce(t('error.validation'), 'alert');
      focusFirst(errors);
      return;
    }
    try {
      const input = readInput();
      const typed = secret.value();
      let saved: AccountSnapshot;
      if (account) {
        saved = await unwrap(bridge.updateAccount({ id: account.id, account: input }));
        if (typed) await unwrap(bridge.setSecret({ accountId: account.id, secret: typed }));
      } else {
        saved = await unwrap(bridge.addAccount(typed ? { account: input, secret: typed } : { account: input }));
      }
      ctx.announce(t('window.form.saved', { label: saved.label }));
      options.onSaved(saved);
    } catch (error) {
      if (!(error instanceof BridgeCallError)) throw error;
      if (error.error.fields?.length) {
        serverErrors = error.error.fields;
        showErrors([]);
        focusFirst(serverErrors);
      }
      ctx.announceError(error.error);
    }
  }

  testButton.addEventListener('click', () => void whileBusy(testButton, testConnection));
  cancelButton?.addEventListener('click', () => options.onCancel());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(saveButton, save);
  });
  return form;
}

function intervalLabel(seconds: number, locale: Locale): string {
  if (seconds % 3600 === 0) return plural(locale, 'window.form.intervalHours', seconds / 3600);
  if (seconds % 60 === 0) return plural(locale, 'window.form.intervalMinutes', seconds / 60);
  return plural(locale, 'window.form.intervalSeconds', seconds);
}
