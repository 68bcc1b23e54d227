CREATE TABLE "dossier_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"year" smallint NOT NULL,
	"deadline" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"step_code" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"username" text NOT NULL,
	"role" text NOT NULL,
	"type" text NOT NULL,
	"step" text,
	"round" smallint NOT NULL,
	"payload" jsonb
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"unit_level" text NOT NULL,
	"year" smallint NOT NULL,
	"requested_level" text NOT NULL,
	"batch_id" integer,
	"regime_code" text NOT NULL,
	"status" text NOT NULL,
	"current_step" text NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_contacts" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"email" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognised_levels" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"level" text NOT NULL,
	"year" smallint NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"dossier_id" integer,
	"ended_on" date,
	"end_reason" text,
	"revoked_by_decision" text,
	"revocation_dossier_id" integer,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_batch_id_dossier_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."dossier_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognised_levels" ADD CONSTRAINT "recognised_levels_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognised_levels" ADD CONSTRAINT "recognised_levels_revocation_dossier_id_dossiers_id_fk" FOREIGN KEY ("revocation_dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_documents_dossier_idx" ON "dossier_documents" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","id");--> statement-breakpoint
CREATE INDEX "dossiers_unit_idx" ON "dossiers" USING btree ("unit_code","year");--> statement-breakpoint
CREATE INDEX "dossiers_batch_idx" ON "dossiers" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "recognised_levels_unit_idx" ON "recognised_levels" USING btree ("unit_code","decision_date");