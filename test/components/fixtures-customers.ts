/**
 * Customer, delegation, assist and audit responses recorded from the real BFF on the seeded demo
 * (`PORT=4101 DATA_DIR=/tmp/pk-h1 node bff/bin.mjs serve`, then fetch as admin@northwind.example,
 * full partner access, and helpdesk@northwind.example, limited), in this order: the lists, the
 * details, then the actions (a password reset, a user added, a delegation request, a service
 * request) and last Fabrikam's global admin revoking the delegation. So the stubbed fetch answers
 * exactly as the server does. Re-record when the API changes. The roles table is `roles` of
 * fixtures-company.ts (the same for every session).
 */
import type {
  AuditPage,
  CreatedUser,
  CustomerDetail,
  CustomerPage,
  DelegationRequestView,
  MeView,
  PasswordReset,
  ServiceRequestView,
  UserPage,
} from '../../components/api/client.ts';

/** `GET /api/me` as admin@ (global admin, full partner access) → 200. */
export const adminMe: MeView = {
  "user": {
    "id": "aca73992-7d79-4d46-b7ce-82c6de3cdd81",
    "companyId": "21456176-0b65-41e9-915d-f669f54a289b",
    "email": "admin@northwind.example",
    "displayName": "Ada Admin",
    "companyRoles": [
      "global_admin"
    ],
    "partnerAccess": "full",
    "disabled": false,
    "passwordTemporary": false,
    "createdAt": "2026-11-24T05:24:10.234Z"
  },
  "company": {
    "id": "21456176-0b65-41e9-915d-f669f54a289b",
    "kind": "partner",
    "name": "Northwind Cloud Partners",
    "domain": "northwind.example",
    "email": "hello@northwind.example",
    "phone": "+1 425 555 0100",
    "website": "https://northwind.example",
    "address": {
      "city": "Seattle",
      "line1": "1 Harbour Way",
      "region": "WA",
      "country": "US",
      "postalCode": "98101"
    },
    "allowedOrigins": [],
    "signupUrl": null,
    "createdAt": "2026-11-24T05:24:10.234Z"
  },
  "roles": [
    {
      "id": "global_admin",
      "label": "Global admin"
    }
  ],
  "partnerAccess": "full",
  "permissions": [
    "company:read",
    "company:update",
    "users:read",
    "users:manage",
    "users:manage-admins",
    "users:reset-password",
    "subscriptions:manage",
    "service-requests:manage",
    "api-keys:manage",
    "partner:use"
  ],
  "session": {
    "kind": "password",
    "expiresAt": "2026-11-24T17:26:21.256Z"
  },
  "passwordChangeRequired": false
};

/** `GET /api/me` as helpdesk@ (no admin role, limited partner access) → 200. */
export const helpdeskMe: MeView = {
  ...adminMe,
  user: {
    "id": "03a93531-0a07-4f0f-a0e5-73d0d128cc26",
    "companyId": "21456176-0b65-41e9-915d-f669f54a289b",
    "email": "helpdesk@northwind.example",
    "displayName": "Hal Helpdesk",
    "companyRoles": [],
    "partnerAccess": "limited",
    "disabled": false,
    "passwordTemporary": false,
    "createdAt": "2026-11-24T05:24:10.234Z"
  },
  roles: [],
  partnerAccess: "limited",
  permissions: [
    "company:read",
    "partner:use"
  ],
  session: {
    "kind": "password",
    "expiresAt": "2026-11-24T17:26:21.333Z"
  },
};

