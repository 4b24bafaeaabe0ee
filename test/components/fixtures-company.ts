/**
 * Company, users and roles responses recorded from the real BFF on the seeded demo
 * (`DATA_DIR=/tmp/pk-w3 PORT=8791 node bff/bin.mjs serve`, then curl as the demo users), so the
 * stubbed fetch answers exactly as the server does. Re-record when the API changes.
 */
import type { CompanyView, CreatedUser, MeView, PasswordReset, RolesView, UserPage, UserView } from '../../components/api/client.ts';

const companyId = '9df83215-e4aa-48cf-8f2c-f3035d930f98';
const createdAt = '2026-11-24T03:09:19.801Z';

/** `GET /api/roles` → 200 (any signed-in user). */
export const roles: RolesView = {
  companyRoles: [
    {
      id: 'global_admin',
      label: 'Global admin',
      description: 'Everything in the company, including company info, admin roles, partner access and API keys.',
      permissions: ['company:read', 'company:update', 'users:read', 'users:manage', 'users:manage-admins', 'users:reset-password', 'subscriptions:manage', 'service-requests:manage', 'api-keys:manage', 'delegations:manage'],
    },
    {
      id: 'billing_admin',
      label: 'Billing admin',
      description: 'Reads company info, manages subscriptions and license counts, and handles service requests.',
      permissions: ['company:read', 'subscriptions:manage', 'service-requests:manage'],
    },
    {
      id: 'password_admin',
      label: 'Password admin',
      description: 'Reads company info and users, resets passwords of users without admin roles, and handles service requests.',
      permissions: ['company:read', 'users:read', 'users:reset-password', 'service-requests:manage'],
    },
    {
      id: 'service_admin',
      label: 'Service admin',
      description: 'Reads company info and handles service requests.',
      permissions: ['company:read', 'service-requests:manage'],
    },
    {
      id: 'user_management_admin',
      label: 'User management admin',
      description: 'Reads company info; creates, edits, disables and resets users without admin roles; handles service requests.',
      permissions: ['company:read', 'users:read', 'users:manage', 'users:reset-password', 'service-requests:manage'],
    },
  ],
  partnerAccess: [
    { id: 'none', label: 'None', description: 'No access to the partner features or to customers.', actsAs: null },
    { id: 'limited', label: 'Limited', description: 'Partner features; in customers that granted delegated admin, acts as their password admin.', actsAs: 'password_admin' },
    {
      id: 'full',
      label: 'Full',
      description: 'Partner features; in customers that granted delegated admin, acts as their global admin (within what the customer granted).',
      actsAs: 'global_admin',
    },
  ],
  delegationLevels: [
    {
      id: 'limited',
      label: 'Limited administration',
      description: 'The partner may act as your password admin: read users, reset passwords of non-admin users, open service requests.',
      grants: 'password_admin',
    },
    {
      id: 'full',
      label: 'Full administration',
      description: 'The partner may act as your global admin: manage users, subscriptions, service requests and company information.',
      grants: 'global_admin',
    },
  ],
  memberPermissions: ['company:read'],
};

/** `GET /api/company` → 200 (the demo partner). */
export const company: CompanyView = {
  id: companyId,
  kind: 'partner',
  name: 'Northwind Cloud Partners',
  domain: 'northwind.example',
  email: 'hello@northwind.example',
  phone: '+1 425 555 0100',
  website: 'https://northwind.example',
  address: { city: 'Seattle', line1: '1 Harbour Way', region: 'WA', country: 'US', postalCode: '98101' },
  allowedOrigins: ['https://www.northwind.example'],
  signupUrl: null,
  createdAt,
};

const user = (id: string, email: string, displayName: string, companyRoles: UserView['companyRoles'], partnerAccess: UserView['partnerAccess']): UserView => ({
  id,
  companyId,
  email,
  displayName,
  companyRoles,
  partnerAccess,
  disabled: false,
  passwordTemporary: false,
  createdAt,
});

/** The seeded users of the demo partner, as `GET /api/users` lists them. */
export const users = {
  ada: user('6f77eb98-a344-4a89-8fe9-95fa053f41fb', 'admin@northwind.example', 'Ada Admin', ['global_admin'], 'full'),
  bill: user('405091df-75cf-47a3-8157-a3566f532516', 'billing@northwind.example', 'Bill Ledger', ['billing_admin'], 'none'),
  hal: user('a0a9ba14-77ee-45f0-b8e7-4fd4e9cb0017', 'helpdesk@northwind.example', 'Hal Helpdesk', [], 'limited'),
  pat: user('c3b0ef7f-7729-49e5-92f4-02c5da80695e', 'passwords@northwind.example', 'Pat Reset', ['password_admin'], 'limited'),
  sam: user('dcc5afeb-9db8-4faa-9bb4-37ada40c7bd1', 'service@northwind.example', 'Sam Service', ['service_admin'], 'none'),
  stu: user('1d4a131f-f8a6-42f1-9885-329de55134b0', 'staff@northwind.example', 'Stu Staff', [], 'none'),
  uma: user('099f3156-0ab8-4ae2-ba9f-68ffbcd8f570', 'people@northwind.example', 'Uma Users', ['user_management_admin'], 'none'),
};

