/**
 * The runtime of @lit/localize and the choice of language (README, Languages): localize.ts loads
 * this once a language other than English may be wanted (the one-file bundle has it inside).
 * Translations load per language: in dist/elements as chunks; the bundle cannot load chunks, so it
 * imports dist/locales/<locale>.js beside itself (components/build/locale-files.ts), by a URL the
 * bundler leaves alone.
 */
import { configureLocalization } from '@lit/localize/init/runtime.js';
import { msg } from './localize.ts';
import { sourceLocale, targetLocales } from './locales/locale-codes.ts';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale(locale) {
    // The test must stay before the imports, as in load-element.ts, so the bundle has none of them.
    // Neither the import nor the URL is one Vite may resolve at build time (it would look for the
    // files among the bundle's assets): both are left for the browser.
    if (import.meta.env?.MODE === 'bundle') return import(/* @vite-ignore */ new URL(/* @vite-ignore */ './locales/' + locale + '.js', import.meta.url).href);
    return locale === 'de' ? import('./locales/de.ts') : import('./locales/ja.ts');
  },
});

/** `de-CH` → `de`; a language we lack → `en`; nothing → undefined (ask the next source). */
export function normaliseLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = tag.toLowerCase().split(/[-_]/)[0] as Locale;
  return targetLocales.includes(language as never) ? language : sourceLocale;
}

/** Connected partnerkit elements with a `locale` attribute and its value, in the order they got it. */
const withLocale = new Map<Element, string>();
/** The locale last asked for (it may still be loading). */
let requested: Locale = sourceLocale;

/** A `locale` attribute on `<partner-session>`, else on another element, else `<html lang>`, else the browser's. */
function resolveLocale(): Locale {
  const own = [...withLocale.keys()];
  const chosen = own.find((el) => el.localName === 'partner-session') ?? own.at(-1);
  return normaliseLocale(chosen && withLocale.get(chosen)) ?? normaliseLocale(document.documentElement.lang) ?? normaliseLocale(navigator.language) ?? sourceLocale;
}

/** Asks for the locale the page wants now; every element renders again once it is loaded. */
export function apply() {
  const locale = resolveLocale();
  if (locale !== requested) void setLocale((requested = locale));
}

/** Notes `el`'s `locale` attribute (or that it left the page), then applies. */
export function follow(el: Element, connected: boolean) {
  const value = connected ? el.getAttribute('locale') : null;
  if (value !== (withLocale.get(el) ?? null)) {
    withLocale.delete(el);
    if (value !== null) withLocale.set(el, value);
  }
  apply();
}

/**
 * What people read for the BFF's error codes in a language other than English (error-messages.ts).
 * The BFF's `message` is English, written for developers and often more precise (it may name a
 * number of seconds or a permission): English readers see it as it is; a code not here shows it too.
 */
export const codeMessages: Record<string, () => string> = {
  invalid_credentials: () => msg('The email or password is not correct.'),
  invalid_token: () => msg('Your session has ended; sign in again.'),
  unauthorized: () => msg('Sign in to continue.'),
  forbidden: () => msg('You are not allowed to do this.'),
  too_many_attempts: () => msg('Too many failed attempts; wait a little and try again.'),
  rate_limited: () => msg('Too many attempts; wait a little and try again.'),
  validation_failed: () => msg('Some entries are not valid; check the marked fields.'),
  not_found: () => msg('This item no longer exists.'),
  database_unavailable: () => msg('The service is not reachable right now; try again shortly.'),
  internal_error: () => msg('Something went wrong on our side.'),
  client_error: () => msg('The server could not be reached; check your connection and try again.'),
  token_unavailable: () => msg('This page could not get a session for you. Reload the page or sign in again.'),
};