/** `GET /api/customers?limit=25` → 200: the seven demo customers by name, one in each delegation state. */
export const customers: CustomerPage = {
  "items": [
    {
      "id": "e7fdbce3-5072-4e3c-bac5-e3c060c6ba53",
      "name": "Adventure Works Cycles",
      "domain": "adventure-works.example",
      "isAdvisor": true,
      "since": "2026-11-22T05:24:10.142Z",
      "delegation": {
        "id": "ea87bb6c-603e-4a8e-a04c-9439feca4942",
        "status": "revoked",
        "level": "limited",
        "expiresAt": null,
        "requestExpiresAt": null,
        "answeredAt": "2026-11-22T05:24:10.142Z"
      },
      "subscriptionSummary": {
        "trial": 0,
        "active": 1,
        "expiredTrial": 0,
        "cancelled": 0,
        "services": [
          {
            "sku": "MAIL-STD",
            "name": "Business Mail",
            "status": "active"
          }
        ]
      }
    },
    {
      "id": "d7e5bf6e-d450-4bdc-8f3b-39f7dbc52dfd",
      "name": "Coho Winery",
      "domain": "coho.example",
      "isAdvisor": true,
      "since": "2026-11-23T05:24:10.142Z",
      "delegation": {
        "id": "98472fb1-105a-43ef-9e15-b65180de76ba",
        "status": "declined",
        "level": "full",
        "expiresAt": null,
        "requestExpiresAt": null,
        "answeredAt": "2026-11-23T05:24:10.142Z"
      },
      "subscriptionSummary": {
        "trial": 1,
        "active": 0,
        "expiredTrial": 0,
        "cancelled": 0,
        "services": [
          {
            "sku": "MEET-ROOM",
            "name": "Meeting Rooms",
            "status": "trial"
          }
        ]
      }
    },
    {
      "id": "934a1cd4-f15b-4cb6-a40d-3d33ba535341",
      "name": "Contoso Pharmacy",
      "domain": "contoso-pharmacy.example",
      "isAdvisor": true,
      "since": "2026-11-17T05:24:10.142Z",
      "delegation": {
        "id": "9b3a9066-5638-4941-a4ed-950f6f63c5dd",
        "status": "expired",
        "level": "limited",
        "expiresAt": "2026-11-21T05:24:10.142Z",
        "requestExpiresAt": null,
        "answeredAt": "2026-11-17T05:24:10.142Z"
      },
      "subscriptionSummary": {
        "trial": 0,
        "active": 1,
        "expiredTrial": 0,
        "cancelled": 0,
        "services": [
          {
            "sku": "OFFICE-PRO",
            "name": "Office Suite Pro",
            "status": "active"
          }
        ]
      }
    },
    {
      "id": "64b7d0e9-e680-4490-8e97-465256f95c7d",
      "name": "Fabrikam Bakery",
      "domain": "fabrikam.example",
      "isAdvisor": true,
      "since": "2026-11-18T05:24:10.142Z",
      "delegation": {
        "id": "573ed01f-0e7b-4e69-af87-41b57b1038d2",
        "status": "active",
        "level": "full",
        "expiresAt": "2027-01-23T05:24:10.142Z",
        "requestExpiresAt": null,
        "answeredAt": "2026-11-18T05:24:10.142Z"
      },
      "subscriptionSummary": {
        "trial": 0,
        "active": 1,
        "expiredTrial": 0,
        "cancelled": 0,
        "services": [
          {
            "sku": "MAIL-STD",
            "name": "Business Mail",
            "status": "active"
          }
        ]
      }
    },
    {
      "id": "73000edd-5249-4e1d-a41c-0475a23a850c",
      "name": "Lucerne Publishing",
      "domain": "lucerne.example",
      "isAdvisor": true,
      "since": "2026-11-21T05:24:10.142Z",
      "delegation": {
        "id": null,
        "status": "none",
        "level": null,
        "expiresAt": null,
        "requestExpiresAt": null,
        "answeredAt": null
      },
      "subscriptionSummary": {
        "trial": 0,
        "active": 0,
        "expiredTrial": 1,
        "cancelled": 0,
        "services": [
          {
            "sku": "BACKUP-365",
            "name": "Cloud Backup",
            "status": "expired_trial"
          }
        ]
      }
    },
    {
      "id": "a87258ad-05b5-469c-a904-9d46141341fc",
      "name": "Tailspin Toys",
      "domain": "tailspin.example",
      "isAdvisor": true,
      "since": "2026-11-19T05:24:10.142Z",
      "delegation": {
        "id": "6fc18199-5b76-4600-97d8-edbe5543f72c",
        "status": "active",
        "level": "limited",
        "expiresAt": null,
        "requestExpiresAt": null,
        "answeredAt": "2026-11-19T05:24:10.142Z"
      },
      "subscriptionSummary": {
        "trial": 1,
        "active": 0,
        "expiredTrial": 0,
        "cancelled": 0,
        "services": [
          {
            "sku": "OFFICE-PRO",
            "name": "Office Suite Pro",
            "status": "trial"
          }
        ]
      }
    },
    {
      "id": "232ad81e-f87e-4c8d-9045-95ea46bc4af8",
      "name": "Wide World Importers",
      "domain": "wideworld.example",
      "isAdvisor": true,
      "since": "2026-11-20T05:24:10.142Z",
      "delegation": {
        "id": "7f5df659-3209-4c2a-b075-852b750f4eaf",
        "status": "pending",
        "level": "full",
        "expiresAt": null,
        "requestExpiresAt": "2027-02-22T05:24:10.142Z",
        "answeredAt": null
      },
      "subscriptionSummary": {
        "trial": 0,
        "active": 1,
        "expiredTrial": 0,
        "cancelled": 0,
        "services": [
          {
            "sku": "SEC-PLUS",
            "name": "Security Plus",
            "status": "active"
          }
        ]
      }
    }
  ],
  "nextCursor": null
};

