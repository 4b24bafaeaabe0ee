/**
 * Consent-page responses recorded from the real BFF on the seeded demo plus one more partner
 * (`npm run build`, `partnerkit create-partner --name "Litware IT Services" …`, then
 * `PORT=4102 DATA_DIR=/tmp/pk-h2 node bff/bin.mjs serve`): Northwind and Litware asked Fabrikam
 * Bakery for delegated administration (POST /api/customers/:id/delegation-requests as each
 * partner's admin), Northwind acted in Fabrikam, and admin@fabrikam.example answered, listed,
 * read the audit and revoked with curl. Re-record when the API changes.
 *
 * `errors.expired` is the one answer written by hand (a request lapses only after days): its
 * message is the BFF's, from bff/domain/delegations.ts.
 */
import type { AuditPage, DelegationView, PartnerPage, PublicDelegationView } from '../../components/api/client.ts';
import type { Answer } from './fetch-stub.ts';

/** `GET /api/public/delegations/:code` → 200: Northwind asks Fabrikam for limited administration. */
export const pendingRequest: PublicDelegationView = {
  "code": "CAP9TIht6_vLZaao8jVKO20KDrU",
  "status": "pending",
  "level": "limited",
  "label": "Limited administration",
  "description": "The partner may act as your password admin: read users, reset passwords of non-admin users, open service requests.",
  "permissions": [
    "company:read",
    "users:read",
    "users:reset-password",
    "service-requests:manage"
  ],
  "partner": {
    "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
    "name": "Northwind Cloud Partners",
    "email": "hello@northwind.example",
    "phone": "+1 425 555 0100",
    "website": "https://northwind.example"
  },
  "requestedAt": "2026-11-24T05:26:19.590Z",
  "requestExpiresAt": "2026-12-08T05:26:19.590Z",
  "expiresAt": null,
  "answeredAt": null
};

/** `POST /api/public/delegations/:code/accept` with `{
  "expiresAt": "2027-01-23T23:59:59.999Z"
}` → 200. */
export const acceptedRequest: PublicDelegationView = {
  "code": "CAP9TIht6_vLZaao8jVKO20KDrU",
  "status": "active",
  "level": "limited",
  "label": "Limited administration",
  "description": "The partner may act as your password admin: read users, reset passwords of non-admin users, open service requests.",
  "permissions": [
    "company:read",
    "users:read",
    "users:reset-password",
    "service-requests:manage"
  ],
  "partner": {
    "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
    "name": "Northwind Cloud Partners",
    "email": "hello@northwind.example",
    "phone": "+1 425 555 0100",
    "website": "https://northwind.example"
  },
  "requestedAt": "2026-11-24T05:26:19.590Z",
  "requestExpiresAt": "2026-12-08T05:26:19.590Z",
  "expiresAt": "2027-01-23T23:59:59.999Z",
  "answeredAt": "2026-11-24T05:26:19.949Z"
};

/** `GET /api/public/delegations/:code` → 200: Northwind asks Tailspin Toys for full administration (as its admin sees it). */
export const tailspinRequest: PublicDelegationView = {
  "code": "NfhKr03Ba1m6-QeJKqQtATEC-LA",
  "status": "pending",
  "level": "full",
  "label": "Full administration",
  "description": "The partner may act as your global admin: manage users, subscriptions, service requests and company information.",
  "permissions": [
    "company:read",
    "company:update",
    "users:read",
    "users:manage",
    "users:manage-admins",
    "users:reset-password",
    "subscriptions:manage",
    "service-requests:manage"
  ],
  "partner": {
    "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
    "name": "Northwind Cloud Partners",
    "email": "hello@northwind.example",
    "phone": "+1 425 555 0100",
    "website": "https://northwind.example"
  },
  "requestedAt": "2026-11-24T05:26:20.038Z",
  "requestExpiresAt": "2027-02-22T05:26:20.038Z",
  "expiresAt": null,
  "answeredAt": null
};

/** `POST /api/public/delegations/:code/decline` → 200 (Tailspin's admin). */
export const declinedRequest: PublicDelegationView = {
  "code": "NfhKr03Ba1m6-QeJKqQtATEC-LA",
  "status": "declined",
  "level": "full",
  "label": "Full administration",
  "description": "The partner may act as your global admin: manage users, subscriptions, service requests and company information.",
  "permissions": [
    "company:read",
    "company:update",
    "users:read",
    "users:manage",
    "users:manage-admins",
    "users:reset-password",
    "subscriptions:manage",
    "service-requests:manage"
  ],
  "partner": {
    "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
    "name": "Northwind Cloud Partners",
    "email": "hello@northwind.example",
    "phone": "+1 425 555 0100",
    "website": "https://northwind.example"
  },
  "requestedAt": "2026-11-24T05:26:20.038Z",
  "requestExpiresAt": "2027-02-22T05:26:20.038Z",
  "expiresAt": null,
  "answeredAt": "2026-11-24T05:26:20.063Z"
};

