/**
 * The sign-up widget's question whether the advisor may have delegated administration, for an
 * offer that asks for it: the checkbox and what the level allows. The widget keeps the answer; this
 * shows it. A part the widget loads with such an offer, before the offer shows (load-part.ts), so
 * the offers that do not ask never load it.
 */
import { html, type TemplateResult } from 'lit';
import type { PublicOfferView } from '../api/client.ts';
import { levelDescription } from '../level-texts.ts';
import { msg, str } from '../localize.ts';

export interface ConsentQuestion {
  offer: PublicOfferView & { delegatedAdmin: NonNullable<PublicOfferView['delegatedAdmin']> };
  accepted: boolean;
  disabled: boolean;
  onChange: (accepted: boolean) => void;
}

/** The section; its heading has the id `consent-title`. */
export function consentQuestion(v: ConsentQuestion): TemplateResult {
  const ask = v.offer.delegatedAdmin;
  const advisor = v.offer.advisor.name;
  return html`
    <section part="consent" aria-labelledby="consent-title">
      <h3 id="consent-title" part="subtitle">${msg('Delegated administration')}</h3>
      <label class="check">
        <input
          type="checkbox"
          name="accept-delegated-admin"
          .checked=${v.accepted}
          ?disabled=${v.disabled}
          aria-describedby="consent-description"
          @change=${(e: Event) => v.onChange((e.target as HTMLInputElement).checked)}
        />
        <span>
          ${ask.level === 'full' ? msg(str`Give ${advisor} full administration of my company`) : msg(str`Give ${advisor} limited administration of my company`)}
        </span>
      </label>
      <p part="consent-description" id="consent-description">
        ${levelDescription(ask.level, ask.description)} ${msg('Optional: you can sign up without it, and you can revoke it at any time.')}
      </p>
    </section>
  `;
}
