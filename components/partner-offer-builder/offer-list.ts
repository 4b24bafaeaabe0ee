/**
 * `<partner-offer-builder>`'s list of offers: its pages ("Load more"), the status and type
 * filters, and each offer with its state, dates, sign-ups and conversions, "Copy link" and
 * "Revoke" with its confirmation. The builder keeps the state and does the work; this shows it.
 * A part the builder loads once the user may see offers (load-part.ts): the form shows first,
 * and the list's code comes while the builder asks for the catalog.
 */
import { TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OfferView } from '../api/client.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { formatDate } from '../dates.ts';
import { errorAlert, errorText } from '../error-messages.ts';
import { msg, str } from '../localize.ts';
import { formatNumber, plural } from '../numbers.ts';
import { loadMoreControls, PagedList, type PageLoader } from '../paged-list.ts';
import { selectField } from '../select-field.ts';

/** The builder's pages of offers (a new filter or session starts again from the first page). */
export const offerPages = <A extends readonly unknown[]>(host: ReactiveControllerHost, args: () => A, load: PageLoader<A, OfferView>) =>
  new PagedList<OfferView, A>(host, args, load);

export interface OfferListView {
  list: PagedList<OfferView, readonly unknown[]>;
  /** The filters' values and choices (`''`: all). */
  status: string;
  kind: string;
  statusOptions: [string, string][];
  kindOptions: [string, string][];
  onStatus: (value: string) => void;
  onKind: (value: string) => void;
  onRefresh: () => void;
  /** Why the last revocation failed. */
  revokeError: unknown;
  item: (offer: OfferView) => ListedOffer;
}

/** The list's card; its heading has the id `list-title`. */
export function offerList(v: OfferListView): TemplateResult {
  const { status, error } = v.list.first;
  const loaded = status === TaskStatus.COMPLETE;
  const offers = v.list.items;
  const filtered = v.status !== '' || v.kind !== '';
  return html`
    <section part="card list" aria-labelledby="list-title">
      <h2 id="list-title" part="title">${msg('Your offers')}</h2>
      <div part="filters">
        ${selectField('status-filter', msg('Show status'), v.statusOptions, v.status, v.onStatus)}
        ${selectField('kind-filter', msg('Show type'), v.kindOptions, v.kind, v.onKind)}
        <button type="button" part="button refresh" @click=${v.onRefresh}>${msg('Refresh')}</button>
      </div>
      ${status === TaskStatus.ERROR
        ? html`
            <div part="error" role="alert" class="shown">${msg('Could not load your offers.')} ${errorText(error)}</div>
            <div part="actions"><button type="button" part="button" @click=${v.onRefresh}>${msg('Try again')}</button></div>
          `
        : offers.length
          ? html`<ul class="offers" role="list" aria-busy=${loaded ? 'false' : 'true'}>${offers.map((o) => offerListItem(v.item(o)))}</ul>`
          : loaded
            ? html`<p part="intro">${filtered ? msg('No offers match these filters.') : msg('No offers yet. Build one above.')}</p>`
            : loadingLine(msg('Loading your offers…'))}
      ${errorAlert(v.revokeError)} ${loadMoreControls(v.list)}
    </section>
  `;
}

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
 * One offer; its heading has the id `offer-<id>-title`, the confirmation `confirm-<id>`, the
 * link's input `url-<id>` and the revoke button `revoke-<id>`, for the builder's focus moves.
 */
function offerListItem(v: ListedOffer): TemplateResult {
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