/** `GET /api/partners` → 200 as admin@fabrikam.example: Litware asks for full administration, Northwind holds limited. */
export const partners: PartnerPage = {
  "items": [
    {
      "id": "76f90c83-7863-434a-8fe9-40dcc352f0f5",
      "name": "Litware IT Services",
      "email": "support@litware.example",
      "phone": "+1 206 555 0199",
      "website": "https://litware.example",
      "isAdvisor": true,
      "since": "2026-11-24T05:26:19.342Z",
      "delegation": {
        "id": "3d4808c6-2f86-43ca-ac42-b50dee6240d4",
        "status": "pending",
        "level": "full",
        "expiresAt": null,
        "requestExpiresAt": "2026-12-24T05:26:19.434Z",
        "answeredAt": null
      },
      "pendingRequest": {
        "id": "3d4808c6-2f86-43ca-ac42-b50dee6240d4",
        "code": "WB4K36b6ahbJqqV_1st8Kf-28uc",
        "level": "full",
        "requestExpiresAt": "2026-12-24T05:26:19.434Z"
      }
    },
    {
      "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
      "name": "Northwind Cloud Partners",
      "email": "hello@northwind.example",
      "phone": "+1 425 555 0100",
      "website": "https://northwind.example",
      "isAdvisor": true,
      "since": "2026-11-18T05:25:24.897Z",
      "delegation": {
        "id": "bccfc095-7cd5-4f25-a7e7-8315f598deff",
        "status": "active",
        "level": "limited",
        "expiresAt": "2027-01-23T23:59:59.999Z",
        "requestExpiresAt": "2026-12-08T05:26:19.590Z",
        "answeredAt": "2026-11-24T05:26:19.949Z"
      },
      "pendingRequest": null
    }
  ],
  "nextCursor": null
};

/** `DELETE /api/partners/:northwindId/delegation` → 200. */
export const revokedDelegation: DelegationView = {
  "id": "bccfc095-7cd5-4f25-a7e7-8315f598deff",
  "status": "revoked",
  "level": "limited",
  "expiresAt": "2027-01-23T23:59:59.999Z",
  "requestExpiresAt": "2026-12-08T05:26:19.590Z",
  "answeredAt": "2026-11-24T05:26:19.949Z"
};

/** `GET /api/partners` → 200 after the revocation. */
export const partnersAfterRevoke: PartnerPage = {
  "items": [
    {
      "id": "76f90c83-7863-434a-8fe9-40dcc352f0f5",
      "name": "Litware IT Services",
      "email": "support@litware.example",
      "phone": "+1 206 555 0199",
      "website": "https://litware.example",
      "isAdvisor": true,
      "since": "2026-11-24T05:26:19.342Z",
      "delegation": {
        "id": "3d4808c6-2f86-43ca-ac42-b50dee6240d4",
        "status": "pending",
        "level": "full",
        "expiresAt": null,
        "requestExpiresAt": "2026-12-24T05:26:19.434Z",
        "answeredAt": null
      },
      "pendingRequest": {
        "id": "3d4808c6-2f86-43ca-ac42-b50dee6240d4",
        "code": "WB4K36b6ahbJqqV_1st8Kf-28uc",
        "level": "full",
        "requestExpiresAt": "2026-12-24T05:26:19.434Z"
      }
    },
    {
      "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
      "name": "Northwind Cloud Partners",
      "email": "hello@northwind.example",
      "phone": "+1 425 555 0100",
      "website": "https://northwind.example",
      "isAdvisor": true,
      "since": "2026-11-18T05:25:24.897Z",
      "delegation": {
        "id": "bccfc095-7cd5-4f25-a7e7-8315f598deff",
        "status": "revoked",
        "level": "limited",
        "expiresAt": "2027-01-23T23:59:59.999Z",
        "requestExpiresAt": "2026-12-08T05:26:19.590Z",
        "answeredAt": "2026-11-24T05:26:19.949Z"
      },
      "pendingRequest": null
    }
  ],
  "nextCursor": null
};

