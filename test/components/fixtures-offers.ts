/**
 * Catalog, offer and sign-up responses recorded from the real BFF on the seeded demo
 * (`npm run build && DATA_DIR=/tmp/pk-w4 PORT=8792 node bff/bin.mjs serve`, then curl as
 * admin@northwind.example and as prospects), so the stubbed fetch answers exactly as the server
 * does. Re-record when the API changes.
 */
import type {
  CatalogView,
  MeView,
  OfferPage,
  OfferView,
  PublicOfferView,
  RedemptionResult,
  RolesView,
  SessionView,
} from '../../components/api/client.ts';
import type { Answer } from "./fetch-stub.ts";

/** `GET /api/catalog` → 200. */
export const catalog: CatalogView = {
  "items": [
    {
      "id": "670d69a8-7b41-4a84-9c06-8ac98197ed84",
      "sku": "MAIL-STD",
      "name": "Business Mail",
      "description": "Hosted mailboxes with 50 GB each, calendars and shared contacts.",
      "trialDays": 30,
      "priceMinor": 600,
      "currency": "USD",
      "minLicenses": 1,
      "maxLicenses": 300
    },
    {
      "id": "9d210ba3-f14f-4462-a21f-ef78b84e593d",
      "sku": "BACKUP-365",
      "name": "Cloud Backup",
      "description": "Daily backup of mail, files and sites with one-year retention.",
      "trialDays": 60,
      "priceMinor": 300,
      "currency": "USD",
      "minLicenses": 10,
      "maxLicenses": 10000
    },
    {
      "id": "16cc6031-5ecb-42e5-ad16-38c65d44f38d",
      "sku": "MEET-ROOM",
      "name": "Meeting Rooms",
      "description": "Video meeting room devices licence with scheduling panels.",
      "trialDays": 30,
      "priceMinor": 1500,
      "currency": "USD",
      "minLicenses": 1,
      "maxLicenses": 100
    },
    {
      "id": "d1498731-fcba-496d-89f7-05cb4899d3e8",
      "sku": "OFFICE-PRO",
      "name": "Office Suite Pro",
      "description": "Desktop and web office apps with 1 TB of file storage per user.",
      "trialDays": 30,
      "priceMinor": 1250,
      "currency": "USD",
      "minLicenses": 1,
      "maxLicenses": 300
    },
    {
      "id": "3aeb9725-dfbb-4a37-9a06-a77ddb7d509f",
      "sku": "SEC-PLUS",
      "name": "Security Plus",
      "description": "Device management, conditional access and threat protection.",
      "trialDays": 14,
      "priceMinor": 900,
      "currency": "USD",
      "minLicenses": 5,
      "maxLicenses": 5000
    }
  ]
};

/** `GET /api/roles` → 200: the delegation levels (the rest of the table is in fixtures-company.ts). */
export const delegationLevels: RolesView["delegationLevels"] = [
  {
    "id": "limited",
    "label": "Limited administration",
    "description": "The partner may act as your password admin: read users, reset passwords of non-admin users, open service requests.",
    "grants": "password_admin"
  },
  {
    "id": "full",
    "label": "Full administration",
    "description": "The partner may act as your global admin: manage users, subscriptions, service requests and company information.",
    "grants": "global_admin"
  }
];

/** `POST /api/offers` {kind:"trial", serviceId: Business Mail, delegatedAdmin:"full", name} → 201. */
export const trialOffer: OfferView = {
  "id": "d78cbb23-a9fb-4e6b-b309-aeadd783b46d",
  "kind": "trial",
  "code": "4Mza4Obpiey8fYzu2VWCsTCJFEk",
  "url": "http://127.0.0.1:8792/signup?offer=4Mza4Obpiey8fYzu2VWCsTCJFEk",
  "name": "Mail trial for bakeries",
  "delegatedAdmin": "full",
  "status": "active",
  "expiresAt": null,
  "revokedAt": null,
  "createdAt": "2026-11-24T03:17:25.272Z",
  "items": [
    {
      "serviceId": "670d69a8-7b41-4a84-9c06-8ac98197ed84",
      "sku": "MAIL-STD",
      "name": "Business Mail",
      "description": "Hosted mailboxes with 50 GB each, calendars and shared contacts.",
      "trialDays": 30,
      "priceMinor": 600,
      "currency": "USD",
      "minLicenses": 1,
      "maxLicenses": 300,
      "licenses": null
    }
  ],
  "redemptions": 0,
  "conversions": 0,
  "customer": null
};

