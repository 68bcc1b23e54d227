CREATE TABLE "obstacle_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"obstacle_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"username" text NOT NULL,
	"action" text NOT NULL,
	"from_holder" text,
	"to_holder" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obstacles" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"criterion_codes" text[] DEFAULT '{}' NOT NULL,
	"indicator_codes" text[] DEFAULT '{}' NOT NULL,
	"plan_item" text,
	"department_code" text,
	"status" text DEFAULT 'open' NOT NULL,
	"holder" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"raised_by" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"answer" text
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"type_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"period_label" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"unit_code" text NOT NULL,
	"department_code" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"snapshot" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_on" date,
	"submitted_by" text,
	"return_reason" text,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"cadence" text NOT NULL,
	"due_rule" jsonb NOT NULL,
	"submitter_level" text NOT NULL,
	"receiver_unit_code" text NOT NULL,
	"legal_basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "report_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "obstacle_events" ADD CONSTRAINT "obstacle_events_obstacle_id_obstacles_id_fk" FOREIGN KEY ("obstacle_id") REFERENCES "public"."obstacles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_type_id_report_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."report_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "obstacle_events_obstacle_idx" ON "obstacle_events" USING btree ("obstacle_id");--> statement-breakpoint
CREATE INDEX "obstacles_unit_idx" ON "obstacles" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "obstacles_status_idx" ON "obstacles" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_uq" ON "report_submissions" USING btree ("type_id","period_key","unit_code","department_code");--> statement-breakpoint
CREATE INDEX "report_submissions_period_idx" ON "report_submissions" USING btree ("period_key");