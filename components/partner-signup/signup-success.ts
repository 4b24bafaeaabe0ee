/**
 * What `<partner-signup>` shows once the offer is redeemed: the company that was set up, its
 * subscriptions, whether the advisor now has delegated administration, and how to reach the
 * advisor. A part the widget loads with the submit (load-part.ts), with the styles only it needs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PublicOfferView } from '../api/client.ts';
import { formatDate } from '../dates.ts';
import type { PartnerSignupCompletedDetail } from '../events.ts';
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

/** The card; its heading has the id `success-title` (focus it). `offer` is the redeemed offer, if still at hand. */
export function signupSuccess(result: PartnerSignupCompletedDetail, offer: PublicOfferView | null | undefined): TemplateResult {
  const advisor = offer?.advisor.name ?? 'Your advisor';
  const level = offer?.delegatedAdmin?.label.toLowerCase() ?? `${result.delegation.level} administration`;
  return html`
    <section part="card success" aria-labelledby="success-title">
      <h2 id="success-title" part="title" tabindex="-1"><span class="mark" aria-hidden="true">✓</span> Welcome, your company ${result.companyName} is set up</h2>
      <ul part="subscriptions" role="list">
        ${result.subscriptions.map(
          (s) => html`
            <li>
              <strong>${s.name}</strong>
              <span>
                ${s.status === 'trial' && s.trialEndsAt ? `Free trial until ${formatDate(s.trialEndsAt)}` : s.status === 'active' ? 'Active' : s.status}
                · ${s.licenses} ${s.licenses === 1 ? 'license' : 'licenses'}
              </span>
            </li>
          `,
        )}
      </ul>
      ${result.delegation.status === 'active'
        ? html`<p part="delegation">${advisor} now has ${level} of your company. You can revoke it at any time.</p>`
        : result.delegation.status === 'declined'
          ? html`<p part="delegation">You did not give ${advisor} delegated administration. You can still grant it later.</p>`
          : nothing}
      <p part="intro">${offer?.advisor.email
        ? html`Questions? Your advisor ${advisor} is at <a href="mailto:${offer.advisor.email}">${offer.advisor.email}</a>.`
        : `Questions? Ask your advisor, ${advisor}.`}</p>
    </section>
  `;
}