/** `GET /api/audit?limit=5` → 200: the newest five entries and the cursor of the rest. */
export const auditPage1: AuditPage = {
  "items": [
    {
      "id": "d5fd792c-d633-4f3a-b59c-5f46aa8f64c1",
      "at": "2026-11-24T05:26:19.949Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "2857028d-3e7a-45c6-9f67-4a910f51bc3b",
        "name": "Fabrikam Bakery Admin",
        "email": "admin@fabrikam.example"
      },
      "action": "delegation.accepted",
      "target": {
        "type": "delegation",
        "id": "bccfc095-7cd5-4f25-a7e7-8315f598deff"
      },
      "outcome": "success",
      "details": {
        "level": "limited",
        "expiresAt": "2027-01-23T23:59:59.999Z"
      }
    },
    {
      "id": "1be62a9b-8a1a-4cc8-9230-b112896efa19",
      "at": "2026-11-24T05:26:19.949Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "2857028d-3e7a-45c6-9f67-4a910f51bc3b",
        "name": "Fabrikam Bakery Admin",
        "email": "admin@fabrikam.example"
      },
      "action": "delegation.revoked",
      "target": {
        "type": "delegation",
        "id": "5448facd-563f-49f4-a889-cc3e2294cc61"
      },
      "outcome": "success",
      "details": {
        "level": "full",
        "reason": "replaced",
        "replacedBy": "bccfc095-7cd5-4f25-a7e7-8315f598deff"
      }
    },
    {
      "id": "8a41f995-f039-40f5-be89-eb099ed10556",
      "at": "2026-11-24T05:26:19.899Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "62381370-1641-44dd-9a43-6aad4529f5b1",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "user.created",
      "target": {
        "type": "user",
        "id": "ec7daa9e-aacb-412c-9ae4-9051b60db03e"
      },
      "outcome": "success",
      "details": {
        "email": "sam@fabrikam.example",
        "displayName": "Sam Baker",
        "companyRoles": []
      }
    },
    {
      "id": "06cbadbd-a37c-45b0-bac4-ade681748c24",
      "at": "2026-11-24T05:26:19.878Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "83d31c73-33b8-4809-b492-7426c310334a",
        "name": "Hal Helpdesk",
        "email": "helpdesk@northwind.example"
      },
      "action": "user.created",
      "target": {
        "type": "user",
        "id": null
      },
      "outcome": "denied",
      "details": {
        "reason": "forbidden",
        "message": "You do not have the permission users:manage here."
      }
    },
    {
      "id": "3f61c08f-96ff-486e-990c-ac2792dfa204",
      "at": "2026-11-24T05:26:19.813Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "62381370-1641-44dd-9a43-6aad4529f5b1",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "service_request.created",
      "target": {
        "type": "service_request",
        "id": "ec92a630-d862-4212-928b-1f2dd2417fa3"
      },
      "outcome": "success",
      "details": {
        "title": "Mailbox quota for the front desk",
        "severity": "normal"
      }
    }
  ],
  "nextCursor": "WyIyMDI2LTExLTI0VDA1OjI2OjE5LjgxMzAwMFoiLCIzZjYxYzA4Zi05NmZmLTQ4NmUtOTkwYy1hYzI3OTJkZmEyMDQiXQ"
};

/** `GET /api/audit?limit=5&cursor=…` → 200: the last five. */
export const auditPage2: AuditPage = {
  "items": [
    {
      "id": "f727de06-dbeb-494f-8bea-9e61745d4abf",
      "at": "2026-11-24T05:26:19.751Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "62381370-1641-44dd-9a43-6aad4529f5b1",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "user.password_reset",
      "target": {
        "type": "user",
        "id": "1b41955c-3cc0-4daf-b451-a1a47fa91976"
      },
      "outcome": "success",
      "details": {
        "email": "user@fabrikam.example"
      }
    },
    {
      "id": "db84aa91-a266-40af-bb17-59a915bcec3a",
      "at": "2026-11-24T05:26:19.590Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "62381370-1641-44dd-9a43-6aad4529f5b1",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "delegation.revoked",
      "target": {
        "type": "delegation",
        "id": "13ec391b-24a4-4c57-8765-db0fd2079723"
      },
      "outcome": "success",
      "details": {
        "level": "limited",
        "reason": "replaced_by_new_request"
      }
    },
    {
      "id": "19fa8f39-d522-4b7a-b8aa-40defcf3d3af",
      "at": "2026-11-24T05:26:19.590Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "62381370-1641-44dd-9a43-6aad4529f5b1",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "delegation.requested",
      "target": {
        "type": "delegation",
        "id": "bccfc095-7cd5-4f25-a7e7-8315f598deff"
      },
      "outcome": "success",
      "details": {
        "level": "limited",
        "requestExpiresAt": "2026-12-08T05:26:19.590Z"
      }
    },
    {
      "id": "e287fa7c-2160-4160-b26c-9e26b107ffbd",
      "at": "2026-11-24T05:26:19.539Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "298a55a8-00a1-4254-928b-23b682ea5b32",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "62381370-1641-44dd-9a43-6aad4529f5b1",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "delegation.requested",
      "target": {
        "type": "delegation",
        "id": "13ec391b-24a4-4c57-8765-db0fd2079723"
      },
      "outcome": "success",
      "details": {
        "level": "limited",
        "requestExpiresAt": "2026-12-08T05:26:19.539Z"
      }
    },
    {
      "id": "1d299b19-eacd-46c2-af0b-0da3f9bb64aa",
      "at": "2026-11-24T05:26:19.434Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "76f90c83-7863-434a-8fe9-40dcc352f0f5",
        "name": "Litware IT Services"
      },
      "actor": {
        "id": "4de60511-e3f0-4d54-af52-7097f25b88b2",
        "name": "Lee Litware",
        "email": "admin@litware.example"
      },
      "action": "delegation.requested",
      "target": {
        "type": "delegation",
        "id": "3d4808c6-2f86-43ca-ac42-b50dee6240d4"
      },
      "outcome": "success",
      "details": {
        "level": "full",
        "requestExpiresAt": "2026-12-24T05:26:19.434Z"
      }
    }
  ],
  "nextCursor": null
};

