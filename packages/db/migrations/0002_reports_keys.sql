ALTER TABLE "report_submissions" ALTER COLUMN "department_code" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "report_submissions" ALTER COLUMN "department_code" SET NOT NULL;