/** A row of `customers`: lists and details answered with exactly these rows' fields, as recorded. */
const customerRow = (name: string) => customers.items.find((c) => c.name === name)!;

/** A page of `customers` rows in the order the BFF answered. */
function customerPage(names: string[], nextCursor: string | null = null): CustomerPage {
  return { items: names.map(customerRow), nextCursor };
}

/** `GET /api/customers?limit=3` → 200. */
export const customersPage1: CustomerPage = customerPage(["Adventure Works Cycles", "Coho Winery", "Contoso Pharmacy"], "WyJjb250b3NvIHBoYXJtYWN5IiwiOTM0YTFjZDQtZjE1Yi00Y2I2LWE0MGQtM2QzM2JhNTM1MzQxIl0");

/** `GET /api/customers?cursor=<page 1>&limit=3` → 200. */
export const customersPage2: CustomerPage = customerPage(["Fabrikam Bakery", "Lucerne Publishing", "Tailspin Toys"], "WyJ0YWlsc3BpbiB0b3lzIiwiYTg3MjU4YWQtMDViNS00NjljLWE5MDQtOWQ0NjE0MTM0MWZjIl0");

/** `GET /api/customers?q=tail&limit=25` → 200. */
export const searchTail: CustomerPage = customerPage(["Tailspin Toys"]);

/** `GET /api/customers?q=coho&limit=25` → 200. */
export const searchCoho: CustomerPage = customerPage(["Coho Winery"]);

/** `GET /api/customers?q=zzz&limit=25` → 200. */
export const searchNone: CustomerPage = customerPage([]);

/** `GET /api/customers?delegation=active&subscription=trial&limit=25` → 200. */
export const activeOnTrial: CustomerPage = customerPage(["Tailspin Toys"]);

/** `GET /api/customers?sort=newest&limit=25` → 200. */
export const newestFirst: CustomerPage = customerPage(["Coho Winery", "Adventure Works Cycles", "Lucerne Publishing", "Wide World Importers", "Tailspin Toys", "Fabrikam Bakery", "Contoso Pharmacy"]);

