CREATE TABLE "offer_weeks" (
	"offer_id" uuid NOT NULL,
	"week" date NOT NULL,
	"redemptions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "offer_weeks_offer_id_week_pk" PRIMARY KEY("offer_id","week")
);
--> statement-breakpoint
CREATE TABLE "partner_service_totals" (
	"partner_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"trials" integer DEFAULT 0 NOT NULL,
	"paying" integer DEFAULT 0 NOT NULL,
	"paying_licenses" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "partner_service_totals_partner_id_service_id_pk" PRIMARY KEY("partner_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "partner_totals" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	"delegations_full" integer DEFAULT 0 NOT NULL,
	"delegations_limited" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_weeks" (
	"partner_id" uuid NOT NULL,
	"week" date NOT NULL,
	"signups" integer DEFAULT 0 NOT NULL,
	"trials_started" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "partner_weeks_partner_id_week_pk" PRIMARY KEY("partner_id","week")
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "trial_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "trial_offer_id" uuid;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "converted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "converted_by_offer_id" uuid;--> statement-breakpoint
ALTER TABLE "offer_weeks" ADD CONSTRAINT "offer_weeks_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_service_totals" ADD CONSTRAINT "partner_service_totals_partner_id_companies_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_service_totals" ADD CONSTRAINT "partner_service_totals_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_totals" ADD CONSTRAINT "partner_totals_partner_id_companies_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_weeks" ADD CONSTRAINT "partner_weeks_partner_id_companies_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_customer_id_companies_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_trial_offer_id_offers_id_fk" FOREIGN KEY ("trial_offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_converted_by_offer_id_offers_id_fk" FOREIGN KEY ("converted_by_offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegations_partner_active_end_idx" ON "delegations" USING btree ("partner_id","expires_at","id") WHERE "delegations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "delegations_partner_pending_idx" ON "delegations" USING btree ("partner_id","request_expires_at","id") WHERE "delegations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "delegations_partner_pending_created_idx" ON "delegations" USING btree ("partner_id","created_at","id") WHERE "delegations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "offers_customer_idx" ON "offers" USING btree ("customer_id","partner_id") WHERE "offers"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "service_requests_partner_open_idx" ON "service_requests" USING btree ("partner_id","created_at","id") WHERE "service_requests"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "subscriptions_advisor_trial_end_idx" ON "subscriptions" USING btree ("advisor_id","trial_ends_at","id") WHERE "subscriptions"."status" = 'trial';--> statement-breakpoint
CREATE INDEX "subscriptions_advisor_trial_ended_idx" ON "subscriptions" USING btree ("advisor_id","trial_ends_at","id") WHERE "subscriptions"."status" in ('trial', 'expired');--> statement-breakpoint
CREATE INDEX "subscriptions_trial_offer_idx" ON "subscriptions" USING btree ("trial_offer_id") WHERE "subscriptions"."trial_offer_id" is not null;--> statement-breakpoint
CREATE INDEX "subscriptions_converted_by_offer_idx" ON "subscriptions" USING btree ("converted_by_offer_id") WHERE "subscriptions"."converted_by_offer_id" is not null;--> statement-breakpoint
-- Trials that exist already started when their subscription was made, from the trial offer that made it.
UPDATE subscriptions s SET trial_started_at = s.created_at, trial_offer_id = o.id
FROM offers o WHERE o.id = s.offer_id AND o.kind = 'trial';--> statement-breakpoint
-- The counters start from what exists; the triggers below keep them from here on.
INSERT INTO partner_totals (partner_id, customers, delegations_full, delegations_limited)
SELECT c.id,
  (SELECT count(*) FROM partner_customers pc WHERE pc.partner_id = c.id),
  (SELECT count(*) FROM delegations d WHERE d.partner_id = c.id AND d.status = 'active' AND d.level = 'full'),
  (SELECT count(*) FROM delegations d WHERE d.partner_id = c.id AND d.status = 'active' AND d.level = 'limited')
FROM companies c WHERE c.kind = 'partner';--> statement-breakpoint
INSERT INTO partner_service_totals (partner_id, service_id, trials, paying, paying_licenses)
SELECT advisor_id, service_id, count(*) FILTER (WHERE status = 'trial'), count(*) FILTER (WHERE status = 'active'),
  coalesce(sum(licenses) FILTER (WHERE status = 'active'), 0)
FROM subscriptions WHERE advisor_id IS NOT NULL GROUP BY advisor_id, service_id;--> statement-breakpoint
INSERT INTO partner_weeks (partner_id, week, signups)
SELECT partner_id, date_trunc('week', created_at AT TIME ZONE 'UTC')::date, count(*) FROM partner_customers GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO partner_weeks AS w (partner_id, week, trials_started)
SELECT advisor_id, date_trunc('week', trial_started_at AT TIME ZONE 'UTC')::date, count(*)
FROM subscriptions WHERE advisor_id IS NOT NULL AND trial_started_at IS NOT NULL GROUP BY 1, 2
ON CONFLICT (partner_id, week) DO UPDATE SET trials_started = excluded.trials_started;--> statement-breakpoint
INSERT INTO offer_weeks (offer_id, week, redemptions)
SELECT offer_id, date_trunc('week', created_at AT TIME ZONE 'UTC')::date, count(*) FROM offer_redemptions GROUP BY 1, 2;--> statement-breakpoint
-- Statement triggers with transition tables, so a bulk write updates each counter row once.
-- Customers per partner, and new customers per week.
CREATE FUNCTION partnerkit_count_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO partner_totals AS t (partner_id, customers)
    SELECT partner_id, count(*) FROM new_rows GROUP BY partner_id
    ON CONFLICT (partner_id) DO UPDATE SET customers = t.customers + excluded.customers;
    INSERT INTO partner_weeks AS w (partner_id, week, signups)
    SELECT partner_id, date_trunc('week', created_at AT TIME ZONE 'UTC')::date, count(*) FROM new_rows GROUP BY 1, 2
    ON CONFLICT (partner_id, week) DO UPDATE SET signups = w.signups + excluded.signups;
  ELSE
    UPDATE partner_totals t SET customers = t.customers - d.n
    FROM (SELECT partner_id, count(*) AS n FROM old_rows GROUP BY partner_id) d WHERE t.partner_id = d.partner_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER partner_customers_count_insert AFTER INSERT ON partner_customers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_customers();--> statement-breakpoint
CREATE TRIGGER partner_customers_count_delete AFTER DELETE ON partner_customers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_customers();--> statement-breakpoint
-- Delegations stored as active, per partner and level: +1 for each row written so, −1 for each row that was.
CREATE FUNCTION partnerkit_count_delegations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO partner_totals AS t (partner_id, delegations_full, delegations_limited)
    SELECT partner_id, coalesce(sum(n) FILTER (WHERE level = 'full'), 0), coalesce(sum(n) FILTER (WHERE level = 'limited'), 0)
    FROM (%s) d GROUP BY partner_id
    ON CONFLICT (partner_id) DO UPDATE SET delegations_full = t.delegations_full + excluded.delegations_full,
      delegations_limited = t.delegations_limited + excluded.delegations_limited$q$,
    concat_ws(' UNION ALL ',
      CASE WHEN TG_OP <> 'DELETE' THEN 'SELECT partner_id, level, 1 AS n FROM new_rows WHERE status = ''active''' END,
      CASE WHEN TG_OP <> 'INSERT' THEN 'SELECT partner_id, level, -1 AS n FROM old_rows WHERE status = ''active''' END));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER delegations_count_insert AFTER INSERT ON delegations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_delegations();--> statement-breakpoint
CREATE TRIGGER delegations_count_update AFTER UPDATE ON delegations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_delegations();--> statement-breakpoint
CREATE TRIGGER delegations_count_delete AFTER DELETE ON delegations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_delegations();--> statement-breakpoint
-- Subscriptions per advisor and service (stored as trial, stored as active with their licenses),
-- and per advisor and week of the trial's start: trials started and, of those, converted.
CREATE FUNCTION partnerkit_count_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO partner_service_totals AS t (partner_id, service_id, trials, paying, paying_licenses)
    SELECT advisor_id, service_id, coalesce(sum(n) FILTER (WHERE status = 'trial'), 0),
      coalesce(sum(n) FILTER (WHERE status = 'active'), 0), coalesce(sum(n * licenses) FILTER (WHERE status = 'active'), 0)
    FROM (%s) s WHERE advisor_id IS NOT NULL GROUP BY advisor_id, service_id
    ON CONFLICT (partner_id, service_id) DO UPDATE SET trials = t.trials + excluded.trials, paying = t.paying + excluded.paying,
      paying_licenses = t.paying_licenses + excluded.paying_licenses$q$,
    concat_ws(' UNION ALL ',
      CASE WHEN TG_OP <> 'DELETE' THEN 'SELECT advisor_id, service_id, status, licenses, 1 AS n FROM new_rows' END,
      CASE WHEN TG_OP <> 'INSERT' THEN 'SELECT advisor_id, service_id, status, licenses, -1 AS n FROM old_rows' END));
  IF TG_OP <> 'DELETE' THEN
    EXECUTE format($q$
      INSERT INTO partner_weeks AS w (partner_id, week, trials_started, conversions)
      SELECT n.advisor_id, date_trunc('week', n.trial_started_at AT TIME ZONE 'UTC')::date,
        count(*) FILTER (WHERE o.trial_started_at IS DISTINCT FROM n.trial_started_at),
        count(*) FILTER (WHERE n.converted_at IS NOT NULL AND o.converted_at IS NULL)
      FROM new_rows n LEFT JOIN %s o ON o.id = n.id
      WHERE n.advisor_id IS NOT NULL AND n.trial_started_at IS NOT NULL
      GROUP BY 1, 2
      ON CONFLICT (partner_id, week) DO UPDATE SET trials_started = w.trials_started + excluded.trials_started,
        conversions = w.conversions + excluded.conversions$q$,
      CASE WHEN TG_OP = 'UPDATE' THEN 'old_rows'
        ELSE '(SELECT NULL::uuid AS id, NULL::timestamptz AS trial_started_at, NULL::timestamptz AS converted_at WHERE false)' END);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER subscriptions_count_insert AFTER INSERT ON subscriptions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_subscriptions();--> statement-breakpoint
CREATE TRIGGER subscriptions_count_update AFTER UPDATE ON subscriptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_subscriptions();--> statement-breakpoint
CREATE TRIGGER subscriptions_count_delete AFTER DELETE ON subscriptions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_subscriptions();--> statement-breakpoint
-- Redemptions per offer and week.
CREATE FUNCTION partnerkit_count_redemptions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO offer_weeks AS w (offer_id, week, redemptions)
  SELECT offer_id, date_trunc('week', created_at AT TIME ZONE 'UTC')::date, count(*) FROM new_rows GROUP BY 1, 2
  ON CONFLICT (offer_id, week) DO UPDATE SET redemptions = w.redemptions + excluded.redemptions;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER offer_redemptions_count_insert AFTER INSERT ON offer_redemptions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partnerkit_count_redemptions();
