ALTER TABLE "evaluation_results" ADD COLUMN "first_computed_at" timestamp with time zone;--> statement-breakpoint
-- Kept by the database for every writer (the value save, the bulk re-evaluation, imports, seeding,
-- a restore of an older backup): the first insert's computed_at; an upsert's update leaves it.
CREATE OR REPLACE FUNCTION ntm_set_first_computed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.first_computed_at IS NULL THEN
    NEW.first_computed_at := NEW.computed_at;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER evaluation_results_first_computed BEFORE INSERT ON evaluation_results
  FOR EACH ROW EXECUTE FUNCTION ntm_set_first_computed_at();--> statement-breakpoint
-- Results stored before: their computed_at is the best record left of the first day.
UPDATE evaluation_results SET first_computed_at = computed_at WHERE first_computed_at IS NULL;
