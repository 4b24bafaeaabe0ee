/**
 * What `<partner-offer-builder>` shows once an offer is created: its link with "Copy link", a
 * ready-made email, and "Build another offer". The builder keeps the state and copies the link;
 * this view only shows it. A part the builder loads with its first create request (load-part.ts),
 * with the styles only it needs.
 */
import { html, type TemplateResult } from 'lit';
import type { OfferView } from '../api/client.ts';
import { formatDate } from '../dates.ts';
import { getLocale, msg, str } from '../localize.ts';
import { formatNumber, licenseCount, plural } from '../numbers.ts';
import { css } from '../styles/css.ts';

/** The link's row and the email button; the builder's styles do the rest. */
export const styles = css`
  .url-row {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }

  .url-row [part~='input'] {
    flex: 1;
    min-width: 0;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }

  @media (max-width: 30rem) {
    .url-row {
      flex-direction: column;
    }
  }

  [part~='status'].copied {
    color: var(--_color-success);
  }

  a[part~='button'] {
    text-decoration: none;
  }
`;

export interface CreatedOffer {
  offer: OfferView;
  /** Its name, or what it contains. */
  title: string;
  /** Its kind, contents and what it asks for. */
  summary: string;
  /** The partner company, which signs the email. */
  partnerName: string;
  /** How the link was last copied: to the clipboard, or selected for the person to copy. */
  copied: 'clipboard' | 'manual' | null;
  onCopy: () => void;
  onBuildAnother: () => void;
}

/** The card; its heading has the id `created-title`, the link's input `created-url`. */
export function createdOffer(v: CreatedOffer): TemplateResult {
  const { offer, copied } = v;
  return html`
    <section part="card created" aria-labelledby="created-title">
      <h2 id="created-title" part="title" tabindex="-1">${msg('Offer ready')}</h2>
      <p part="intro">
        ${offer.expiresAt
          ? msg(str`Send this link to your customers; any number of them can sign up with it, until ${formatDate(offer.expiresAt)}.`)
          : msg('Send this link to your customers; any number of them can sign up with it.')}
      </p>
      <p part="offer-meta"><strong>${v.title}</strong> · ${v.summary}</p>
      <div part="field">
        <label part="label" for="created-url">${msg('Offer link')}</label>
        <div class="url-row">
          <input part="input url" id="created-url" readonly .value=${offer.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          <button type="button" part="button primary copy" @click=${v.onCopy}>${msg('Copy link')}</button>
        </div>
        <p part="status" role="status" class=${copied === 'clipboard' ? 'copied' : ''}>${copied === 'clipboard'
          ? msg('Copied to the clipboard.')
          : copied === 'manual'
            ? msg('The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.')
            : ''}</p>
      </div>
      <div part="actions">
        <a part="button mailto" href=${mailto(offer, v.partnerName)}>${msg('Send by email')}</a>
        <button type="button" part="button" @click=${v.onBuildAnother}>${msg('Build another offer')}</button>
      </div>
    </section>
  `;
}

/**
 * A `mailto:` link with a subject and a short text carrying the URL; the partner picks the recipient.
 * It is written in the elements' language, which is the partner's and, most often, their customers'.
 */
function mailto(offer: OfferView, partnerName: string): string {
  const first = offer.items[0];
  const trial = offer.kind === 'trial' && first;
  const service = first?.name;
  const days = formatNumber(first?.trialDays ?? 0);
  const items = new Intl.ListFormat(getLocale()).format(offer.items.map((i) => `${i.name} (${licenseCount(i.licenses ?? i.minLicenses)})`));
  const subject = trial
    ? plural(first.trialDays, { one: () => msg(str`Try ${service} free for ${days} day`), other: () => msg(str`Try ${service} free for ${days} days`) })
    : msg(str`Your offer from ${partnerName}`);
  const what = trial
    ? plural(first.trialDays, {
        one: () => msg(str`we invite you to try ${service} free for ${days} day.`),
        other: () => msg(str`we invite you to try ${service} free for ${days} days.`),
      })
    : msg(str`we have put together an offer for you: ${items}.`);
  const lines = [
    msg('Hello,'),
    '',
    `${offer.name ? `${offer.name}: ` : ''}${what}`,
    ...(offer.delegatedAdmin
      ? [
          '',
          offer.delegatedAdmin === 'full'
            ? msg('We also ask for full delegated administration, so we can help you run your services. You decide when you sign up.')
            : msg('We also ask for limited delegated administration, so we can help you run your services. You decide when you sign up.'),
        ]
      : []),
    '',
    msg('Sign up here:'),
    offer.url,
    ...(offer.expiresAt ? ['', msg(str`The link works until ${formatDate(offer.expiresAt)}.`)] : []),
    '',
    partnerName,
  ];
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(lines.join('\n'))}`;
}

