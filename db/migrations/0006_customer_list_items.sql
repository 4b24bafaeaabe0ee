ALTER TABLE "partner_customers" ADD COLUMN "list_item" text;--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "list_item_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "list_item_until" timestamp with time zone;--> statement-breakpoint
-- list_item is a rendering of the columns below (DESIGN.md §3, the customer list). Any write
-- that changes one of them, whichever path it comes by (the snapshot triggers of 0005, a
-- renamed customer, a change of advisor), drops the rendering, so the next page renders the row
-- again. The BFF's own write of list_item changes none of them and keeps it.
CREATE FUNCTION partnerkit_clear_list_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.list_item := NULL;
  NEW.list_item_from := NULL;
  NEW.list_item_until := NULL;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER partner_customers_list_item_clear BEFORE UPDATE ON partner_customers FOR EACH ROW
  WHEN ((OLD.partner_id, OLD.customer_id, OLD.name, OLD.domain, OLD.is_advisor, OLD.created_at, OLD.delegation_snapshot::text, OLD.subscription_snapshot::text)
    IS DISTINCT FROM (NEW.partner_id, NEW.customer_id, NEW.name, NEW.domain, NEW.is_advisor, NEW.created_at, NEW.delegation_snapshot::text, NEW.subscription_snapshot::text))
  EXECUTE FUNCTION partnerkit_clear_list_item();
