/**
 * The built one-file bundle, dist/partnerkit.js, as a partner's page meets it: it may be loaded
 * twice (two widgets' snippets, or a page that also bundles partnerkit), and the second copy
 * must neither throw nor replace the elements the first defined.
 *
 * Needs `npm run build` first (`npm test` runs it before the component tests).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { stubFetch } from './fetch-stub.ts';
import { publicPurchaseOffer } from './fixtures-offers.ts';
import { inputLabelled } from './helpers.ts';

const bundleUrl = '/dist/partnerkit.js';

/** The custom element classes a module exports. */
function elementClasses(module: Record<string, unknown>): CustomElementConstructor[] {
  return Object.values(module).filter(
    (value): value is CustomElementConstructor => typeof value === 'function' && value.prototype instanceof HTMLElement,
  );
}

describe('dist/partnerkit.js', () => {
  // Each query string makes the browser fetch and evaluate the module again, as a second copy.
  let first: Record<string, unknown>;
  let second: Record<string, unknown>;

  before(async () => {
    const res = await fetch(bundleUrl, { method: 'HEAD' });
    if (!res.ok) throw new Error(`${bundleUrl} answered ${res.status}: run \`npm run build\` before the component tests`);
    first = await import(`${bundleUrl}?copy=1`);
    second = await import(`${bundleUrl}?copy=2`);
  });

  it('loads twice without throwing, and defines every element it contains', () => {
    const classes = elementClasses(first);
    expect(classes.map((c) => customElements.getName(c))).to.include.members(['partner-session', 'partner-sign-in', 'partner-signup']);
    for (const element of classes) expect(customElements.getName(element), element.name).to.be.a('string');
    expect(elementClasses(second)).to.have.length(classes.length);
  });

  it('keeps the first copy\'s definitions: the second copy registers nothing', () => {
    for (const element of elementClasses(second)) {
      expect(customElements.getName(element), `${element.name} of the second copy`).to.equal(null);
    }
  });

  it('renders an element from the bundle (its minified templates still work)', async () => {
    const el = document.createElement('partner-sign-in');
    el.setAttribute('api-base', 'http://127.0.0.1:9'); // never reached: no token, nothing to ask
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the sign-in form never appeared');
      expect(inputLabelled(el, 'Email').type).to.equal('email');
      expect(inputLabelled(el, 'Password').type).to.equal('password');
    } finally {
      el.remove();
    }
  });

  it('holds the parts that the entries load on demand: nothing else is fetched', async () => {
    const stub = stubFetch({ [`GET /api/public/offers/${publicPurchaseOffer.code}`]: { status: 200, body: publicPurchaseOffer } });
    const el = document.createElement('partner-signup');
    el.setAttribute('api-base', 'http://127.0.0.1:9'); // never reached: fetch is stubbed
    el.setAttribute('offer', publicPurchaseOffer.code);
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="stepper"]'), "the purchase offer's license steppers never appeared");
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="stepper"]')!).display).to.equal('grid', "with the steppers' styles");
      const fetched = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
      expect(fetched.filter((path) => path.startsWith('/dist/') && !path.startsWith('/dist/partnerkit.js'))).to.deep.equal([]);
    } finally {
      el.remove();
      stub.restore();
    }
  });

  it('shows German from dist/locales/de.js, beside the bundle, and English again', async () => {
    const el = document.createElement('partner-sign-in');
    el.setAttribute('locale', 'de');
    document.body.append(el);
    try {
      const title = () => el.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim();
      await waitUntil(() => title() === 'Anmelden', 'the German sign-in never appeared', { timeout: 3000 });
      const fetched = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
      expect(fetched).to.include('/dist/locales/de.js');
      el.setAttribute('locale', 'en');
      await waitUntil(() => title() === 'Sign in', 'English never came back', { timeout: 3000 });
    } finally {
      el.remove();
    }
  });
});
