/**
 * Every user-facing string comes from here. Each area of the app keeps its own catalog file
 * (`catalog-<area>.ts`) whose Chinese half is typed against its English half, so a key
 * missing in either language fails the type-check; a test checks the placeholders match.
 */
import type { Language } from '../types.js';
import * as account from './catalog-account.js';
import * as cli from './catalog-cli.js';
import * as cliOps from './catalog-cli-ops.js';
import * as common from './catalog-common.js';
import * as failure from './catalog-failure.js';
import * as serve from './catalog-serve.js';
import * as shell from './catalog-shell.js';
import * as tray from './catalog-tray.js';
import * as update from './catalog-update.js';
import * as window from './catalog-window.js';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

const en = {
  ...common.en,
  ...failure.en,
  ...tray.en,
  ...cli.en,
  ...window.en,
  ...account.en,
  ...shell.en,
  ...update.en,
  ...cliOps.en,
  ...serve.en,
};
const zhCN: Record<keyof typeof en, string> = {
  ...common.zhCN,
  ...failure.zhCN,
  ...tray.zhCN,
  ...cli.zhCN,
  ...window.zhCN,
  ...account.zhCN,
  ...shell.zhCN,
  ...update.zhCN,
  ...cliOps.zhCN,
  ...serve.zhCN,
};

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The setting wins; "system" follows the OS locale, Chinese for any zh-* locale. */
export function resolveLocale(language: Language, systemLocale: string): Locale {
  if (language !== 'system') return language;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one locale, the shape UI code passes around. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
