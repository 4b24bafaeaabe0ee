/**
 * Counts in the elements' language (localize.ts): the number itself through `Intl.NumberFormat`
 * (`1,234`, `1.234`), and the sentence chosen by `Intl.PluralRules`, so a language with other
 * plural forms than English (none in Japanese; `few` and `many` elsewhere) gets its own.
 *
 *   plural(n, { one: () => msg('One customer'), other: () => msg(str`${formatNumber(n)} customers`) })
 *
 * The forms are functions so that only the chosen message is looked up, and each is a whole
 * `msg()` the extractor sees; a form the language needs but the caller lacks falls back to `other`.
 */
import { getLocale, msg, str } from './localize.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();
const percentFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, make: (locale: string) => T): T {
  const locale = getLocale();
  let found = cache.get(locale);
  if (!found) cache.set(locale, (found = make(locale)));
  return found;
}

/** `1234` → `1,234` (en), `1.234` (de), `1,234` (ja). */
export const formatNumber = (n: number) => cached(numberFormats, (l) => new Intl.NumberFormat(l)).format(n);

/** A share as a percentage, e.g. `0.25` → `25%` (en), `25 %` (de). */
export const formatPercent = (share: number) => cached(percentFormats, (l) => new Intl.NumberFormat(l, { style: 'percent' })).format(share);

type Forms = Partial<Record<Intl.LDMLPluralRule, () => string>> & { other: () => string };

/** The form of `forms` that the current language uses for `n`. */
export function plural(n: number, forms: Forms): string {
  return (forms[cached(pluralRules, (l) => new Intl.PluralRules(l)).select(n)] ?? forms.other)();
}

/** `12` → `12 licenses` (en), `12 Lizenzen` (de), `12ライセンス` (ja): every widget that counts licenses says it so. */
export function licenseCount(n: number): string {
  const count = formatNumber(n);
  return plural(n, { one: () => msg(str`${count} license`), other: () => msg(str`${count} licenses`) });
}
