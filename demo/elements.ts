/**
 * The element reference: for each element in the Custom Elements Manifest (the build makes it
 * from the components' JSDoc), a live example beside the HTML that produces it, then its
 * attributes, properties, events, slots, CSS parts and custom properties.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../components/index.ts';

/** The parts of the manifest schema (https://github.com/webcomponents/custom-elements-manifest) this page reads. */
interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const session = document.querySelector('partner-session')!;
session.apiBase = location.origin;

const bffOrigin = location.origin;
document.querySelector('#start-snippet')!.textContent = `<script type="module" src="${bffOrigin}/partnerkit.js"></script>

<partner-session api-base="${bffOrigin}">
  <partner-portal></partner-portal>
</partner-session>
<script type="module">
  // Ask your own backend, which calls POST /api/embed-sessions with its API key.
  document.querySelector('partner-session').fetchToken = () =>
    fetch('/my-backend/partnerkit-token', { method: 'POST' }).then((r) => r.json()); // { token, expiresAt }
</script>`;

/** The HTML each live example is made from (inside this page's session). */
const examples: Record<string, string> = {
  'partner-sign-in': '<partner-sign-in></partner-sign-in>',
  'partner-role-picker':
    '<form>\n  <partner-role-picker name="access"\n    value=\'{"companyRoles":["billing_admin"],"partnerAccess":"limited"}\'>\n  </partner-role-picker>\n</form>',
  'partner-company-profile': '<partner-company-profile></partner-company-profile>',
  'partner-user-list': '<partner-user-list page-size="5"></partner-user-list>',
  'partner-offer-builder': '<partner-offer-builder></partner-offer-builder>',
  'partner-customer-list': '<partner-customer-list></partner-customer-list>',
  'partner-delegation-consent': '<!-- For a customer\u2019s global admin; a partner user sees why it is refused. -->\n<partner-delegation-consent></partner-delegation-consent>',
  'partner-signup': '<!-- Reads ?offer=CODE from the page URL, or: -->\n<partner-signup offer="CODE"></partner-signup>',
  'partner-webhooks': '<!-- For a partner\u2019s global admin; anyone else sees why not. -->\n<partner-webhooks></partner-webhooks>',
  'partner-portal': '<partner-portal tab="offers"></partner-portal>',
};

function table(caption: string, head: string[], rows: (string | undefined)[][]): TemplateResult | typeof nothing {
  if (!rows.length) return nothing;
  return html`<div class="table-scroll">
    <table>
      <caption>${caption}</caption>
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c ?? ''}</td>`)}</tr>`)}</tbody>
    </table>
  </div>`;
}

function element(d: Declaration): TemplateResult {
  const tag = d.tagName!;
  const example = examples[tag];
  const fields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && m.description);
  return html`<section class="element" id=${tag} aria-labelledby="${tag}-title">
    <h2 id="${tag}-title">&lt;${tag}&gt;</h2>
    <p>${d.description ?? ''}</p>
    ${example
      ? html`<div class="example">
          <div class="live">${unsafeHTML(example)}</div>
          <pre aria-label="HTML of the example"><code>${example}</code></pre>
        </div>`
      : nothing}
    <div class="api">
      ${table('Attributes', ['Attribute', 'Type', 'Default', 'Description'], (d.attributes ?? []).map((a) => [a.name, a.type?.text, a.default, a.description]))}
      ${table('Properties', ['Property', 'Type', 'Description'], fields.map((m) => [m.name, m.type?.text, m.description]))}
      ${table('Events', ['Event', 'Description'], (d.events ?? []).map((e) => [e.name, e.description]))}
      ${table('Slots', ['Slot', 'Description'], (d.slots ?? []).map((s) => [s.name || '(default)', s.description]))}
      ${table('CSS parts', ['Part', 'Description'], (d.cssParts ?? []).map((p) => [p.name, p.description]))}
      ${table('CSS custom properties', ['Property', 'Default', 'Description'], (d.cssProperties ?? []).map((p) => [p.name, p.default, p.description]))}
    </div>
  </section>`;
}

async function main() {
  const target = document.querySelector<HTMLElement>('#elements')!;
  try {
    const res = await fetch('/custom-elements.json');
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const manifest = (await res.json()) as Manifest;
    const declarations = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .sort((a, b) => (a.tagName === 'partner-session' ? -1 : b.tagName === 'partner-session' ? 1 : a.tagName!.localeCompare(b.tagName!)));
    render(html`${declarations.map((d) => html`<a href="#${d.tagName}">&lt;${d.tagName}&gt;</a>`)}`, document.querySelector<HTMLElement>('#toc')!);
    render(html`${declarations.map(element)}`, target);
  } catch (error) {
    render(html`<p role="alert">The manifest could not be loaded (${String(error)}). Run <code>npm run build</code>.</p>`, target);
  }
}

void main();
