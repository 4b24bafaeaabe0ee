/**
 * Dates as the widgets show and send them: shown in the reader's locale, picked as whole days
 * in the reader's time zone (a date input's `yyyy-mm-dd`).
 */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO instant as a date, e.g. "Jan 23, 2027". */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** An ISO instant as a date and time, e.g. "Nov 24, 2026, 5:26 AM". */
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

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

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/**
 * How far an ISO instant is from `now`, e.g. "in 2 days", "tomorrow", "5 days ago"; in hours
 * when less than a day away. Rounded to the nearest whole unit.
 */
export function formatRelative(iso: string, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  const hours = Math.round(ms / 3_600_000);
  return Math.abs(hours) < 24 ? relativeFormat.format(hours, 'hour') : relativeFormat.format(Math.round(ms / 86_400_000), 'day');
}
