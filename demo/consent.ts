/**
 * The hosted consent page (`/consent?delegation=CODE`), also the demo's customer admin page: the
 * customer's global admin signs in, then answers the request the URL names, or (without a code)
 * sees the company's partners, revokes their access and reads what they did. Only the three
 * elements it needs are loaded; they talk to the BFF on this origin.
 */
import '../components/partner-session/partner-session.ts';
import '../components/partner-sign-in/partner-sign-in.ts';
import '../components/partner-delegation-consent/partner-delegation-consent.ts';
import { msg } from '../components/localize.ts';
import { hostedLanguage } from './hosted-language.ts';

hostedLanguage(() => msg('Delegated administration'));
