/**
 * The names of admin roles and partner access levels in the elements' language. The BFF's
 * catalogue (`GET /api/roles`, bff/permissions.ts) names them in English, for developers; the
 * widgets show these instead, and the catalogue's own label for an id not known here (one a
 * later BFF added). What each allows is said only where a role is chosen
 * (partner-role-picker/role-descriptions.ts), so the lists that merely name roles stay small.
 */
import { msg } from './localize.ts';

const roleNames: Record<string, () => string> = {
  global_admin: () => msg('Global admin'),
  billing_admin: () => msg('Billing admin'),
  password_admin: () => msg('Password admin'),
  service_admin: () => msg('Service admin'),
  user_management_admin: () => msg('User management admin'),
};

const accessNames: Record<string, () => string> = { none: () => msg('None'), limited: () => msg('Limited'), full: () => msg('Full') };

interface Named {
  id: string;
  label?: string;
}

/** The catalogue's entry for `id`, or the bare id when the catalogue lacks it (or is not loaded yet). */
export const inCatalogue = (catalogue: readonly Named[] | undefined, id: string): Named => catalogue?.find((entry) => entry.id === id) ?? { id };

/** An admin role's name, e.g. "Global admin". */
export const roleName = (role: Named): string => roleNames[role.id]?.() ?? role.label ?? role.id;

/** A partner access level's name: "None", "Limited", "Full". */
export const accessName = (access: Named): string => accessNames[access.id]?.() ?? access.label ?? access.id;
