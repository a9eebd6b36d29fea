/**
 * Marks a button busy while its action runs. aria-disabled rather than `disabled`: a
 * disabled button drops keyboard focus to the page, and a keyboard user would lose their place.
 */
export async function whileBusy(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  try {
    await action();
  } finally {
    button.removeAttribute('aria-disabled');
  }
}
