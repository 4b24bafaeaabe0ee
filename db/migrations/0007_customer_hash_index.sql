DROP INDEX "partner_customers_customer_idx";--> statement-breakpoint
CREATE INDEX "partner_customers_customer_idx" ON "partner_customers" USING hash ("customer_id");