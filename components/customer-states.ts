/**
 * A customer's states as `<partner-customer-list>` (its rows) and `<partner-customer-detail>`
 * show them: delegated admin and subscription badges, and state values as words, in the
 * elements' language.
 */
import { html, type TemplateResult } from 'lit';
import type { AuditEntryView, CustomerListItem, DelegationView, ServiceRequestView } from './api/client.ts';
import { delegationStateLabels } from './delegation-text.ts';
import { msg } from './localize.ts';

type SubscriptionState = CustomerListItem['subscriptionSummary']['services'][number]['status'];

const subscriptionLabels: Record<SubscriptionState, () => string> = {
  trial: () => msg('Trial'),
  active: () => msg('Active'),
  expired_trial: () => msg('Trial expired'),
  cancelled: () => msg('Cancelled'),
};

/** A service request's severity as a word: `high` → "High". */
export const severityLabels: Record<ServiceRequestView['severity'], () => string> = {
  low: () => msg('Low'),
  normal: () => msg('Normal'),
  high: () => msg('High'),
  critical: () => msg('Critical'),
};

/** A service request's state as a word: `in_progress` → "In progress". */
export const requestStatusLabels: Record<ServiceRequestView['status'], () => string> = {
  // Its own id: "Open" is also a verb on buttons.
  open: () => msg('Open', { id: 'service-request-open', desc: 'A service request state' }),
  in_progress: () => msg('In progress'),
  resolved: () => msg('Resolved'),
};

/** How an audited action ended, as a badge says it (a success shows no badge). */
export const outcomeLabels: Record<Exclude<AuditEntryView['outcome'], 'success'>, () => string> = {
  denied: () => msg('Denied'),
  failure: () => msg('Failure'),
};

/** The delegation's state as a badge carrying it as a second part (`part="badge active"`). */
export function delegationBadge(d: DelegationView): TemplateResult {
  return html`<span part="badge ${d.status}">${delegationStateLabels[d.status]}</span>`;
}

/** A subscription's state as a badge; an ended trial carries `expired`, as the other ended states do. */
export function subscriptionBadge(status: SubscriptionState): TemplateResult {
  return html`<span part="badge ${status === 'expired_trial' ? 'expired' : status}">${subscriptionLabels[status]()}</span>`;
}
