-- Answer generations (docs/decisions/0029-answer-cache-and-province-generations.md): every
-- statement that changes a row a scorecard, a summary or a dashboard is made of notes the scopes
-- of the rows it changed (their province key, or "*" for rows of no province: units, lineage,
-- village recognitions, the OCOP registry), once per scope and transaction. Rows are only
-- inserted, one per writing transaction and scope, so writers never wait on each other; the
-- generation of a set of scopes is the sum of their weights, which grows whenever a transaction
-- that changed one of them becomes visible. The schema lies outside `public`: a backup never
-- carries it and a restore never replaces it, so the restore's own inserts raise every sum.
CREATE SCHEMA IF NOT EXISTS ntm_answers;--> statement-breakpoint
CREATE TABLE ntm_answers.changes (
  id bigserial PRIMARY KEY,
  scope text NOT NULL,
  -- The writing transaction; null on a row that folds older rows together.
  tx bigint,
  weight bigint NOT NULL DEFAULT 1
);--> statement-breakpoint
CREATE UNIQUE INDEX changes_scope_tx ON ntm_answers.changes (scope, tx) INCLUDE (weight);--> statement-breakpoint
-- Folds the scope's rows older than `below` into one row of the same total weight, skipping rows
-- another fold holds: the sum every later snapshot reads is unchanged, and no writer waits.
CREATE FUNCTION ntm_answers.fold(folded text, below bigint) RETURNS void
LANGUAGE sql AS $$
  WITH gone AS (
    DELETE FROM ntm_answers.changes WHERE id IN (
      SELECT id FROM ntm_answers.changes
       WHERE scope = folded AND id < below AND tx IS DISTINCT FROM pg_current_xact_id()::text::bigint
       FOR UPDATE SKIP LOCKED)
    RETURNING weight)
  INSERT INTO ntm_answers.changes (scope, weight)
    SELECT folded, sum(weight) FROM gone HAVING count(*) > 0;
$$;--> statement-breakpoint
CREATE FUNCTION ntm_answers.note(scopes text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  noted text;
  added bigint;
BEGIN
  FOREACH noted IN ARRAY scopes LOOP
    added := NULL;
    INSERT INTO ntm_answers.changes (scope, tx) VALUES (noted, pg_current_xact_id()::text::bigint)
      ON CONFLICT DO NOTHING RETURNING id INTO added;
    IF added % 128 = 0 THEN
      PERFORM ntm_answers.fold(noted, added);
    END IF;
  END LOOP;
END $$;--> statement-breakpoint
-- TG_ARGV[0]: 'keyed' (the rows' province_code, '*' where it is empty) or 'all' ('*' alone).
CREATE FUNCTION ntm_answers.after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_ARGV[0] = 'keyed' THEN
    PERFORM ntm_answers.note(ARRAY(SELECT DISTINCT coalesce(province_code, '*') FROM new_rows));
  ELSIF EXISTS (SELECT FROM new_rows) THEN
    PERFORM ntm_answers.note(ARRAY['*']);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION ntm_answers.after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- A re-key moves rows from one province to another: both change.
  IF TG_ARGV[0] = 'keyed' THEN
    PERFORM ntm_answers.note(ARRAY(
      SELECT coalesce(province_code, '*') FROM old_rows
      UNION SELECT coalesce(province_code, '*') FROM new_rows));
  ELSIF EXISTS (SELECT FROM new_rows) THEN
    PERFORM ntm_answers.note(ARRAY['*']);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION ntm_answers.after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_ARGV[0] = 'keyed' THEN
    PERFORM ntm_answers.note(ARRAY(SELECT DISTINCT coalesce(province_code, '*') FROM old_rows));
  ELSIF EXISTS (SELECT FROM old_rows) THEN
    PERFORM ntm_answers.note(ARRAY['*']);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION ntm_answers.after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ntm_answers.note(ARRAY['*']);
  RETURN NULL;
END $$;--> statement-breakpoint
-- Statement triggers (once per statement, not per row) on every table the three answers read.
DO $$
DECLARE
  watched text[];
BEGIN
  FOREACH watched SLICE 1 IN ARRAY ARRAY[
    ['assessments', 'keyed'],
    ['assessment_values', 'keyed'],
    ['evaluation_results', 'keyed'],
    ['evaluation_criteria', 'keyed'],
    ['evidence_files', 'keyed'],
    ['targets', 'keyed'],
    ['admin_units', 'all'],
    ['unit_successors', 'all'],
    ['village_recognitions', 'all'],
    ['ocop_products', 'all'],
    ['ocop_certificates', 'all']
  ] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_answers_insert AFTER INSERT ON %1$I
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION ntm_answers.after_insert(%2$L)', watched[1], watched[2]);
    EXECUTE format('CREATE TRIGGER %1$s_answers_update AFTER UPDATE ON %1$I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION ntm_answers.after_update(%2$L)', watched[1], watched[2]);
    EXECUTE format('CREATE TRIGGER %1$s_answers_delete AFTER DELETE ON %1$I
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
      EXECUTE FUNCTION ntm_answers.after_delete(%2$L)', watched[1], watched[2]);
    EXECUTE format('CREATE TRIGGER %1$s_answers_truncate AFTER TRUNCATE ON %1$I
      FOR EACH STATEMENT EXECUTE FUNCTION ntm_answers.after_truncate()', watched[1]);
  END LOOP;
END $$;
