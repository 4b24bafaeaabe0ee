DROP INDEX "companies_lower_name_idx";--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "domain" text;--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "sort_name" text GENERATED ALWAYS AS (lower(name)) STORED;--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || chr(10) || coalesce(domain, ''))) STORED;--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "delegation_snapshot" json DEFAULT '[]'::json NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_customers" ADD COLUMN "subscription_snapshot" json DEFAULT '[]'::json NOT NULL;--> statement-breakpoint
CREATE INDEX "partner_customers_partner_name_idx" ON "partner_customers" USING btree ("partner_id","sort_name","customer_id","search_text");--> statement-breakpoint
ALTER TABLE "companies" DROP COLUMN "search_text";;--> statement-breakpoint
-- The customer list reads each customer's delegations and subscriptions from the two snapshot
-- columns of partner_customers instead of looking both tables up for every row of a page (a page of 50 cost about
-- 250 index lookups, most of its time). These triggers keep the snapshots equal to the tables:
-- every write to delegations, subscriptions or a service's name refreshes the pairs it touched,
-- in the same transaction. Statement triggers with transition tables, so a bulk write refreshes
-- each pair once.
-- The delegations that can be the one the list shows: the active one, the open request (at most
-- one of each per pair) and the latest.
CREATE FUNCTION partnerkit_delegation_snapshot(p uuid, c uuid) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT coalesce(json_agg(json_build_object('id', d.id, 'status', d.status, 'level', d.level,
      'expiresAt', d.expires_at, 'requestExpiresAt', d.request_expires_at, 'answeredAt', d.answered_at,
      'createdAt', d.created_at) ORDER BY d.created_at DESC, d.id DESC), '[]'::json)
  FROM delegations d
  WHERE d.partner_id = p AND d.customer_id = c
    AND (d.status IN ('active', 'pending') OR d.id = (SELECT l.id FROM delegations l
      WHERE l.partner_id = p AND l.customer_id = c ORDER BY l.created_at DESC, l.id DESC LIMIT 1))
$$;--> statement-breakpoint
CREATE FUNCTION partnerkit_subscription_snapshot(p uuid, c uuid) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT coalesce(json_agg(json_build_object('sku', v.sku, 'name', v.name, 'status', s.status,
      'trialEndsAt', s.trial_ends_at) ORDER BY v.name, s.id), '[]'::json)
  FROM subscriptions s JOIN services v ON v.id = s.service_id
  WHERE s.advisor_id = p AND s.customer_id = c
$$;--> statement-breakpoint
-- Refreshes both snapshots of the given pairs (parallel arrays; repeats and unlinked pairs are fine).
CREATE FUNCTION partnerkit_refresh_pairs(partner_ids uuid[], customer_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE partner_customers pc SET
    delegation_snapshot = partnerkit_delegation_snapshot(pc.partner_id, pc.customer_id),
    subscription_snapshot = partnerkit_subscription_snapshot(pc.partner_id, pc.customer_id)
  FROM (SELECT DISTINCT * FROM unnest(partner_ids, customer_ids) AS u (partner_id, customer_id)) t
  WHERE pc.partner_id = t.partner_id AND pc.customer_id = t.customer_id
$$;--> statement-breakpoint
-- For delegations and subscriptions: the pairs in the rows the statement wrote, before and after.
-- TG_ARGV[0] names the column holding the partner (a subscription's is its advisor).
CREATE FUNCTION partnerkit_refresh_written_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written text;
BEGIN
  FOREACH written IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows']
      ELSE ARRAY['old_rows', 'new_rows'] END LOOP
    EXECUTE format('SELECT partnerkit_refresh_pairs(array_agg(%1$I), array_agg(customer_id)) FROM %2$I WHERE %1$I IS NOT NULL',
      TG_ARGV[0], written);
  END LOOP;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER delegations_snapshot_insert AFTER INSERT ON delegations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_refresh_written_pairs('partner_id');--> statement-breakpoint
CREATE TRIGGER delegations_snapshot_update AFTER UPDATE ON delegations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_refresh_written_pairs('partner_id');--> statement-breakpoint
CREATE TRIGGER delegations_snapshot_delete AFTER DELETE ON delegations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_refresh_written_pairs('partner_id');--> statement-breakpoint
CREATE TRIGGER subscriptions_snapshot_insert AFTER INSERT ON subscriptions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_refresh_written_pairs('advisor_id');--> statement-breakpoint
CREATE TRIGGER subscriptions_snapshot_update AFTER UPDATE ON subscriptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_refresh_written_pairs('advisor_id');--> statement-breakpoint
CREATE TRIGGER subscriptions_snapshot_delete AFTER DELETE ON subscriptions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_refresh_written_pairs('advisor_id');--> statement-breakpoint
-- A renamed service (or a new sku) reaches every pair subscribed to it.
CREATE FUNCTION partnerkit_refresh_service_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM partnerkit_refresh_pairs(array_agg(s.advisor_id), array_agg(s.customer_id))
  FROM subscriptions s JOIN new_rows n ON n.id = s.service_id WHERE s.advisor_id IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER services_snapshot_update AFTER UPDATE ON services REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_refresh_service_pairs();--> statement-breakpoint
-- A pair starts with the customer's name and domain, and with the delegations and subscriptions
-- written before the link.
CREATE FUNCTION partnerkit_fill_pair_snapshots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.name, c.domain INTO NEW.name, NEW.domain FROM companies c WHERE c.id = NEW.customer_id;
  NEW.delegation_snapshot := partnerkit_delegation_snapshot(NEW.partner_id, NEW.customer_id);
  NEW.subscription_snapshot := partnerkit_subscription_snapshot(NEW.partner_id, NEW.customer_id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER partner_customers_snapshot_fill BEFORE INSERT OR UPDATE OF partner_id, customer_id ON partner_customers
  FOR EACH ROW EXECUTE FUNCTION partnerkit_fill_pair_snapshots();--> statement-breakpoint
-- A renamed customer (or a new domain) is renamed in every partner's list.
CREATE FUNCTION partnerkit_copy_customer_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partner_customers pc SET name = n.name, domain = n.domain FROM new_rows n
  WHERE pc.customer_id = n.id AND (pc.name, pc.domain) IS DISTINCT FROM (n.name, n.domain);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER companies_name_copy AFTER UPDATE ON companies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_copy_customer_name();--> statement-breakpoint
UPDATE partner_customers pc SET
  name = c.name,
  domain = c.domain,
  delegation_snapshot = partnerkit_delegation_snapshot(partner_id, customer_id),
  subscription_snapshot = partnerkit_subscription_snapshot(partner_id, customer_id)
FROM companies c WHERE c.id = pc.customer_id;
