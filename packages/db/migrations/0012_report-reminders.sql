CREATE TABLE "report_reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"reminded_by" text NOT NULL,
	"reminded_by_unit" text NOT NULL,
	"reminded_at" timestamp with time zone NOT NULL,
	"reminded_on" date NOT NULL,
	"recipients" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_submission_id_report_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_reminders_uq" ON "report_reminders" USING btree ("submission_id","reminded_on");