/**
 * What the per-element tests do not show on their own: that the audit sees into shadow roots,
 * that every element turns motion off under `prefers-reduced-motion: reduce`, and that the
 * elements lay out and move from the start edge when the page reads right to left.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerPortal, PartnerRolePicker } from '../../components/index.ts';
import { roles } from './fixtures-company.ts';
import { $ } from './helpers.ts';
import { stubFetch } from './fetch-stub.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

describe('accessibility', () => {
  it('the audit finds a violation inside a shadow root, naming the rule and where', async () => {
    const host = await fixture(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = '<button></button><p style="color:#aaa;background:#fff">faint</p>';
    const failure = await audit(host, 'a bad widget').then(() => null, (error: Error) => error.message);
    expect(failure).to.match(/button-name \(critical\)/);
    expect(failure).to.match(/color-contrast \(serious\)/);
  });

  it('every element stops transitions and animations under prefers-reduced-motion: reduce', async () => {
    // wtr cannot emulate the media feature (the e2e does, with emulateMedia); so check the rule
    // every element's styles carry, and that nothing outlasts it once it applies.
    const tags = [...new Set(Object.values(await import('../../components/index.ts')).flatMap((v) =>
      typeof v === 'function' && customElements.getName(v as CustomElementConstructor) ? [customElements.getName(v as CustomElementConstructor)!] : [],
    ))];
    expect(tags.length).to.be.greaterThan(10);
    const stub = stubFetch(); // the role picker asks for /api/roles even without a session
    let moving = 0;
    try {
      for (const tag of tags) {
        const el = await fixture(html`<div></div>`);
        const widget = el.appendChild(document.createElement(tag));
        await (widget as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        const rules = (widget.shadowRoot?.adoptedStyleSheets ?? []).flatMap((sheet) => [...sheet.cssRules]);
        // <partner-session> is a provider with no motion of its own; every widget has the spinner at least.
        if (!rules.some((r) => /transition|animation/.test(r.cssText))) continue;
        moving++;
        const reduce = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('prefers-reduced-motion: reduce'));
        expect(reduce, `${tag} has no reduced-motion rule`).to.have.length.greaterThan(0);
        const style = (reduce[0]!.cssRules[0] as CSSStyleRule).style;
        expect(style.getPropertyValue('transition-duration'), tag).to.equal('0.01ms');
        expect(style.getPropertyPriority('transition-duration'), tag).to.equal('important');
        expect(style.getPropertyValue('animation-duration'), tag).to.equal('0.01ms');
      }
    } finally {
      stub.restore();
    }
    expect(moving).to.equal(tags.length - 1);
  });

  describe('right to left', () => {
    it('puts the start edge of a role picker on the right: the options bar, legend and radios', async () => {
      const wrapper = await fixture(html`<div dir="rtl" style="width: 40rem">
        <partner-role-picker .roles=${roles} company-kind="partner" value='{"companyRoles":["password_admin"],"partnerAccess":"limited"}'></partner-role-picker>
      </div>`);
      const picker = wrapper.querySelector<PartnerRolePicker>('partner-role-picker')!;
      await waitUntil(() => picker.shadowRoot!.querySelector('[part~="options"]'), 'no options');
      const options = $(picker, '[part~="options"]');
      const style = getComputedStyle(options);
      expect(style.direction).to.equal('rtl');
      // The accent bar is the start border: on the right.
      expect(style.borderRightWidth).to.equal('3px');
      expect(style.borderLeftWidth).to.equal('0px');
      expect(style.borderTopLeftRadius).to.not.equal('0px');
      expect(style.borderTopRightRadius).to.equal('0px');
      const box = options.getBoundingClientRect();
      const legend = options.querySelector('legend')!.getBoundingClientRect();
      const firstChoice = options.querySelector('input')!.getBoundingClientRect();
      expect(box.right - legend.right).to.be.lessThan(box.width / 4);
      // The radio comes first in reading order, so it sits at the right, before its label.
      expect(box.right - firstChoice.right).to.be.lessThan(box.width / 4);
      expect(firstChoice.left).to.be.greaterThan(box.left + box.width / 2);
      await audit(picker, 'rtl');
    });

    it('starts the sign-in form at the right: its labels sit there, over the fields and the button', async () => {
      const wrapper = await fixture(html`<div dir="rtl" style="width: 30rem"><partner-sign-in api-base=${apiBase}></partner-sign-in></div>`);
      const el = wrapper.querySelector('partner-sign-in')!;
      await waitUntil(() => el.shadowRoot!.querySelector('form'), 'no form');
      const edge = (selector: string) => $(el, selector).getBoundingClientRect();
      const card = edge('[part~="card"]');
      // The label's words, not its box (a grid item as wide as the card).
      const words = document.createRange();
      words.selectNodeContents($(el, 'label'));
      const label = words.getBoundingClientRect();
      const input = edge('input');
      const submit = edge('[part~="submit"]');
      expect(Math.abs(label.right - input.right)).to.be.lessThan(1);
      expect(Math.abs(submit.right - input.right)).to.be.lessThan(1);
      expect(label.left - card.left).to.be.greaterThan(card.right - label.right);
      await audit(el, 'rtl');
    });

    it('walks the portal tabs leftwards with ArrowLeft', async () => {
      const stub = stubFetch(); // the overview's request fails at once; only the tabs matter here
      try {
        const wrapper = await fixture(html`<div dir="rtl"><partner-portal api-base=${apiBase} .token=${'pks_test'}></partner-portal></div>`);
        const el = wrapper.querySelector<PartnerPortal>('partner-portal')!;
        await waitUntil(() => el.shadowRoot!.querySelector('[role="tab"]'), 'no tabs');
        const tabs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
        // The first tab is at the right edge, the next one to its left.
        expect(tabs[0]!.getBoundingClientRect().left).to.be.greaterThan(tabs[1]!.getBoundingClientRect().left);
        tabs[0]!.focus();
        const key = async (k: string) => {
          el.shadowRoot!.querySelector('[role="tablist"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
          await el.updateComplete;
          await el.updateComplete;
        };
        await key('ArrowLeft');
        expect(el.tab).to.equal('customers');
        await key('ArrowRight');
        expect(el.tab).to.equal('overview');
      } finally {
        stub.restore();
      }
    });
  });
});
