import { describe, expect, it } from 'vitest';
import {
  normaliseAccount,
  validateAccount,
  validateSecret,
  validateSettingsPatch,
} from '../../src/shared/account-rules.js';
import { catalogs, type MessageKey } from '../../src/shared/i18n/index.js';
import type { AccountInput, FieldError } from '../../src/shared/ipc.js';
import type { AppSettings } from '../../src/shared/types.js';

const valid: AccountInput = {
  label: 'Shop',
  appkey: 'demo-appkey-01',
  baseUrl: 'https://oapi.eiotclub.com',
  pollIntervalSec: 300,
  lowThreshold: '100.00',
  criticalThreshold: '20',
  enabled: true,
};

const problems = (errors: FieldError[]) => errors.map(({ field, key }) => `${field}:${key}`);

describe('validateAccount', () => {
  it('accepts a complete account, and one without thresholds', () => {
    expect(validateAccount(valid)).toEqual([]);
    expect(validateAccount({ ...valid, lowThreshold: undefined, criticalThreshold: '' })).toEqual([]);
    expect(validateAccount({ ...valid, baseUrl: 'http://127.0.0.1:8787' })).toEqual([]);
  });

  it.each<[string, Partial<AccountInput>, string[]]>([
    ['empty label', { label: '   ' }, ['label:account.error.required']],
    ['long label', { label: 'x'.repeat(65) }, ['label:account.error.tooLong']],
    ['64-char label is fine', { label: '标'.repeat(64) }, []],
    ['empty appkey', { appkey: '' }, ['appkey:account.error.required']],
    ['appkey with a space', { appkey: 'demo key' }, ['appkey:account.error.appkeySpaces']],
    ['long appkey', { appkey: 'k'.repeat(129) }, ['appkey:account.error.tooLong']],
    ['empty base URL', { baseUrl: '' }, ['baseUrl:account.error.required']],
    ['not a URL', { baseUrl: 'oapi.eiotclub.com' }, ['baseUrl:account.error.baseUrl.invalid']],
    [
      'plain http to a remote host',
      { baseUrl: 'http://oapi.eiotclub.com' },
      ['baseUrl:account.error.baseUrl.insecure'],
    ],
    ['ftp', { baseUrl: 'ftp://example.com' }, ['baseUrl:account.error.baseUrl.scheme']],
    ['credentials in URL', { baseUrl: 'https://u:p@example.com' }, ['baseUrl:account.error.baseUrl.credentials']],
    ['query in URL', { baseUrl: 'https://example.com/?a=1' }, ['baseUrl:account.error.baseUrl.query']],
    ['interval below 60', { pollIntervalSec: 59 }, ['pollIntervalSec:account.error.interval']],
    ['interval above a day', { pollIntervalSec: 86_401 }, ['pollIntervalSec:account.error.interval']],
    ['fractional interval', { pollIntervalSec: 60.5 }, ['pollIntervalSec:account.error.interval']],
    ['interval bounds are inclusive', { pollIntervalSec: 60 }, []],
    ['three decimals are an amount', { lowThreshold: '100.005' }, []],
    ['an exponent', { lowThreshold: '1e3' }, ['lowThreshold:account.error.thresholdFormat']],
    ['a word', { criticalThreshold: 'ten' }, ['criticalThreshold:account.error.thresholdFormat']],
    ['negative', { lowThreshold: '-1' }, ['lowThreshold:account.error.thresholdNegative']],
    [
      'critical above low',
      { lowThreshold: '10', criticalThreshold: '10.01' },
      ['criticalThreshold:account.error.criticalAboveLow'],
    ],
    ['critical equal to low', { lowThreshold: '10', criticalThreshold: '10.00' }, []],
    ['zero thresholds', { lowThreshold: '0', criticalThreshold: '0' }, []],
    ['critical only', { lowThreshold: undefined, criticalThreshold: '5' }, []],
  ])('%s', (_name, change, expected) => {
    expect(problems(validateAccount({ ...valid, ...change }))).toEqual(expected);
  });

  it('reports every broken field at once', () => {
    const errors = validateAccount({ ...valid, label: '', appkey: '', baseUrl: 'http://x.com', pollIntervalSec: 1 });
    expect(errors.map((error) => error.field)).toEqual(['label', 'appkey', 'baseUrl', 'pollIntervalSec']);
  });

  it('rejects a label another account has, ignoring case and spaces', () => {
    expect(problems(validateAccount(valid, { otherLabels: [' shop '] }))).toEqual(['label:account.error.labelTaken']);
    expect(validateAccount(valid, { otherLabels: ['Shop 2'] })).toEqual([]);
  });

  it('gives the bounds as message parameters', () => {
    expect(validateAccount({ ...valid, pollIntervalSec: 5 })[0]?.params).toEqual({ min: 60, max: 86_400 });
  });
});

describe('normaliseAccount', () => {
  it('trims, drops a trailing slash and blank thresholds, and writes amounts canonically', () => {
    expect(
      normaliseAccount({
        ...valid,
        label: ' Shop ',
        baseUrl: 'https://a.example/api/ ',
        lowThreshold: '100',
        criticalThreshold: ' ',
      }),
    ).toEqual({
      label: 'Shop',
      appkey: 'demo-appkey-01',
      baseUrl: 'https://a.example/api',
      pollIntervalSec: 300,
      lowThreshold: '100.00',
      enabled: true,
    });
  });
});

describe('validateSecret', () => {
  it.each([
    ['', ['secret:account.error.required']],
    ['s', []],
    ['s'.repeat(512), []],
    ['s'.repeat(513), ['secret:account.error.tooLong']],
  ])('%#', (secret, expected) => {
    expect(problems(validateSecret(secret))).toEqual(expected);
  });
});

describe('validateSettingsPatch', () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ notifications: false, language: 'zh-CN', forecastWarnDays: 0 }, []],
    [{ notifications: 'yes' }, ['notifications:account.error.boolean']],
    [{ launchAtLogin: 1 }, ['launchAtLogin:account.error.boolean']],
    [{ language: 'fr' }, ['language:account.error.language']],
    [{ forecastWarnDays: 366 }, ['forecastWarnDays:account.error.forecastDays']],
    [{ forecastWarnDays: 2.5 }, ['forecastWarnDays:account.error.forecastDays']],
    [
      { forecastWarnDays: -1, showBalanceInMenuBar: null },
      ['showBalanceInMenuBar:account.error.boolean', 'forecastWarnDays:account.error.forecastDays'],
    ],
  ])('%j', (patch, expected) => {
    expect(problems(validateSettingsPatch(patch as Partial<AppSettings>))).toEqual(expected);
  });
});

describe('account messages', () => {
  it('exist in both languages for every key the rules can produce', () => {
    const keys: MessageKey[] = [
      ...validateAccount({
        ...valid,
        label: '',
        appkey: 'a b',
        baseUrl: 'x',
        pollIntervalSec: 0,
        lowThreshold: '-1',
        criticalThreshold: 'z',
      }),
      ...validateSettingsPatch({ language: 'x' } as unknown as Partial<AppSettings>),
    ].map((error) => error.key);
    for (const key of keys) {
      expect(catalogs.en[key]).toBeTruthy();
      expect(catalogs['zh-CN'][key]).toBeTruthy();
    }
    const accountKeys = Object.keys(catalogs.en).filter((key) => key.startsWith('account.')) as MessageKey[];
    for (const key of accountKeys) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(catalogs['zh-CN'][key])).toEqual(placeholders(catalogs.en[key]));
    }
  });
});
