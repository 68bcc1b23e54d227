CREATE TABLE "ocop_certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"commune_code" text NOT NULL,
	"score_a" double precision NOT NULL,
	"score_b" double precision NOT NULL,
	"score_c" double precision NOT NULL,
	"total" double precision NOT NULL,
	"stars" smallint NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"issuer" text NOT NULL,
	"issuer_level" text NOT NULL,
	"expires_on" date NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"revoke_decision" text,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"certificate_id" integer,
	"at" timestamp with time zone NOT NULL,
	"username" text NOT NULL,
	"action" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "ocop_notices" (
	"certificate_id" integer PRIMARY KEY NOT NULL,
	"sent_on" date NOT NULL,
	"recipients" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_products" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"producer_kind" text NOT NULL,
	"producer_name" text NOT NULL,
	"producer_email" text,
	"group_code" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "min_stars" smallint;--> statement-breakpoint
ALTER TABLE "ocop_certificates" ADD CONSTRAINT "ocop_certificates_product_id_ocop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ocop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_events" ADD CONSTRAINT "ocop_events_product_id_ocop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ocop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_notices" ADD CONSTRAINT "ocop_notices_certificate_id_ocop_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."ocop_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ocop_certificates_product_idx" ON "ocop_certificates" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "ocop_certificates_expiry_idx" ON "ocop_certificates" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "ocop_events_product_idx" ON "ocop_events" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ocop_products_uq" ON "ocop_products" USING btree ("province_code","name","producer_name");--> statement-breakpoint
CREATE INDEX "ocop_products_commune_idx" ON "ocop_products" USING btree ("commune_code");