/**
 * How the widgets name delegated administration and the audit trail to people: delegation
 * states, levels, audit actions and what an entry was about. One wording on both sides, the
 * partner's customer list and the customer's consent page.
 */
import type { AuditEntryView, DelegationView } from './api/client.ts';

type Level = NonNullable<DelegationView['level']>;

/** A delegation's state as a badge shows it. */
export const delegationStateLabels: Record<DelegationView['status'], string> = {
  none: 'None',
  pending: 'Requested',
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  declined: 'Declined',
};

// Lists and audit details carry only a level's id; these are the labels GET /api/roles serves.
const levelLabels: Record<Level, string> = { full: 'Full administration', limited: 'Limited administration' };

/** A level's label, e.g. "Full administration"; `''` for anything else. */
export const levelLabel = (level: unknown): string => levelLabels[level as Level] ?? '';

/** What each audit action is called. */
export const auditActionLabels: Record<string, string> = {
  'user.password_reset': 'Password reset',
  'user.created': 'User added',
  'user.updated': 'User changed',
  'subscription.updated': 'Licenses changed',
  'service_request.created': 'Service request opened',
  'delegation.requested': 'Delegated admin requested',
  'delegation.accepted': 'Delegated admin accepted',
  'delegation.declined': 'Delegated admin declined',
  'delegation.revoked': 'Delegated admin revoked',
  'delegation.expired': 'Delegated admin expired',
};

/** What an entry was about, in a few words: the user's email, the request's title, the licenses, the level; `''` when nothing says. */
export function auditSubject({ action, details }: AuditEntryView): string {
  const d = details ?? {};
  if (action.startsWith('delegation.')) return levelLabel(d.level) + (String(d.reason).startsWith('replaced') ? ' (replaced by a newer one)' : '');
  if (typeof d.email === 'string') return d.email;
  if (typeof d.title === 'string') return d.title;
  return d.to === undefined ? '' : `${String(d.service)}: ${String(d.from)} → ${String(d.to)} licenses`;
}