/** `POST /api/offers` {kind:"purchase", items: Office Suite Pro ×10, Security Plus ×10, delegatedAdmin:"limited", expiresAt, name} → 201. */
export const purchaseOffer: OfferView = {
  "id": "3426d9eb-6125-4efe-b828-474879be8c24",
  "kind": "purchase",
  "code": "WWsmHVcCKsql3daiII5c_7LVC7o",
  "url": "http://127.0.0.1:8792/signup?offer=WWsmHVcCKsql3daiII5c_7LVC7o",
  "name": "Office + Security bundle",
  "delegatedAdmin": "limited",
  "status": "active",
  "expiresAt": "2027-12-31T23:59:59.999Z",
  "revokedAt": null,
  "createdAt": "2026-11-24T03:17:25.346Z",
  "items": [
    {
      "serviceId": "d1498731-fcba-496d-89f7-05cb4899d3e8",
      "sku": "OFFICE-PRO",
      "name": "Office Suite Pro",
      "description": "Desktop and web office apps with 1 TB of file storage per user.",
      "trialDays": 30,
      "priceMinor": 1250,
      "currency": "USD",
      "minLicenses": 1,
      "maxLicenses": 300,
      "licenses": 10
    },
    {
      "serviceId": "3aeb9725-dfbb-4a37-9a06-a77ddb7d509f",
      "sku": "SEC-PLUS",
      "name": "Security Plus",
      "description": "Device management, conditional access and threat protection.",
      "trialDays": 14,
      "priceMinor": 900,
      "currency": "USD",
      "minLicenses": 5,
      "maxLicenses": 5000,
      "licenses": 10
    }
  ],
  "redemptions": 0,
  "conversions": 0,
  "customer": null
};

/** `GET /api/offers` → 200, newest first: a revoked offer, an expired one without a name, the purchase offer (2 redemptions) and the trial (1). */
export const offerList: OfferPage = {
  "items": [
    {
      "id": "2385eeca-fb87-4a77-af72-291b2adb2687",
      "kind": "trial",
      "code": "JaUzAg_OVJo3NqkIpLdqqkghRlw",
      "url": "http://127.0.0.1:8792/signup?offer=JaUzAg_OVJo3NqkIpLdqqkghRlw",
      "name": "Meeting rooms pilot",
      "delegatedAdmin": null,
      "status": "revoked",
      "expiresAt": null,
      "revokedAt": "2026-11-24T03:17:45.308Z",
      "createdAt": "2026-11-24T03:17:44.923Z",
      "items": [
        {
          "serviceId": "16cc6031-5ecb-42e5-ad16-38c65d44f38d",
          "sku": "MEET-ROOM",
          "name": "Meeting Rooms",
          "description": "Video meeting room devices licence with scheduling panels.",
          "trialDays": 30,
          "priceMinor": 1500,
          "currency": "USD",
          "minLicenses": 1,
          "maxLicenses": 100,
          "licenses": null
        }
      ],
      "redemptions": 0,
      "conversions": 0,
      "customer": null
    },
    {
      "id": "3d5f1602-e9bb-44b1-b2b3-c53c9d7e30a7",
      "kind": "trial",
      "code": "ctYjkcmHh8DrGRQYJNYpnRuGxTE",
      "url": "http://127.0.0.1:8792/signup?offer=ctYjkcmHh8DrGRQYJNYpnRuGxTE",
      "name": null,
      "delegatedAdmin": null,
      "status": "expired",
      "expiresAt": "2026-11-24T03:17:47.727Z",
      "revokedAt": null,
      "createdAt": "2026-11-24T03:17:44.796Z",
      "items": [
        {
          "serviceId": "9d210ba3-f14f-4462-a21f-ef78b84e593d",
          "sku": "BACKUP-365",
          "name": "Cloud Backup",
          "description": "Daily backup of mail, files and sites with one-year retention.",
          "trialDays": 60,
          "priceMinor": 300,
          "currency": "USD",
          "minLicenses": 10,
          "maxLicenses": 10000,
          "licenses": null
        }
      ],
      "redemptions": 0,
      "conversions": 0,
      "customer": null
    },
    {
      "id": "3426d9eb-6125-4efe-b828-474879be8c24",
      "kind": "purchase",
      "code": "WWsmHVcCKsql3daiII5c_7LVC7o",
      "url": "http://127.0.0.1:8792/signup?offer=WWsmHVcCKsql3daiII5c_7LVC7o",
      "name": "Office + Security bundle",
      "delegatedAdmin": "limited",
      "status": "active",
      "expiresAt": "2027-12-31T23:59:59.999Z",
      "revokedAt": null,
      "createdAt": "2026-11-24T03:17:25.346Z",
      "items": [
        {
          "serviceId": "d1498731-fcba-496d-89f7-05cb4899d3e8",
          "sku": "OFFICE-PRO",
          "name": "Office Suite Pro",
          "description": "Desktop and web office apps with 1 TB of file storage per user.",
          "trialDays": 30,
          "priceMinor": 1250,
          "currency": "USD",
          "minLicenses": 1,
          "maxLicenses": 300,
          "licenses": 10
        },
        {
          "serviceId": "3aeb9725-dfbb-4a37-9a06-a77ddb7d509f",
          "sku": "SEC-PLUS",
          "name": "Security Plus",
          "description": "Device management, conditional access and threat protection.",
          "trialDays": 14,
          "priceMinor": 900,
          "currency": "USD",
          "minLicenses": 5,
          "maxLicenses": 5000,
          "licenses": 10
        }
      ],
      "redemptions": 2,
      "conversions": 0,
      "customer": null
    },
    {
      "id": "d78cbb23-a9fb-4e6b-b309-aeadd783b46d",
      "kind": "trial",
      "code": "4Mza4Obpiey8fYzu2VWCsTCJFEk",
      "url": "http://127.0.0.1:8792/signup?offer=4Mza4Obpiey8fYzu2VWCsTCJFEk",
      "name": "Mail trial for bakeries",
      "delegatedAdmin": "full",
      "status": "active",
      "expiresAt": null,
      "revokedAt": null,
      "createdAt": "2026-11-24T03:17:25.272Z",
      "items": [
        {
          "serviceId": "670d69a8-7b41-4a84-9c06-8ac98197ed84",
          "sku": "MAIL-STD",
          "name": "Business Mail",
          "description": "Hosted mailboxes with 50 GB each, calendars and shared contacts.",
          "trialDays": 30,
          "priceMinor": 600,
          "currency": "USD",
          "minLicenses": 1,
          "maxLicenses": 300,
          "licenses": null
        }
      ],
      "redemptions": 1,
      "conversions": 0,
      "customer": null
    }
  ],
  "nextCursor": null
};

