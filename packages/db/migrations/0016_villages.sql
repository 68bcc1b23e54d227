CREATE TABLE "village_assessments" (
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"set_code" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"set_id" integer NOT NULL,
	"criteria_met" smallint NOT NULL,
	"criteria_total" smallint NOT NULL,
	"level" text,
	"values_entered" smallint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_assessments_year_unit_code_set_code_pk" PRIMARY KEY("year","unit_code","set_code")
);
--> statement-breakpoint
CREATE TABLE "village_recognitions" (
	"unit_code" text NOT NULL,
	"set_code" text NOT NULL,
	"status" text NOT NULL,
	"year" smallint NOT NULL,
	"report_number" text NOT NULL,
	"report_date" date NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "village_recognitions_unit_code_set_code_pk" PRIMARY KEY("unit_code","set_code")
);
--> statement-breakpoint
CREATE TABLE "village_values" (
	"unit_code" text NOT NULL,
	"year" smallint NOT NULL,
	"set_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"num_value" double precision,
	"bool_value" boolean,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "village_values_year_unit_code_set_code_indicator_code_pk" PRIMARY KEY("year","unit_code","set_code","indicator_code")
);
--> statement-breakpoint
CREATE INDEX "village_assessments_set_idx" ON "village_assessments" USING btree ("set_code","year");