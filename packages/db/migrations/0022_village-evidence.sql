CREATE TABLE "village_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"set_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "village_evidence_assessment_idx" ON "village_evidence" USING btree ("unit_code","year","set_code");