import { describe, expect, it } from 'vitest';
import { catalogs, resolveLocale, translate, type MessageKey } from '../../src/shared/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(catalogs.en) as MessageKey[];

describe('i18n catalogs', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(catalogs['zh-CN']).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: non-empty in both languages, with the same placeholders', (key) => {
    const en = catalogs.en[key];
    const zh = catalogs['zh-CN'][key];
    expect(en.trim()).not.toBe('');
    expect(zh.trim()).not.toBe('');
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'notice.low.title', { label: 'Main' })).toBe('Main: balance low');
    expect(translate('zh-CN', 'notice.low.title', {})).toBe('{label}：余额不足');
  });

  it('follows the system locale unless the setting says otherwise', () => {
    expect(resolveLocale('system', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('system', 'de-DE')).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
  });
});
