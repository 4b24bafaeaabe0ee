/**
 * Dates as the widgets show and send them: shown in the elements' language (localize.ts), picked
 * as whole days in the reader's time zone (a date input's `yyyy-mm-dd`).
 */
import { getLocale } from './localize.ts';

const formats = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
/** One formatter per language and kind, made when first needed. */
function format<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, make: (locale: string) => F): F {
  const key = `${getLocale()}|${kind}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = make(getLocale())));
  return found as F;
}

/** An ISO instant as a date, e.g. "Jan 23, 2027" (en), "23.01.2027" (de), "2027/01/23" (ja). */
export const formatDate = (iso: string) => format('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' })).format(new Date(iso));

/** An ISO instant as a date and time, e.g. "Nov 24, 2026, 5:26 AM". */
export const formatDateTime = (iso: string) =>
  format('date-time', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));

/** Today in the reader's time zone as `yyyy-mm-dd` (a date input's value). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The last millisecond of a `yyyy-mm-dd` day in the reader's time zone, as an ISO instant. */
export function endOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 23, 59, 59, 999).toISOString();
}

/**
 * How far an ISO instant is from `now`, e.g. "in 2 days", "tomorrow", "5 days ago"; in hours
 * when less than a day away. Rounded to the nearest whole unit.
 */
export function formatRelative(iso: string, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  const hours = Math.round(ms / 3_600_000);
  const relativeFormat = format('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }));
  return Math.abs(hours) < 24 ? relativeFormat.format(hours, 'hour') : relativeFormat.format(Math.round(ms / 86_400_000), 'day');
}
