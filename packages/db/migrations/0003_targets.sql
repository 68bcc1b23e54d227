CREATE TABLE "commune_plans" (
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"plan" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "commune_plans_year_unit_code_pk" PRIMARY KEY("year","unit_code")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"baseline_year" smallint NOT NULL,
	"deadline_year" smallint NOT NULL,
	"value" double precision NOT NULL,
	"level" text,
	"measure" text,
	"per_year" boolean DEFAULT false NOT NULL,
	"exclude_recognised" boolean DEFAULT false NOT NULL,
	"value_unit" text,
	"commune_codes" text[],
	"entered" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "targets_unit_idx" ON "targets" USING btree ("unit_code");