/**
 * The language of every partnerkit element (DESIGN.md §6, README "Languages"): one locale for the
 * page, taken from a `locale` attribute on `<partner-session>`, else on any other partnerkit
 * element, else from `<html lang>`, else from the browser; `de-CH` counts as `de`, and a language
 * we do not have as English. Attributes and `<html lang>` are followed while the page runs, and
 * every element renders again in the new language (`localeController`).
 *
 * Only `msg`, `str` and a first look at the page are here, in the chunk every entry shares: the
 * runtime of @lit/localize with the choice of language (localize-runtime.ts) comes as a chunk of
 * its own once something other than English is asked for, and the translations after it. A page
 * in English loads neither. `msg` comes from @lit/localize's own module for it (its index would
 * bring the whole runtime, 1.5 KB gzip): the runtime swaps in the translating `msg` when it starts.
 * The one-file bundle has the runtime inside (components/vite.config.ts).
 */
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
import type { LocaleStatusEventDetail } from '@lit/localize/internal/locale-status-event.js';
import type { ReactiveControllerHost } from 'lit';

type LocalizeRuntime = typeof import('./localize-runtime.ts');

let runtime: LocalizeRuntime | undefined;
let loading: Promise<LocalizeRuntime> | undefined;

/** The language the elements show now: `en`, `de` or `ja`. */
export const getLocale = (): string => runtime?.getLocale() ?? 'en';

/** The runtime, once something other than English was asked for (always in the bundle). */
export const localizeRuntime = (): LocalizeRuntime | undefined => runtime;

/** The bundle's entry hands the runtime over (components/vite.config.ts); elsewhere nothing does. */
export function bundleLocalizeRuntime(bundled: LocalizeRuntime) {
  runtime = bundled;
}

function loadRuntime(): Promise<LocalizeRuntime> {
  // The test must stay here, before the import: see load-element.ts.
  if (import.meta.env?.MODE === 'bundle') return Promise.resolve(runtime!);
  return (loading ??= import('./localize-runtime.ts').then((loaded) => (runtime = loaded)));
}

let watchingHtml = false;

/**
 * Makes `host` follow its `locale` attribute (declared as a reactive property `locale`, so that a
 * change updates the host) and render again whenever the page's language changes.
 */
export function localeController(host: ReactiveControllerHost & Element) {
  // What @lit/localize's runtime announces on `window` when a language is ready.
  const onStatus = (event: Event) => (event as CustomEvent<LocaleStatusEventDetail>).detail.status === 'ready' && host.requestUpdate();
  const follow = (connected: boolean) => {
    // All English so far: nothing to load. Otherwise the runtime takes over and chooses.
    if (runtime || loading || host.hasAttribute('locale') || !/^en\b/i.test(document.documentElement.lang || navigator.language || 'en')) {
      void loadRuntime().then((loaded) => loaded.follow(host, connected));
    }
  };
  if (!watchingHtml) {
    watchingHtml = true;
    new MutationObserver(() => void loadRuntime().then((loaded) => loaded.apply())).observe(document.documentElement, { attributeFilter: ['lang'] });
  }
  host.addController({
    hostConnected() {
      addEventListener('lit-localize-status', onStatus);
      follow(true);
    },
    hostDisconnected() {
      removeEventListener('lit-localize-status', onStatus);
      follow(false);
    },
    hostUpdate() {
      follow(true);
      markLanguage(host);
    },
  });
}

/**
 * Screen readers choose their voice by `lang`: when the element's text is in another language
 * than the one its page declares around it, the host says which.
 */
function markLanguage(host: Element) {
  // All English so far (the runtime never came): nothing to say.
  if (!runtime) return;
  const locale = getLocale();
  const declared = host.closest('[lang]')?.getAttribute('lang') ?? '';
  if (declared.toLowerCase().split(/[-_]/)[0] !== locale) host.setAttribute('lang', locale);
}
