/**
 * What the sections of `<partner-customer-detail>` show: the delegation in a sentence, and each
 * entry of its lists (a subscription, a user, a service request, an audit entry). The element
 * decides which sections and actions are offered; these templates only show an entry.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AuditEntryView, CustomerListItem, ServiceRequestView, SubscriptionView, UserView } from '../api/client.ts';
import { capitalized, subscriptionBadge } from '../customer-states.ts';
import { formatDate, formatDateTime } from '../dates.ts';
import { auditActionLabels, auditSubject, levelLabel } from '../delegation-text.ts';

/** What a customer's delegation means for the partner, in a sentence. */
export function delegationSentence({ name, delegation: d }: CustomerListItem): string {
  const level = levelLabel(d.level).toLowerCase();
  switch (d.status) {
    case 'none':
      return `${name} has not given your company delegated administration. Request it to manage its users and open service requests.`;
    case 'pending':
      return `You asked for ${level}. A global admin of ${name} can answer until ${formatDate(d.requestExpiresAt!)}.`;
    case 'active':
      return `${name} granted your company ${level}${d.expiresAt ? ` until ${formatDate(d.expiresAt)}` : ', with no end date'}.`;
    case 'expired':
      return `The ${level} ${name} granted has ended. Request it again to assist this customer.`;
    default:
      return `${name} ${d.status} your company\u2019s ${level}. You may ask again.`;
  }
}

export function subscriptionItem(s: SubscriptionView): TemplateResult {
  return html`
    <li part="item">
      <div><span part="name">${s.name}</span> ${subscriptionBadge(s.status)}</div>
      <p part="meta">
        ${[
          `${s.licenses} ${s.licenses === 1 ? 'license' : 'licenses'}`,
          s.trialEndsAt ? `trial ${s.status === 'trial' ? 'ends' : 'ended'} ${formatDate(s.trialEndsAt)}` : '',
          s.advisedByYou ? '' : 'through another advisor',
        ]
          .filter(Boolean)
          .join(' \u00b7 ')}
      </p>
    </li>
  `;
}

/** A user with its roles (`roleLabel` names them) and states; "Reset password" when `onReset` is given. */
export function userItem(u: UserView, roleLabel: (id: string) => string, onReset: (() => void) | null): TemplateResult {
  return html`
    <li part="item">
      <div>
        <span part="name">${u.displayName}</span>
        ${u.companyRoles.map((r) => html`<span part="badge">${roleLabel(r)}</span>`)}
        ${u.disabled ? html`<span part="badge disabled-badge">Disabled</span>` : nothing}
        ${u.passwordTemporary ? html`<span part="badge temporary-badge">Must change password</span>` : nothing}
      </div>
      <p part="meta">${u.email}</p>
      ${onReset
        ? html`<div part="actions">
            <button type="button" part="button reset" @click=${onReset}>
              Reset password<span class="visually-hidden"> of ${u.displayName}</span>
            </button>
          </div>`
        : nothing}
    </li>
  `;
}

export function serviceRequestItem(r: ServiceRequestView): TemplateResult {
  return html`
    <li part="item">
      <div><span part="name">${r.title}</span> <span part="badge ${r.severity}">${capitalized(r.severity)}</span> <span part="badge">${capitalized(r.status)}</span></div>
      <p part="meta">Opened ${formatDateTime(r.createdAt)}${r.openedBy ? ` by ${r.openedBy.name}${r.openedBy.company ? ` (${r.openedBy.company})` : ''}` : ''}</p>
      <p class="description">${r.description}</p>
    </li>
  `;
}

export function auditItem(e: AuditEntryView): TemplateResult {
  const subject = auditSubject(e);
  return html`
    <li part="item">
      <div>
        <span><span part="name">${auditActionLabels[e.action] ?? e.action}</span>${subject ? `: ${subject}` : ''}</span>
        ${e.outcome === 'success' ? nothing : html`<span part="badge ${e.outcome}">${capitalized(e.outcome)}</span>`}
      </div>
      <p part="meta">
        <time datetime=${e.at}>${formatDateTime(e.at)}</time> \u00b7
        ${e.actor ? `${e.actor.name ?? e.actor.email}${e.partner.name ? ` (${e.partner.name})` : ''}` : 'Automatic'}
      </p>
    </li>
  `;
}
