/**
 * The hosted sign-up page (`/signup?offer=CODE`): `<partner-signup>` reads the code from the
 * page's URL and talks to the BFF on this origin. Only the two elements it needs are loaded.
 */
import '../components/partner-session/partner-session.ts';
import '../components/partner-signup/partner-signup.ts';
import { msg, str } from '../components/localize.ts';
import { hostedLanguage } from './hosted-language.ts';

hostedLanguage(() => msg('Sign up'));

document.querySelector('partner-signup')!.addEventListener('partner-signup-completed', (event) => {
  document.title = msg(str`Welcome, ${event.detail.companyName}`);
});
