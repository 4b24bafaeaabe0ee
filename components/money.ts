/**
 * Prices in the catalog are integers in a currency's minor unit (cents). These turn them into
 * text in the elements' language; the offer builder and the sign-up widget both show them.
 */

import { getLocale } from './localize.ts';

const formats = new Map<string, Intl.NumberFormat>();

/** The format of `currency` in `locale`, by default the elements' language (localize.ts). */
function formatFor(currency: string, locale = getLocale()): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return format;
}

/** `600, 'USD'` → `$6.00` (en), `6,00 $` (de); the currency's own number of decimals (JPY has none). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const format = formatFor(currency, locale);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export interface PricedLine {
  priceMinor: number;
  currency: string;
  licenses: number;
}

/**
 * The monthly total of some lines, per currency (`$215.00`, or `$20.00 + €5.00` when the catalog
 * mixes currencies); `null` when there is nothing to add up.
 */
export function formatMonthlyTotal(lines: PricedLine[], locale?: string): string | null {
  if (lines.length === 0) return null;
  const byCurrency = new Map<string, number>();
  for (const line of lines) byCurrency.set(line.currency, (byCurrency.get(line.currency) ?? 0) + line.priceMinor * line.licenses);
  return [...byCurrency].map(([currency, minor]) => formatMoney(minor, currency, locale)).join(' + ');
}