/** `GET /api/customers/:id` of Fabrikam Bakery (full delegation, until a date) as admin@ → 200. */
export const fabrikam: CustomerDetail = {
  ...customerRow("Fabrikam Bakery"),
  permissions: [
    "company:read",
    "company:update",
    "users:read",
    "users:manage",
    "users:manage-admins",
    "users:reset-password",
    "subscriptions:manage",
    "service-requests:manage"
  ],
  pendingRequest: null,
  subscriptions: [
    {
      "id": "7e9303ab-33f9-4b87-a86d-ed19b7ce6390",
      "serviceId": "c7b2c5f0-2f00-4a14-9dc3-136bd96f01b4",
      "sku": "MAIL-STD",
      "name": "Business Mail",
      "status": "active",
      "licenses": 12,
      "minLicenses": 1,
      "maxLicenses": 300,
      "trialEndsAt": null,
      "advisedByYou": true
    }
  ],
  admins: [
    {
      "id": "36721082-8c88-40de-992b-56f632fbf25c",
      "displayName": "Fabrikam Bakery Admin",
      "email": "admin@fabrikam.example",
      "roles": [
        "global_admin"
      ],
      "disabled": false
    }
  ],
  openServiceRequests: [],
};

/** The same after Fabrikam's global admin revoked the delegation → 200, no permissions. */
export const fabrikamRevoked: CustomerDetail = {
  ...fabrikam,
  delegation: {
    "id": "573ed01f-0e7b-4e69-af87-41b57b1038d2",
    "status": "revoked",
    "level": "full",
    "expiresAt": "2027-01-23T05:24:10.142Z",
    "requestExpiresAt": null,
    "answeredAt": "2026-11-18T05:24:10.142Z"
  },
  permissions: [],
  admins: null,
  openServiceRequests: null,
};

/** `GET /api/customers/:id` of Lucerne Publishing (no delegation) as admin@ → 200. */
export const lucerne: CustomerDetail = {
  ...customerRow("Lucerne Publishing"),
  permissions: [],
  pendingRequest: null,
  subscriptions: [
    {
      "id": "00af52c4-1b83-4283-bb25-780707a84526",
      "serviceId": "1504e635-5ae0-49ea-a651-e87055124c7a",
      "sku": "BACKUP-365",
      "name": "Cloud Backup",
      "status": "expired_trial",
      "licenses": 10,
      "minLicenses": 10,
      "maxLicenses": 10000,
      "trialEndsAt": "2026-11-19T05:24:10.142Z",
      "advisedByYou": true
    }
  ],
  admins: null,
  openServiceRequests: null,
};

/** Lucerne again, after the delegation request below → 200. */
export const lucerneRequested: CustomerDetail = {
  ...lucerne,
  delegation: {
    "id": "31d40415-ed27-4cdd-9d23-9a05928d4ae6",
    "status": "pending",
    "level": "full",
    "expiresAt": null,
    "requestExpiresAt": "2026-12-24T05:26:21.849Z",
    "answeredAt": null
  },
  pendingRequest: {
    "id": "31d40415-ed27-4cdd-9d23-9a05928d4ae6",
    "code": "Mp5J-WOVvrwy6raWATnHGtdkWII",
    "url": "http://127.0.0.1:4101/consent?delegation=Mp5J-WOVvrwy6raWATnHGtdkWII",
    "level": "full",
    "status": "pending",
    "requestExpiresAt": "2026-12-24T05:26:21.849Z",
    "createdAt": "2026-11-24T05:26:21.849Z"
  },
};

