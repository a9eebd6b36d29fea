/**
 * Counted messages: English says "1 day" but "2 days", Chinese has one form. A plural message
 * is a pair of keys `<base>.one` / `<base>.other`; Intl.PluralRules picks the one to use.
 */
import { translate, type Locale, type MessageKey, type MessageParams } from './index.js';

/** Keys that come as a pair `<base>.one` / `<base>.other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

export function translatePlural(
  locale: Locale,
  base: PluralBase,
  count: number,
  params: MessageParams = {},
  countText: string = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(count),
): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return translate(locale, `${base}.${form}` as MessageKey, { ...params, count: countText });
}
