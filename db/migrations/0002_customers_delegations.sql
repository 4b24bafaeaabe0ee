ALTER TABLE "companies" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || chr(10) || coalesce(domain, ''))) STORED;--> statement-breakpoint
CREATE INDEX "companies_lower_name_idx" ON "companies" USING btree (lower("name"),"id","search_text","name","domain");--> statement-breakpoint
CREATE INDEX "delegations_partner_status_idx" ON "delegations" USING btree ("partner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_one_pending_key" ON "delegations" USING btree ("partner_id","customer_id") WHERE "delegations"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_one_active_key" ON "delegations" USING btree ("partner_id","customer_id") WHERE "delegations"."status" = 'active';