/** `GET /api/customers/:id` of Tailspin Toys (limited delegation) as helpdesk@ → 200. */
export const tailspinForHelpdesk: CustomerDetail = {
  ...customerRow("Tailspin Toys"),
  permissions: [
    "company:read",
    "users:read",
    "users:reset-password",
    "service-requests:manage"
  ],
  pendingRequest: null,
  subscriptions: [
    {
      "id": "756aabc7-8be3-4add-bbdf-a8d0298b54b6",
      "serviceId": "b83376fa-b9ef-4dd6-a6e4-e93ac010b833",
      "sku": "OFFICE-PRO",
      "name": "Office Suite Pro",
      "status": "trial",
      "licenses": 25,
      "minLicenses": 1,
      "maxLicenses": 300,
      "trialEndsAt": "2026-12-12T05:24:10.142Z",
      "advisedByYou": true
    }
  ],
  admins: [
    {
      "id": "34de7f5c-e18a-4ed9-b69c-e525718e6072",
      "displayName": "Tailspin Toys Admin",
      "email": "admin@tailspin.example",
      "roles": [
        "global_admin"
      ],
      "disabled": false
    }
  ],
  openServiceRequests: [],
};

/** `GET /api/customers/:id/users?limit=25` of Fabrikam as admin@ → 200. */
export const fabrikamUsers: UserPage = {
  "items": [
    {
      "id": "36721082-8c88-40de-992b-56f632fbf25c",
      "companyId": "64b7d0e9-e680-4490-8e97-465256f95c7d",
      "email": "admin@fabrikam.example",
      "displayName": "Fabrikam Bakery Admin",
      "companyRoles": [
        "global_admin"
      ],
      "partnerAccess": "none",
      "disabled": false,
      "passwordTemporary": false,
      "createdAt": "2026-11-24T05:24:10.234Z"
    },
    {
      "id": "13a7768e-357e-4105-a051-d004ad06f638",
      "companyId": "64b7d0e9-e680-4490-8e97-465256f95c7d",
      "email": "user@fabrikam.example",
      "displayName": "Fabrikam Bakery User",
      "companyRoles": [],
      "partnerAccess": "none",
      "disabled": false,
      "passwordTemporary": false,
      "createdAt": "2026-11-24T05:24:10.234Z"
    }
  ],
  "nextCursor": null
};

/** `GET /api/customers/:id/users?limit=25` of Tailspin as helpdesk@ → 200. */
export const tailspinUsers: UserPage = {
  "items": [
    {
      "id": "34de7f5c-e18a-4ed9-b69c-e525718e6072",
      "companyId": "a87258ad-05b5-469c-a904-9d46141341fc",
      "email": "admin@tailspin.example",
      "displayName": "Tailspin Toys Admin",
      "companyRoles": [
        "global_admin"
      ],
      "partnerAccess": "none",
      "disabled": false,
      "passwordTemporary": false,
      "createdAt": "2026-11-24T05:24:10.234Z"
    },
    {
      "id": "4e289d1a-d1e0-44e6-b8b7-6cec99dffc1c",
      "companyId": "a87258ad-05b5-469c-a904-9d46141341fc",
      "email": "user@tailspin.example",
      "displayName": "Tailspin Toys User",
      "companyRoles": [],
      "partnerAccess": "none",
      "disabled": false,
      "passwordTemporary": false,
      "createdAt": "2026-11-24T05:24:10.234Z"
    }
  ],
  "nextCursor": null
};

/** `POST /api/customers/:id/users/:userId/reset-password` of user@fabrikam.example as admin@ → 200. */
export const fabrikamReset: PasswordReset = {
  "user": {
    "id": "13a7768e-357e-4105-a051-d004ad06f638",
    "companyId": "64b7d0e9-e680-4490-8e97-465256f95c7d",
    "email": "user@fabrikam.example",
    "displayName": "Fabrikam Bakery User",
    "companyRoles": [],
    "partnerAccess": "none",
    "disabled": false,
    "passwordTemporary": true,
    "createdAt": "2026-11-24T05:24:10.234Z"
  },
  "temporaryPassword": "7T5ce7UXen8wZnMb"
};

