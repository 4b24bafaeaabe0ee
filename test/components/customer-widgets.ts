/**
 * For the tests of `<partner-customer-list>` and `<partner-customer-detail>`: the BFF's customer
 * routes answered from fixtures-customers.ts, how those tests read a widget's shadow DOM
 * (all matches, text, a detail's section, the dialog), and English again after a test
 * in another language.
 */
import { waitUntil } from '@open-wc/testing';
import type { MeView } from '../../components/index.ts';
import { stubFetch, type Answer, type FetchStub, type RecordedCall } from './fetch-stub.ts';
import { backToEnglish } from './helpers.ts';
import { roles } from './fixtures-company.ts';
import {
  activeOnTrial,
  adminMe,
  customers,
  customersPage1,
  customersPage2,
  fabrikam,
  fabrikamAudit,
  fabrikamAuditMore,
  fabrikamUsers,
  lucerne,
  newestFirst,
  searchCoho,
  searchNone,
  searchTail,
  tailspinForHelpdesk,
  tailspinUsers,
} from './fixtures-customers.ts';

export const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed
export const customerPath = (id: string, rest = '') => `/api/customers/${id}${rest}`;
export const emptyPage = { items: [], nextCursor: null };

/** Stubs fetch with the customer routes; `me()` is who is signed in, asked at each call. */
export function stubCustomerApi(me: () => MeView): FetchStub {
  return stubFetch({
    'GET /api/me': () => ({ status: 200, body: me() }),
    'GET /api/roles': { status: 200, body: roles },
    'GET /api/customers': (call: RecordedCall): Answer => {
      const q = call.query;
      if (q.get('q')) return { status: 200, body: q.get('q') === 'tail' ? searchTail : q.get('q') === 'coho' ? searchCoho : searchNone };
      if (q.get('delegation') === 'active' && q.get('subscription') === 'trial') return { status: 200, body: activeOnTrial };
      if (q.get('delegation') || q.get('subscription')) return { status: 200, body: searchNone };
      if (q.get('sort') === 'newest') return { status: 200, body: newestFirst };
      if (q.get('cursor') === customersPage1.nextCursor) return { status: 200, body: customersPage2 };
      return { status: 200, body: q.get('limit') === '3' ? customersPage1 : customers };
    },
    [`GET ${customerPath(fabrikam.id)}`]: { status: 200, body: fabrikam },
    [`GET ${customerPath(fabrikam.id, '/users')}`]: { status: 200, body: fabrikamUsers },
    [`GET ${customerPath(fabrikam.id, '/service-requests')}`]: { status: 200, body: emptyPage },
    [`GET ${customerPath(fabrikam.id, '/audit')}`]: (call) => ({ status: 200, body: call.query.get('cursor') ? fabrikamAuditMore : fabrikamAudit }),
    [`GET ${customerPath(lucerne.id)}`]: { status: 200, body: lucerne },
    [`GET ${customerPath(lucerne.id, '/audit')}`]: { status: 200, body: emptyPage },
    [`GET ${customerPath(tailspinForHelpdesk.id)}`]: { status: 200, body: tailspinForHelpdesk },
    [`GET ${customerPath(tailspinForHelpdesk.id, '/users')}`]: { status: 200, body: tailspinUsers },
    [`GET ${customerPath(tailspinForHelpdesk.id, '/service-requests')}`]: { status: 200, body: emptyPage },
    [`GET ${customerPath(tailspinForHelpdesk.id, '/audit')}`]: { status: 200, body: emptyPage },
  });
}

/** In a widget's shadow DOM, or inside one of its elements. */
export const all = (scope: Element, selector: string) => [...(scope.shadowRoot ?? scope).querySelectorAll<HTMLElement>(selector)];
export const textOf = (node: Element) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const dialog = (el: Element) => el.shadowRoot!.querySelector('dialog')!;

/** A section of a customer's detail by its heading. */
export function section(el: Element, title: string): HTMLElement {
  const found = all(el, '[part~="section"]').find((s) => textOf(s.querySelector('h3')!) === title);
  if (!found) throw new Error(`no section "${title}"`);
  return found;
}

/**
 * Waits, up to 3 s, until `test` holds: a language loads and the widget renders again in it. A
 * `test` that throws (what it reads is not rendered yet) does not hold.
 */
export const until = (test: () => unknown, what: string) =>
  waitUntil(
    () => {
      try {
        return test();
      } catch {
        return false;
      }
    },
    what,
    { timeout: 3000 },
  );

/** For a `describe` of tests in other languages: the customer routes stubbed for each test (`stub`), and English again after it. */
export function stubbedInOtherLanguages(): { readonly stub: FetchStub } {
  let stub: FetchStub | undefined;
  beforeEach(() => {
    stub = stubCustomerApi(() => adminMe);
  });
  afterEach(async () => {
    await backToEnglish();
    stub?.restore();
  });
  return {
    get stub() {
      if (!stub) throw new Error('the fetch stub is made in beforeEach');
      return stub;
    },
  };
}
