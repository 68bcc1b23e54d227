CREATE TABLE "admin_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"region" text,
	"commune_group" text,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"assessed" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_values" (
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"indicator_code" text NOT NULL,
	"num_value" double precision,
	"bool_value" boolean,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "assessment_values_year_unit_code_indicator_code_pk" PRIMARY KEY("year","unit_code","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "assessments_unit_code_year_pk" PRIMARY KEY("unit_code","year")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_key" text NOT NULL,
	"unit_code" text,
	"old_value" jsonb,
	"new_value" jsonb
);
--> statement-breakpoint
CREATE TABLE "criteria_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"unit_level" text NOT NULL,
	"from_year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"province_code" text,
	"definition" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_criteria" (
	"department_id" integer NOT NULL,
	"set_code" text NOT NULL,
	"criterion_code" text NOT NULL,
	CONSTRAINT "department_criteria_department_id_set_code_criterion_code_pk" PRIMARY KEY("department_id","set_code","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "evaluation_criteria" (
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"criterion_code" text NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "evaluation_criteria_year_unit_code_criterion_code_pk" PRIMARY KEY("year","unit_code","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "evaluation_results" (
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"set_id" integer NOT NULL,
	"criteria_met" smallint NOT NULL,
	"criteria_total" smallint NOT NULL,
	"level" text,
	"values_entered" smallint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_results_year_unit_code_pk" PRIMARY KEY("year","unit_code")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"indicator_code" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_successors" (
	"predecessor_code" text NOT NULL,
	"successor_code" text NOT NULL,
	"effective_date" date NOT NULL,
	CONSTRAINT "unit_successors_predecessor_code_successor_code_pk" PRIMARY KEY("predecessor_code","successor_code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"unit_code" text NOT NULL,
	"department_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "department_criteria" ADD CONSTRAINT "department_criteria_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_set_id_criteria_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_units_code_valid_from_uq" ON "admin_units" USING btree ("code","valid_from");--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "audit_log_unit_idx" ON "audit_log" USING btree ("unit_code","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_key");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_sets_code_version_uq" ON "criteria_sets" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "evaluation_results_unit_idx" ON "evaluation_results" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "evidence_files_assessment_idx" ON "evidence_files" USING btree ("unit_code","year");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");