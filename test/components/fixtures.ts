/**
 * Responses recorded from the real BFF (`node bff/bin.mjs serve` on the seeded demo, curl),
 * so the stubbed fetch answers exactly as the server does. Re-record when the API changes.
 */
import type { MeView, SessionView } from '../../components/api/client.ts';

export const demoPassword = 'demo-partner-2026';

/** `POST /api/sessions` as admin@northwind.example → 201. */
export const adminSession: SessionView = {
  token: 'pks_cwRi3yafBskzuVtQwFTnBaM6iGFArqW6oVxXystVnGc',
  expiresAt: '2026-11-24T14:50:05.994Z',
  user: {
    id: 'dd280616-0b74-49f0-b1e3-3cd91f3c9afa',
    companyId: '2b12496d-5983-47fd-8cb7-7595ee2006fd',
    email: 'admin@northwind.example',
    displayName: 'Ada Admin',
    companyRoles: ['global_admin'],
    partnerAccess: 'full',
    disabled: false,
    passwordTemporary: false,
    createdAt: '2026-11-24T02:50:01.345Z',
  },
};

/** `GET /api/me` with the admin's token → 200. */
export const adminMe: MeView = {
  user: adminSession.user,
  company: {
    id: '2b12496d-5983-47fd-8cb7-7595ee2006fd',
    kind: 'partner',
    name: 'Northwind Cloud Partners',
    domain: 'northwind.example',
    email: 'hello@northwind.example',
    phone: '+1 425 555 0100',
    website: 'https://northwind.example',
    address: { city: 'Seattle', line1: '1 Harbour Way', region: 'WA', country: 'US', postalCode: '98101' },
    allowedOrigins: [],
    signupUrl: null,
    createdAt: '2026-11-24T02:50:01.345Z',
  },
  roles: [{ id: 'global_admin', label: 'Global admin' }],
  partnerAccess: 'full',
  permissions: [
    'company:read',
    'company:update',
    'users:read',
    'users:manage',
    'users:manage-admins',
    'users:reset-password',
    'subscriptions:manage',
    'service-requests:manage',
    'api-keys:manage',
    'partner:use',
  ],
  session: { kind: 'password', expiresAt: '2026-11-24T14:50:05.994Z' },
  passwordChangeRequired: false,
};

/** `POST /api/sessions` with a temporary password (a partner made with `partnerkit create-partner`) → 201. */
export const temporarySession: SessionView = {
  token: 'pks_Sz-R-7cmX5oEoGuk4MXgjRyED4cjee0upCaWm1Wn5Uk',
  expiresAt: '2026-11-24T14:50:32.038Z',
  user: {
    id: 'ddae36cd-12a7-4cd0-bfc6-ba2be59286c5',
    companyId: '18234ce8-9922-4240-b3be-69a3b05ac955',
    email: 'temp@tempco.example',
    displayName: 'Tina Temp',
    companyRoles: ['global_admin'],
    partnerAccess: 'full',
    disabled: false,
    passwordTemporary: true,
    createdAt: '2026-11-24T02:50:20.837Z',
  },
};
export const temporaryPassword = 'e6vey5AQjKYz8zBr';

/** `GET /api/me` in that temporary-password session → 200. */
export const temporaryMe: MeView = {
  user: temporarySession.user,
  company: {
    id: '18234ce8-9922-4240-b3be-69a3b05ac955',
    kind: 'partner',
    name: 'Temp Co',
    domain: 'tempco.example',
    email: 'temp@tempco.example',
    phone: null,
    website: null,
    address: null,
    allowedOrigins: [],
    signupUrl: null,
    createdAt: '2026-11-24T02:50:20.837Z',
  },
  roles: [{ id: 'global_admin', label: 'Global admin' }],
  partnerAccess: 'full',
  permissions: [],
  session: { kind: 'password', expiresAt: '2026-11-24T14:50:32.038Z' },
  passwordChangeRequired: true,
};

/** `PUT /api/me/password` → 200: a fresh session; the old token is revoked. */
export const changedSession: SessionView = {
  token: 'pks_jUL8WD1sqatICRMbVC4VCmmmIGdC_42VcLZbrouTxZU',
  expiresAt: '2026-11-24T14:50:32.930Z',
  user: { ...temporarySession.user, passwordTemporary: false },
};

/** `GET /api/me` after the change. */
export const changedMe: MeView = {
  ...temporaryMe,
  user: changedSession.user,
  permissions: ['company:read', 'company:update', 'users:read', 'users:manage', 'users:manage-admins', 'users:reset-password', 'subscriptions:manage', 'service-requests:manage', 'api-keys:manage', 'partner:use'],
  session: { kind: 'password', expiresAt: '2026-11-24T14:50:32.930Z' },
  passwordChangeRequired: false,
};

/** Error bodies, each with its status. */
export const errors = {
  /** `POST /api/sessions` with a wrong password. */
  invalidCredentials: { status: 401, body: { error: { code: 'invalid_credentials', message: 'The email or password is not correct.' } } },
  /** `POST /api/sessions` with `{"email":"nope","password":""}`. */
  signInInvalid: {
    status: 422,
    body: {
      error: {
        code: 'validation_failed',
        message: 'The request is not valid; see details.',
        details: [
          { path: 'body.email', message: 'Invalid email address' },
          { path: 'body.password', message: 'Too small: expected string to have >=1 characters' },
        ],
      },
    },
  },
  /** Any authenticated route with a revoked or expired token. */
  invalidToken: { status: 401, body: { error: { code: 'invalid_token', message: 'The token is unknown, expired or revoked; sign in again.' } } },
  /** `PUT /api/me/password` with a wrong current password. */
  wrongCurrentPassword: {
    status: 422,
    body: {
      error: {
        code: 'validation_failed',
        message: 'The current password is not correct.',
        details: [{ path: 'body.currentPassword', message: 'The current password is not correct.' }],
      },
    },
  },
  /** `PUT /api/me/password` with `newPassword: "short"`. */
  weakNewPassword: {
    status: 422,
    body: {
      error: {
        code: 'validation_failed',
        message: 'The request is not valid; see details.',
        details: [
          { path: 'body.newPassword', message: 'Use at least 10 characters.' },
          { path: 'body.newPassword', message: 'Mix letters with at least one digit or symbol.' },
        ],
      },
    },
  },
} as const;
