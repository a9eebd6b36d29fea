// The small pure pieces of the command line: argument rules, exit status, formatting, language.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/main/cli/args.js';
import { CliError, EXIT, exitFor, worstExit } from '../../src/main/cli/exit.js';
import { jsonFailure, localTime, money } from '../../src/main/cli/format.js';
import { cliLocale } from '../../src/main/cli/locale.js';
import { noticeJson, noticeLine } from '../../src/main/cli/notice-text.js';
import { readFirstLine } from '../../src/main/cli/secret-input.js';
import { translator } from '../../src/shared/i18n/index.js';
import type { FetchFailure } from '../../src/shared/types.js';

const t = translator('en');
const failure = (kind: FetchFailure['kind'], extra: Partial<FetchFailure> = {}): FetchFailure => ({
  kind,
  retryable: false,
  message: 'm',
  at: 0,
  ...extra,
});

describe('parseCommand', () => {
  const options = { json: { type: 'boolean' }, port: { type: 'string' } } as const;
  const parse = (...argv: string[]) => parseCommand({ argv, t }, options, { command: 'x' });

  it('refuses --secret in any spelling, before anything else', () => {
    for (const flag of ['--secret', '--secret=abc']) {
      expect(() => parse(flag, '--nonsense')).toThrow(/never accepted as a command-line argument/);
    }
  });

  it('lets --secret through after "--" as a positional', () => {
    expect(() =>
      parseCommand({ argv: ['--', '--secret'], t }, options, { command: 'x', maxPositionals: 1 }),
    ).not.toThrow();
  });

  it('names unknown options, missing values and unexpected values', () => {
    expect(() => parse('--colour')).toThrow(/Unknown option --colour\. See "eiot-balance x --help"/);
    expect(() => parse('--port')).toThrow(/Option --port needs a value/);
    expect(() => parse('--json=yes')).toThrow(/Option --json takes no value/);
    expect(() => parse('extra')).toThrow(/Unexpected argument "extra"/);
  });

  it('throws usage errors (exit 2)', () => {
    try {
      parse('--colour');
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).status).toBe(EXIT.usage);
    }
  });
});

describe('exit status', () => {
  it('maps failure kinds: api 1, everything else 3', () => {
    expect(exitFor(failure('api'))).toBe(1);
    expect(exitFor(failure('http'))).toBe(3);
    expect(exitFor(failure('network'))).toBe(3);
    expect(exitFor(failure('invalid-response'))).toBe(3);
  });

  it('lets the worst win', () => {
    expect(worstExit([])).toBe(0);
    expect(worstExit([0, 1, 0])).toBe(1);
    expect(worstExit([1, 3, 2])).toBe(3);
  });
});

describe('formatting', () => {
  it('shows money with a plain space and grouping, exactly', () => {
    expect(money('1234.56', 'USD', 'en')).toBe('USD 1,234.56');
    expect(money('-0.05', 'USD', 'en')).toBe('-USD 0.05');
    expect(money('9007199254740.99', 'CNY', 'zh-CN')).toBe('CNY 9,007,199,254,740.99');
    expect(money('123456789012345678.905', 'USD', 'en')).toBe('USD 123,456,789,012,345,678.905');
  });

  it('shows local time as YYYY-MM-DD HH:MM:SS', () => {
    const at = new Date(2026, 10, 28, 10, 15, 2).getTime();
    expect(localTime(at)).toBe('2026-11-28 10:15:02');
  });

  it('keeps the API code in the JSON failure only when there is one', () => {
    expect(jsonFailure(failure('api', { code: '1003', message: '签名错误' }), 'A')).toEqual({
      account: 'A',
      error: { kind: 'api', code: '1003', message: '签名错误' },
    });
    expect(jsonFailure(failure('network'), null)).toEqual({ account: null, error: { kind: 'network', message: 'm' } });
  });
});

describe('language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(cliLocale({})).toBe('en');
    expect(cliLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(cliLocale({ LANG: 'C', LC_MESSAGES: 'zh_TW' })).toBe('zh-CN');
  });
});

describe('notices', () => {
  const notice = {
    accountId: 'id',
    label: 'Shop',
    kind: 'low' as const,
    at: Date.UTC(2026, 0, 1),
    balance: '91.50',
    currency: 'USD',
    threshold: '100.00',
  };

  it('reads as the shared title and body, amounts formatted', () => {
    expect(noticeLine(t, 'en', notice)).toBe(
      '** Shop: balance low. Balance USD 91.50 is below your low threshold of USD 100.00.',
    );
  });

  it('is JSON with exact decimal strings', () => {
    expect(noticeJson(notice)).toEqual({
      event: 'notice',
      account: 'Shop',
      kind: 'low',
      at: '2026-01-01T00:00:00.000Z',
      balance: '91.50',
      currency: 'USD',
      threshold: '100.00',
    });
  });
});

describe('secret from stdin', () => {
  it('takes only the first line, without its line ending', async () => {
    async function* chunks() {
      yield new TextEncoder().encode('s3cr');
      yield 'et\r\nnext line\n';
    }
    expect(await readFirstLine(chunks())).toBe('s3cret');
  });
});
