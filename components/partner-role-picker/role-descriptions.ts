/**
 * What each admin role and partner access level allows, in the elements' language, for the role
 * picker's choices; the catalogue's English description for an id not known here. Their names
 * are in role-names.ts.
 */
import { msg } from '../localize.ts';

const descriptions: Record<'role' | 'access', Record<string, () => string>> = {
  role: {
    global_admin: () => msg('Everything in the company, including company info, admin roles, partner access and API keys.'),
    billing_admin: () => msg('Reads company info, manages subscriptions and license counts, and handles service requests.'),
    password_admin: () => msg('Reads company info and users, resets passwords of users without admin roles, and handles service requests.'),
    service_admin: () => msg('Reads company info and handles service requests.'),
    user_management_admin: () => msg('Reads company info; creates, edits, disables and resets users without admin roles; handles service requests.'),
  },
  access: {
    none: () => msg('No access to the partner features or to customers.'),
    limited: () => msg('Partner features; in customers that granted delegated admin, acts as their password admin.'),
    full: () => msg('Partner features; in customers that granted delegated admin, acts as their global admin (within what the customer granted).'),
  },
};

export const roleDescription = (kind: 'role' | 'access', item: { id: string; description: string }): string => descriptions[kind][item.id]?.() ?? item.description;
