/**
 * The hosted sign-up page (`/signup?offer=CODE`): `<partner-signup>` reads the code from the
 * page's URL and talks to the BFF on this origin. Only the two elements it needs are loaded.
 */
import '../components/partner-session/partner-session.ts';
import '../components/partner-signup/partner-signup.ts';

document.querySelector('partner-signup')!.addEventListener('partner-signup-completed', (event) => {
  document.title = `Welcome, ${event.detail.companyName}`;
});
