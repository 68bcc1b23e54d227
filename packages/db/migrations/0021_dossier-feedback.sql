CREATE TABLE "dossier_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"unit_code" text NOT NULL,
	"province_code" text NOT NULL,
	"author_name" text,
	"contact" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"hide_reason" text,
	"moderated_at" timestamp with time zone,
	"moderated_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_rate_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_feedback" ADD CONSTRAINT "dossier_feedback_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_feedback_dossier_idx" ON "dossier_feedback" USING btree ("dossier_id","status");--> statement-breakpoint
CREATE INDEX "dossier_feedback_province_idx" ON "dossier_feedback" USING btree ("province_code","status");