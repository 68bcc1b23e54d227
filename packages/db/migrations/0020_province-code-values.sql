ALTER TABLE "assessment_values" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "evaluation_criteria" ADD COLUMN "province_code" text;--> statement-breakpoint
-- The two largest tables take the key of the row they belong to: a value the province of its
-- assessment, a criterion status that of its stored result (the province on 31 December of the
-- year, set by 0018). Their writers carry it from now on; no row trigger (see 0019).
UPDATE assessment_values v SET province_code = a.province_code
  FROM assessments a WHERE a.unit_code = v.unit_code AND a.year = v.year;--> statement-breakpoint
UPDATE assessment_values SET province_code = ntm_province_of(unit_code, make_date(year, 12, 31))
  WHERE province_code IS NULL;--> statement-breakpoint
UPDATE evaluation_criteria c SET province_code = r.province_code
  FROM evaluation_results r WHERE r.unit_code = c.unit_code AND r.year = c.year;--> statement-breakpoint
UPDATE evaluation_criteria SET province_code = ntm_province_of(unit_code, make_date(year, 12, 31))
  WHERE province_code IS NULL;