/** `POST /api/customers/:id/users` `{ displayName: "Mia Baker", email: "mia@fabrikam.example" }` as admin@ → 201. */
export const fabrikamCreatedUser: CreatedUser = {
  "user": {
    "id": "de128a3e-595b-40a5-a9f5-b5b77738c305",
    "companyId": "64b7d0e9-e680-4490-8e97-465256f95c7d",
    "email": "mia@fabrikam.example",
    "displayName": "Mia Baker",
    "companyRoles": [],
    "partnerAccess": "none",
    "disabled": false,
    "passwordTemporary": true,
    "createdAt": "2026-11-24T05:26:21.829Z"
  },
  "temporaryPassword": "KNJ97gedRp7VpgNj"
};

/** `POST /api/customers/:id/delegation-requests` `{ level: "full", expiresInDays: 30 }` to Lucerne as admin@ → 201. */
export const delegationRequested: DelegationRequestView = {
  "id": "31d40415-ed27-4cdd-9d23-9a05928d4ae6",
  "code": "Mp5J-WOVvrwy6raWATnHGtdkWII",
  "url": "http://127.0.0.1:4101/consent?delegation=Mp5J-WOVvrwy6raWATnHGtdkWII",
  "level": "full",
  "status": "pending",
  "requestExpiresAt": "2026-12-24T05:26:21.849Z",
  "createdAt": "2026-11-24T05:26:21.849Z"
};

/** `POST /api/customers/:id/service-requests` (severity high) to Fabrikam as admin@ → 201. */
export const serviceRequestCreated: ServiceRequestView = {
  "id": "a196704f-1b69-4379-89b1-a8c25145d91c",
  "customer": {
    "id": "64b7d0e9-e680-4490-8e97-465256f95c7d",
    "name": "Fabrikam Bakery"
  },
  "title": "Mail not arriving",
  "description": "Since this morning no mail from outside arrives at orders@fabrikam.example.",
  "severity": "high",
  "status": "open",
  "openedBy": {
    "name": "Ada Admin",
    "email": "admin@northwind.example",
    "company": "Northwind Cloud Partners"
  },
  "createdAt": "2026-11-24T05:26:21.876Z",
  "updatedAt": "2026-11-24T05:26:21.876Z"
};

