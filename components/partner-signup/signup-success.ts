/**
 * What `<partner-signup>` shows once the offer is redeemed: the company that was set up, its
 * subscriptions, whether the advisor now has delegated administration, and how to reach the
 * advisor. A part the widget loads with the submit (load-part.ts), with the styles only it needs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PublicOfferView } from '../api/client.ts';
import { contactList } from '../contact-list.ts';
import { formatDate } from '../dates.ts';
import type { PartnerSignupCompletedDetail } from '../events.ts';
import { msg, str } from '../localize.ts';
import { licenseCount } from '../numbers.ts';
import { css } from '../styles/css.ts';

/** The check mark and the subscriptions; the widget's styles do the rest. */
export const styles = css`
  .mark {
    color: var(--_color-success);
  }

  [part~='subscriptions'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='subscriptions'] li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25em 1em;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
  }

  [part~='delegation'] {
    margin: 0;
  }
`;

/** A new subscription's state: a redemption makes only trials and active subscriptions (another state shows as its id). */
function stateOf(s: PartnerSignupCompletedDetail['subscriptions'][number]): string {
  if (s.status === 'trial' && s.trialEndsAt) return msg(str`Free trial until ${formatDate(s.trialEndsAt)}`);
  return s.status === 'active' ? msg('Active') : s.status;
}

/** The card; its heading has the id `success-title` (focus it). `offer` is the redeemed offer, if still at hand. */
export function signupSuccess(result: PartnerSignupCompletedDetail, offer: PublicOfferView | null | undefined): TemplateResult {
  const advisor = offer?.advisor.name ?? msg('Your advisor', { desc: 'in place of their name' });
  const level = result.delegation.level ?? offer?.delegatedAdmin?.level;
  return html`
    <section part="card success" aria-labelledby="success-title">
      <h2 id="success-title" part="title" tabindex="-1"><span class="mark" aria-hidden="true">✓</span> ${msg(str`Welcome, your company ${result.companyName} is set up`)}</h2>
      <ul part="subscriptions" role="list">
        ${result.subscriptions.map(
          (s) => html`
            <li>
              <strong>${s.name}</strong>
              <span>
                ${stateOf(s)} · ${licenseCount(s.licenses)}
              </span>
            </li>
          `,
        )}
      </ul>
      ${result.delegation.status === 'active'
        ? html`<p part="delegation">
            ${level === 'full'
              ? msg(str`${advisor} now has full administration of your company. You can revoke it at any time.`)
              : msg(str`${advisor} now has limited administration of your company. You can revoke it at any time.`)}
          </p>`
        : result.delegation.status === 'declined'
          ? html`<p part="delegation">${msg(str`You did not give ${advisor} delegated administration. You can still grant it later.`)}</p>`
          : nothing}
      <p part="intro">${msg(str`Questions? Ask your advisor, ${advisor}.`)}</p>
      ${offer ? contactList(offer.advisor) : nothing}
    </section>
  `;
}