/** `GET /api/audit?limit=5&partnerId=<Litware>` → 200. */
export const auditLitware: AuditPage = {
  "items": [
    {
      "id": "1d299b19-eacd-46c2-af0b-0da3f9bb64aa",
      "at": "2026-11-24T05:26:19.434Z",
      "customerId": "11e93271-1406-43db-b999-6ac960792c5e",
      "partner": {
        "id": "76f90c83-7863-434a-8fe9-40dcc352f0f5",
        "name": "Litware IT Services"
      },
      "actor": {
        "id": "4de60511-e3f0-4d54-af52-7097f25b88b2",
        "name": "Lee Litware",
        "email": "admin@litware.example"
      },
      "action": "delegation.requested",
      "target": {
        "type": "delegation",
        "id": "3d4808c6-2f86-43ca-ac42-b50dee6240d4"
      },
      "outcome": "success",
      "details": {
        "level": "full",
        "requestExpiresAt": "2026-12-24T05:26:19.434Z"
      }
    }
  ],
  "nextCursor": null
};

/** `GET /api/audit?format=csv` → 200 text/csv (the first lines). */
export const auditCsv = "time,partner_id,partner,actor_name,actor_email,action,target_type,target_id,outcome,details\r\n2026-11-24T05:26:19.949Z,298a55a8-00a1-4254-928b-23b682ea5b32,Northwind Cloud Partners,Fabrikam Bakery Admin,admin@fabrikam.example,delegation.accepted,delegation,bccfc095-7cd5-4f25-a7e7-8315f598deff,success,\"{\"\"level\"\":\"\"limited\"\",\"\"expiresAt\"\":\"\"2027-01-23T23:59:59.999Z\"\"}\"\r\n2026-11-24T05:26:19.949Z,298a55a8-00a1-4254-928b-23b682ea5b32,Northwind Cloud Partners,Fabrikam Bakery Admin,admin@fabrikam.example,delegation.revoked,delegation,5448facd-563f-49f4-a889-cc3e2294cc61,success,\"{\"\"level\"\":\"\"full\"\",\"\"reason\"\":\"\"replaced\"\",\"\"replacedBy\"\":\"\"bccfc095-7cd5-4f25-a7e7-8315f598deff\"\"}\"\r\n";

export const errors = {
  /** No token. */
  unauthenticated: { status: 401, body: {
    "error": {
      "code": "unauthorized",
      "message": "Send a bearer token in the Authorization header."
    }
  } },
  /** A partner's admin (admin@northwind.example) opens the customer's link. */
  partnerUser: { status: 403, body: {
    "error": {
      "code": "forbidden",
      "message": "Only a global admin of the company this request was sent to can view or answer it."
    }
  } },
  /** A customer user without the global admin role (user@fabrikam.example). */
  customerUser: { status: 403, body: {
    "error": {
      "code": "forbidden",
      "message": "Only a global admin of the company this request was sent to can view or answer it."
    }
  } },
  /** An unknown code. */
  notFound: { status: 404, body: {
    "error": {
      "code": "not_found",
      "message": "Delegation request not found."
    }
  } },
  /** Accepting a request that was already accepted. */
  alreadyAnswered: { status: 409, body: {
    "error": {
      "code": "already_answered",
      "message": "This request was already answered (active)."
    }
  } },
  /** The partner replaced the request with a newer one. */
  withdrawn: { status: 410, body: {
    "error": {
      "code": "delegation_withdrawn",
      "message": "The partner replaced this request with a newer one; use the latest link."
    }
  } },
  /** The request lapsed unanswered (written by hand; see above). */
  expired: { status: 410, body: { error: { code: 'delegation_expired', message: 'This delegation request expired before anyone answered it; ask the partner for a new one.' } } },
  /** `GET /api/partners` as user@tailspin.example (no global admin role). */
  partnersForbidden: { status: 403, body: {
    "error": {
      "code": "forbidden",
      "message": "You do not have the permission delegations:manage here.",
      "details": [
        {
          "path": "permission",
          "message": "delegations:manage"
        }
      ]
    }
  } },
} satisfies Record<string, Answer>;