/** `GET /api/customers/:id/audit?limit=2` of Fabrikam after the actions → 200. */
export const fabrikamAudit: AuditPage = {
  "items": [
    {
      "id": "c1f42021-18de-4ff1-af52-9535d3770cf0",
      "at": "2026-11-24T05:26:21.876Z",
      "customerId": "64b7d0e9-e680-4490-8e97-465256f95c7d",
      "partner": {
        "id": "21456176-0b65-41e9-915d-f669f54a289b",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "aca73992-7d79-4d46-b7ce-82c6de3cdd81",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "service_request.created",
      "target": {
        "type": "service_request",
        "id": "a196704f-1b69-4379-89b1-a8c25145d91c"
      },
      "outcome": "success",
      "details": {
        "title": "Mail not arriving",
        "severity": "high"
      }
    },
    {
      "id": "0d5c51da-f6f8-47ac-9db8-34f4ef7fc17b",
      "at": "2026-11-24T05:26:21.785Z",
      "customerId": "64b7d0e9-e680-4490-8e97-465256f95c7d",
      "partner": {
        "id": "21456176-0b65-41e9-915d-f669f54a289b",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "aca73992-7d79-4d46-b7ce-82c6de3cdd81",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "user.created",
      "target": {
        "type": "user",
        "id": "de128a3e-595b-40a5-a9f5-b5b77738c305"
      },
      "outcome": "success",
      "details": {
        "email": "mia@fabrikam.example",
        "displayName": "Mia Baker",
        "companyRoles": []
      }
    }
  ],
  "nextCursor": "WyIyMDI2LTExLTI0VDA1OjI2OjIxLjc4NTAwMFoiLCIwZDVjNTFkYS1mNmY4LTQ3YWMtOWRiOC0zNGY0ZWY3ZmMxN2IiXQ"
};

/** `GET /api/customers/:id/audit?cursor=<page 1>&limit=2` → 200. */
export const fabrikamAuditMore: AuditPage = {
  "items": [
    {
      "id": "af29b64c-58d5-416e-9198-4db6ef5cfef2",
      "at": "2026-11-24T05:26:21.698Z",
      "customerId": "64b7d0e9-e680-4490-8e97-465256f95c7d",
      "partner": {
        "id": "21456176-0b65-41e9-915d-f669f54a289b",
        "name": "Northwind Cloud Partners"
      },
      "actor": {
        "id": "aca73992-7d79-4d46-b7ce-82c6de3cdd81",
        "name": "Ada Admin",
        "email": "admin@northwind.example"
      },
      "action": "user.password_reset",
      "target": {
        "type": "user",
        "id": "13a7768e-357e-4105-a051-d004ad06f638"
      },
      "outcome": "success",
      "details": {
        "email": "user@fabrikam.example"
      }
    }
  ],
  "nextCursor": null
};

/** `GET /api/customers/:id/audit?format=csv` of Fabrikam → 200 text/csv. */
export const fabrikamAuditCsv = "time,partner_id,partner,actor_name,actor_email,action,target_type,target_id,outcome,details\r\n2026-11-24T05:26:21.876Z,21456176-0b65-41e9-915d-f669f54a289b,Northwind Cloud Partners,Ada Admin,admin@northwind.example,service_request.created,service_request,a196704f-1b69-4379-89b1-a8c25145d91c,success,\"{\"\"title\"\":\"\"Mail not arriving\"\",\"\"severity\"\":\"\"high\"\"}\"\r\n2026-11-24T05:26:21.785Z,21456176-0b65-41e9-915d-f669f54a289b,Northwind Cloud Partners,Ada Admin,admin@northwind.example,user.created,user,de128a3e-595b-40a5-a9f5-b5b77738c305,success,\"{\"\"email\"\":\"\"mia@fabrikam.example\"\",\"\"displayName\"\":\"\"Mia Baker\"\",\"\"companyRoles\"\":[]}\"\r\n2026-11-24T05:26:21.698Z,21456176-0b65-41e9-915d-f669f54a289b,Northwind Cloud Partners,Ada Admin,admin@northwind.example,user.password_reset,user,13a7768e-357e-4105-a051-d004ad06f638,success,\"{\"\"email\"\":\"\"user@fabrikam.example\"\"}\"\r\n";

/** Error answers, as `{ status, body }` for the fetch stub. */
export const customerErrors = {
  /** `POST …/delegation-requests` `{ level: "full", expiresInDays: 120 }` → 422. */
  delegationInvalid: { status: 422, body: {
    "error": {
      "code": "validation_failed",
      "message": "The request is not valid; see details.",
      "details": [
        {
          "path": "body.expiresInDays",
          "message": "Too big: expected number to be <=90"
        }
      ]
    }
  } },
  /** `POST …/service-requests` with a blank title and description → 422. */
  serviceRequestInvalid: { status: 422, body: {
    "error": {
      "code": "validation_failed",
      "message": "The request is not valid; see details.",
      "details": [
        {
          "path": "body.title",
          "message": "Give the request a title."
        },
        {
          "path": "body.description",
          "message": "Describe what is needed."
        }
      ]
    }
  } },
  /** A reset (or any assist call) in Fabrikam after its admin revoked the delegation → 403 `no_delegation`. */
  noDelegation: { status: 403, body: {
    "error": {
      "code": "no_delegation",
      "message": "Fabrikam Bakery has not granted your company delegated administration (or it was revoked or has expired). Send a delegation request first."
    }
  } },
  /** helpdesk@ resetting the password of Tailspin's global admin → 403 `forbidden`. */
  forbiddenManageAdmins: { status: 403, body: {
    "error": {
      "code": "forbidden",
      "message": "You do not have the permission users:manage-admins here.",
      "details": [
        {
          "path": "permission",
          "message": "users:manage-admins"
        }
      ]
    }
  } },
};