/** `POST /api/offers/:id/revoke` of the trial → 200. */
export const revokedTrialOffer: OfferView = { ...offerList.items[3]!, status: "revoked", revokedAt: "2026-11-24T03:40:02.118Z" };

/** `GET /api/public/offers/:code` of the trial → 200. */
export const publicTrialOffer: PublicOfferView = {
  "code": "4Mza4Obpiey8fYzu2VWCsTCJFEk",
  "kind": "trial",
  "name": "Mail trial for bakeries",
  "expiresAt": null,
  "items": [
    {
      "serviceId": "670d69a8-7b41-4a84-9c06-8ac98197ed84",
      "sku": "MAIL-STD",
      "name": "Business Mail",
      "description": "Hosted mailboxes with 50 GB each, calendars and shared contacts.",
      "trialDays": 30,
      "priceMinor": 600,
      "currency": "USD",
      "minLicenses": 1,
      "maxLicenses": 300,
      "licenses": null
    }
  ],
  "delegatedAdmin": {
    "level": "full",
    "label": "Full administration",
    "description": "The partner may act as your global admin: manage users, subscriptions, service requests and company information."
  },
  "advisor": {
    "name": "Northwind Cloud Partners",
    "email": "hello@northwind.example",
    "phone": "+1 425 555 0100",
    "website": "https://northwind.example"
  },
  "addressedTo": null
};

/** `GET /api/public/offers/:code` of the purchase offer → 200. */
export const publicPurchaseOffer: PublicOfferView = {
  "code": "WWsmHVcCKsql3daiII5c_7LVC7o",
  "kind": "purchase",
  "name": "Office + Security bundle",
  "expiresAt": "2027-12-31T23:59:59.999Z",
  "items": [
    {
      "serviceId": "d1498731-fcba-496d-89f7-05cb4899d3e8",
      "sku": "OFFICE-PRO",
      "name": "Office Suite Pro",
      "description": "Desktop and web office apps with 1 TB of file storage per user.",
      "trialDays": 30,
      "priceMinor": 1250,
      "currency": "USD",
      "minLicenses": 1,
      "maxLicenses": 300,
      "licenses": 10
    },
    {
      "serviceId": "3aeb9725-dfbb-4a37-9a06-a77ddb7d509f",
      "sku": "SEC-PLUS",
      "name": "Security Plus",
      "description": "Device management, conditional access and threat protection.",
      "trialDays": 14,
      "priceMinor": 900,
      "currency": "USD",
      "minLicenses": 5,
      "maxLicenses": 5000,
      "licenses": 10
    }
  ],
  "delegatedAdmin": {
    "level": "limited",
    "label": "Limited administration",
    "description": "The partner may act as your password admin: read users, reset passwords of non-admin users, open service requests."
  },
  "advisor": {
    "name": "Northwind Cloud Partners",
    "email": "hello@northwind.example",
    "phone": "+1 425 555 0100",
    "website": "https://northwind.example"
  },
  "addressedTo": null
};

