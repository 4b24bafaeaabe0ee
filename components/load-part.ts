/**
 * Loads, on demand, a part of an element that the element shows only later and that is not an
 * element of its own (those come through load-element.ts): the dialogs of
 * `<partner-customer-detail>` and its sections' entries (fetched beside the customer), the
 * license stepper of the offer widgets, the views after an offer is created or redeemed, the
 * offer builder's list, the one-time password of `<partner-user-list>`, the detail's consent
 * link, the signing secret and the deliveries' entries of `<partner-webhooks>`, the consent
 * page's activity log, the sign-up's delegation question. Each entry of
 * dist/elements then carries what it shows at first, and the part comes as a chunk when needed.
 *
 * The one-file bundle must not load anything later, and a dynamic import left in it would make
 * rolldown wrap every module it reaches (see load-element.ts). So in the bundle the test below
 * drops the imports, and the bundle's entry (components/vite.config.ts) imports every part this
 * switch names and hands them to `bundleParts` before any element renders.
 */
import type { CSSResult, LitElement } from 'lit';
import { OnDemand } from './on-demand.ts';

/**
 * What load-part.ts loads. A part may export `styles` that only it needs: they are added after the
 * element's own when the part is there, before it first renders.
 */
export interface Parts {
  'consent-audit': typeof import('./partner-delegation-consent/consent-audit.ts');
  'customer-dialogs': typeof import('./partner-customer-detail/customer-dialogs.ts');
  'customer-sections': typeof import('./partner-customer-detail/customer-sections.ts');
  'license-stepper': typeof import('./license-stepper.ts');
  'offer-created': typeof import('./partner-offer-builder/offer-created.ts');
  'offer-list': typeof import('./partner-offer-builder/offer-list.ts');
  'signup-consent': typeof import('./partner-signup/signup-consent.ts');
  'signup-success': typeof import('./partner-signup/signup-success.ts');
  'temporary-password': typeof import('./temporary-password.ts');
  'copy-text': typeof import('./copy-text.ts');
  'webhook-secret': typeof import('./partner-webhooks/webhook-secret.ts');
  'webhook-deliveries': typeof import('./partner-webhooks/webhook-deliveries.ts');
}

/** The parts already here: all of them in the bundle, elsewhere those loaded so far. */
const loaded = new Map<keyof Parts, unknown>();

/** The bundle's entry calls this with every part; elsewhere nothing does. */
export function bundleParts(parts: Parts) {
  for (const [name, exports] of Object.entries(parts)) loaded.set(name as keyof Parts, exports);
}

function importPart(part: keyof Parts): Promise<unknown> {
  // The test must stay here, before the imports: see load-element.ts.
  if (import.meta.env?.MODE === 'bundle') return Promise.resolve();
  switch (part) {
    case 'consent-audit':
      return import('./partner-delegation-consent/consent-audit.ts');
    case 'customer-dialogs':
      return import('./partner-customer-detail/customer-dialogs.ts');
    case 'customer-sections':
      return import('./partner-customer-detail/customer-sections.ts');
    case 'license-stepper':
      return import('./license-stepper.ts');
    case 'offer-created':
      return import('./partner-offer-builder/offer-created.ts');
    case 'offer-list':
      return import('./partner-offer-builder/offer-list.ts');
    case 'signup-consent':
      return import('./partner-signup/signup-consent.ts');
    case 'signup-success':
      return import('./partner-signup/signup-success.ts');
    case 'temporary-password':
      return import('./temporary-password.ts');
    case 'copy-text':
      return import('./copy-text.ts');
    case 'webhook-secret':
      return import('./partner-webhooks/webhook-secret.ts');
    case 'webhook-deliveries':
      return import('./partner-webhooks/webhook-deliveries.ts');
  }
}

/** `part` for `host`, loaded the first time `load()` is called; `value` holds the part's exports. */
export function onDemandPart<P extends keyof Parts>(host: LitElement, part: P): OnDemand<Parts[P]> {
  const present = () => loaded.get(part) as Parts[P] | undefined;
  let styled = false;
  host.addController({
    hostUpdate() {
      const styles = (present() as { styles?: CSSResult | CSSResult[] } | undefined)?.styles;
      if (styled || !styles) return;
      styled = true;
      // Added to what is there: an element may hold several parts (Lit's adoptStyles would replace).
      const root = host.renderRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...[styles].flat().flatMap((style) => style.styleSheet ?? [])];
    },
  });
  return new OnDemand(host, present, () => importPart(part).then((exports) => void (exports && loaded.set(part, exports))));
}
