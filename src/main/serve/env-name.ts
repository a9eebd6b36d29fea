/**
 * `EIOT_SECRET_<NAME>` from an id or label: upper-cased, every run of characters outside
 * A-Z and 0-9 becomes one `_`, no `_` at either end ("Shop EU-2" -> EIOT_SECRET_SHOP_EU_2).
 */
export const SECRET_ENV_PREFIX = 'EIOT_SECRET_';

export function envName(idOrLabel: string): string | null {
  const core = idOrLabel
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return core ? SECRET_ENV_PREFIX + core : null;
}
