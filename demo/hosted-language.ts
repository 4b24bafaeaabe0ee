/**
 * The hosted pages (sign-up, consent) are read by customers, in their language: the one the link
 * names (`?lang=de`), else the browser's, else English (README, Languages). The page's `<html
 * lang>` says which, so the elements follow it, and the page's own heading and title are
 * messages like the elements' texts, set again when another language is ready.
 */
import { normaliseLocale } from '../components/localize-runtime.ts';

export function hostedLanguage(heading: () => string) {
  document.documentElement.lang = normaliseLocale(new URLSearchParams(location.search).get('lang') ?? navigator.language) ?? 'en';
  const show = () => {
    document.querySelector('.hosted-brand')!.textContent = document.title = heading();
  };
  show();
  addEventListener('lit-localize-status', (event) => (event as CustomEvent<{ status: string }>).detail.status === 'ready' && show());
}
