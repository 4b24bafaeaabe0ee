/**
 * One offer in `<partner-offer-builder>`'s list: its title, state, dates, sign-ups and
 * conversions, "Copy link" and "Revoke" with its confirmation. The builder keeps the state and
 * does the work; this only shows it. A part the builder loads while its list's first page is on
 * the way (load-part.ts), so a page that never shows the list does not load it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OfferView } from '../api/client.ts';
import { busyButton } from '../busy.ts';
import { formatDate } from '../dates.ts';
import { msg, str } from '../localize.ts';
import { formatNumber, plural } from '../numbers.ts';

export interface ListedOffer {
  offer: OfferView;
  /** Its name, or what it contains. */
  title: string;
  /** Its kind, contents and what it asks for. */
  summary: string;
  /** Its state, in words. */
  statusLabel: string;
  /** How its link was last copied: to the clipboard, or selected for the person to copy. */
  copied: 'clipboard' | 'manual' | null;
  /** "Revoke" was pressed and waits for its confirmation. */
  confirming: boolean;
  revoking: boolean;
  onCopy: () => void;
  onAskRevoke: () => void;
  onCancelRevoke: () => void;
  onRevoke: () => void;
}

/**
 * The list item; its heading has the id `offer-<id>-title`, the confirmation `confirm-<id>`, the
 * link's input `url-<id>` and the revoke button `revoke-<id>`, for the builder's focus moves.
 */
export function offerListItem(v: ListedOffer): TemplateResult {
  const { offer, copied } = v;
  const n = formatNumber(offer.redemptions);
  const signedUp = plural(offer.redemptions, { one: () => msg(str`${n} customer signed up`), other: () => msg(str`${n} customers signed up`) });
  const converted = formatNumber(offer.conversions);
  const dates = [
    msg(str`Created ${formatDate(offer.createdAt)}`),
    offer.revokedAt
      ? msg(str`revoked ${formatDate(offer.revokedAt)}`)
      : offer.expiresAt && (offer.status === 'expired' ? msg(str`expired ${formatDate(offer.expiresAt)}`) : msg(str`expires ${formatDate(offer.expiresAt)}`)),
  ];
  return html`
    <li part="offer" aria-labelledby="offer-${offer.id}-title">
      <div class="offer-head">
        <h3 part="offer-title" id="offer-${offer.id}-title">${v.title}</h3>
        <span part="badge ${offer.status}">${v.statusLabel}</span>
      </div>
      <p part="offer-meta">
        ${v.summary}
      </p>
      <p part="offer-meta">
        ${dates.filter(Boolean).join(' · ')}
      </p>
      <p part="redemptions">
        ${offer.conversions
          ? plural(offer.conversions, {
              one: () => msg(str`${signedUp}, ${converted} trial converted`),
              other: () => msg(str`${signedUp}, ${converted} trials converted`),
            })
          : signedUp}
      </p>
      ${copied === 'manual' ? html`<input part="input url" id="url-${offer.id}" readonly .value=${offer.url} aria-label=${msg(str`Link of ${v.title}`)} />` : nothing}
      ${v.confirming
        ? html`
            <div class="confirm" role="group" aria-labelledby="confirm-${offer.id}">
              <p id="confirm-${offer.id}">${msg('Revoke this offer? Nobody can sign up with its link any more; customers who already did keep their services.')}</p>
              <div part="actions">
                ${busyButton('danger', msg('Revoke offer'), v.revoking && msg('Revoking…'), v.onRevoke)}
                <button type="button" part="button" @click=${v.onCancelRevoke}>${msg('Keep it')}</button>
              </div>
            </div>
          `
        : html`
            <div part="actions">
              <button type="button" part="button" aria-describedby="offer-${offer.id}-title" @click=${v.onCopy}>${msg('Copy link')}</button>
              ${offer.status === 'active'
                ? html`<button type="button" part="button" id="revoke-${offer.id}" aria-describedby="offer-${offer.id}-title" @click=${v.onAskRevoke}>${msg('Revoke')}</button>`
                : nothing}
              <span part="status" role="status">${copied === 'clipboard' ? msg('Copied.') : copied === 'manual' ? msg('Selected: press Ctrl+C to copy.') : ''}</span>
            </div>
          `}
    </li>
  `;
}
