/** App-wide choices. Each applies as soon as it changes: there is no Save to forget. */
import type { AppSettings, Language } from '../../shared/types.js';
import { BridgeCallError, unwrap } from '../bridge.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';
import { checkboxField } from '../field.js';
import { updateSection } from './update-section.js';

type Toggle = 'notifications' | 'launchAtLogin' | 'showBalanceInMenuBar';

/** Each language named in itself, so a user lost in the wrong one can still find theirs. */
const LANGUAGE_NAMES: Record<Exclude<Language, 'system'>, { name: string; lang: string }> = {
  en: { name: 'English', lang: 'en' },
  'zh-CN': { name: '简体中文', lang: 'zh-CN' },
};

export function settingsView(ctx: ViewContext): HTMLElement {
  const { t, settings } = ctx;
  const save = async (patch: Partial<AppSettings>) => {
    try {
      const saved = await unwrap(ctx.bridge.setSettings({ patch }));
      ctx.applySettings(saved);
      ctx.announce(t('window.settings.saved'));
    } catch (error) {
      if (error instanceof BridgeCallError) ctx.announceError(error.error);
      else throw error;
    }
  };

  const toggles: Toggle[] = ['notifications', 'launchAtLogin'];
  if (ctx.platform === 'darwin') toggles.push('showBalanceInMenuBar');
  const checkboxes = toggles.map((name) => {
    const field = checkboxField({
      name,
      label: t(`window.settings.${name}`),
      hint: t(`window.settings.${name}Hint`),
      checked: settings[name],
    });
    field.control.setAttribute('data-focus-key', `setting-${name}`);
    field.control.addEventListener('change', () => void save({ [name]: field.control.checked }));
    return field.wrapper;
  });

  const languageId = uniqueId('language');
  const language = h(
    'select',
    { id: languageId, name: 'language', 'data-focus-key': 'setting-language' },
    h('option', { value: 'system', selected: settings.language === 'system' }, t('window.settings.languageSystem')),
    (Object.entries(LANGUAGE_NAMES) as [Exclude<Language, 'system'>, { name: string; lang: string }][]).map(
      ([value, { name, lang }]) => h('option', { value, lang, selected: settings.language === value }, name),
    ),
  );
  language.addEventListener('change', () => void save({ language: language.value as Language }));

  return h(
    'section',
    { class: 'view view-settings', 'data-view': 'settings' },
    h('div', { class: 'view-head' }, h('h1', {}, t('window.nav.settings'))),
    h(
      'div',
      { class: 'settings-list' },
      checkboxes,
      h(
        'div',
        { class: 'field', 'data-field': 'language' },
        h('label', { for: languageId }, t('window.settings.language')),
        language,
      ),
      updateSection(ctx, save),
    ),
  );
}
