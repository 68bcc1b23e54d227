ALTER TABLE "assessment_values" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "evaluation_criteria" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD COLUMN "province_code" text;--> statement-breakpoint
-- The province of a unit as it stood on a date: its version in force then (else its latest
-- version), then up the parent chain to the province.
CREATE OR REPLACE FUNCTION ntm_province_of(unit text, as_of date) RETURNS text
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(code, parent_code, level, depth) AS (
    SELECT v.code, v.parent_code, v.level, 0
    FROM (
      SELECT code, parent_code, level FROM admin_units WHERE code = unit
      ORDER BY (valid_from <= as_of) DESC, valid_from DESC LIMIT 1
    ) v
    UNION ALL
    SELECT p.code, p.parent_code, p.level, up.depth + 1
    FROM up CROSS JOIN LATERAL (
      SELECT code, parent_code, level FROM admin_units WHERE code = up.parent_code
      ORDER BY (valid_from <= as_of) DESC, valid_from DESC LIMIT 1
    ) p
    WHERE up.level <> 'province' AND up.depth < 6
  )
  SELECT code FROM up WHERE level = 'province' LIMIT 1
$$;--> statement-breakpoint
-- Every row gets its province when written, whatever code path writes it; a given one is kept.
CREATE OR REPLACE FUNCTION ntm_set_province_by_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := ntm_province_of(NEW.unit_code, make_date(NEW.year, 12, 31));
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ntm_set_province_by_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := ntm_province_of(NEW.unit_code, NEW.period_end);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ntm_set_province_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := ntm_province_of(NEW.unit_code, DATE '9999-12-31');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER assessments_province BEFORE INSERT ON assessments
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER assessment_values_province BEFORE INSERT ON assessment_values
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER evaluation_results_province BEFORE INSERT ON evaluation_results
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER evaluation_criteria_province BEFORE INSERT ON evaluation_criteria
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER evidence_files_province BEFORE INSERT ON evidence_files
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER report_submissions_province BEFORE INSERT ON report_submissions
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_period();--> statement-breakpoint
CREATE TRIGGER targets_province BEFORE INSERT ON targets
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_latest();--> statement-breakpoint
UPDATE assessments SET province_code = ntm_province_of(unit_code, make_date(year, 12, 31));--> statement-breakpoint
UPDATE assessment_values SET province_code = ntm_province_of(unit_code, make_date(year, 12, 31));--> statement-breakpoint
UPDATE evaluation_results SET province_code = ntm_province_of(unit_code, make_date(year, 12, 31));--> statement-breakpoint
UPDATE evaluation_criteria SET province_code = ntm_province_of(unit_code, make_date(year, 12, 31));--> statement-breakpoint
UPDATE evidence_files SET province_code = ntm_province_of(unit_code, make_date(year, 12, 31));--> statement-breakpoint
UPDATE report_submissions SET province_code = ntm_province_of(unit_code, period_end);--> statement-breakpoint
UPDATE targets SET province_code = ntm_province_of(unit_code, DATE '9999-12-31');
