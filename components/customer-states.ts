/**
 * A customer's states as `<partner-customer-list>` (its rows) and `<partner-customer-detail>`
 * show them: delegated admin and subscription badges, and state values as words.
 */
import { html, type TemplateResult } from 'lit';
import type { CustomerListItem, DelegationView } from './api/client.ts';
import { delegationStateLabels } from './delegation-text.ts';

type SubscriptionState = CustomerListItem['subscriptionSummary']['services'][number]['status'];

const subscriptionLabels: Record<SubscriptionState, string> = { trial: 'Trial', active: 'Active', expired_trial: 'Trial expired', cancelled: 'Cancelled' };

/** A state's value as a word: `high` → "High", `in_progress` → "In progress". */
export const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).replace('_', ' ');

/** The delegation's state as a badge carrying it as a second part (`part="badge active"`). */
export function delegationBadge(d: DelegationView): TemplateResult {
  return html`<span part="badge ${d.status}">${delegationStateLabels[d.status]}</span>`;
}

/** A subscription's state as a badge; an ended trial carries `expired`, as the other ended states do. */
export function subscriptionBadge(status: SubscriptionState): TemplateResult {
  return html`<span part="badge ${status === 'expired_trial' ? 'expired' : status}">${subscriptionLabels[status]}</span>`;
}
