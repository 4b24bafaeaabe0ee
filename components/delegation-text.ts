/**
 * How the widgets name delegated administration and the audit trail to people: delegation
 * states, levels (level-texts.ts), audit actions and what an entry was about. One wording on both sides, the
 * partner's customer list and the customer's consent page, in the elements' language.
 */
import type { AuditEntryView, DelegationView } from './api/client.ts';
import { msg, str } from './localize.ts';
import { levelLabel } from './level-texts.ts';
import { formatNumber } from './numbers.ts';

/**
 * The tables below stay records of strings (both widgets read `labels[key]`), but each entry is
 * a getter, so it is looked up in the language of the moment, as a `() => msg(…)` table would be.
 */
function readNow<K extends string>(table: Record<K, () => string>): Record<K, string> {
  const entries = Object.entries<() => string>(table).map(([key, get]) => [key, { get, enumerable: true }]);
  return Object.defineProperties({}, Object.fromEntries(entries)) as Record<K, string>;
}

/** A delegation's state as a badge shows it. */
export const delegationStateLabels: Record<DelegationView['status'], string> = readNow({
  // Its own id: the partner access "None" (sign-in) is another word in German.
  none: () => msg('None', { id: 'delegation-none', desc: 'A delegation state' }),
  pending: () => msg('Requested'),
  active: () => msg('Active'),
  expired: () => msg('Expired'),
  revoked: () => msg('Revoked'),
  declined: () => msg('Declined'),
});

/** What each audit action is called. */
export const auditActionLabels: Record<string, string> = readNow({
  'user.password_reset': () => msg('Password reset'),
  'user.created': () => msg('User added'),
  'user.updated': () => msg('User changed'),
  'subscription.updated': () => msg('Licenses changed'),
  'service_request.created': () => msg('Service request opened'),
  'delegation.requested': () => msg('Delegated admin requested'),
  'delegation.accepted': () => msg('Delegated admin accepted'),
  'delegation.declined': () => msg('Delegated admin declined'),
  'delegation.revoked': () => msg('Delegated admin revoked'),
  'delegation.expired': () => msg('Delegated admin expired'),
});

const count = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value));

/** What an entry was about, in a few words: the user's email, the request's title, the licenses, the level; `''` when nothing says. */
export function auditSubject({ action, details }: AuditEntryView): string {
  const d = details ?? {};
  if (action.startsWith('delegation.')) {
    const level = levelLabel(d.level);
    return String(d.reason).startsWith('replaced') ? msg(str`${level} (replaced by a newer one)`) : level;
  }
  if (typeof d.email === 'string') return d.email;
  if (typeof d.title === 'string') return d.title;
  return d.to === undefined ? '' : msg(str`${String(d.service)}: ${count(d.from)} → ${count(d.to)} licenses`);
}
