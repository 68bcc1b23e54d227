CREATE TABLE "report_reminder_mails" (
	"submission_id" integer NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"recipients" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_reminder_mails" ADD CONSTRAINT "report_reminder_mails_submission_id_report_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_reminder_mails_uq" ON "report_reminder_mails" USING btree ("submission_id","kind");