/**
 * A company's contact details as links (mail, phone, website), the same wherever a widget names
 * a partner to a customer: the advisor on the sign-up page, the partner on the consent page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { css } from './styles/css.ts';

export interface Contact {
  email: string | null;
  phone: string | null;
  website: string | null;
}

/** `<ul part="contact">` of the details there are; nothing when there are none. */
export function contactList({ email, phone, website }: Contact): TemplateResult | typeof nothing {
  if (!email && !phone && !website) return nothing;
  return html`
    <ul part="contact" role="list">
      ${email ? html`<li><a href="mailto:${email}">${email}</a></li>` : nothing}
      ${phone ? html`<li><a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a></li>` : nothing}
      ${website ? html`<li><a href=${website} target="_blank" rel="noopener noreferrer">${website.replace(/^https?:\/\//, '')}</a></li>` : nothing}
    </ul>
  `;
}

/** The list's layout and its links; include in the widget's `styles` after `controls`. */
export const contactStyles = css`
  [part~='contact'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0;
    padding: 0;
    list-style: none;
    overflow-wrap: anywhere;
  }

  [part~='contact'] a {
    color: var(--_color-accent);
  }

  [part~='contact'] a:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
`;
