-- The customer list builds its JSON in one statement from the tables themselves (issue 15), so
-- the machinery that kept copies of them on partner_customers goes: the rendering kept by reads
-- (0006) and the delegation and subscription snapshots kept by triggers (0005). What stays is
-- the copy of the customer's name and domain, which the partner's index walk needs, kept by
-- triggers in the transaction of the write that changes it.
DROP TRIGGER "partner_customers_list_item_clear" ON "partner_customers";--> statement-breakpoint
DROP FUNCTION "partnerkit_clear_list_item"();--> statement-breakpoint
DROP TRIGGER "delegations_snapshot_insert" ON "delegations";--> statement-breakpoint
DROP TRIGGER "delegations_snapshot_update" ON "delegations";--> statement-breakpoint
DROP TRIGGER "delegations_snapshot_delete" ON "delegations";--> statement-breakpoint
DROP TRIGGER "subscriptions_snapshot_insert" ON "subscriptions";--> statement-breakpoint
DROP TRIGGER "subscriptions_snapshot_update" ON "subscriptions";--> statement-breakpoint
DROP TRIGGER "subscriptions_snapshot_delete" ON "subscriptions";--> statement-breakpoint
DROP TRIGGER "services_snapshot_update" ON "services";--> statement-breakpoint
DROP FUNCTION "partnerkit_refresh_service_pairs"();--> statement-breakpoint
DROP FUNCTION "partnerkit_refresh_written_pairs"();--> statement-breakpoint
DROP FUNCTION "partnerkit_refresh_pairs"(uuid[], uuid[]);--> statement-breakpoint
-- A pair starts with the customer's name and domain; only those are copied now.
CREATE OR REPLACE FUNCTION partnerkit_fill_pair_snapshots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.name, c.domain INTO NEW.name, NEW.domain FROM companies c WHERE c.id = NEW.customer_id;
  RETURN NEW;
END $$;--> statement-breakpoint
DROP FUNCTION "partnerkit_delegation_snapshot"(uuid, uuid);--> statement-breakpoint
DROP FUNCTION "partnerkit_subscription_snapshot"(uuid, uuid);--> statement-breakpoint
ALTER TABLE "partner_customers" DROP COLUMN "delegation_snapshot";--> statement-breakpoint
ALTER TABLE "partner_customers" DROP COLUMN "subscription_snapshot";--> statement-breakpoint
ALTER TABLE "partner_customers" DROP COLUMN "list_item";--> statement-breakpoint
ALTER TABLE "partner_customers" DROP COLUMN "list_item_from";--> statement-breakpoint
ALTER TABLE "partner_customers" DROP COLUMN "list_item_until";