/** `POST /api/public/offers/:code/redemptions` of the trial by a new customer accepting delegated admin → 201. */
export const trialRedemption: RedemptionResult = {
  "customerId": "666c6305-ce31-4249-b6a6-765250c14446",
  "subscriptions": [
    {
      "id": "2e143e49-720d-4cf1-a384-07343256092f",
      "serviceId": "670d69a8-7b41-4a84-9c06-8ac98197ed84",
      "sku": "MAIL-STD",
      "name": "Business Mail",
      "status": "trial",
      "licenses": 25,
      "trialEndsAt": "2026-12-24T03:17:31.936Z"
    }
  ],
  "delegation": {
    "status": "active",
    "level": "full"
  },
  "token": "pks_eQpBSAF60sWonVivnzj2opRozVbIvm8wsB3h7EI78DM",
  "expiresAt": "2026-11-24T15:17:31.964Z"
};

/** `POST …/redemptions` of the purchase offer by a new customer, 12 + 8 licenses, delegated admin declined → 201. */
export const purchaseRedemption: RedemptionResult = {
  "customerId": "40aeb5f8-75c6-467b-af47-3828e13d52a3",
  "subscriptions": [
    {
      "id": "fa54a6d6-e125-4397-9523-ea568e702173",
      "serviceId": "d1498731-fcba-496d-89f7-05cb4899d3e8",
      "sku": "OFFICE-PRO",
      "name": "Office Suite Pro",
      "status": "active",
      "licenses": 12,
      "trialEndsAt": null
    },
    {
      "id": "1f578bcd-55db-4c81-86f3-01f0f5fed18c",
      "serviceId": "3aeb9725-dfbb-4a37-9a06-a77ddb7d509f",
      "sku": "SEC-PLUS",
      "name": "Security Plus",
      "status": "active",
      "licenses": 8,
      "trialEndsAt": null
    }
  ],
  "delegation": {
    "status": "declined",
    "level": "limited"
  },
  "token": "pks_lOGxZNQu-m41m7HOREuwP9AO8pZaQ_DhfIOdObtZLKk",
  "expiresAt": "2026-11-24T15:17:32.151Z"
};

/** `POST /api/sessions` as the admin of the customer the trial created → 201. */
export const customerSession: SessionView = {
  "token": "pks_hyFpAUL3FUDm5ARKUJxiyAGLMSwveBnTXuOIAtW8-Yw",
  "expiresAt": "2026-11-24T15:17:38.400Z",
  "user": {
    "id": "aee72a1b-aabe-4cc0-8c59-c9154b54da88",
    "companyId": "666c6305-ce31-4249-b6a6-765250c14446",
    "email": "anna@alpineski.example",
    "displayName": "Anna Alpine",
    "companyRoles": [
      "global_admin"
    ],
    "partnerAccess": "none",
    "disabled": false,
    "passwordTemporary": false,
    "createdAt": "2026-11-24T03:17:31.937Z"
  }
};

/** `GET /api/me` with that customer admin's token → 200. */
export const customerMe: MeView = {
  "user": {
    "id": "aee72a1b-aabe-4cc0-8c59-c9154b54da88",
    "companyId": "666c6305-ce31-4249-b6a6-765250c14446",
    "email": "anna@alpineski.example",
    "displayName": "Anna Alpine",
    "companyRoles": [
      "global_admin"
    ],
    "partnerAccess": "none",
    "disabled": false,
    "passwordTemporary": false,
    "createdAt": "2026-11-24T03:17:31.937Z"
  },
  "company": {
    "id": "666c6305-ce31-4249-b6a6-765250c14446",
    "kind": "customer",
    "name": "Alpine Ski House",
    "domain": "alpineski.example",
    "email": "anna@alpineski.example",
    "phone": null,
    "website": null,
    "address": null,
    "allowedOrigins": [],
    "signupUrl": null,
    "createdAt": "2026-11-24T03:17:31.937Z"
  },
  "roles": [
    {
      "id": "global_admin",
      "label": "Global admin"
    }
  ],
  "partnerAccess": "none",
  "permissions": [
    "company:read",
    "company:update",
    "users:read",
    "users:manage",
    "users:manage-admins",
    "users:reset-password",
    "subscriptions:manage",
    "service-requests:manage",
    "delegations:manage"
  ],
  "session": {
    "kind": "password",
    "expiresAt": "2026-11-24T15:17:38.400Z"
  },
  "passwordChangeRequired": false
};

