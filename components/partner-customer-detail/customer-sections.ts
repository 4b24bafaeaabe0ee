/**
 * What the sections of `<partner-customer-detail>` show: the delegation in a sentence, and each
 * entry of its lists (a subscription, a user, a service request, an audit entry). The element
 * decides which sections and actions are offered; these templates only show an entry.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AuditEntryView, CustomerListItem, DelegationRequestView, DelegationView, RolesView, ServiceRequestView, SubscriptionView, UserView } from '../api/client.ts';
import { outcomeLabels, requestStatusLabels, severityLabels, subscriptionBadge } from '../customer-states.ts';
import { formatDate, formatDateTime } from '../dates.ts';
import { auditActionLabels, auditSubject } from '../delegation-text.ts';
import { levelLabel } from '../level-texts.ts';
import { msg, str } from '../localize.ts';
import { ofName } from '../of-name.ts';
import { licenseCount } from '../numbers.ts';
import { inCatalogue, roleName } from '../role-names.ts';

/** A level inside a sentence ("You asked for full administration"): not the label, whose capital German keeps only for nouns. */
const levelsInSentence: Record<NonNullable<DelegationView['level']>, () => string> = {
  full: () => msg('full administration'),
  limited: () => msg('limited administration'),
};

/** What a customer's delegation means for the partner, in a sentence. */
export function delegationSentence({ name, delegation: d }: CustomerListItem): string {
  const level = d.level ? levelsInSentence[d.level]() : '';
  switch (d.status) {
    case 'none':
      return msg(str`${name} has not given your company delegated administration. Request it to manage its users and open service requests.`);
    case 'pending':
      return msg(str`You asked for ${level}. A global admin of ${name} can answer until ${formatDate(d.requestExpiresAt!)}.`);
    case 'active':
      return d.expiresAt ? msg(str`${name} granted your company ${level} until ${formatDate(d.expiresAt)}.`) : msg(str`${name} granted your company ${level}, with no end date.`);
    case 'expired':
      return msg(str`The ${level} that ${name} granted has ended. Request it again to assist this customer.`);
    case 'revoked':
      return msg(str`${name} revoked your company’s ${level}. You may ask again.`);
    case 'declined':
      return msg(str`${name} declined your company’s ${level}. You may ask again.`);
  }
}

/** The line under the consent link: what it asks for while the state's sentence does not say so. */
export function requestHint(request: DelegationRequestView, pending: boolean): string {
  return pending
    ? msg('A new request replaces this link.')
    : msg(str`${levelLabel(request.level)} requested; they can answer until ${formatDate(request.requestExpiresAt)}. A new request replaces this link.`);
}

export function subscriptionItem(s: SubscriptionView): TemplateResult {
  return html`
    <li part="item">
      <div><span part="name">${s.name}</span> ${subscriptionBadge(s.status)}</div>
      <p part="meta">
        ${[
          licenseCount(s.licenses),
          s.trialEndsAt ? (s.status === 'trial' ? msg(str`trial ends ${formatDate(s.trialEndsAt)}`) : msg(str`trial ended ${formatDate(s.trialEndsAt)}`)) : '',
          s.advisedByYou ? '' : msg('through another advisor'),
        ]
          .filter(Boolean)
          .join(' \u00b7 ')}
      </p>
    </li>
  `;
}

/** A user with its roles (named from `roles`, the catalogue, when loaded) and states; "Reset password" when `onReset` is given. */
export function userItem(u: UserView, roles: RolesView | undefined, onReset: (() => void) | null): TemplateResult {
  return html`
    <li part="item">
      <div>
        <span part="name">${u.displayName}</span>
        ${u.companyRoles.map((r) => html`<span part="badge">${roleName(inCatalogue(roles?.companyRoles, r))}</span>`)}
        ${u.disabled ? html`<span part="badge disabled-badge">${msg('Disabled')}</span>` : nothing}
        ${u.passwordTemporary ? html`<span part="badge temporary-badge">${msg('Must change password')}</span>` : nothing}
      </div>
      <p part="meta">${u.email}</p>
      ${onReset
        ? html`<div part="actions">
            <button type="button" part="button reset" @click=${onReset}>
              ${msg('Reset password')}${ofName(u.displayName)}
            </button>
          </div>`
        : nothing}
    </li>
  `;
}

export function serviceRequestItem(r: ServiceRequestView): TemplateResult {
  const when = formatDateTime(r.createdAt);
  const by = r.openedBy && (r.openedBy.company ? `${r.openedBy.name} (${r.openedBy.company})` : r.openedBy.name);
  return html`
    <li part="item">
      <div><span part="name">${r.title}</span> <span part="badge ${r.severity}">${severityLabels[r.severity]()}</span> <span part="badge">${requestStatusLabels[r.status]()}</span></div>
      <p part="meta">${by ? msg(str`Opened ${when} by ${by}`) : msg(str`Opened ${when}`)}</p>
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
        ${e.outcome === 'success' ? nothing : html`<span part="badge ${e.outcome}">${outcomeLabels[e.outcome]()}</span>`}
      </div>
      <p part="meta">
        <time datetime=${e.at}>${formatDateTime(e.at)}</time> \u00b7
        ${e.actor ? `${e.actor.name ?? e.actor.email}${e.partner.name ? ` (${e.partner.name})` : ''}` : msg('Automatic')}
      </p>
    </li>
  `;
}