/** `GET /api/users` (default limit 25) → 200: everyone, by name, no next page. */
export const allUsers: UserPage = {
  items: [users.ada, users.bill, users.hal, users.pat, users.sam, users.stu, users.uma],
  nextCursor: null,
};
/** `GET /api/users?limit=3` → 200. */
export const firstPage: UserPage = { items: [users.ada, users.bill, users.hal], nextCursor: 'WyJIYWwgSGVscGRlc2siLCJhMGE5YmExNC03N2VlLTQ1ZjAtYjhlNy00ZmQ0ZTljYjAwMTciXQ' };
/** `GET /api/users?limit=3&cursor=<firstPage.nextCursor>` → 200. */
export const secondPage: UserPage = { items: [users.pat, users.sam, users.stu], nextCursor: 'WyJTdHUgU3RhZmYiLCIxZDRhMTMxZi1mOGE2LTQyZjEtOTg4NS0zMjlkZTU1MTM0YjAiXQ' };
/** `GET /api/users?q=pat` → 200. */
export const searchPat: UserPage = { items: [users.pat], nextCursor: null };
/** `GET /api/users?q=zzz` → 200. */
export const searchNone: UserPage = { items: [], nextCursor: null };

const permissionsOf = {
  globalAdmin: ['company:read', 'company:update', 'users:read', 'users:manage', 'users:manage-admins', 'users:reset-password', 'subscriptions:manage', 'service-requests:manage', 'api-keys:manage', 'partner:use'],
};

const me = (u: UserView, roleLabels: MeView['roles'], permissions: string[], expiresAt: string): MeView => ({
  user: u,
  company,
  roles: roleLabels,
  partnerAccess: u.partnerAccess,
  permissions,
  session: { kind: 'password', expiresAt },
  passwordChangeRequired: false,
});

/** `GET /api/me` as admin@northwind.example (global admin, full partner access). */
export const adminMe = me(users.ada, [{ id: 'global_admin', label: 'Global admin' }], permissionsOf.globalAdmin, '2026-11-24T15:14:12.673Z');
/** `GET /api/me` as people@northwind.example (user management admin). */
export const peopleMe = me(
  users.uma,
  [{ id: 'user_management_admin', label: 'User management admin' }],
  ['company:read', 'users:read', 'users:manage', 'users:reset-password', 'service-requests:manage'],
  '2026-11-24T15:09:28.371Z',
);
/** `GET /api/me` as passwords@northwind.example (password admin, limited partner access). */
export const passwordsMe = me(
  users.pat,
  [{ id: 'password_admin', label: 'Password admin' }],
  ['company:read', 'users:read', 'users:reset-password', 'service-requests:manage', 'partner:use'],
  '2026-11-24T15:14:04.983Z',
);
/** `GET /api/me` as staff@northwind.example (no admin role). */
export const staffMe = me(users.stu, [], ['company:read'], '2026-11-24T15:09:28.198Z');
/** `GET /api/me` as billing@northwind.example (billing admin: reads the company, cannot change it). */
export const billingMe = me(users.bill, [{ id: 'billing_admin', label: 'Billing admin' }], ['company:read', 'subscriptions:manage', 'service-requests:manage'], '2026-11-24T15:09:46.269Z');

/** `GET /api/me` as admin@fabrikam.example, the global admin of a customer company. */
export const customerMe: MeView = {
  user: {
    id: '1966f51a-a725-45d7-8762-0e685550b174',
    companyId: '06b87dd4-23b2-4ad5-a86d-337440ed340c',
    email: 'admin@fabrikam.example',
    displayName: 'Fabrikam Bakery Admin',
    companyRoles: ['global_admin'],
    partnerAccess: 'none',
    disabled: false,
    passwordTemporary: false,
    createdAt,
  },
  company: {
    id: '06b87dd4-23b2-4ad5-a86d-337440ed340c',
    kind: 'customer',
    name: 'Fabrikam Bakery',
    domain: 'fabrikam.example',
    email: 'it@fabrikam.example',
    phone: null,
    website: null,
    address: null,
    allowedOrigins: [],
    signupUrl: null,
    createdAt: '2026-11-18T03:09:19.706Z',
  },
  roles: [{ id: 'global_admin', label: 'Global admin' }],
  partnerAccess: 'none',
  permissions: ['company:read', 'company:update', 'users:read', 'users:manage', 'users:manage-admins', 'users:reset-password', 'subscriptions:manage', 'service-requests:manage', 'delegations:manage'],
  session: { kind: 'password', expiresAt: '2026-11-24T15:09:46.398Z' },
  passwordChangeRequired: false,
};