/** `POST …/redemptions` of the purchase offer with that customer admin's token → 201 (no new session). */
export const existingCustomerRedemption: RedemptionResult = {
  "customerId": "666c6305-ce31-4249-b6a6-765250c14446",
  "subscriptions": [
    {
      "id": "f0d22975-cf14-4b15-8b31-3ed4018a52e1",
      "serviceId": "d1498731-fcba-496d-89f7-05cb4899d3e8",
      "sku": "OFFICE-PRO",
      "name": "Office Suite Pro",
      "status": "active",
      "licenses": 10,
      "trialEndsAt": null
    },
    {
      "id": "e5d0e0ef-12ee-4819-be65-4abc8e398088",
      "serviceId": "3aeb9725-dfbb-4a37-9a06-a77ddb7d509f",
      "sku": "SEC-PLUS",
      "name": "Security Plus",
      "status": "active",
      "licenses": 10,
      "trialEndsAt": null
    }
  ],
  "delegation": {
    "status": "active",
    "level": "limited"
  },
  "token": null,
  "expiresAt": null
};

/** Error answers as the BFF sent them. */
export const offerErrors = {
  /** `POST /api/offers` with Security Plus × 2. */
  licensesOutOfBounds: { status: 422, body: {"error":{"code":"validation_failed","message":"The offer is not valid; see details.","details":[{"path":"body.items.0.licenses","message":"Security Plus takes between 5 and 5000 licenses."}]}} },
  /** `POST /api/offers` with an expiry in the past. */
  expiryInThePast: { status: 422, body: {"error":{"code":"validation_failed","message":"The expiry must be in the future.","details":[{"path":"body.expiresAt","message":"Choose a time in the future."}]}} },
  /** `GET /api/public/offers/nope`. */
  unknownOffer: { status: 404, body: {"error":{"code":"not_found","message":"Offer not found."}} },
  /** `GET /api/public/offers/:code` (and redemption) of a revoked offer. */
  offerRevoked: { status: 410, body: {"error":{"code":"offer_revoked","message":"This offer was withdrawn by the partner."}} },
  /** … of an expired offer. */
  offerExpired: { status: 410, body: {"error":{"code":"offer_expired","message":"This offer has expired."}} },
  /** A redemption with an admin email that exists. */
  emailTaken: { status: 409, body: {"error":{"code":"email_taken","message":"An account with this email already exists; sign in to redeem the offer into your company."}} },
  /** A customer admin redeeming a trial of a service the company already has on trial. */
  alreadySubscribed: { status: 409, body: {"error":{"code":"already_subscribed","message":"Your company already has Business Mail on trial."}} },
  /** The 11th attempt in a minute from one address. */
  rateLimited: { status: 429, headers: { "Retry-After": "22" }, body: {"error":{"code":"rate_limited","message":"Too many attempts; try again in 22 seconds."}} },
  /** Empty company and name, a bad email, a short letters-only password, Security Plus × 2. */
  invalidSignup: { status: 422, body: {"error":{"code":"validation_failed","message":"The request is not valid; see details.","details":[{"path":"body.company.name","message":"Enter the company name."},{"path":"body.admin.email","message":"Enter an email address like you@company.com."},{"path":"body.admin.displayName","message":"Enter your name."},{"path":"body.admin.password","message":"Use at least 10 characters."},{"path":"body.admin.password","message":"Mix letters with at least one digit or symbol."}]}} },
  /** Security Plus × 2 in a purchase redemption. */
  signupLicensesOutOfBounds: { status: 422, body: {"error":{"code":"validation_failed","message":"The sign-up is not valid; see details.","details":[{"path":"body.licenses.3aeb9725-dfbb-4a37-9a06-a77ddb7d509f","message":"Security Plus takes between 5 and 5000 licenses."}]}} },
  /** `POST /api/sessions` with a wrong password. */
  invalidCredentials: { status: 401, body: {"error":{"code":"invalid_credentials","message":"The email or password is not correct."}} },
} satisfies Record<string, Answer>;
