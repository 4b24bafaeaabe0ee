/**
 * Loads, on demand, an element that another one shows only later: the customer's detail when a
 * customer is opened in `<partner-customer-list>`, a tab's widget when `<partner-portal>` first
 * opens the tab. So each entry of dist/elements carries only what it shows at first; the rest
 * comes as a chunk of its own when needed.
 *
 * The one-file bundle (dist/partnerkit.js) defines every element at once, so there is nothing
 * to load. Vite writes the build's mode in place of `import.meta.env.MODE`, the test below is
 * then `true`, and rolldown drops the imports after it. Had they stayed, rolldown would wrap
 * every module they reach in a lazy initializer: 1.1 KB gzip more for nothing. The test must
 * stay in this function, before the imports: a constant from another module is inlined too late
 * to drop them.
 */
export function loadElement(tag: 'partner-overview' | 'partner-customer-detail' | 'partner-customer-list' | 'partner-offer-builder' | 'partner-user-list' | 'partner-company-profile' | 'partner-role-picker' | 'partner-webhooks'): Promise<unknown> {
  if (import.meta.env?.MODE === 'bundle') return Promise.resolve();
  switch (tag) {
    case 'partner-customer-detail':
      return import('./partner-customer-detail/partner-customer-detail.ts');
    case 'partner-overview':
      return import('./partner-overview/partner-overview.ts');
    case 'partner-customer-list':
      return import('./partner-customer-list/partner-customer-list.ts');
    case 'partner-offer-builder':
      return import('./partner-offer-builder/partner-offer-builder.ts');
    case 'partner-user-list':
      return import('./partner-user-list/partner-user-list.ts');
    case 'partner-company-profile':
      return import('./partner-company-profile/partner-company-profile.ts');
    case 'partner-role-picker':
      return import('./partner-role-picker/partner-role-picker.ts');
    case 'partner-webhooks':
      return import('./partner-webhooks/partner-webhooks.ts');
  }
}

declare global {
  interface ImportMeta {
    /** Set by Vite in its builds and dev server; absent elsewhere (e.g. the component tests). */
    readonly env?: { readonly MODE?: string };
  }
}