/** `POST /api/users` `{email: "lena@northwind.example", displayName: "Lena Limited", companyRoles: [], partnerAccess: "limited"}` → 201. */
export const createdLena: CreatedUser = {
  user: {
    id: 'cb5311c2-9a21-4ce5-b15e-c19eaca3204d',
    companyId,
    email: 'lena@northwind.example',
    displayName: 'Lena Limited',
    companyRoles: [],
    partnerAccess: 'limited',
    disabled: false,
    passwordTemporary: true,
    createdAt: '2026-11-24T03:09:35.047Z',
  },
  temporaryPassword: '3WbA3RZSeNNXjAmX',
};

/** `PATCH /api/users/<stu>` `{displayName: "Stu Staffer", companyRoles: ["service_admin"], …}` → 200. */
export const stuUpdated: UserView = { ...users.stu, displayName: 'Stu Staffer', companyRoles: ['service_admin'] };

/** `POST /api/users/<stu>/reset-password` → 200. */
export const stuReset: PasswordReset = { user: { ...users.stu, passwordTemporary: true }, temporaryPassword: 'GX7R9UJDWp3n3d9M' };

/** `PATCH /api/company` `{phone: "+1 425 555 0199", allowedOrigins: [...], signupUrl: ...}` → 200. */
export const companyUpdated: CompanyView = {
  ...company,
  phone: '+1 425 555 0199',
  allowedOrigins: ['https://www.northwind.example', 'http://localhost:5173'],
  signupUrl: 'https://northwind.example/signup',
};

const originMessage = 'Use an origin like https://www.example.com or https://example.com:8443 (http only for http://localhost:PORT), with no path.';

/** Error answers, each with its status. */
export const errors = {
  /** `GET /api/users` as a user without `users:read`. */
  forbiddenUsersRead: {
    status: 403,
    body: { error: { code: 'forbidden', message: 'You do not have the permission users:read here.', details: [{ path: 'permission', message: 'users:read' }] } },
  },
  /** `POST /api/users` as a user management admin with an admin role in the body. */
  forbiddenManageAdmins: {
    status: 403,
    body: { error: { code: 'forbidden', message: 'You do not have the permission users:manage-admins here.', details: [{ path: 'permission', message: 'users:manage-admins' }] } },
  },
  /** `PATCH /api/company` as a billing admin. */
  forbiddenCompanyUpdate: {
    status: 403,
    body: { error: { code: 'forbidden', message: 'You do not have the permission company:update here.', details: [{ path: 'permission', message: 'company:update' }] } },
  },
  /** `POST /api/users` with an email already in use (any case). */
  emailTaken: { status: 409, body: { error: { code: 'email_taken', message: 'A user with this email already exists.' } } },
  /** `PATCH /api/users/<ada>` `{companyRoles: ["billing_admin"]}`: Ada is the only global admin. */
  lastGlobalAdmin: {
    status: 409,
    body: { error: { code: 'last_global_admin', message: 'A company needs at least one enabled global admin; appoint another first.' } },
  },
  /** `PATCH /api/users/<self>` `{disabled: true}`. */
  cannotDisableSelf: { status: 409, body: { error: { code: 'cannot_disable_self', message: 'You cannot disable your own account; ask another admin.' } } },
  /** `POST /api/users` `{email: "nope", displayName: " "}`. */
  createInvalid: {
    status: 422,
    body: {
      error: {
        code: 'validation_failed',
        message: 'The request is not valid; see details.',
        details: [
          { path: 'body.email', message: 'Invalid email address' },
          { path: 'body.displayName', message: 'Too small: expected string to have >=1 characters' },
        ],
      },
    },
  },
  /** `PATCH /api/users/<stu>` `{displayName: ""}`. */
  updateInvalid: {
    status: 422,
    body: {
      error: {
        code: 'validation_failed',
        message: 'The request is not valid; see details.',
        details: [{ path: 'body.displayName', message: 'Too small: expected string to have >=1 characters' }],
      },
    },
  },
  /** `PATCH /api/company` with a bad email, phone, website, city, two bad origins (of three) and sign-up URL. */
  companyInvalid: {
    status: 422,
    body: {
      error: {
        code: 'validation_failed',
        message: 'The request is not valid; see details.',
        details: [
          { path: 'body.email', message: 'Use an email address like support@example.com.' },
          { path: 'body.phone', message: 'Use digits, spaces and + ( ) - only, e.g. +1 425 555 0100.' },
          { path: 'body.website', message: 'Use a full web address starting with https://.' },
          { path: 'body.address.city', message: 'Too big: expected string to have <=200 characters' },
          { path: 'body.allowedOrigins.1', message: originMessage },
          { path: 'body.allowedOrigins.2', message: originMessage },
          { path: 'body.signupUrl', message: 'Use a full web address starting with https://.' },
        ],
      },
    },
  },
  /** `PATCH /api/company` `{name: ""}`. */
  companyNameMissing: {
    status: 422,
    body: { error: { code: 'validation_failed', message: 'The request is not valid; see details.', details: [{ path: 'body.name', message: 'The company needs a name.' }] } },
  },
  /** `PATCH /api/users/00000000-0000-4000-8000-000000000000`. */
  userNotFound: { status: 404, body: { error: { code: 'not_found', message: 'User not found.' } } },
} as const;
