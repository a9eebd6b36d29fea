import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/shared/i18n/index.js';
import { en, zhCN } from '../../src/shared/i18n/catalog-window.js';

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the window catalog', () => {
  it('has every key it uses, in English and Chinese', () => {
    const used = new Set<string>();
    for (const file of sources('src/renderer')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'((?:window|status|error|account)\.[\w.-]+)'/g))
        used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const used_ of used) {
      // A plural message is used by its base name and kept as `<base>.one` / `<base>.other`.
      const keys = used_ in catalogs.en ? [used_] : [`${used_}.one`, `${used_}.other`];
      for (const key of keys) {
        expect(catalogs.en, key).toHaveProperty([key]);
        expect(catalogs['zh-CN'], key).toHaveProperty([key]);
      }
    }
  });

  it('uses the same placeholders in both languages, and every Chinese text is translated', () => {
    for (const [key, text] of Object.entries(en)) {
      const chinese = zhCN[key as keyof typeof en];
      expect(placeholders(chinese), key).toEqual(placeholders(text));
      if (!/^(window\.form\.appkey)$/.test(key)) expect(chinese, key).not.toBe(text);
    }
  });

  it('keeps the brand "EIOT Balance" in every language', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      expect(catalog['app.name'], locale).toBe('EIOT Balance');
      for (const [key, text] of Object.entries(catalog)) {
        expect(text, `${locale} ${key}`).not.toMatch(/EIOT\s*余额/);
        // The Nagios plugin's status line ("EIOT BALANCE OK - …") is a format, not the brand.
        const prose = text.replace(/EIOT BALANCE (OK|WARNING|CRITICAL|UNKNOWN)/g, '');
        if (/EIOT\s/.test(prose)) expect(text, `${locale} ${key}`).toMatch(/EIOT Balance/);
      }
    }
  });

  it('says 预警线 and 紧急线 for the thresholds in Chinese, as operations staff do', () => {
    expect(zhCN['window.form.low']).toBe('预警线');
    expect(zhCN['window.form.critical']).toBe('紧急线');
    expect(catalogs['zh-CN']['status.low']).toBe('余额不足');
    // No hint that just repeats its label.
    for (const key of ['window.form.low', 'window.form.critical'] as const) {
      expect(zhCN[`${key}Hint`]).not.toContain(zhCN[key]);
    }
  });
});
