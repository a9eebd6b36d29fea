/**
 * The command line speaks the terminal's language: POSIX precedence, LC_ALL over
 * LC_MESSAGES over LANG, and any zh* locale means Chinese.
 */
import { resolveLocale, type Locale } from '../../shared/i18n/index.js';
import type { Env } from './io.js';

export function cliLocale(env: Env): Locale {
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
  return resolveLocale('system', system);
}

/** BCP 47 tag for Intl: the catalog locales already are one. */
export function intlLocale(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US';
}
