ALTER TABLE "audit_log" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "recognised_levels" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "commune_plans" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "unit_boundaries" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "obstacle_events" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "obstacles" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "report_reminder_mails" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "village_assessments" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "village_evidence" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "village_recognitions" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "village_values" ADD COLUMN "province_code" text;--> statement-breakpoint
-- The rule of the province key (docs/decisions/0023-sharding-key-province-code.md), table by
-- table: the date on which the province that held the row's unit is read. One place, used by the
-- backfill below, by `ntm restore` (rows of a backup taken before a key existed) and by the unit
-- imports when a reorganisation changes which province holds a unit from a date.
CREATE OR REPLACE FUNCTION ntm_key_provinces(since date, only_missing boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  keyed text[];
BEGIN
  FOREACH keyed SLICE 1 IN ARRAY ARRAY[
    ['assessments', 'make_date(year, 12, 31)'],
    ['evaluation_results', 'make_date(year, 12, 31)'],
    ['assessment_values', 'make_date(year, 12, 31)'],
    ['evaluation_criteria', 'make_date(year, 12, 31)'],
    ['evidence_files', 'make_date(year, 12, 31)'],
    ['dossiers', 'make_date(year, 12, 31)'],
    ['recognised_levels', 'make_date(year, 12, 31)'],
    ['commune_plans', 'make_date(year, 12, 31)'],
    ['village_values', 'make_date(year, 12, 31)'],
    ['village_assessments', 'make_date(year, 12, 31)'],
    ['village_evidence', 'make_date(year, 12, 31)'],
    ['report_submissions', 'period_end'],
    ['obstacles', '(raised_at AT TIME ZONE ''Asia/Ho_Chi_Minh'')::date'],
    ['audit_log', '(at AT TIME ZONE ''Asia/Ho_Chi_Minh'')::date'],
    ['targets', 'DATE ''9999-12-31'''],
    ['village_recognitions', 'DATE ''9999-12-31'''],
    ['unit_boundaries', 'DATE ''9999-12-31''']
  ] LOOP
    EXECUTE format(
      'UPDATE %1$I x SET province_code = k.province_code
         FROM (SELECT unit_code, as_of, ntm_province_of(unit_code, as_of) AS province_code
                 FROM (SELECT DISTINCT unit_code, %2$s AS as_of FROM %1$I
                        WHERE unit_code IS NOT NULL AND %2$s >= $1
                          AND (NOT $2 OR province_code IS NULL)) pairs) k
        WHERE x.unit_code = k.unit_code AND %2$s = k.as_of
          AND x.province_code IS DISTINCT FROM k.province_code',
      keyed[1], keyed[2]) USING since, only_missing;
  END LOOP;
  -- Rows that belong to another row take its key, so that they sit on its shard.
  UPDATE dossier_events x SET province_code = p.province_code FROM dossiers p
    WHERE p.id = x.dossier_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE dossier_documents x SET province_code = p.province_code FROM dossiers p
    WHERE p.id = x.dossier_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE obstacle_events x SET province_code = p.province_code FROM obstacles p
    WHERE p.id = x.obstacle_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE report_reminders x SET province_code = p.province_code FROM report_submissions p
    WHERE p.id = x.submission_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE report_reminder_mails x SET province_code = p.province_code FROM report_submissions p
    WHERE p.id = x.submission_id AND x.province_code IS DISTINCT FROM p.province_code;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ntm_set_province_by_raised_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := ntm_province_of(NEW.unit_code,
      (NEW.raised_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ntm_set_province_of_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := (SELECT province_code FROM dossiers WHERE id = NEW.dossier_id);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ntm_set_province_of_obstacle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := (SELECT province_code FROM obstacles WHERE id = NEW.obstacle_id);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ntm_set_province_of_submission() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_code IS NULL THEN
    NEW.province_code := (SELECT province_code FROM report_submissions WHERE id = NEW.submission_id);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
-- One row per dossier, obstacle, plan, village value or reminder: a row trigger is cheap here, and
-- it keys every writer (services, imports, seeding) without each naming the column.
CREATE TRIGGER dossiers_province BEFORE INSERT ON dossiers
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER recognised_levels_province BEFORE INSERT ON recognised_levels
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER commune_plans_province BEFORE INSERT ON commune_plans
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER village_values_province BEFORE INSERT ON village_values
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER village_assessments_province BEFORE INSERT ON village_assessments
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER village_evidence_province BEFORE INSERT ON village_evidence
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_year();--> statement-breakpoint
CREATE TRIGGER village_recognitions_province BEFORE INSERT ON village_recognitions
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_latest();--> statement-breakpoint
CREATE TRIGGER unit_boundaries_province BEFORE INSERT ON unit_boundaries
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_latest();--> statement-breakpoint
CREATE TRIGGER obstacles_province BEFORE INSERT ON obstacles
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_by_raised_day();--> statement-breakpoint
CREATE TRIGGER dossier_events_province BEFORE INSERT ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_of_dossier();--> statement-breakpoint
CREATE TRIGGER dossier_documents_province BEFORE INSERT ON dossier_documents
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_of_dossier();--> statement-breakpoint
CREATE TRIGGER obstacle_events_province BEFORE INSERT ON obstacle_events
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_of_obstacle();--> statement-breakpoint
CREATE TRIGGER report_reminders_province BEFORE INSERT ON report_reminders
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_of_submission();--> statement-breakpoint
CREATE TRIGGER report_reminder_mails_province BEFORE INSERT ON report_reminder_mails
  FOR EACH ROW EXECUTE FUNCTION ntm_set_province_of_submission();--> statement-breakpoint
SELECT ntm_key_provinces('-infinity', true);
